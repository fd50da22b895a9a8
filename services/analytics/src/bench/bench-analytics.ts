import 'reflect-metadata';
import { dropMysqlDatabase, envInt, type StoreConfig } from '@pantau/common';
import { uniqueName } from '@pantau/testing';
import { closeDiff } from '../domain/compare';
import { factFromSnapshot, type Fact } from '../domain/facts';
import { scopeOf, type FilterInput } from '../domain/scope';
import { AnalyticsService } from '../service/analytics-service';
import { FACT_INDEXES_V1 } from '../storage/migrations/1764500000000-Analytics';
import { FACTS_TABLE, allRollupTables } from '../storage/grains';
import { AnalyticsStore } from '../storage/store';
import { insertFacts } from '../storage/writer';
import { BENCH_DISTRICTS, SyntheticReports } from './synthetic';

/**
 * `npm run bench -w @pantau/analytics` (BENCH_REPORTS, default 1,000,000): loads synthetic facts into a
 * fresh MariaDB database through the bulk path (multi-row INSERTs with the secondary indexes dropped,
 * then built in one ALTER), builds the rollups with INSERT … SELECT, then times each dashboard query
 * answered from the rollups against the same figures computed by GROUP BY / ORDER BY over the raw fact
 * table, checks both answers are equal, prints a table, and drops its database.
 * BENCH_KEEP=1 keeps the database for inspection. Database server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else mysql://root@127.0.0.1:3306.
 */

const DAY = 86_400_000;
const END = Date.parse('2025-06-30T16:00:00.000Z'); // 2025-07-01 00:00 WITA
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const v = await fn();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

/** Median of `runs` timings (after the first run, which also returns the answer). */
async function measure<T>(fn: () => Promise<T>, runs: number): Promise<{ value: T; ms: number }> {
  const [value, first] = await timed(fn);
  const times = [first];
  for (let i = 1; i < runs; i++) times.push((await timed(fn))[1]);
  times.sort((a, b) => a - b);
  return { value, ms: times[Math.floor(times.length / 2)] };
}

async function load(store: AnalyticsStore, n: number): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  const gen = new SyntheticReports(END, n);
  const ds = store.ds;
  let t = Date.now();
  await ds.query(`ALTER TABLE ${FACTS_TABLE} ${['uq_af_report', ...FACT_INDEXES_V1.map((i) => i.name!)].map((i) => `DROP INDEX ${i}`).join(', ')}`);
  const chunk = 20_000;
  let pending: Promise<void> | null = null;
  let generating = 0;
  for (let i = 0; i < n; i += chunk) {
    const g0 = Date.now();
    const facts: Fact[] = [];
    for (let j = i; j < Math.min(n, i + chunk); j++) facts.push(factFromSnapshot(gen.report(j), j + 1, store.cal));
    generating += Date.now() - g0;
    await pending; // one chunk generating while the previous one is inserted
    pending = insertFacts(ds, facts);
    if ((i / chunk) % 10 === 9) process.stdout.write(`  … ${(i + chunk).toLocaleString('en')} facts\n`);
  }
  await pending;
  phases['generate + insert facts'] = Date.now() - t;
  phases['  of which generating in JS'] = generating;
  t = Date.now();
  const adds = [
    'ADD UNIQUE INDEX uq_af_report (reportId)',
    ...FACT_INDEXES_V1.map((i) => `ADD INDEX ${i.name} (${i.columnNames.join(', ')})`),
  ];
  await ds.query(`ALTER TABLE ${FACTS_TABLE} ${adds.join(', ')}`);
  phases['build fact indexes'] = Date.now() - t;
  t = Date.now();
  await store.rebuildRollups();
  phases['build rollups (INSERT … SELECT)'] = Date.now() - t;
  await ds.query(`ANALYZE TABLE ${[FACTS_TABLE, ...allRollupTables()].join(', ')}`);
  return phases;
}

