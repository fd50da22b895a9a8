import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { AppError, badInput, currentLang, DEFAULT_LANG, localizeError, requestLang, requestLanguage } from '../errors';
import { sendAppError, sendJsonError } from '../http-errors';

describe('the language of an answer', () => {
  test('Accept-Language: the supported language with the highest q; English when none is named', () => {
    expect(DEFAULT_LANG).toBe('en');
    expect(requestLang(undefined)).toBe('en');
    expect(requestLang('')).toBe('en');
    expect(requestLang('fr-FR, de;q=0.8')).toBe('en');
    expect(requestLang('id')).toBe('id');
    expect(requestLang('id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('id');
    expect(requestLang('in')).toBe('id');
    expect(requestLang('en-GB,id;q=0.5')).toBe('en');
    expect(requestLang('en;q=0.3, id;q=0.9')).toBe('id');
    expect(requestLang('*')).toBe('en');
    expect(requestLang(['id;q=0.1', 'en;q=0.2'])).toBe('en');
  });

  test('an error thrown in a request is written in its language, with the Indonesian messageId', async () => {
    const app = express();
    app.use(requestLanguage());
    app.get('/thrown', (_req, res) => {
      const err = badInput('TOO_SHORT', { field: 'title', min: 5, max: 200 });
      res.json({ lang: currentLang(), message: err.message, extensions: err.extensions });
    });
    app.get('/sent', (_req, res) => sendJsonError(res, 404, 'NOT_FOUND.TRACKING_ID', {}));
    app.get('/app-error', (_req, res) => sendAppError(res, new AppError('UNAUTHENTICATED.SESSION_INVALID', {}, { httpStatus: 401 })));
    const server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (p: string, lang?: string) => {
      const res = await fetch(base + p, { headers: lang ? { 'accept-language': lang } : {} });
      return { status: res.status, body: (await res.json()) as any };
    };
    try {
      const id = await get('/thrown', 'id-ID,id;q=0.9');
      expect(id.body).toMatchObject({
        lang: 'id',
        message: 'Judul harus 5–200 karakter.',
        extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_SHORT', field: 'title', min: 5, max: 200, messageId: 'Judul harus 5–200 karakter.' },
      });
      const en = await get('/thrown');
      expect(en.body).toMatchObject({ lang: 'en', message: 'Title must be 5–200 characters long.', extensions: { messageId: 'Judul harus 5–200 karakter.' } });
      expect((await get('/sent', 'id')).body.errors[0]).toEqual({
        message: 'Tidak ada laporan dengan nomor pelacakan ini.',
        extensions: { code: 'NOT_FOUND', reason: 'TRACKING_ID', messageId: 'Tidak ada laporan dengan nomor pelacakan ini.' },
      });
      expect((await get('/sent', 'en')).body.errors[0].message).toBe('No report with that tracking ID.');
      const session = await get('/app-error', 'id');
      expect(session.status).toBe(401);
      expect(session.body.errors[0]).toEqual({
        message: 'Sesi Anda tidak berlaku lagi. Silakan masuk kembali.',
        extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_INVALID', messageId: 'Sesi Anda tidak berlaku lagi. Silakan masuk kembali.' },
      });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  test("GraphQL's own errors keep their text as detail; foreign codes pass unchanged; nothing doubles on a second pass", () => {
    const once = localizeError({ message: 'Cannot query field "x" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, 'id');
    expect(once).toEqual({
      message: 'Kueri GraphQL tidak sesuai dengan skema: Cannot query field "x" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'GRAPHQL', detail: 'Cannot query field "x" on type "Query".', messageId: once.message },
    });
    expect(localizeError(once, 'id')).toEqual(once);
    expect(localizeError(once, 'en').message).toBe('Cannot query field "x" on type "Query".');
    const foreign = { message: 'as it was', extensions: { code: 'SOMETHING_ELSE' } };
    expect(localizeError(foreign, 'id')).toBe(foreign);
  });
});
