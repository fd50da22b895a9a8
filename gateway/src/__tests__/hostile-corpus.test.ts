/**
 * The hostile corpus (gateway/hostile/*.json: one file per category) against the four real processes,
 * started by the shared launcher on free ports with the embedded store.
 *
 * Every case asserts its exact refusal; every response is also checked for what must never happen (a 5xx,
 * a stack trace, an absolute path or an internal URL, an HTML page on an API path, an error not in the one
 * JSON shape); after each category the four processes must still answer /health and the stores must be
 * unchanged (all rows of all tables hashed, read-only) except for the writes the category declares.
 *
 * Each case comes from its own client address (X-Forwarded-For, trusted from loopback), so rate limits
 * do not bleed between cases; the rate-limit cases share an address on purpose.
 *
 * A summary (cases per category, refusals per code, the slowest refused case) is printed at the end and
 * written to HOSTILE_SUMMARY_FILE (default /work/notes/corpus-summary.txt when /work/notes exists).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as common from '@pantau/common';
import { freePorts, startStack } from './stack-helpers';
import {
  compareSnapshots,
  countProblems,
  expand,
  expectationProblems,
  genericProblems,
  loadCorpus,
  multipartBody,
  outcomeOf,
  mp4OfSize,
  pdfOfSize,
  rawRequest,
  serviceCredential,
  snapshotStores,
  specialToken,
  stepsOf,
  type Category,
  type HostileCase,
  type HttpResult,
  type RequestSpec,
  type StoreSnapshot,
  type Target,
} from './hostile-support';

const CORPUS_DIR = path.resolve(__dirname, '../../hostile');
const ROOT = path.resolve(__dirname, '../../..');
const corpus: Category[] = loadCorpus(CORPUS_DIR);

/** Demo accounts behind the `as` roles of the data files (services/agencies/seed/demo-accounts.json). */
const ROLE_ACCOUNTS: Record<string, string> = {
  ADMIN: 'admin@kukarkab.go.id',
  OMBUDSMAN: 'ombudsman@ombudsman.go.id',
  LEADERSHIP: 'pimpinan@kukarkab.go.id',
  LIAISON: 'sekretaris.pupr@kukarkab.go.id',
  LIAISON_DESA: 'sekdes.sebemban@kukarkab.go.id',
  /** Deactivated by the admin after signing in. */
  DEACTIVATED: 'narahubung@pu.go.id',
  /** Its role changed by the admin after signing in (LIAISON → LEADERSHIP). */
  ROLE_CHANGED: 'sekretaris.pupr@kaltimprov.go.id',
};
const DEMO_PASSWORD = JSON.parse(fs.readFileSync(path.join(ROOT, 'services/agencies/seed/demo-accounts.json'), 'utf8')).password as string;
const ATTACHMENT_LIMIT = 262144;
const EXIF_JPEG = fs.readFileSync(path.join(CORPUS_DIR, 'fixtures/exif.jpg.b64'), 'utf8').trim();

type Stack = Awaited<ReturnType<typeof startStack>> & { children?: Record<string, { pid?: number }> };

let stack: Stack;
let dataDir: string;
let logFile: string;
const ports: Record<Target, number> = { gateway: 0, agencies: 0, reports: 0, analytics: 0 };
const tokens: Record<string, string> = {};
const fixtures: Record<string, unknown> = {};
let keys: { jwtKey: Uint8Array; serviceKey: Uint8Array };
let validCredential = '';

interface Outcome {
  category: string;
  id: string;
  outcomes: string[];
  ms: number;
  refused: boolean;
  problems: string[];
}
const results: Outcome[] = [];
let ipCounter = 0;

function nextIp(): string {
  ipCounter++;
  return `198.18.${Math.floor(ipCounter / 250) % 256}.${(ipCounter % 250) + 1}`;
}

async function gql(query: string, variables?: unknown, headers: Record<string, string> = {}) {
  const res = await rawRequest({
    port: ports.gateway,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp(), ...headers },
    body: Buffer.from(JSON.stringify({ query, variables })),
  });
  return res;
}

