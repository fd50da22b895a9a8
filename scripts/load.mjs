#!/usr/bin/env node
// Sustained mixed load against Pantau, loopback only, bounded in time and concurrency.
//
//   npm run load -- [--minutes 10] [--concurrency 8] [--sample-seconds 10] [--url http://127.0.0.1:4000]
//
// Without --url it starts its own stack (the `npm start` launcher, supervised) on free ports with a fresh
// embedded store in a temporary directory, generous rate limits and PANTAU_HEALTH_MEMORY=1, and stops it at
// the end. With --url it drives an existing gateway (which must be on a loopback address) and samples
// whatever memory its /health reports.
//
// The mix, per simulated client (each with its own X-Forwarded-For; the stack trusts loopback proxies):
//   intake     submitReport with an idempotency key (1 in 10 resent with the same key: same report expected)
//   tracking   reportByTrackingId for a report this run submitted
//   search     reports(search, filter) as a signed-in demo staff account
//   lifecycle  admin reads actions + dispositions a submitted report; the agency's liaison responds
//   analytics  the dashboard overview's operations (OverviewKpis, OverviewBreakdown, ReportTrend, AgencyLeaderboard)
// Queries are the dashboard's own (dashboard/src/graphql/operations.graphql, as generated for the dashboard).
//
// It prints requests, errors and p50/p95/p99 per kind, each process's memory (RSS from /proc/<pid>/status,
// V8 heap from /health) over time, and whether memory levelled off (the floor of the last third of the
// samples against the middle third's). Exit code 1 when any request failed or memory kept growing.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
    'sample-seconds': { type: 'string', default: '10' },
    url: { type: 'string' },
    'demo-reports': { type: 'string', default: '3000' },
    'growth-threshold': { type: 'string', default: '0.10' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const MINUTES = Number(args.minutes);
const CONCURRENCY = Math.floor(Number(args.concurrency));
const SAMPLE_MS = Number(args['sample-seconds']) * 1000;
const GROWTH = Number(args['growth-threshold']);
if (!(MINUTES > 0 && MINUTES <= 24 * 60) || !(CONCURRENCY >= 1 && CONCURRENCY <= 256) || !(SAMPLE_MS >= 1000)) {
  console.error('--minutes must be in (0, 1440], --concurrency in [1, 256], --sample-seconds >= 1');
  process.exit(2);
}

// ---------------------------------------------------------------- the dashboard's operations

/**
 * The dashboard's operation texts by their constant names (OVERVIEW_KPIS, ...): the documents graphql-codegen
 * generated from dashboard/src/graphql/operations.graphql and the fragments beside the components, read by
 * the gateway's plan warm-up (gateway/dist/plan-warmup.js, built by `npm run build`).
 */
function dashboardOperations() {
  const { operationSources } = require(path.join(ROOT, 'gateway/dist/plan-warmup.js'));
  const consts = operationSources();
  const need = ['SIGN_IN', 'SUBMIT_REPORT', 'REPORT_BY_TRACKING_ID', 'REPORT_LIST', 'REPORT_ACTIONS', 'DISPOSITION_REPORT', 'RESPOND_TO_REPORT', 'OVERVIEW_KPIS', 'OVERVIEW_BREAKDOWN', 'REPORT_TREND', 'AGENCY_LEADERBOARD'];
  const missing = need.filter((n) => !consts[n]);
  if (missing.length) throw new Error(`dashboard/src/graphql/operations.ts no longer defines ${missing.join(', ')}`);
  return consts;
}
const OPS = dashboardOperations();

// ---------------------------------------------------------------- stack

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const GENEROUS = '1000000/60';
let stack = null;
let dataDir = null;
let origin;
if (args.url) {
  const u = new URL(args.url);
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(u.hostname)) {
    console.error(`--url must be a loopback address (got ${u.hostname}); this script never loads anything else.`);
    process.exit(2);
  }
  origin = u.origin;
} else {
  const { startStack } = require(path.join(ROOT, 'scripts/stack.cjs'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-load-'));
  const ports = { gateway: await freePort(), agencies: await freePort(), reports: await freePort(), analytics: await freePort() };
  console.log(`Starting a stack on ports ${JSON.stringify(ports)} with an embedded store in ${dataDir} …`);
  const started = Date.now();
  stack = await startStack({
    ports,
    stdio: 'pipe',
    supervise: true,
    env: {
      PANTAU_DATA_DIR: dataDir,
      DATABASE_URL: '',
      PANTAU_DEMO: '1',
      PANTAU_DEMO_REPORTS: args['demo-reports'],
      LOG_LEVEL: 'warn',
      PANTAU_HEALTH_MEMORY: '1',
      PANTAU_TRUST_PROXY: 'loopback',
      PANTAU_RATE_LIMIT_GENERAL: GENEROUS,
      PANTAU_RATE_LIMIT_SUBJECT: GENEROUS,
      PANTAU_RATE_LIMIT_SIGNIN: GENEROUS,
      PANTAU_RATE_LIMIT_SUBMIT_REPORT: GENEROUS,
      PANTAU_RATE_LIMIT_TRACKING: GENEROUS,
      PANTAU_RATE_LIMIT_UPLOAD: GENEROUS,
    },
    onEvent: (e) => {
      if (e.type === 'restarting') console.log(`! ${e.service} exited (${e.signal ?? `code ${e.code}`}); restarting in ${e.delayMs} ms`);
    },
  });
  origin = stack.origin;
  console.log(`Stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${origin}`);
}
const GRAPHQL = `${origin}/graphql`;

let stopping = false;
async function cleanup() {
  if (stack) await stack.stop().catch(() => {});
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  if (stopping) process.exit(130);
  stopping = true;
  console.log('\nInterrupted: finishing the report …');
});

// ---------------------------------------------------------------- requests and statistics

const stats = {}; // kind -> { latencies: number[], requests, errors, codes: {} }
const errorSamples = [];
function record(kind, ms, error) {
  const s = (stats[kind] ??= { latencies: [], requests: 0, errors: 0, codes: {} });
  s.requests += 1;
  s.latencies.push(ms);
  if (error) {
    s.errors += 1;
    s.codes[error] = (s.codes[error] ?? 0) + 1;
  }
}

class RequestFailed extends Error {}

async function gql(kind, client, query, variables, token) {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': client.ip, 'accept-language': client.lang };
  if (token) headers.authorization = `Bearer ${token}`;
  const t0 = performance.now();
  let error = null;
  let body = null;
  try {
    const res = await fetch(GRAPHQL, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    try {
      body = JSON.parse(text);
    } catch {
      error = `HTTP ${res.status} (not JSON)`;
    }
    if (!error && (res.status !== 200 || body.errors?.length)) {
      const codes = [...new Set((body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE'))];
      error = `HTTP ${res.status} ${codes.join(',')}`;
      if (errorSamples.length < 10) errorSamples.push({ kind, error, first: body.errors?.[0]?.message });
    }
  } catch (err) {
    error = err.name === 'TimeoutError' ? 'client timeout (30 s)' : `network: ${err.cause?.code ?? err.message}`;
  }
  record(kind, performance.now() - t0, error);
  if (error) throw new RequestFailed(error);
  return body.data;
}

const tokens = new Map();
async function tokenFor(client, email) {
  if (!tokens.has(email)) {
    tokens.set(
      email,
      gql('signin', client, OPS.SIGN_IN, { email, password: 'pantau-demo-2026' }).then((d) => d.signIn.token),
    );
  }
  try {
    return await tokens.get(email);
  } catch (err) {
    tokens.delete(email);
    throw err;
  }
}

// ---------------------------------------------------------------- the scenarios

const SUBMISSIONS = [
  { topic: 'JALAN', regionCode: '64.02.18.2003', title: 'Jalan desa berlubang dan tergenang', body: 'Jalan poros desa berlubang dalam dan tergenang setiap hujan, sepeda motor sering jatuh di dekat sekolah.' },
  { topic: 'KESEHATAN', regionCode: '64.02.18.2003', title: 'Puskesmas pembantu tutup pada jam kerja', body: 'Puskesmas pembantu sering tutup pada jam pelayanan sehingga warga harus ke kecamatan untuk berobat.' },
  { topic: 'PENDIDIKAN', regionCode: '64.02.05', title: 'Atap ruang kelas bocor', body: 'Atap dua ruang kelas sekolah dasar bocor sejak awal musim hujan, murid belajar di lantai yang basah.' },
  { topic: 'JALAN', regionCode: '64.02.05', title: 'Lampu jalan padam di ruas utama', body: 'Lampu penerangan jalan di ruas utama padam sepanjang satu kilometer selama dua minggu terakhir.' },
];
const STAFF = ['admin@kukarkab.go.id', 'pimpinan@kukarkab.go.id', 'ombudsman@ombudsman.go.id', 'sekretaris.pupr@kukarkab.go.id'];
const SEARCHES = ['jalan', 'puskesmas', 'sekolah', 'lampu', 'bocor', 'banjir'];
const STATUS_FILTERS = [undefined, ['SUBMITTED'], ['DISPOSITIONED', 'IN_PROGRESS'], ['COMPLETED']];

const submitted = []; // tracking IDs (bounded ring)
const toDisposition = []; // report ids waiting for the lifecycle scenario
let idempotencyMismatches = 0;
const pick = (a) => a[Math.floor(Math.random() * a.length)];

/** The liaison account of a Kukar agency in the demo seed (see services/agencies/seed/demo-accounts.json). */
function liaisonOf(agencyId) {
  if (!agencyId) return null;
  if (agencyId === 'kukar-kec-640218') return 'sekcam.muarawis@kukarkab.go.id';
  if (agencyId === 'kukar-desa-6402182002') return 'sekdes.sebemban@kukarkab.go.id';
  const m = /^kukar-([a-z]+)$/.exec(agencyId);
  return m ? `sekretaris.${m[1]}@kukarkab.go.id` : null;
}

async function intake(client) {
  const s = pick(SUBMISSIONS);
  const input = { ...s, classification: 'PENGADUAN', idempotencyKey: randomUUID() };
  const d = await gql('intake', client, OPS.SUBMIT_REPORT, { input });
  const report = d.submitReport.report;
  if (Math.random() < 0.1) {
    // a client that did not see the answer sends the same submission again
    const again = await gql('intake', client, OPS.SUBMIT_REPORT, { input });
    if (again.submitReport.report.id !== report.id || again.submitReport.created) {
      idempotencyMismatches += 1;
      record('intake', 0, 'idempotency: a resend created another report');
    }
  }
  submitted.push(report.trackingId);
  if (submitted.length > 2000) submitted.shift();
  toDisposition.push(report.id);
  if (toDisposition.length > 500) toDisposition.shift();
}

async function tracking(client) {
  if (!submitted.length) return intake(client);
  const d = await gql('tracking', client, OPS.REPORT_BY_TRACKING_ID, { trackingId: pick(submitted) });
  if (!d.reportByTrackingId) throw new RequestFailed('tracking: own report not found');
}

async function search(client) {
  const token = await tokenFor(client, pick(STAFF));
  const status = pick(STATUS_FILTERS);
  const variables = { first: 20, search: Math.random() < 0.7 ? pick(SEARCHES) : undefined, filter: status ? { status } : undefined, orderBy: 'SUBMITTED_AT_DESC' };
  await gql('search', client, OPS.REPORT_LIST, variables, token);
}

async function lifecycle(client) {
  const id = toDisposition.shift();
  if (!id) return intake(client);
  const admin = await tokenFor(client, 'admin@kukarkab.go.id');
  const before = await gql('lifecycle', client, OPS.REPORT_ACTIONS, { id }, admin);
  const r = before.report;
  if (!r?.availableActions.includes('DISPOSITION')) return;
  await gql('lifecycle', client, OPS.DISPOSITION_REPORT, { input: { reportId: id, expectedVersion: r.version } }, admin);
  const after = await gql('lifecycle', client, OPS.REPORT_ACTIONS, { id }, admin);
  const liaison = liaisonOf(after.report?.agency?.id);
  if (!liaison) return;
  const lt = await tokenFor(client, liaison);
  const mine = await gql('lifecycle', client, OPS.REPORT_ACTIONS, { id }, lt);
  if (!mine.report?.availableActions.includes('RESPOND')) return;
  await gql(
    'lifecycle',
    client,
    OPS.RESPOND_TO_REPORT,
    { input: { reportId: id, expectedVersion: mine.report.version, body: 'Terima kasih, laporan sudah kami terima dan petugas akan meninjau lokasi minggu ini.' } },
    lt,
  );
}

async function analytics(client) {
  const now = Date.now();
  const day = 86_400_000;
  const filter = { from: new Date(now - 30 * day).toISOString(), to: new Date(now).toISOString() };
  const previous = { from: new Date(now - 60 * day).toISOString(), to: filter.from };
  const token = Math.random() < 0.5 ? await tokenFor(client, 'pimpinan@kukarkab.go.id') : undefined;
  const which = Math.floor(Math.random() * 4);
  // the overview page's own variables: the period, overdue now, and the like-for-like comparison
  const kpis = { filter, now: {}, cmpCurrent: filter, previous, before: { to: previous.from }, compare: true };
  if (which === 0) await gql('analytics', client, OPS.OVERVIEW_KPIS, kpis, token);
  else if (which === 1) await gql('analytics', client, OPS.OVERVIEW_BREAKDOWN, { filter }, token);
  else if (which === 2) await gql('analytics', client, OPS.REPORT_TREND, { filter: {}, interval: pick(['DAY', 'WEEK', 'MONTH']) }, token);
  else await gql('analytics', client, OPS.AGENCY_LEADERBOARD, { filter, orderBy: 'TRANSPARENCY_INDEX', minReports: 1, first: 10 }, token);
}

const MIX = [
  [intake, 0.2],
  [tracking, 0.2],
  [search, 0.2],
  [lifecycle, 0.1],
  [analytics, 0.3],
];
function nextScenario() {
  let r = Math.random();
  for (const [fn, w] of MIX) if ((r -= w) < 0) return fn;
  return analytics;
}

// ---------------------------------------------------------------- memory sampling

const PROCESSES = stack ? ['gateway', 'agencies', 'reports', 'analytics'] : ['gateway'];
const samples = []; // { t, [name]: { rss, heap } }

function rssOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb * 1024 : null;
  } catch {
    return null;
  }
}

async function healthOf(name) {
  const url = name === 'gateway' ? `${origin}/health` : `http://127.0.0.1:${stack.ports[name]}/health`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return (await res.json()).memory ?? null;
  } catch {
    return null;
  }
}

const MB = (b) => (b == null ? '   n/a' : (b / 1048576).toFixed(1).padStart(6));
async function sample(t0) {
  const row = { t: (Date.now() - t0) / 1000 };
  for (const name of PROCESSES) {
    const mem = await healthOf(name);
    const pid = stack?.children[name]?.pid;
    row[name] = { rss: (pid && rssOf(pid)) ?? mem?.rss ?? null, heap: mem?.heapUsed ?? null };
  }
  samples.push(row);
  const total = Object.values(stats).reduce((a, s) => a + s.requests, 0);
  const errors = Object.values(stats).reduce((a, s) => a + s.errors, 0);
  console.log(
    `${row.t.toFixed(0).padStart(5)} s  ${String(total).padStart(7)} req ${String(errors).padStart(4)} err  ` +
      PROCESSES.map((n) => `${n} rss ${MB(row[n].rss)} heap ${MB(row[n].heap)} MB`).join(' | '),
  );
}

// ---------------------------------------------------------------- run

const t0 = Date.now();
const deadline = t0 + MINUTES * 60_000;
console.log(`Load: ${MINUTES} min, ${CONCURRENCY} clients, against ${GRAPHQL}`);
await sample(t0);
const sampler = setInterval(() => void sample(t0), SAMPLE_MS);

async function client(i) {
  const c = { ip: `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`, lang: i % 3 === 0 ? 'en' : 'id' };
  while (Date.now() < deadline && !stopping) {
    try {
      await nextScenario()(c);
    } catch (err) {
      if (!(err instanceof RequestFailed)) record('script', 0, `script error: ${err.message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => client(i)));
clearInterval(sampler);
await sample(t0);

// ---------------------------------------------------------------- report

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const elapsed = (Date.now() - t0) / 1000;
console.log(`\nRequests over ${elapsed.toFixed(0)} s with ${CONCURRENCY} clients:`);
console.log('  kind          requests   errors     p50 ms     p95 ms     p99 ms');
let totalReq = 0;
let totalErr = 0;
for (const [kind, s] of Object.entries(stats).sort()) {
  const sorted = s.latencies.slice().sort((a, b) => a - b);
  totalReq += s.requests;
  totalErr += s.errors;
  console.log(
    `  ${kind.padEnd(12)} ${String(s.requests).padStart(9)} ${String(s.errors).padStart(8)} ${pct(sorted, 50).toFixed(1).padStart(10)} ${pct(sorted, 95).toFixed(1).padStart(10)} ${pct(sorted, 99).toFixed(1).padStart(10)}` +
      (s.errors ? `   ${JSON.stringify(s.codes)}` : ''),
  );
}
console.log(`  ${'all'.padEnd(12)} ${String(totalReq).padStart(9)} ${String(totalErr).padStart(8)}   (${(totalReq / elapsed).toFixed(1)} req/s)`);
if (errorSamples.length) console.log('First errors:', errorSamples);
if (idempotencyMismatches) console.log(`Idempotency mismatches: ${idempotencyMismatches}`);

/**
 * Memory levelled off when the floor (minimum) of the last third of the samples is within GROWTH of the middle
 * third's floor. Floors, not means: V8's heap is a sawtooth (garbage piles up until a major GC), so a sample
 * taken at random mostly measures garbage; the floor is what survives collection — what a leak would raise.
 * Allowed rise: the larger of GROWTH and an absolute slack (16 MB heap; 64 MB RSS, which V8 gives back in steps).
 */
const SLACK = { heap: 16 * 1048576, rss: 64 * 1048576 };
function levelled(values, key) {
  const v = values.filter((x) => x != null);
  if (v.length < 6) return { verdict: 'too few samples', growth: NaN };
  const third = Math.floor(v.length / 3);
  const middle = Math.min(...v.slice(third, 2 * third));
  const last = Math.min(...v.slice(2 * third));
  const growth = (last - middle) / middle;
  const ok = last - middle <= Math.max(GROWTH * middle, SLACK[key]);
  return { verdict: ok ? 'levelled off' : 'still growing', growth, first: v[0], middle, last, max: Math.max(...v) };
}
console.log(`\nMemory (MB): first sample, floor (min) of the middle third, floor of the last third, max; growth of the floor, last vs middle third (allowed: ${(GROWTH * 100).toFixed(0)}% or 16 MB heap / 64 MB RSS)`);
let growing = false;
for (const name of PROCESSES) {
  for (const key of ['rss', 'heap']) {
    const r = levelled(samples.map((s) => s[name]?.[key]), key);
    if (r.verdict === 'still growing') growing = true;
    console.log(
      `  ${name.padEnd(10)} ${key.padEnd(5)} ${MB(r.first)} ${MB(r.middle)} ${MB(r.last)} ${MB(r.max)}   ${Number.isFinite(r.growth) ? `${(r.growth * 100).toFixed(1).padStart(5)}%` : '     '}  ${r.verdict}`,
    );
  }
}
if (stack) console.log(`Restarts during the run: ${JSON.stringify(stack.restarts())}`);
console.log(`\nVerdict: ${totalErr === 0 ? '0 errors' : `${totalErr} errors`}; memory ${growing ? 'still growing' : 'levelled off'}.`);
await cleanup();
process.exit(totalErr === 0 && !growing ? 0 : 1);
