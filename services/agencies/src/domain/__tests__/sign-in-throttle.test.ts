import { LimiterFactory, pingRedis } from '@pantau/common';
import { testRedisUrl, uniqueName } from '@pantau/testing';
import { DEFAULT_SIGN_IN_LIMITS, emailCountingKey, normaliseEmail, SignInThrottle, signInLimitsFromEnv, type SignInLimits } from '../sign-in-throttle';

describe('normaliseEmail', () => {
  it.each([
    ['  Admin@KukarKab.go.id \n', 'admin@kukarkab.go.id'],
    ['ＡＤＭＩＮ＠kukarkab.go.id', 'admin@kukarkab.go.id'], // full-width (NFKC)
    ['\u3000admin@kukarkab.go.id\u3000', 'admin@kukarkab.go.id'], // ideographic spaces become spaces, then trimmed
    ['ANDRE\u0301@x.id', 'andré@x.id'], // combining accent composed
  ])('%j → %j', (raw, want) => {
    expect(normaliseEmail(raw)).toBe(want);
  });
});

describe('emailCountingKey', () => {
  it('counts accent and case variants of one email together', () => {
    const k = emailCountingKey('andre@x.id');
    for (const v of ['André@X.id', 'ANDRÉ@x.id', 'andre\u0301@x.id', ' ａｎｄｒｅ@x.id ']) expect(emailCountingKey(v)).toBe(k);
    expect(emailCountingKey('andrea@x.id')).not.toBe(k);
  });
  it('has a fixed length whatever was typed and does not contain the email', () => {
    const k = emailCountingKey('a'.repeat(100_000) + '@x.id');
    expect(k).toHaveLength(32);
    expect(emailCountingKey('admin@kukarkab.go.id')).not.toContain('admin');
  });
});

describe('signInLimitsFromEnv', () => {
  it('reads "<points>/<seconds>" and keeps the old failure-count variable', () => {
    expect(signInLimitsFromEnv({})).toEqual(DEFAULT_SIGN_IN_LIMITS);
    expect(signInLimitsFromEnv({ PANTAU_RATE_LIMIT_SIGNIN_ACCOUNT: '3/60', PANTAU_RATE_LIMIT_SIGNIN_ADDRESS: '50' })).toEqual({
      perAddressAccount: { points: 3, durationSeconds: 60 },
      perAddress: { points: 50, durationSeconds: 3600 },
    });
    expect(signInLimitsFromEnv({ PANTAU_SIGNIN_MAX_FAILURES: '7' }).perAddressAccount).toEqual({ points: 7, durationSeconds: 900 });
    expect(() => signInLimitsFromEnv({ PANTAU_RATE_LIMIT_SIGNIN_ADDRESS: 'lots' })).toThrow(/PANTAU_RATE_LIMIT_SIGNIN_ADDRESS/);
  });
});

const LIMITS: SignInLimits = { perAddressAccount: { points: 5, durationSeconds: 600 }, perAddress: { points: 12, durationSeconds: 600 } };

