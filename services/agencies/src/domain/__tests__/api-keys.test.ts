import { apiKeyDisplayPrefix, generateApiKey, hashApiKey, looksLikeApiKey } from '../api-keys';

describe('Open311 API keys', () => {
  it('are random, well-shaped and hashed to 64 hex characters', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).not.toBe(b);
    expect(looksLikeApiKey(a)).toBe(true);
    expect(hashApiKey(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(a)).toBe(hashApiKey(a));
    expect(hashApiKey(a)).not.toBe(hashApiKey(b));
    expect(apiKeyDisplayPrefix(a)).toHaveLength(11);
    expect(a.startsWith(apiKeyDisplayPrefix(a))).toBe(true);
  });

  it('rejects anything not shaped like a key', () => {
    for (const bad of ['', 'p311_', 'x'.repeat(48), `p311_${'a'.repeat(42)}`, `p311_${'a'.repeat(42)}!`, null, 42]) {
      expect(looksLikeApiKey(bad)).toBe(false);
    }
  });
});
