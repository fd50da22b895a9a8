import fc from 'fast-check';
import { createTestStore, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { Reference } from './support/reference';
import { scopeOf, type TrendInterval } from '../domain/scope';
import type { LeaderboardOrder } from '../domain/metrics';
import { ZonedCalendar } from '../domain/time';
import { createServer, type AnalyticsServer } from '../server';
import { AnalyticsService } from '../service/analytics-service';
import { allDerivedTables } from '../storage/grains';
import { AGENCIES, BASE_MS, REGION_FILTERS, batches, closeDiff, filterArb, filterOf, historyArb, type History } from './support/histories';

/**
 * Every API figure equals the brute-force computation from the raw report snapshots, for random
 * histories (applied incrementally in random batches, with replays), random filters and a random `now`.
 */

const DURATION = 'count p50Hours p90Hours meanHours histogram { fromHours toHours count }';
const PERF = 'reportCount open overdue completionRate medianFirstResponseHours slaCompliance satisfaction transparencyIndex forwardingRate';
const REGION_STATS = 'reportCount open overdue completionRate transparencyIndex';
const QUERY = `query($f: AnalyticsFilter, $interval: TrendInterval!, $order: LeaderboardOrder, $min: Int, $reps: [_Any!]!) {
  analyticsOverview(filter: $f) { volume open overdue completionRate medianFirstResponseHours slaCompliance satisfaction transparencyIndex
    byTopic { topic count } byStatus { status count } }
  maladministrationBreakdown(filter: $f) { total slices { type count share } }
  responseTimeStats(filter: $f) { verification { ${DURATION} } firstResponseAgency { ${DURATION} }
    firstResponseCitizen { ${DURATION} } completion { ${DURATION} } }
  slaCompliance(filter: $f) { steps { step onTime late overdueOpen compliance } overall }
  transparencyMetrics(filter: $f) { responseRate firstResponseCompliance evidenceRate completionRate satisfaction publicVisibility
    reopenRate forwardingRate meanHops index }
  reportTrend(filter: $f, interval: $interval) { periodStart submitted completed }
  maladministrationTrend(filter: $f, interval: $interval) { periodStart breakdown { total slices { type count share } } }
  agencyLeaderboard(filter: $f, orderBy: $order, minReports: $min, first: 100) { rank agency { id } performance { ${PERF} } }
  _entities(representations: $reps) {
    ... on Agency { id performance(filter: $f) { ${PERF} } }
    ... on Region { code reportStats(filter: $f) { ${REGION_STATS} } }
  }
}`;

const cal = new ZonedCalendar('Asia/Makassar');

/** The figures without the small-cell disclosure fields (the service answers staff here: k = null, nothing withheld). */
function withoutDisclosure(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDisclosure);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'suppressed' && k !== 'suppressedBelow' && k !== 'suppressedFields')
        .map(([k, x]) => [k, withoutDisclosure(x)]),
    );
  }
  return v;
}

function expected(history: History, now: number, dates: Parameters<typeof scopeOf>[0], interval: TrendInterval, order: LeaderboardOrder, min: number) {
  const ref = new Reference(history.finals, now, cal);
  const s = scopeOf(dates);
  return {
    analyticsOverview: ref.overview(s),
    maladministrationBreakdown: ref.breakdown(s),
    responseTimeStats: ref.responseTimes(s),
    slaCompliance: ref.sla(s),
    transparencyMetrics: ref.transparency(s),
    reportTrend: ref.trend(s, interval),
    maladministrationTrend: ref.maladministrationTrend(s, interval),
    agencyLeaderboard: ref.leaderboard(s, order, min, 100).map((r) => ({ rank: r.rank, agency: { id: r.agencyId }, performance: r.performance })),
    _entities: [
      ...AGENCIES.map((id) => ({ id, performance: ref.agencyPerformance(s, id) })),
      ...REGION_FILTERS.map((code) => ({ code, reportStats: ref.regionStats(s, code) })),
    ],
  };
}

const representations = [
  ...AGENCIES.map((id) => ({ __typename: 'Agency', id })),
  ...REGION_FILTERS.map((code) => ({ __typename: 'Region', code })),
];

const runs = Number(process.env.PROPERTY_RUNS ?? 100);