function throttleContract(label: string, makeFactory: () => LimiterFactory | Promise<LimiterFactory>, enabled: () => boolean = () => true) {
  describe(`SignInThrottle (${label})`, () => {
    let throttle: SignInThrottle;
    beforeEach(async () => {
      if (enabled()) throttle = new SignInThrottle(await makeFactory(), LIMITS);
    });
    afterEach(async () => {
      if (enabled()) await throttle.close();
    });
    const owner = emailCountingKey('pimpinan@kukarkab.go.id');

    it('lets exactly the budget through when 20 attempts arrive at once', async () => {
      if (!enabled()) return;
      const results = await Promise.all(Array.from({ length: 20 }, () => throttle.attempt('203.0.113.7', owner)));
      expect(results.filter((r) => 'attempt' in r)).toHaveLength(5);
      const refused = results.filter((r) => 'refusal' in r);
      expect(refused).toHaveLength(15);
      for (const r of refused) {
        if (!('refusal' in r)) throw new Error('unreachable');
        expect(r.refusal.limit).toBe('signIn');
        expect(r.refusal.retryAfterSeconds).toBeGreaterThan(500);
        expect(r.refusal.retryAfterSeconds).toBeLessThanOrEqual(600);
      }
    });

    it('still lets the owner in from another address while the attacker is refused', async () => {
      if (!enabled()) return;
      for (let i = 0; i < 5; i++) expect('attempt' in (await throttle.attempt('203.0.113.7', owner))).toBe(true);
      expect('refusal' in (await throttle.attempt('203.0.113.7', owner))).toBe(true);
      const mine = await throttle.attempt('198.51.100.20', owner);
      expect('attempt' in mine).toBe(true);
    });

    it('counts one IPv6 /64 as one address', async () => {
      if (!enabled()) return;
      for (let i = 0; i < 5; i++) expect('attempt' in (await throttle.attempt(`2001:db8:1:2::${i + 1}`, owner))).toBe(true);
      expect('refusal' in (await throttle.attempt('2001:db8:1:2:ffff::9', owner))).toBe(true);
      expect('attempt' in (await throttle.attempt('2001:db8:1:3::1', owner))).toBe(true);
    });

    it('stops one password sprayed over many accounts from one address', async () => {
      if (!enabled()) return;
      const outcomes: boolean[] = [];
      for (let i = 0; i < 30; i++) outcomes.push('attempt' in (await throttle.attempt('192.0.2.50', emailCountingKey(`user${i}@kukarkab.go.id`))));
      expect(outcomes.filter(Boolean)).toHaveLength(12);
      expect(outcomes.slice(12).every((ok) => !ok)).toBe(true);
      // a different address is unaffected
      expect('attempt' in (await throttle.attempt('192.0.2.51', emailCountingKey('user0@kukarkab.go.id')))).toBe(true);
    });

    it('forgets the account failures on success, but gives the address back only its own point', async () => {
      if (!enabled()) return;
      const ip = '192.0.2.77';
      for (let i = 0; i < 4; i++) await throttle.attempt(ip, owner);
      const ok = await throttle.attempt(ip, owner);
      if (!('attempt' in ok)) throw new Error('expected an attempt');
      await throttle.succeeded(ok.attempt);
      // the account's counter for this address is empty again…
      for (let i = 0; i < 5; i++) expect('attempt' in (await throttle.attempt(ip, owner))).toBe(true);
      // …but the address has spent 4 + 5 = 9 of 12 (the success gave back its own point only)
      const other = emailCountingKey('someone@kukarkab.go.id');
      const rest: boolean[] = [];
      for (let i = 0; i < 5; i++) rest.push('attempt' in (await throttle.attempt(ip, other)));
      expect(rest).toEqual([true, true, true, false, false]);
    });
  });
}

throttleContract('memory', () => new LimiterFactory({ redisUrl: null }));

describe('with Redis', () => {
  const url = testRedisUrl();
  let available = false;
  beforeAll(async () => {
    available = await pingRedis(url);
    if (!available && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but Redis does not answer at ${url}`);
    if (!available) console.warn(`Redis does not answer at ${url}: Redis sign-in throttle tests skipped`);
  });
  const redisFactory = async (prefix = uniqueName('rl')) => {
    const f = new LimiterFactory({ redisUrl: url, prefix });
    expect(await f.whenReady()).toBe(true);
    return f;
  };

  describe('contract', () => {
    throttleContract('redis', () => redisFactory(), () => available);
  });

  it('shares counts between two instances on one Redis', async () => {
    if (!available) return;
    const prefix = uniqueName('rl');
    const a = new SignInThrottle(await redisFactory(prefix), LIMITS);
    const b = new SignInThrottle(await redisFactory(prefix), LIMITS);
    try {
      const key = emailCountingKey('admin@kukarkab.go.id');
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).attempt('203.0.113.9', key)));
      expect(results.filter((r) => 'attempt' in r)).toHaveLength(5);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
