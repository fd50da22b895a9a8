import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import fc from 'fast-check';
import { createLogger } from '@pantau/common';
import { createTestStore, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { OutboxConsumer } from '../consumer/consumer';
import { HttpOutboxSource } from '../consumer/source';
import { scopeOf } from '../domain/scope';
import { createServer, type AnalyticsServer } from '../server';
import { AnalyticsService } from '../service/analytics-service';
import { AnalyticsStore } from '../storage/store';
import { dumpStore } from './support/dump';
import { BASE_MS, historyOf, reportPlanArb, type History } from './support/histories';
import { OutboxHttpServer } from './support/outbox-server';

const ROOT = path.resolve(__dirname, '../..');
const REGISTER = path.join(__dirname, 'support/register-swc.js');
const logger = createLogger('analytics');

/** A fixed, fairly large history (deterministic): a few thousand events over a few hundred reports. */
function bigHistory(reports: number, seed: number): History {
  const plans = Array.from({ length: reports }, (_, i) => fc.sample(reportPlanArb(`r-${i}`), { seed: seed + i, numRuns: 1 })[0]);
  return historyOf(plans, fc.sample(fc.nat(), { seed, numRuns: 97 }));
}

async function waitFor(cond: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The same figures from two stores, for a few scopes. */
async function figures(store: AnalyticsStore, now: number) {
  const svc = new AnalyticsService(store, () => now);
  const out: unknown[] = [];
  for (const filter of [{}, { agencyId: 'ag-2' }, { regionCode: '64.02' }, { from: new Date(BASE_MS + 10 * 86_400_000), topic: 'ROADS' }]) {
    const s = scopeOf(filter);
    out.push(await svc.overview(s), await svc.responseTimes(s), await svc.transparency(s), await svc.leaderboard(s, 'REPORT_COUNT', 1, 100));
  }
  return out;
}

describe.each(storeKinds())('outbox consumer on %s', (kind) => {
  let outbox: OutboxHttpServer;
  const stores: TestStore[] = [];
  const newStore = () => {
    const s = createTestStore(kind);
    stores.push(s);
    return s;
  };

  beforeEach(async () => {
    outbox = await new OutboxHttpServer().start();
  });
  afterEach(async () => {
    await outbox.close();
  });
  afterAll(async () => {
    for (const s of stores) await s.cleanup();
  });

  it('shows a report transition in analyticsOverview within 2 seconds', async () => {
    const history = bigHistory(30, 7);
    outbox.events = history.events.slice(0, 40);
    const store = newStore();
    const server: AnalyticsServer = await createServer({
      store: store.config('analytics'),
      port: 0,
      outbox: new HttpOutboxSource(outbox.base),
      consumer: { pollMs: 250 },
      smallCellK: 1, // counts volume from the first report on (small-cell protection off)
    });
    try {
      const volume = async () => (await postSubgraph(server.url, '{ analyticsOverview { volume } }')).data.analyticsOverview.volume as number;
      await waitFor(async () => (await server.store.cursor()) === 40, 5000, 'first events');
      const before = await volume();
      const next = history.events.find((e) => e.seq > 40 && e.type === 'ReportSubmitted')!;
      const started = Date.now();
      outbox.events = history.events.slice(0, next.seq);
      await waitFor(async () => (await volume()) === before + 1, 2000, 'the new report in analyticsOverview');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(outbox.unauthorized).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('backs off while reports is down, says so on /ready, reports lag on /metrics, and catches up', async () => {
    const history = bigHistory(20, 11);
    outbox.events = history.events;
    outbox.down = true;
    const store = newStore();
    const server = await createServer({ store: store.config('analytics'), port: 0, outbox: new HttpOutboxSource(outbox.base), consumer: { pollMs: 50, maxBackoffMs: 400 } });
    try {
      await new Promise((r) => setTimeout(r, 1200));
      const requestsWhileDown = outbox.requests;
      // exponential backoff: 100, 200, 400, 400 … ms, not one request per 50 ms poll
      expect(requestsWhileDown).toBeGreaterThanOrEqual(2);
      expect(requestsWhileDown).toBeLessThanOrEqual(8);
      // while the outbox cannot be pulled, /ready says so (503, naming it); the lag shows on /metrics
      const readyRes = await fetch(server.url.replace('/graphql', '/ready'));
      expect(readyRes.status).toBe(503);
      const ready = await readyRes.json();
      expect(ready).toMatchObject({ status: 'not ready', missing: ['outbox'] });
      const metricsDown = await (await fetch(server.url.replace('/graphql', '/metrics'))).text();
      expect(metricsDown).toContain('pantau_analytics_outbox_cursor 0');
      expect(server.consumer!.status().lastError).toMatch(/503/);
      outbox.down = false;
      await waitFor(async () => (await server.store.cursor()) === history.events.length, 5000, 'catch-up');
      await waitFor(() => server.consumer!.status().lastError === null, 2000, 'a clean pull');
      const ready2 = await (await fetch(server.url.replace('/graphql', '/ready'))).json();
      expect(ready2.outbox).toMatchObject({ cursor: history.events.length, headSeq: history.events.length, lag: 0, lastError: null });
      expect(ready2.outbox.secondsSinceLastPull).toBeLessThan(2);
      const metrics = await (await fetch(server.url.replace('/graphql', '/metrics'))).text();
      expect(metrics).toContain(`pantau_analytics_outbox_cursor ${history.events.length}`);
      expect(metrics).toContain('pantau_analytics_outbox_lag_events 0');
      expect(metrics).toMatch(/pantau_analytics_outbox_errors_total [1-9]/);
    } finally {
      await server.close();
    }
  });

  it('waits for a recent hole in the seq to fill, and skips an old one', async () => {
    const store = await AnalyticsStore.open(newStore().config('analytics'));
    let clock = Date.parse('2025-02-01T00:00:00Z');
    const history = bigHistory(10, 3);
    const events = history.events.map((e) => ({ ...e, occurredAt: new Date(clock - 100).toISOString() }));
    outbox.events = events;
    outbox.hidden = new Set([5]);
    const consumer = new OutboxConsumer({ store, source: new HttpOutboxSource(outbox.base), logger, gapWaitMs: 1000, now: () => clock });
    try {
      let r = await consumer.pullOnce();
      expect(r.waitingForGap).toBe(true);
      expect(await store.cursor()).toBe(4);
      clock += 500; // the transaction holding seq 5 commits within the wait
      outbox.hidden = new Set();
      r = await consumer.pullOnce();
      expect(r.waitingForGap).toBe(false);
      expect(await store.cursor()).toBe(events.length);
      expect(consumer.status().gapsSkipped).toBe(0);

      // A hole that never fills (rolled back): skipped once the wait is over.
      outbox.events = [...events, ...[2, 3].map((i) => ({ ...events[0], seq: events.length + i, id: `late-${i}`, occurredAt: new Date(clock).toISOString() }))];
      r = await consumer.pullOnce();
      expect(r.waitingForGap).toBe(true);
      clock += 1500;
      r = await consumer.pullOnce();
      expect(await store.cursor()).toBe(events.length + 3);
      expect(consumer.status().gapsSkipped).toBe(1);

      // A hole before events that happened long ago (pruned or rolled back long since): skipped at once.
      const old = new Date(clock - 60_000).toISOString();
      outbox.events = [...outbox.events, { ...events[1], seq: events.length + 5, id: 'old-5', occurredAt: old }];
      r = await consumer.pullOnce();
      expect(r.waitingForGap).toBe(false);
      expect(await store.cursor()).toBe(events.length + 5);
      expect(consumer.status().gapsSkipped).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('replays from zero into the facts first and recomputes rollups once caught up, across a restart, identical to the incremental path', async () => {
    const history = bigHistory(300, 7);
    outbox.events = history.events;
    const bulk = await AnalyticsStore.open(newStore().config('analytics'));
    const incremental = await AnalyticsStore.open(newStore().config('analytics'));
    try {
      const first = new OutboxConsumer({ store: bulk, source: new HttpOutboxSource(outbox.base), logger, pageSize: 200, bulkReplayFrom: 100 });
      await first.pullOnce();
      await first.pullOnce();
      expect(first.status().replaying).toBe(true);
      expect(first.status().lag).toBeGreaterThan(0);
      expect(await bulk.rollupsStale()).toBe(true);
      // a restart mid-replay (a new consumer on the same store) carries on from the stored mark
      const second = new OutboxConsumer({ store: bulk, source: new HttpOutboxSource(outbox.base), logger, pageSize: 200, bulkReplayFrom: 100 });
      await second.drain();
      expect(second.status()).toMatchObject({ replaying: false, lag: 0 });
      expect(await bulk.rollupsStale()).toBe(false);
      await new OutboxConsumer({ store: incremental, source: new HttpOutboxSource(outbox.base), logger, pageSize: 200, bulkReplayFrom: 0 }).drain();
      expect(await dumpStore(bulk.ds)).toEqual(await dumpStore(incremental.ds));
      const now = BASE_MS + 40 * 86_400_000;
      expect(await figures(bulk, now)).toEqual(await figures(incremental, now));
      // caught up, later events are applied incrementally
      expect(await bulk.rollupsStale()).toBe(false);
    } finally {
      await bulk.close();
      await incremental.close();
    }
  });

  it(
    'survives SIGKILL of the real service mid-stream, several times, and ends identical to a clean rebuild',
    async () => {
      const history = bigHistory(300, 42);
      const total = history.events.length;
      outbox.events = history.events.slice(0, Math.floor(total * 0.6));
      outbox.latencyMs = 5;
      const live = newStore();
      const observer = await AnalyticsStore.open(live.config('analytics'));
      const env = {
        ...process.env,
        ...live.env,
        NODE_ENV: 'test',
        REPORTS_INTERNAL_URL: outbox.base,
        ANALYTICS_PORT: '0',
        ANALYTICS_PAGE_SIZE: '20',
        ANALYTICS_POLL_MS: '50',
        // the store is compared table by table with a clean rebuild: no pruning of expired pending rows by
        // the wall clock in between (pending-prune.test.ts covers it; figures are equal either way)
        ANALYTICS_PENDING_PRUNE_MS: '0',
      };
      const start = (script: string) => spawn(process.execPath, ['-r', REGISTER, path.join(ROOT, script)], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      const kills: number[] = [];
      try {
        for (const fraction of [0.1, 0.3, 0.5, 0.75]) {
          const child: ChildProcess = start('src/main.ts');
          const exited = once(child, 'exit');
          await waitFor(async () => (await observer.cursor()) >= Math.floor(total * fraction), 60_000, `cursor at ${fraction}`);
          if (fraction === 0.5) outbox.events = history.events; // the rest arrives while it runs
          child.kill('SIGKILL');
          await exited;
          kills.push(await observer.cursor());
        }
        expect(kills.every((c, i) => i === 0 || c >= kills[i - 1])).toBe(true);
        expect(kills[kills.length - 1]).toBeLessThan(total);
        const last = start('src/main.ts');
        const lastExit = once(last, 'exit');
        await waitFor(async () => (await observer.cursor()) === total, 60_000, 'the restarted service to catch up');
        last.kill('SIGTERM');
        const [code] = await lastExit;
        expect(code).toBe(0);

        const clean = await AnalyticsStore.open(newStore().config('analytics'));
        try {
          await new OutboxConsumer({ store: clean, source: new HttpOutboxSource(outbox.base), logger, pageSize: 500 }).drain();
          const killed = await dumpStore(observer.ds);
          expect(killed[`analytics_facts`]).toHaveLength(300);
          expect(killed).toEqual(await dumpStore(clean.ds));
          const now = BASE_MS + 40 * 86_400_000;
          expect(await figures(observer, now)).toEqual(await figures(clean, now));

          // `npm run rebuild` (wipe + replay from zero) on the killed store yields the same again.
          const rebuild = start('src/cli/rebuild.ts');
          const [rc] = await once(rebuild, 'exit');
          expect(rc).toBe(0);
          expect(await dumpStore(observer.ds)).toEqual(await dumpStore(clean.ds));
        } finally {
          await clean.close();
        }
      } finally {
        await observer.close();
      }
    },
    180_000,
  );
});
