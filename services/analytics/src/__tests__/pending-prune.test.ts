import fc from 'fast-check';
import { createLogger } from '@pantau/common';
import { createTestStore, storeKinds, type TestStore } from '@pantau/testing';
import { OutboxConsumer } from '../consumer/consumer';
import { scopeOf } from '../domain/scope';
import { AnalyticsService } from '../service/analytics-service';
import { AnalyticsStore } from '../storage/store';
import { PENDING_TABLE } from '../storage/grains';
import { AGENCIES, BASE_MS, REGION_FILTERS, historyArb } from './support/histories';
import { OutboxHttpServer } from './support/outbox-server';
import { HttpOutboxSource } from '../consumer/source';

/**
 * Issue 11: analytics_pending rows whose deadlines have passed are pruned by the consumer's clock, and
 * every "overdue now" figure stays exact at every instant — after the prune (the rows add nothing), and
 * before it (a clock set back: the fact table is read instead). The reference is the same store's figures
 * before any prune, which properties.test.ts checks against the brute-force definitions.
 */
const DAY = 86_400_000;
const runs = Number(process.env.PROPERTY_RUNS ?? 60);

describe.each(storeKinds())('pruning expired pending deadlines on %s', (kind) => {
  let store: TestStore;
  let analytics: AnalyticsStore;
  beforeAll(async () => {
    store = createTestStore(kind);
    analytics = await AnalyticsStore.open(store.config('analytics'), { timeZone: 'Asia/Makassar' });
  });
  afterAll(async () => {
    await analytics?.close();
    await store?.cleanup();
  });

  const pendingRows = async () => Number((await analytics.ds.query(`SELECT COUNT(*) AS n FROM ${PENDING_TABLE}`))[0].n);

  async function figures(now: number) {
    const svc = new AnalyticsService(analytics, () => now, 1, 0);
    const out: unknown[] = [];
    for (const filter of [{}, { agencyId: 'ag-2' }, { regionCode: '64.02' }, { from: new Date(BASE_MS + 10 * DAY) }]) {
      const s = scopeOf(filter);
      out.push(await svc.overview(s), await svc.slaCompliance(s), await svc.leaderboard(s, 'REPORT_COUNT', 1, 100));
      out.push(await svc.agencyPerformance(s, AGENCIES), await svc.regionStatsMany(s, REGION_FILTERS));
    }
    return JSON.parse(JSON.stringify(out));
  }

  it('keeps every figure exact at any instant before or after the pruned horizon', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb(30), fc.integer({ min: -5, max: 110 }), fc.array(fc.integer({ min: -5, max: 110 }), { minLength: 1, maxLength: 3 }), async (history, pruneDay, nowDays) => {
        await analytics.wipe();
        if (history.events.length) await analytics.applyBatch(history.events);
        const instants = nowDays.map((d) => BASE_MS + d * DAY + 12_345);
        const before = await Promise.all(instants.map((t) => figures(t)));
        const rows = await pendingRows();
        const { deleted, horizon } = await analytics.prunePending(BASE_MS + pruneDay * DAY);
        expect(horizon).toBe(BASE_MS + pruneDay * DAY);
        expect(await pendingRows()).toBe(rows - deleted);
        const after = await Promise.all(instants.map((t) => figures(t)));
        expect(after).toEqual(before);
      }),
      { numRuns: runs },
    );
  }, 600_000);

  it('the consumer prunes by its own clock, at most once per interval; the horizon only moves forward and survives a reopen', async () => {
    const outbox = await new OutboxHttpServer().start();
    try {
      const history = fc.sample(historyArb(30), { seed: 11, numRuns: 20 }).sort((a, b) => b.events.length - a.events.length)[0];
      outbox.events = history.events;
      await analytics.wipe();
      let now = BASE_MS;
      const consumer = new OutboxConsumer({ store: analytics, source: new HttpOutboxSource(outbox.base), logger: createLogger('analytics'), pendingPruneEveryMs: 60_000, now: () => now, gapWaitMs: 0 });
      await consumer.drain();
      const rows = await pendingRows();
      expect(rows).toBeGreaterThan(0);
      now = BASE_MS - 10 * DAY;
      expect(await consumer.prunePendingIfDue()).toBe(0); // before the history nothing has expired
      now += 30_000;
      expect(await consumer.prunePendingIfDue()).toBe(0); // at most once per minute of its clock
      now = BASE_MS + 200 * DAY; // every deadline of the history is behind this clock
      expect(await consumer.prunePendingIfDue()).toBe(rows);
      expect(await pendingRows()).toBe(0);
      expect(consumer.status().pendingPruned).toBe(rows);
      expect(await analytics.pendingHorizon()).toBe(now);
      // an earlier prune never moves the horizon back
      expect((await analytics.prunePending(BASE_MS)).horizon).toBe(now);
      // figures at an instant before the horizon still count the reports whose deadlines were ahead then
      const at = BASE_MS + 20 * DAY;
      const pruned = await figures(at);
      await analytics.wipe();
      await analytics.applyBatch(history.events);
      expect(await analytics.pendingHorizon()).toBe(0);
      expect(pruned).toEqual(await figures(at));
      // the horizon is stored: another process opening the store knows it
      await analytics.prunePending(now);
      const reopened = await AnalyticsStore.open(store.config('analytics'));
      try {
        expect(await reopened.pendingHorizon()).toBe(now);
      } finally {
        await reopened.close();
      }
    } finally {
      await outbox.close();
    }
  });
});
