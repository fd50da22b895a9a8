import { createTestStore, type TestStore } from '@pantau/testing';
import { scopeOf } from '../domain/scope';
import { AnalyticsService, AnswerCache, analyticsCacheMs } from '../service/analytics-service';
import { AnalyticsStore } from '../storage/store';
import { scenarioEvents } from './support/scenario';

/**
 * Issue 11: per-scope analytics answers are reused while nothing was written and for at most
 * PANTAU_ANALYTICS_CACHE_MS (default 1 s), so a page whose operations share a scope, and many viewers of
 * the same page, compute each figure once; every applied batch invalidates them.
 */
describe('AnswerCache', () => {
  it('reuses an answer for the same key and version within the TTL only', async () => {
    const cache = new AnswerCache(1000);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get('a', 1, 10_000, compute)).toBe(1);
    expect(await cache.get('a', 1, 10_500, compute)).toBe(1);
    expect(await cache.get('b', 1, 10_500, compute)).toBe(2); // other key
    expect(await cache.get('a', 2, 10_600, compute)).toBe(3); // a write happened
    expect(await cache.get('a', 2, 11_700, compute)).toBe(4); // older than the TTL
    expect(await cache.get('a', 2, 11_600, compute)).toBe(5); // clock went back
    expect(await new AnswerCache(0).get('a', 1, 0, compute)).toBe(6); // off
  });
  it('shares one computation between concurrent requests and forgets failures', async () => {
    const cache = new AnswerCache(1000);
    let computed = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++computed), 20));
    expect(await Promise.all([cache.get('k', 1, 0, slow), cache.get('k', 1, 1, slow)])).toEqual([1, 1]);
    await expect(cache.get('f', 1, 0, () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('f', 1, 1, async () => 7)).toBe(7);
  });
  it('reads PANTAU_ANALYTICS_CACHE_MS', () => {
    expect(analyticsCacheMs({})).toBe(1000);
    expect(analyticsCacheMs({ PANTAU_ANALYTICS_CACHE_MS: '0' })).toBe(0);
  });
});

describe('AnalyticsService answer cache on SQLite', () => {
  let store: TestStore;
  let analytics: AnalyticsStore;
  beforeAll(async () => {
    store = createTestStore('sqlite');
    analytics = await AnalyticsStore.open(store.config('analytics'));
  });
  afterAll(async () => {
    await analytics?.close();
    await store?.cleanup();
  });

  it('answers a repeated overview without reading the store, and sees an applied batch at once', async () => {
    const service = new AnalyticsService(analytics); // the real clock: cache on
    const all = scopeOf({});
    expect((await service.overview(all)).volume).toBe(0);
    const read = jest.spyOn(analytics, 'read');
    await service.overview(all);
    await service.slaCompliance(all);
    await service.slaCompliance(all);
    expect(read).toHaveBeenCalledTimes(1); // the overview came from the cache, SLA computed once
    await analytics.applyBatch(scenarioEvents());
    expect((await service.overview(all)).volume).toBeGreaterThan(0);
    read.mockRestore();
  });
});
