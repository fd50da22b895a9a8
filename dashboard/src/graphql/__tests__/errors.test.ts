import { CombinedError } from 'urql';
import { ERROR_CODES, ERROR_PARAM_NAMES } from '@pantau/contract';
import { classifyError, errorMessage, ownServiceDown } from '../errors';
import { formErrors } from '../formErrors';

const unavailable = (service: string, path: (string | number)[]) =>
  new CombinedError({ graphQLErrors: [{ message: `The ${service} service could not be reached`, path, extensions: { code: 'SUBGRAPH_UNAVAILABLE', service } } as any] });

describe('ownServiceDown', () => {
  it("is true only when the panel's own subgraph did not answer", () => {
    const analyticsDown = unavailable('analytics', ['region', 'reportStats']);
    expect(ownServiceDown(analyticsDown, 'analytics')).toBe(true);
    expect(ownServiceDown(analyticsDown, 'registry')).toBe(false);
    expect(ownServiceDown(analyticsDown, 'reports')).toBe(false);
    expect(ownServiceDown(unavailable('agencies', ['reports', 'edges', 0, 'node', 'agency', 'name']), 'registry')).toBe(true);
    expect(ownServiceDown(unavailable('agencies', ['reports', 'edges', 0, 'node', 'agency', 'name']), 'reports')).toBe(false);
    expect(ownServiceDown(undefined, 'analytics')).toBe(false);
  });

  it('classifies an unavailable subgraph as a service problem', () => {
    expect(classifyError(unavailable('analytics', ['analyticsOverview']))).toBe('service');
  });
});

describe('errors are translated by code with the contract catalogue', () => {
  /** Example parameters by name (numbers where the catalogue formats numbers). */
  const sample = (name: string): unknown =>
    ({ field: 'title', min: 5, max: 2000, limit: 1000, found: 1200, retryAfterSeconds: 60, retryAfterMinutes: 1, limitMs: 5000, status: 'COMPLETED', action: 'REOPEN', allowed: 'ADMIN', service: 'analytics', missing: ['database'], days: 14, currentVersion: 4, prunedThrough: 10 })[name] ?? `x-${name}`;
  const refusal = (extensions: Record<string, unknown>) =>
    new CombinedError({ graphQLErrors: [{ message: 'server text, never shown', extensions } as never] });

  it('every code of ERROR_CODES (and every reason) renders in both languages in the dashboard, never as the server text', () => {
    const keys = Object.keys(ERROR_PARAM_NAMES) as (keyof typeof ERROR_PARAM_NAMES)[];
    for (const code of ERROR_CODES) expect(keys).toContain(code);
    for (const key of keys) {
      const [code, reason] = key.split('.');
      const params = Object.fromEntries(ERROR_PARAM_NAMES[key].map((n: string) => [n, sample(n)]));
      const extensions = { code, ...(reason ? { reason } : {}), ...params };
      const id = formErrors(refusal(extensions), 'id').summary;
      const en = formErrors(refusal(extensions), 'en').summary;
      for (const text of [id, en]) {
        expect([key, typeof text === 'string' && text.length > 0]).toEqual([key, true]);
        expect([key, text!.includes('{') || text!.includes('server text')]).toEqual([key, false]);
      }
      expect([key, id !== en]).toEqual([key, true]);
    }
  });

  it('numbers are written in the language’s format, fields by their label', () => {
    const e = refusal({ code: 'BAD_USER_INPUT', reason: 'TOO_SHORT', field: 'body', min: 20, max: 5000 });
    expect(formErrors(e, 'id').summary).toContain('20–5.000');
    expect(formErrors(e, 'en').summary).toContain('20–5,000');
    expect(formErrors(e, 'id').fields).toEqual({ body: formErrors(e, 'id').summary });
  });

  it('a network failure is the dashboard’s own message, not the browser’s English', () => {
    const e = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(formErrors(e, 'id')).toEqual({ fields: {}, summary: 'Gateway tidak dapat dihubungi. Periksa koneksi atau coba beberapa saat lagi.', code: 'network' });
    expect(errorMessage(e, 'id')).toBe('Gateway tidak dapat dihubungi. Periksa koneksi atau coba beberapa saat lagi.');
  });
});