async function main() {
  const n = envInt('BENCH_REPORTS', 1_000_000);
  const runs = envInt('BENCH_RUNS', 5);
  const server = (process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:');
  const base = new URL(server);
  base.pathname = '/';
  const config: StoreConfig = { kind: 'mysql', url: base.toString(), database: `${uniqueName('bench')}_analytics` };
  console.log(`Pantau analytics benchmark: ${n.toLocaleString('en')} reports, database ${config.database} on ${base.host}`);
  const store = await AnalyticsStore.open(config, { timeZone: 'Asia/Makassar' });
  try {
    const phases = await load(store, n);
    const sizes: Array<{ t: string; rows: unknown; data: unknown; idx: unknown }> = await store.ds.query(
      `SELECT table_name AS t, table_rows AS \`rows\`, data_length AS data, index_length AS idx FROM information_schema.tables WHERE table_schema = ? ORDER BY data_length DESC`,
      [config.database],
    );
    console.log('\nLoad');
    for (const [k, v] of Object.entries(phases)) console.log(`  ${k.padEnd(34)} ${sec(v)}`);
    console.log('\nStorage (InnoDB estimates)');
    console.log(`  ${'table'.padEnd(20)} ${'rows'.padStart(10)} ${'data MB'.padStart(9)} ${'index MB'.padStart(9)}`);
    for (const s of sizes) {
      if (Number(s.rows) === 0 && !String(s.t).startsWith('analytics')) continue;
      console.log(`  ${String(s.t).padEnd(20)} ${Number(s.rows).toLocaleString('en').padStart(10)} ${(Number(s.data) / 2 ** 20).toFixed(1).padStart(9)} ${(Number(s.idx) / 2 ** 20).toFixed(1).padStart(9)}`);
    }

    const now = () => END;
    const rolled = new AnalyticsService(store, now);
    const raw = new AnalyticsService(store.withOptions({ useRollups: false }), now);
    const last90: FilterInput = { from: new Date(END - 90 * DAY), to: new Date(END) };
    const district = BENCH_DISTRICTS[4];
    const cases: Array<[string, (svc: AnalyticsService) => Promise<unknown>]> = [
      ['overview, all time', (s) => s.overview(scopeOf({}))],
      ['overview, last 30 days', (s) => s.overview(scopeOf({ from: new Date(END - 30 * DAY) }))],
      [`overview, 90 days + region ${district}`, (s) => s.overview(scopeOf({ ...last90, regionCode: district }))],
      ['overview, one agency, all time', (s) => s.overview(scopeOf({ agencyId: 'agency-017' }))],
      ['maladministration breakdown, all time', (s) => s.maladministrationBreakdown(scopeOf({}))],
      [`breakdown, 90 days + region ${district}`, (s) => s.maladministrationBreakdown(scopeOf({ ...last90, regionCode: district }))],
      ['breakdown, topic ROADS, all time', (s) => s.maladministrationBreakdown(scopeOf({ topic: 'ROADS' }))],
      ['response times (4 × p50/p90/mean/hist)', (s) => s.responseTimes(scopeOf({}))],
      ['SLA compliance, all time', (s) => s.slaCompliance(scopeOf({}))],
      ['transparency metrics, all time', (s) => s.transparency(scopeOf({}))],
      ['agency leaderboard, all time', (s) => s.leaderboard(scopeOf({}), 'TRANSPARENCY_INDEX', 10, 100)],
      ['monthly trend, all time', (s) => s.trend(scopeOf({}), 'MONTH')],
    ];
    // All rollup runs first, then the raw baseline: the raw scans would otherwise evict the dashboard's
    // working set (rollups, recent facts) from the buffer pool between measurements.
    const rawRuns = envInt('BENCH_RAW_RUNS', 1);
    const fast: Array<{ value: unknown; cold: number; ms: number }> = [];
    for (const [, fn] of cases) {
      const [value, cold] = await timed(() => fn(rolled));
      fast.push({ value, cold, ms: (await measure(() => fn(rolled), runs)).ms });
    }
    console.log(`\nQueries: rollups first run (cold) and median of ${runs} more (warm); raw = the same figures by GROUP BY / ORDER BY over ${FACTS_TABLE}, ${rawRuns === 1 ? 'one run' : `median of ${rawRuns}`}`);
    const header = `  ${'query'.padEnd(40)} ${'cold'.padStart(9)} ${'rollups'.padStart(9)} ${'raw SQL'.padStart(9)} ${'ratio'.padStart(8)}  equal`;
    console.log(header);
    console.log(`  ${'-'.repeat(header.length - 2)}`);
    let mismatches = 0;
    for (const [i, [label, fn]] of cases.entries()) {
      const a = fast[i];
      const b = await measure(() => fn(raw), rawRuns);
      const diff = closeDiff(a.value, b.value);
      if (diff) mismatches++;
      console.log(
        `  ${label.padEnd(40)} ${fmt(a.cold).padStart(9)} ${fmt(a.ms).padStart(9)} ${fmt(b.ms).padStart(9)} ${`${(b.ms / a.ms).toFixed(0)}×`.padStart(8)}  ${diff ? `NO: ${diff}` : 'yes'}`,
      );
    }
    const overview = (await rolled.overview(scopeOf({}))) as { volume: number };
    console.log(`\n${overview.volume.toLocaleString('en')} reports in the overview; ${mismatches ? `${mismatches} MISMATCHES` : 'every figure equal'}.`);
    if (mismatches) process.exitCode = 1;
  } finally {
    await store.close();
    if (process.env.BENCH_KEEP === '1') console.log(`Kept ${config.database} (BENCH_KEEP=1): drop it yourself.`);
    else {
      await dropMysqlDatabase(base.toString(), config.database);
      console.log(`Dropped ${config.database}.`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
