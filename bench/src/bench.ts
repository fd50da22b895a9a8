import { parseArgs } from 'node:util';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { serviceHeaders } from '@pantau/common';
import { type StoreKind } from '@pantau/testing';
import { scopeOf } from '@pantau/analytics/dist/domain/scope';
import { benchOperations, type BenchOperation } from './operations';
import { benchEnvironment, benchSample, caughtUp, intakeSubmitter, startBenchStack, type BenchStack } from './stack';
import { BUDGETS, postOperation, statementsFor } from './statements';

/**
 * npm run bench [-- --reports 2000 --store sqlite|mysql --seconds 5 --concurrency 10 --runs 30]
 *
 * One process, one run, every table side by side (ratios within a run are what counts on a shared
 * machine): load and replay rates, SQL statements per dashboard operation (with their budgets),
 * sequential p50/p99 through the gateway / in-process gateway / the subgraph directly, requests per
 * second at N connections, the overview page (its operations in parallel), intake through the gateway
 * with the analytics lag, and analytics from rollups vs raw GROUP BY (answers asserted equal).
 */
const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', default: '2000' },
    store: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '10' },
    runs: { type: 'string', default: '30' },
  },
});
const N = Number(args.reports);
const SECONDS = Number(args.seconds);
const CONC = Number(args.concurrency);
const RUNS = Number(args.runs);

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : Math.round(x).toString()) : '—');
const table = (title: string, head: string[], rows: string[][]) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  console.log(`\n${title}`);
  console.log('  ' + head.map((h, i) => (i === 0 ? h.padEnd(widths[i]) : h.padStart(widths[i]))).join('  '));
  for (const r of rows) console.log('  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
};

/** Failed requests of the sequential phases, by operation: counted and named, the run goes on. */
const sequentialFailures = new Map<string, { count: number; first: string }>();

/**
 * `runs` requests one after another (after one warm-up), their latencies. A failed request (e.g. a timeout
 * at 1M reports) is counted under `label` and printed at the end instead of ending the run; its time is not
 * among the latencies.
 */
async function sequential(fn: () => Promise<unknown>, runs: number, label = 'request'): Promise<number[]> {
  const out: number[] = [];
  for (let i = -1; i < runs; i++) {
    const t = performance.now();
    try {
      await fn();
      if (i >= 0) out.push(performance.now() - t);
    } catch (err) {
      const f = sequentialFailures.get(label) ?? sequentialFailures.set(label, { count: 0, first: (err as Error).message.slice(0, 160) }).get(label)!;
      f.count++;
    }
  }
  return out;
}

/**
 * Closed loop: `conc` workers sending back to back for `seconds`; successful requests per second, their
 * latencies, and the failures (e.g. OPERATION_TIMEOUT under load) counted and named rather than ending the run.
 */
async function throughput(fn: () => Promise<unknown>, conc: number, seconds: number): Promise<{ rps: number; lat: number[]; errors: number; firstError: string | null }> {
  const end = performance.now() + seconds * 1000;
  const lat: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await fn();
          lat.push(performance.now() - t);
        } catch (err) {
          errors += 1;
          firstError ??= (err as Error).message.slice(0, 160);
        }
      }
    }),
  );
  if (errors) console.log(`  (${errors} failed requests; first: ${firstError})`);
  return { rps: lat.length / seconds, lat, errors, firstError };
}

function check(res: { data?: unknown; errors?: unknown[] }, label: string) {
  if (res.errors?.length) throw new Error(`${label}: ${JSON.stringify(res.errors).slice(0, 300)}`);
  return res;
}

function runners(stack: BenchStack, op: BenchOperation, size: number) {
  const auth: Record<string, string> = op.staff ? { authorization: `Bearer ${stack.staffToken}` } : {};
  const gateway = async () => check(await postOperation(stack.gateway.url, op, size, auth), op.label);
  const local = async () => {
    const r = await stack.local.executeOperation(
      { query: op.op.query, operationName: op.op.operationName, variables: op.variables(size) },
      { contextValue: { authorization: auth.authorization } },
    );
    if (r.body.kind !== 'single') throw new Error('incremental');
    return check(r.body.singleResult as any, `${op.label} (in-process)`);
  };
  const url = op.direct ? { agencies: stack.agencies.url, reports: stack.reports.url, analytics: stack.analytics.url }[op.direct] : null;
  const direct = url
    ? async () => check(await postOperation(url, op, size, { ...auth, ...(await serviceHeaders('gateway')) }), `${op.label} (direct)`)
    : null;
  return { gateway, local, direct };
}

