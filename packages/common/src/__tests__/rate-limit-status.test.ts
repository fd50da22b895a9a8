import { wholeOperationRetryAfter } from '../rate-limit';

describe('wholeOperationRetryAfter', () => {
  const limited = (s: unknown) => ({ message: 'Too many', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: s } });

  it('is the largest hint when no data came back', () => {
    expect(wholeOperationRetryAfter({ data: null, errors: [limited(3), limited(12)] })).toBe(12);
    expect(wholeOperationRetryAfter({ errors: [limited(7)] })).toBe(7);
    expect(wholeOperationRetryAfter({ data: { signIn: null }, errors: [limited(2.2)] })).toBe(3);
  });

  it('is null for partial answers, other codes, or a refusal without a hint', () => {
    expect(wholeOperationRetryAfter({ data: { ok: 'x', signIn: null }, errors: [limited(5)] })).toBeNull();
    expect(wholeOperationRetryAfter({ data: null, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] })).toBeNull();
    expect(wholeOperationRetryAfter({ data: null, errors: [limited('5')] })).toBeNull();
    expect(wholeOperationRetryAfter({ data: { a: 1 } })).toBeNull();
  });
});