async function gqlOk(query: string, variables?: unknown, headers: Record<string, string> = {}) {
  const res = await gql(query, variables, headers);
  if (res.status !== 200 || res.json?.errors) throw new Error(`fixture failed: ${res.status} ${res.text.slice(0, 500)}`);
  return res.json.data;
}

async function signIn(email: string) {
  const d = await gqlOk('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token account { id } } }', { e: email, p: DEMO_PASSWORD });
  return d.signIn as { token: string; account: { id: string } };
}

async function upload(content: Buffer, filename: string, contentType: string, headers: Record<string, string> = {}) {
  const mp = multipartBody({ filename, contentType }, content);
  const res = await rawRequest({
    port: ports.gateway,
    method: 'POST',
    path: '/attachments',
    headers: { 'content-type': mp.contentType, 'x-forwarded-for': nextIp(), ...headers },
    body: mp.body,
  });
  if (res.status !== 201) throw new Error(`fixture upload failed: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json as { id: string };
}

/** Analytics has applied every event in the reports outbox (so a snapshot does not catch it mid-way). */
async function analyticsSettled(timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = new Database(path.join(dataDir, 'reports.sqlite'), { readonly: true });
    const a = new Database(path.join(dataDir, 'analytics.sqlite'), { readonly: true });
    try {
      const head = (r.prepare('SELECT MAX(seq) AS m FROM outbox_event').get() as { m: number | null }).m ?? 0;
      const cursor = (a.prepare("SELECT seq FROM analytics_cursor WHERE name = 'reports-outbox'").get() as { seq: number } | undefined)?.seq ?? 0;
      if (cursor >= head) return;
    } finally {
      r.close();
      a.close();
    }
    if (Date.now() > deadline) throw new Error('analytics did not catch up with the reports outbox');
    await new Promise((res) => setTimeout(res, 200));
  }
}

async function healthProblems(): Promise<string[]> {
  const problems: string[] = [];
  for (const t of Object.keys(ports) as Target[]) {
    const res = await rawRequest({ port: ports[t], method: 'GET', path: '/health', headers: { accept: 'application/json' }, timeoutMs: 5000 });
    if (res.status !== 200) problems.push(`${t} /health: ${res.status} ${res.error ?? res.text.slice(0, 100)}`);
  }
  return problems;
}

/** Files or descriptors an aborted upload may have left behind in the reports or gateway process. */
function leftovers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.part$|\.tmp$|^tmp-|upload/i.test(e.name) || path.basename(dir) === 'tmp') found.push(`file ${p}`);
    }
  };
  walk(path.join(dataDir, 'attachments'));
  for (const name of ['reports', 'gateway']) {
    const pid = stack.children?.[name]?.pid;
    if (!pid) continue;
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        let target = '';
        try {
          target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          continue;
        }
        if (target.startsWith(path.join(dataDir, 'attachments'))) found.push(`${name} holds ${target}`);
      }
    } catch {
      /* no /proc */
    }
  }
  return found;
}

async function buildRequest(c: HostileCase, spec: RequestSpec, ip: string) {
  const target = c.target;
  const headers: Record<string, string> = {};
  let body: Buffer | undefined;
  let contentType: string | null | undefined;
  if (spec.query !== undefined || spec.variables !== undefined || spec.operationName !== undefined) {
    const b: Record<string, unknown> = {};
    if (spec.query !== undefined) b.query = spec.query;
    if (spec.variables !== undefined) b.variables = spec.variables;
    if (spec.operationName !== undefined) b.operationName = spec.operationName;
    body = Buffer.from(JSON.stringify(b));
    contentType = 'application/json';
  } else if (spec.json !== undefined) {
    body = Buffer.from(JSON.stringify(spec.json));
    contentType = 'application/json';
  } else if (spec.raw !== undefined) {
    body = Buffer.from(spec.raw, 'utf8');
  } else if (spec.rawBase64 !== undefined) {
    body = Buffer.from(spec.rawBase64, 'base64');
  } else if (spec.generated) {
    const size = sizeOf(spec.generated.size);
    const prefix = Buffer.from(spec.generated.prefix ?? '');
    const suffix = Buffer.from(spec.generated.suffix ?? '');
    const fill = Buffer.alloc(Math.max(0, size - prefix.length - suffix.length), spec.generated.fill ?? 'x');
    body = Buffer.concat([prefix, fill, suffix]);
  } else if (spec.multipart) {
    const mp = spec.multipart;
    let content: Buffer;
    if (mp.base64 !== undefined) content = Buffer.from(mp.base64, 'base64');
    else if (mp.fixture === 'exifJpeg') content = Buffer.from(EXIF_JPEG, 'base64');
    else if (mp.text !== undefined) content = Buffer.from(mp.text, 'utf8');
    else if (mp.pdfBytes !== undefined) content = pdfOfSize(sizeOf(mp.pdfBytes));
    else if (mp.mp4Bytes !== undefined) content = mp4OfSize(sizeOf(mp.mp4Bytes));
    else content = Buffer.alloc(0);
    const built = multipartBody(mp, content);
    body = built.body;
    contentType = built.contentType;
  }
  let pathAndQuery = spec.path ?? '/graphql';
  if (spec.get) {
    const qs = new URLSearchParams();
    if (spec.get.query !== undefined) qs.set('query', spec.get.query);
    if (spec.get.variables !== undefined) qs.set('variables', JSON.stringify(spec.get.variables));
    if (spec.get.operationName !== undefined) qs.set('operationName', spec.get.operationName);
    pathAndQuery += (pathAndQuery.includes('?') ? '&' : '?') + qs.toString();
  }
  if (spec.contentType !== undefined) contentType = spec.contentType;
  if (contentType) headers['content-type'] = contentType;
  headers.accept = 'application/json';
  if (target === 'gateway') {
    if (!c.noForwardedFor) headers['x-forwarded-for'] = ip;
  } else {
    Object.assign(
      headers,
      await serviceCredential(spec.credential ?? 'valid', {
        serviceKey: keys.serviceKey,
        jwtKey: keys.jwtKey,
        valid: validCredential,
        staffToken: tokens.ADMIN,
      }),
    );
    if ((spec.credential ?? 'valid') === 'valid') headers['x-pantau-client-ip'] = ip;
  }
  if (spec.as) {
    if (!tokens[spec.as]) throw new Error(`${c.id}: no token for role ${spec.as}`);
    headers.authorization = `Bearer ${tokens[spec.as]}`;
  }
  if (spec.token) {
    const t = await specialToken(spec.token, { jwtKey: keys.jwtKey, serviceCredential: validCredential, adminToken: tokens.ADMIN });
    headers.authorization = spec.token === 'basic-auth' ? `Basic ${t}` : `Bearer ${t}`;
  }
  for (const [k, v] of Object.entries(spec.headers ?? {})) {
    if (v === null) delete headers[k.toLowerCase()];
    else headers[k.toLowerCase()] = v;
  }
  return {
    port: ports[target],
    method: spec.method ?? (spec.get ? 'GET' : 'POST'),
    path: pathAndQuery,
    headers,
    body,
    abortAfterBytes: spec.abortAfterBytes,
    timeoutMs: spec.timeoutMs ?? 20000,
  };
}

function sizeOf(v: number | string): number {
  if (typeof v === 'number') return v;
  const m = /^limit([+-]\d+)?$/.exec(v);
  if (m) return ATTACHMENT_LIMIT + Number(m[1] ?? 0);
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`bad size ${v}`);
  return n;
}

async function runCase(category: Category, c: HostileCase): Promise<Outcome> {
  const caseIp = nextIp();
  const ipOf: Record<string, string> = {};
  const problems: string[] = [];
  const outcomes: string[] = [];
  let slowestRefusal = 0;
  let refused = false;
  const vars: Record<string, unknown> = {};
  fixtures.var = vars;
  for (const [si, rawStep] of stepsOf(c).entries()) {
    if (rawStep.delayMs) await new Promise((r) => setTimeout(r, rawStep.delayMs));
    const n = rawStep.parallel ?? rawStep.repeat ?? 1;
    const stepResults: HttpResult[] = [];
    const one = async (i: number) => {
      const spec = expand(rawStep.request, fixtures, i);
      const ip = spec.ip ? (ipOf[spec.ip] ??= nextIp()) : caseIp;
      return rawRequest(await buildRequest(c, spec, ip));
    };
    if (rawStep.parallel) stepResults.push(...(await Promise.all(Array.from({ length: n }, (_, i) => one(i)))));
    else for (let i = 0; i < n; i++) stepResults.push(await one(i));
    const expectation = expand(rawStep.expect, fixtures);
    const label = stepsOf(c).length > 1 ? `step ${si + 1}: ` : '';
    for (const [i, res] of stepResults.entries()) {
      outcomes.push(outcomeOf(res));
      if (res.status >= 400 || res.json?.errors?.length) {
        refused = true;
        slowestRefusal = Math.max(slowestRefusal, res.ms);
      }
      const rep = n > 1 ? `#${i} ` : '';
      problems.push(...genericProblems(res, expectation, leak()).map((p) => `${label}${rep}${p}`));
      const applies = !expectation.counts && (rawStep.expectOn !== 'last' || i === stepResults.length - 1);
      if (applies) problems.push(...expectationProblems(res, expectation).map((p) => `${label}${rep}${p}`));
      if ((res.aborted && expectation.aborted) || expectation.leftovers) {
        // the server must release the partial file and its descriptor
        let left: string[] = [];
        const deadline = Date.now() + 5000;
        do {
          await new Promise((r) => setTimeout(r, 250));
          left = leftovers();
        } while (left.length && Date.now() < deadline);
        problems.push(...left.map((l) => `${label}left behind after abort: ${l}`));
      }
    }
    for (const [name, at] of Object.entries(rawStep.save ?? {})) {
      const last = stepResults[stepResults.length - 1];
      vars[name] = at.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), last?.json);
    }
    if (expectation.counts) problems.push(...countProblems(stepResults.map(outcomeOf), expectation.counts).map((p) => `${label}${p}`));
  }
  return { category: category.category, id: c.id, outcomes, ms: slowestRefusal, refused, problems };
}