describe.each(storeKinds())('analytics figures equal the brute-force definitions on %s', (kind) => {
  let store: TestStore;
  let server: AnalyticsServer;
  let now = BASE_MS;

  beforeAll(async () => {
    store = createTestStore(kind);
    // smallCellK 1: small-cell protection off (staff view), so every figure is compared, at any time window
    server = await createServer({ store: store.config('analytics'), port: 0, timeZone: 'Asia/Makassar', clock: () => now, smallCellK: 1 });
  });
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  async function load(history: History, cuts: number[], replayUpTo: number) {
    await server.store.wipe();
    for (const batch of batches(history.events, cuts)) await server.store.applyBatch(batch);
    // Re-delivering old events (a restart before the cursor was read, a second consumer) changes nothing.
    if (history.events.length) await server.store.applyBatch(history.events.slice(0, replayUpTo % (history.events.length + 1)));
  }

  it('through the GraphQL API (rollups), for random histories, filters and now', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb(40),
        filterArb,
        fc.integer({ min: -5, max: 110 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat(),
        fc.constantFrom<TrendInterval>('DAY', 'WEEK', 'MONTH'),
        fc.constantFrom<LeaderboardOrder>('TRANSPARENCY_INDEX', 'REPORT_COUNT', 'COMPLETION_RATE', 'MEDIAN_FIRST_RESPONSE', 'SLA_COMPLIANCE'),
        fc.integer({ min: 0, max: 4 }),
        async (history, spec, nowDays, cuts, replay, interval, order, min) => {
          await load(history, cuts, replay);
          now = BASE_MS + nowDays * 86_400_000 + 12_345;
          const f = filterOf(spec);
          const res = await postSubgraph(server.url, QUERY, { f: f.variables, interval, order, min, reps: representations });
          if (res.errors) throw new Error(JSON.stringify(res.errors));
          const diff = closeDiff(res.data, expected(history, now, f.dates, interval, order, min));
          if (diff) throw new Error(diff);
        },
      ),
      { numRuns: runs },
    );
  });

  it('straight from the fact table (the benchmark baseline) and after a bulk rollup rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb(30), filterArb, fc.integer({ min: -5, max: 110 }), fc.array(fc.nat(), { maxLength: 4 }), async (history, spec, nowDays, cuts) => {
        await load(history, cuts, 0);
        now = BASE_MS + nowDays * 86_400_000;
        const f = filterOf(spec);
        const s = scopeOf(f.dates);
        const exp = expected(history, now, f.dates, 'WEEK', 'REPORT_COUNT', 1);
        const raw = new AnalyticsService(server.store.withOptions({ useRollups: false }), () => now);
        const rolled = new AnalyticsService(server.store, () => now);
        const dump = async () => {
          const out: Record<string, unknown[]> = {};
          for (const t of allDerivedTables()) {
            const rows: Record<string, unknown>[] = await server.store.ds.query(`SELECT * FROM ${t}`);
            out[t] = rows
              .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v])))
              .filter((r) => (t.startsWith('hist_') ? r.n !== 0 : r.reports !== 0))
              .map((r) => JSON.stringify(r))
              .sort();
          }
          return out;
        };
        const incremental = await dump();
        await server.store.rebuildRollups();
        const rebuilt = await dump();
        const d0 = closeDiff(rebuilt, incremental);
        if (d0) throw new Error(`bulk rebuild differs from incremental rollups: ${d0}`);
        for (const [name, svc] of [['raw', raw], ['rebuilt', rolled]] as const) {
          const got = {
            analyticsOverview: await svc.overview(s),
            maladministrationBreakdown: await svc.maladministrationBreakdown(s),
            responseTimeStats: await svc.responseTimes(s),
            slaCompliance: await svc.slaCompliance(s),
            transparencyMetrics: await svc.transparency(s),
            reportTrend: await svc.trend(s, 'WEEK'),
            maladministrationTrend: await svc.maladministrationTrend(s, 'WEEK'),
            leaderboard: await svc.leaderboard(s, 'REPORT_COUNT', 1, 100),
          };
          const want = { ...exp, leaderboard: new Reference(history.finals, now, cal).leaderboard(s, 'REPORT_COUNT', 1, 100) } as Record<string, unknown>;
          delete want.agencyLeaderboard;
          delete want._entities;
          const d = closeDiff(withoutDisclosure(got), want);
          if (d) throw new Error(`${name}: ${d}`);
        }
      }),
      { numRuns: Math.max(10, Math.floor(runs / 2)) },
    );
  });
});
