/**
 * @jest-environment node
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatError } from '@pantau/contract';
import { uploadAttachment, UploadError } from '../attachments';

/** A real HTTP server answering every upload with the given status and body. */
async function serverAnswering(status: number, body: string, contentType = 'application/json') {
  const srv = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': contentType });
      res.end(body);
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/attachments`, close: () => new Promise((r) => srv.close(r)) };
}

const file = () => new File(['%PDF-1.7'], 'surat.pdf', { type: 'application/pdf' });

async function refusal(status: number, body: string, lang: 'id' | 'en', contentType?: string): Promise<UploadError> {
  const srv = await serverAnswering(status, body, contentType);
  try {
    await uploadAttachment(file(), { token: null, lang, url: srv.url });
    throw new Error('expected a refusal');
  } catch (err) {
    expect(err).toBeInstanceOf(UploadError);
    return err as UploadError;
  } finally {
    await srv.close();
  }
}

const shared = JSON.stringify({
  errors: [{ message: 'server text, never shown', extensions: { code: 'PAYLOAD_TOO_LARGE', reason: 'FILE', limit: 10485760 } }],
});

test('reads the shared JSON error shape and translates it by code, reason and parameters (numbers in the language’s format)', async () => {
  const id = await refusal(413, shared, 'id');
  const expected = (lang: 'id' | 'en', limit: string) => formatError(lang, { code: 'PAYLOAD_TOO_LARGE', reason: 'FILE', limit });
  expect([id.message, id.code, id.status]).toEqual([expected('id', '10.485.760'), 'PAYLOAD_TOO_LARGE', 413]);
  expect(id.message).toContain('10.485.760');
  const en = await refusal(413, shared, 'en');
  expect([en.message, en.code]).toEqual([expected('en', '10,485,760'), 'PAYLOAD_TOO_LARGE']);
});

test('falls back to the HTTP status for an answer that is not the JSON shape', async () => {
  const html = await refusal(502, '<html>Bad gateway</html>', 'id', 'text/html');
  expect([html.message, html.code, html.status]).toEqual(['HTTP 502', 'HTTP_502', 502]);
  const old = await refusal(400, JSON.stringify({ error: { code: 'X', message: 'old shape' } }), 'en');
  expect([old.message, old.code]).toEqual(['HTTP 400', 'HTTP_400']);
});

test('returns the stored attachment on success', async () => {
  const srv = await serverAnswering(201, JSON.stringify({ id: 'a1', filename: 'surat.pdf', contentType: 'application/pdf', size: 8, url: '/attachments/a1' }));
  try {
    expect(await uploadAttachment(file(), { token: 't', lang: 'id', url: srv.url })).toEqual({
      id: 'a1',
      filename: 'surat.pdf',
      contentType: 'application/pdf',
      size: 8,
      url: '/attachments/a1',
    });
  } finally {
    await srv.close();
  }
});