function leak() {
  return { paths: [ROOT, dataDir, os.tmpdir() + path.sep + 'pantau'], internalPorts: [ports.agencies, ports.reports, ports.analytics] };
}

async function createFixtures() {
  for (const [role, email] of Object.entries(ROLE_ACCOUNTS)) {
    const s = await signIn(email);
    tokens[role] = s.token;
    fixtures[`account_${role}`] = s.account.id;
  }
  const adminAuth = { authorization: `Bearer ${tokens.ADMIN}` };

  // Reports: one public with a named reporter, one anonymous + confidential with an identifying photo.
  const submit = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id trackingId } } }`;
  const pub = await gqlOk(submit, {
    input: {
      title: 'Lampu jalan padam di Tenggarong',
      body: 'Lampu penerangan jalan umum di depan pasar padam sejak dua minggu, rawan kecelakaan malam hari.',
      topic: 'JALAN',
      classification: 'PENGADUAN',
      regionCode: '64.02.06',
      reporter: { name: 'Siti Terbuka', phone: '0812-1111-2222', email: 'siti@example.org' },
      idempotencyKey: 'hostile-fixture-public-0001',
    },
  });
  fixtures.publicReportId = pub.submitReport.report.id;
  fixtures.publicTrackingId = pub.submitReport.report.trackingId;
  fixtures.idempotencyKey = 'hostile-fixture-public-0001';

  const photo = await upload(Buffer.from(EXIF_JPEG, 'base64'), 'KTP_Budi_Santoso_081234567890.jpg', 'image/jpeg');
  const secretReport = await gqlOk(submit, {
    input: {
      title: 'Pungutan liar di kantor desa',
      body: 'Petugas meminta uang lima ratus ribu rupiah untuk surat keterangan domisili, tanpa kuitansi.',
      topic: 'ADMINISTRASI_DESA',
      classification: 'PENGADUAN',
      regionCode: '64.02.18.2002',
      anonymous: true,
      confidential: true,
      reporter: { name: 'Budi Rahasia', phone: '0813-9999-8888', email: 'budi.rahasia@example.org' },
      attachmentIds: [photo.id],
      idempotencyKey: 'hostile-fixture-secret-0001',
    },
  });
  fixtures.secretReportId = secretReport.submitReport.report.id;
  fixtures.secretTrackingId = secretReport.submitReport.report.trackingId;
  fixtures.secretAttachmentId = photo.id;
  await gqlOk(
    'mutation($id: ID!) { dispositionReport(input: { reportId: $id, agencyId: "kukar-pupr", note: "Diteruskan" }) { report { id } } }',
    { id: fixtures.secretReportId },
    adminAuth,
  );
  await gqlOk(
    'mutation($id: ID!) { dispositionReport(input: { reportId: $id, agencyId: "kukar-pupr", note: "Diteruskan" }) { report { id } } }',
    { id: fixtures.publicReportId },
    adminAuth,
  );

  // An upload not attached to any report (its uploader and admins only).
  fixtures.orphanAttachmentId = (await upload(pdfOfSize(2000), 'lampiran.pdf', 'application/pdf', adminAuth)).id;
  fixtures.orphanAttachmentId2 = (await upload(pdfOfSize(2001), 'lampiran-2.pdf', 'application/pdf', adminAuth)).id;

  // Accounts for spraying: liaisons of the regency.
  const ag = new Database(path.join(dataDir, 'agencies.sqlite'), { readonly: true });
  try {
    fixtures.liaisonEmails = (
      ag.prepare("SELECT email FROM staff_accounts WHERE role = 'LIAISON' AND email LIKE 'sekretaris.%@kukarkab.go.id' ORDER BY email").all() as Array<{ email: string }>
    ).map((r) => r.email);
  } finally {
    ag.close();
  }

  // Revocation: deactivate one account, change another's role (tokens signed before must stop working).
  await gqlOk('mutation($id: ID!) { deactivateStaffAccount(id: $id) { id } }', { id: fixtures.account_DEACTIVATED }, adminAuth);
  await gqlOk('mutation($id: ID!) { changeStaffRole(id: $id, role: LEADERSHIP) { id } }', { id: fixtures.account_ROLE_CHANGED }, adminAuth);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-hostile-'));
  logFile = path.join(dataDir, 'stack.log');
  const free = await freePorts();
  const env: Record<string, string> = {
    PANTAU_DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
    PANTAU_DEMO: '1',
    PANTAU_DEMO_REPORTS: '40',
    LOG_LEVEL: 'warn',
    PANTAU_TRUST_PROXY: 'loopback',
    PANTAU_TOKEN_RECHECK_SECONDS: '1',
    // the general per-address budget, pinned so abuse/general-per-address needs 320 requests, not 1,220
    PANTAU_RATE_LIMIT_GENERAL: '300/60',
    ATTACHMENT_MAX_BYTES: String(ATTACHMENT_LIMIT),
    NODE_ENV: 'test',
  };
  // the test process signs with the same keys (serviceHeaders() reads them from the data directory)
  process.env.PANTAU_DATA_DIR = dataDir;
  delete process.env.PANTAU_JWT_SECRET;
  delete process.env.PANTAU_SERVICE_SECRET;
  delete process.env.DATABASE_URL;
  stack = (await startStack({ env, ports: free, stdio: 'pipe', readyTimeoutMs: 120000 })) as Stack;
  const log = fs.createWriteStream(logFile);
  for (const [name, child] of Object.entries(stack.children ?? {})) {
    const ch = child as unknown as { stdout?: NodeJS.ReadableStream; stderr?: NodeJS.ReadableStream };
    ch.stdout?.on('data', (d: Buffer) => log.write(`[${name}] ${d}`));
    ch.stderr?.on('data', (d: Buffer) => log.write(`[${name}] ${d}`));
  }
  Object.assign(ports, free);

  const keyFile = path.join(dataDir, 'keys.json');
  const enc = new TextEncoder();
  const k = fs.existsSync(keyFile) ? JSON.parse(fs.readFileSync(keyFile, 'utf8')) : {};
  keys = { jwtKey: enc.encode(k.jwtSecret ?? ''), serviceKey: enc.encode(k.serviceSecret ?? '') };
  const sh = (common as unknown as { serviceHeaders?: () => Promise<Record<string, string>> }).serviceHeaders;
  validCredential = sh ? (await sh())['x-pantau-service'] : '';

  await createFixtures();
  await new Promise((r) => setTimeout(r, 2500)); // past PANTAU_TOKEN_RECHECK_SECONDS
  await analyticsSettled();
}, 180000);

afterAll(async () => {
  await stack?.stop();
  writeSummary();
  if (dataDir && !process.env.HOSTILE_KEEP) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.each(corpus.map((c) => [c.category, c] as const))('hostile corpus: %s', (_name, category) => {
  let before: StoreSnapshot;
  beforeAll(async () => {
    await analyticsSettled();
    before = snapshotStores(dataDir);
  });

  it.each(category.cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const outcome = await runCase(category, c);
    results.push(outcome);
    if (outcome.problems.length) {
      throw new Error(`${c.id} (${c.title}) via ${c.target}:\n  - ${outcome.problems.slice(0, 20).join('\n  - ')}\n  outcomes: ${summarise(outcome.outcomes)}`);
    }
  });

  it('leaves every process answering and the stores unchanged (except declared writes)', async () => {
    const problems = await healthProblems();
    await analyticsSettled().catch((e: Error) => problems.push(e.message));
    // background housekeeping on the consumer's own clock, whatever the requests: once a minute it prunes the
    // pending deadlines that have passed and stores that horizon beside its cursor
    const housekeeping = { 'analytics.analytics_pending': 'any', 'analytics.analytics_cursor': 'any' } as const;
    problems.push(...compareSnapshots(before, snapshotStores(dataDir), { ...housekeeping, ...category.allowWrites }));
    if (problems.length) throw new Error(`${category.category}:\n  - ${problems.join('\n  - ')}`);
  });
});

function summarise(outcomes: string[]): string {
  if (outcomes.length <= 12) return outcomes.join(', ');
  const tally: Record<string, number> = {};
  for (const o of outcomes) tally[o] = (tally[o] ?? 0) + 1;
  return Object.entries(tally)
    .map(([o, n]) => `${o} × ${n}`)
    .join(', ');
}

function writeSummary() {
  if (!results.length) return;
  const lines: string[] = [];
  const cats = corpus.map((c) => c.category);
  lines.push(`Hostile corpus: ${results.length} cases run, ${results.filter((r) => r.problems.length).length} failing`);
  lines.push('');
  lines.push(`${'category'.padEnd(22)} ${'cases'.padStart(6)} ${'failing'.padStart(8)}`);
  for (const cat of cats) {
    const rs = results.filter((r) => r.category === cat);
    lines.push(`${cat.padEnd(22)} ${String(rs.length).padStart(6)} ${String(rs.filter((r) => r.problems.length).length).padStart(8)}`);
  }
  lines.push(`${'total'.padEnd(22)} ${String(results.length).padStart(6)} ${String(results.filter((r) => r.problems.length).length).padStart(8)}`);
  lines.push('');
  const byCode: Record<string, number> = {};
  for (const r of results) for (const o of r.outcomes) if (o !== 'OK') byCode[o] = (byCode[o] ?? 0) + 1;
  lines.push('responses by outcome (every request sent, including repeated and parallel steps; OK omitted):');
  for (const [code, n] of Object.entries(byCode).sort((a, b) => b[1] - a[1])) lines.push(`  ${code.padEnd(28)} ${String(n).padStart(6)}`);
  const slowest = results.filter((r) => r.refused).sort((a, b) => b.ms - a.ms)[0];
  if (slowest) lines.push('', `slowest refused case: ${slowest.category}/${slowest.id} — ${slowest.ms.toFixed(1)} ms (${slowest.outcomes.slice(-1)[0]})`);
  const slowestSingle = results.filter((r) => r.refused && r.outcomes.length === 1).sort((a, b) => b.ms - a.ms)[0];
  if (slowestSingle) lines.push(`slowest refused single request: ${slowestSingle.category}/${slowestSingle.id} — ${slowestSingle.ms.toFixed(1)} ms (${slowestSingle.outcomes[0]})`);
  const text = lines.join('\n') + '\n';
  console.log(text);
  const target = process.env.HOSTILE_SUMMARY_FILE ?? (fs.existsSync('/work/notes') ? '/work/notes/corpus-summary.txt' : '');
  if (target) {
    try {
      fs.writeFileSync(target, text);
    } catch {
      /* best effort */
    }
  }
}