async function main() {
  benchEnvironment();
  const kind = (args.store === 'mysql' || args.store === 'mariadb' ? 'mysql' : 'sqlite') as StoreKind;
  console.log(`Pantau bench: ${N} reports on ${kind}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const t0 = performance.now();
  const log = (line: string) => console.log(`  [${((performance.now() - t0) / 1000).toFixed(0)} s, load ${os.loadavg()[0].toFixed(1)}] ${line}`);
  const stack = await startBenchStack({ kind, reports: N, seed: 'bench', waitForAnalytics: false, log });
  try {
    const events = Number((await stack.reports.ds.query('SELECT COUNT(*) AS n FROM outbox_event'))[0].n);
    // replay: analytics started on an empty store with the whole outbox ahead of it (from zero)
    await caughtUp(stack.analytics, Math.max(600_000, events * 2));
    const replayMs = performance.now() - stack.analyticsStartedAt;
    log(`analytics replayed ${events} events`);
    const setupMs = performance.now() - t0;
    const sample = await benchSample(stack);
    const ops = await benchOperations(sample);
    table('Setup', ['step', 'figure'], [
      ...stack.setupSteps.map(([name, s]) => [name, `${s.toFixed(1)} s`]),
      ['stack up with demo reports + analytics caught up', `${(setupMs / 1000).toFixed(1)} s`],
      ['outbox events', String(events)],
      ['analytics replay from zero (empty store, whole outbox)', `${(replayMs / 1000).toFixed(1)} s = ${Math.round(events / (replayMs / 1000))} events/s`],
    ]);

    // statements per operation
    const stmtRows: string[][] = [];
    for (const op of ops) {
      const [a, b] = op.sizes ?? [10, 10];
      const small = await statementsFor(stack, op, a);
      const large = op.sizes ? await statementsFor(stack, op, b) : null;
      const f = (c: typeof small) => `${c.agencies}/${c.reports}/${c.analytics}`;
      const budget = BUDGETS[op.label] ?? {};
      stmtRows.push([op.label, f(small), large ? `${f(large)} (${a}→${b})` : '', `${budget.agencies ?? 0}/${budget.reports ?? 0}/${budget.analytics ?? 0}`]);
    }
    table('SQL statements per operation (agencies/reports/analytics; budgets enforced on SQLite by bench/src/__tests__/budgets.test.ts)', ['operation', 'statements', 'at larger size', 'budget'], stmtRows);
    stack.analytics.consumer?.start();

    // latency: gateway vs in-process vs direct
    const latRows: string[][] = [];
    for (const op of ops) {
      const size = op.sizes?.[1] ?? 10;
      const r = runners(stack, op, size);
      const g = await sequential(r.gateway, RUNS, `${op.label} (gateway)`);
      const l = await sequential(r.local, RUNS, `${op.label} (in-process)`);
      const d = r.direct ? await sequential(r.direct, RUNS, `${op.label} (direct)`) : [];
      latRows.push([op.label, ms(pct(g, 50)), ms(pct(g, 99)), ms(pct(l, 50)), ms(pct(l, 99)), ms(pct(d, 50)), ms(pct(d, 99)), d.length ? `${(pct(g, 50) / pct(d, 50)).toFixed(2)}×` : '—']);
    }
    table(`Sequential latency, ms (${RUNS} runs each, after one warm-up)`, ['operation', 'gw p50', 'gw p99', 'in-proc p50', 'in-proc p99', 'direct p50', 'direct p99', 'gw/direct'], latRows);

    // throughput at CONC connections
    const rpsRows: string[][] = [];
    const trivial: BenchOperation = { ...ops.find((o) => o.op.operationName === 'Provinces')!, label: 'trivial: { __typename }', op: { name: 'T', operationName: 'Trivial', query: 'query Trivial { __typename }' }, direct: 'agencies' };
    for (const op of [trivial, ...ops.filter((o) => ['OverviewKpis', 'ReportList', 'AgencyLeaderboard', 'Provinces', 'RegionStats'].includes(o.op.operationName ?? ''))]) {
      const r = runners(stack, op, 50);
      const g = await throughput(r.gateway, CONC, SECONDS);
      const l = await throughput(r.local, CONC, SECONDS);
      const d = r.direct ? await throughput(r.direct, CONC, SECONDS) : null;
      rpsRows.push([op.label, g.rps.toFixed(0), ms(pct(g.lat, 50)), ms(pct(g.lat, 99)), l.rps.toFixed(0), d ? d.rps.toFixed(0) : '—', String(g.errors + l.errors + (d?.errors ?? 0))]);
    }
    table(`Requests per second at ${CONC} connections (${SECONDS} s each)`, ['operation', 'gw RPS', 'gw p50', 'gw p99', 'in-proc RPS', 'direct RPS', 'failed'], rpsRows);

    // the overview page: its operations in parallel, as the dashboard loads it
    const overview = ops.filter((o) => o.page === 'overview').map((o) => runners(stack, o, 10).gateway);
    const page = await sequential(() => Promise.all(overview.map((f) => f())), RUNS, 'overview page');
    const pageLoad = await throughput(() => Promise.all(overview.map((f) => f())), CONC, SECONDS);
    table('Overview page (its operations in parallel through the gateway)', ['measure', 'figure'], [
      ['sequential p50 / p95 / p99', `${ms(pct(page, 50))} / ${ms(pct(page, 95))} / ${ms(pct(page, 99))} ms`],
      [`pages per second at ${CONC} connections`, pageLoad.rps.toFixed(1)],
      ['pages with a failed operation at that load', `${pageLoad.errors}${pageLoad.firstError ? ` (${pageLoad.firstError})` : ''}`],
    ]);

    // intake through the gateway, then how long analytics takes to show all of it
    const submit = intakeSubmitter(stack.gateway.url);
    const intake = await throughput(submit, CONC, SECONDS);
    const lagMs = await caughtUp(stack.analytics, 120_000);
    table(`Intake through the gateway at ${CONC} connections (${SECONDS} s)`, ['measure', 'figure'], [
      ['reports accepted per second', intake.rps.toFixed(1)],
      ['failed submissions', String(intake.errors)],
      ['submit p50 / p99', `${ms(pct(intake.lat, 50))} / ${ms(pct(intake.lat, 99))} ms`],
      ['analytics lag after the last submission (until every event is applied)', `${lagMs} ms`],
    ]);

    // analytics: rollups vs raw GROUP BY over the facts, answers asserted equal
    // both without the answer cache (its hits would time nothing): cacheMs 0
    const { AnalyticsService } = await import('@pantau/analytics');
    const rollups = new AnalyticsService(stack.analytics.store, Date.now, undefined, 0);
    const raw = new AnalyticsService(stack.analytics.store.withOptions({ useRollups: false }), Date.now, undefined, 0);
    const all = scopeOf({});
    const d30 = scopeOf({ from: new Date(Date.now() - 30 * 86_400_000) });
    const anRows: string[][] = [];
    const cases: Array<[string, (s: typeof rollups) => Promise<unknown>]> = [
      ['overview, all time', (s) => s.overview(all)],
      ['overview, last 30 days', (s) => s.overview(d30)],
      ['overview, one agency', (s) => s.overview(scopeOf({ agencyId: sample.agencyId }))],
      ['breakdown, all time', (s) => s.maladministrationBreakdown(all)],
      ['SLA compliance, all time', (s) => s.slaCompliance(all)],
      ['agency leaderboard, all time', (s) => s.leaderboard(all, 'TRANSPARENCY_INDEX' as any, 1, 100)],
      ['monthly trend, all time', (s) => s.trend(all, 'MONTH')],
    ];
    await stack.analytics.consumer?.stop();
    for (const [name, fn] of cases) {
      const a = await fn(rollups);
      const b = await fn(raw);
      const equal = isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
      if (!equal) throw new Error(`analytics: rollups and raw GROUP BY differ for ${name}`);
      const tr = pct(await sequential(() => fn(rollups), 5, `${name} (rollups)`), 50);
      const tw = pct(await sequential(() => fn(raw), 3, `${name} (raw SQL)`), 50);
      anRows.push([name, ms(tr), ms(tw), `${(tw / tr).toFixed(1)}×`, 'yes']);
    }
    table('Analytics: rollups vs raw GROUP BY over the facts (median ms)', ['query', 'rollups', 'raw SQL', 'ratio', 'equal'], anRows);
    if (sequentialFailures.size) {
      table('Failed sequential requests (not in the latencies above)', ['request', 'failed', 'first error'], [...sequentialFailures].map(([k, f]) => [k, String(f.count), f.first]));
    }
    console.log(`\nDone in ${((performance.now() - t0) / 1000).toFixed(0)} s; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
  } finally {
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
