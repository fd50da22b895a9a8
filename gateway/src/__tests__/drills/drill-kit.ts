import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { freePort, freePorts, startStack } from '../stack-helpers';

/**
 * Shared pieces of the fault drills: a bounded burst of citizen submissions through the gateway (each with
 * its own idempotency key, retried with that key until acknowledged), and checks of every acknowledged
 * report against the reports store itself.
 */

export interface Ack {
  key: string;
  id: string;
  trackingId: string;
  created: boolean;
  attempts: number;
}

export interface BurstResult {
  acks: Ack[];
  /** Every attempt that did not end in an acknowledgement, with why (refusal, error code, timeout). */
  failures: Array<{ key: string; reason: string }>;
  /** Keys never acknowledged before the deadline. */
  unacknowledged: string[];
}

const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { created report { id trackingId } } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One submission attempt. Anything but a well-formed acknowledgement is a failure with a reason. */
export async function submitOnce(graphqlUrl: string, key: string, n: number): Promise<{ ack?: Omit<Ack, 'attempts'>; reason?: string; retryAfterMs?: number }> {
  let res: Response;
  try {
    res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({
        query: SUBMIT,
        variables: {
          input: {
            title: `Drill report ${n}: jalan berlubang`,
            body: `Laporan latihan gangguan nomor ${n}: jalan berlubang di depan sekolah, membahayakan pengendara motor.`,
            topic: 'KESEHATAN',
            classification: 'PENGADUAN',
            regionCode: '64.02.18.2003',
            idempotencyKey: key,
          },
        },
      }),
      signal: AbortSignal.timeout(15000),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { reason: `network: ${e.cause?.code ?? e.name}` };
  }
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return { reason: `HTTP ${res.status} (not JSON)` };
  }
  const payload = body?.data?.submitReport;
  if (payload?.report?.trackingId && payload?.report?.id && !body.errors) {
    return { ack: { key, id: payload.report.id, trackingId: payload.report.trackingId, created: payload.created } };
  }
  const code = body?.errors?.[0]?.extensions?.code ?? 'NO_CODE';
  const retryAfter = Number(body?.errors?.[0]?.extensions?.retryAfterSeconds ?? res.headers.get('retry-after') ?? 0);
  return { reason: `HTTP ${res.status} ${code}`, retryAfterMs: retryAfter > 0 ? Math.min(retryAfter * 1000, 5000) : undefined };
}

/**
 * `count` clients, `concurrency` at a time, each submitting one report with its own key and retrying with
 * the same key (every 250 ms) until acknowledged or `deadlineMs` passes. `during` runs once when `triggerAt`
 * acknowledgements have arrived (the fault), concurrently with the burst.
 */
export async function burst(
  graphqlUrl: string,
  opts: { count: number; concurrency?: number; prefix: string; deadlineMs?: number; triggerAt?: number; during?: () => Promise<void> },
): Promise<BurstResult & { fault?: Promise<void> }> {
  const acks: Ack[] = [];
  const failures: BurstResult['failures'] = [];
  const unacknowledged: string[] = [];
  const deadline = Date.now() + (opts.deadlineMs ?? 60000);
  let next = 0;
  let fault: Promise<void> | undefined;
  const maybeTrigger = () => {
    if (!fault && opts.during && acks.length >= (opts.triggerAt ?? Math.floor(opts.count / 3))) fault = opts.during();
  };
  const worker = async () => {
    for (;;) {
      const n = next++;
      if (n >= opts.count) return;
      const key = `${opts.prefix}-${n}`;
      for (let attempts = 1; ; attempts++) {
        const r = await submitOnce(graphqlUrl, key, n);
        if (r.ack) {
          acks.push({ ...r.ack, attempts });
          maybeTrigger();
          break;
        }
        failures.push({ key, reason: r.reason ?? '?' });
        if (Date.now() > deadline) {
          unacknowledged.push(key);
          break;
        }
        await sleep(r.retryAfterMs ?? 250);
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  if (process.env.DRILL_VERBOSE === '1') {
    const reasons: Record<string, number> = {};
    for (const f of failures) reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
    const retried = acks.filter((a) => a.attempts > 1).length;
    const replayed = acks.filter((a) => !a.created).length;
    console.info(`[drill ${opts.prefix}] ${acks.length}/${opts.count} acknowledged in ${Date.now() - started} ms; ${failures.length} failed attempts ${JSON.stringify(reasons)}; ${retried} needed retries; ${replayed} answered by key replay`);
  }
  return { acks, failures, unacknowledged, fault };
}

/** Reads the reports store (SQLite file or MySQL database) with plain SQL. */
export interface StoreReader {
  all(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

export function sqliteReader(file: string): StoreReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    all: async (sql, params = []) => db.prepare(sql).all(...params),
    close: async () => db.close(),
  };
}

export async function mysqlReader(serverUrl: string, database: string): Promise<StoreReader> {
  const u = new URL(serverUrl.replace(/^mariadb:/, 'mysql:'));
  const conn = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password), database });
  return {
    all: async (sql, params = []) => (await conn.query(sql, params))[0] as Array<Record<string, unknown>>,
    close: () => conn.end(),
  };
}

/**
 * Every acknowledged report is stored exactly once (one row for its key, with the acknowledged id and
 * tracking ID), has its timeline, and exactly one set of outbox events (no event type twice); and the
 * store holds no report that was not acknowledged. Returns the problems found (empty: all good).
 */
export async function checkAcknowledged(reader: StoreReader, acks: Ack[], opts: { expectedTotal?: number } = {}): Promise<string[]> {
  const problems: string[] = [];
  const keys = new Set(acks.map((a) => a.key));
  if (keys.size !== acks.length) problems.push(`${acks.length - keys.size} keys acknowledged twice in the burst`);
  for (const a of acks) {
    const rows = await reader.all('SELECT id, trackingId FROM report WHERE idempotencyKey = ?', [a.key]);
    if (rows.length !== 1) {
      problems.push(`${a.key}: ${rows.length} stored reports`);
      continue;
    }
    if (rows[0].id !== a.id || rows[0].trackingId !== a.trackingId) problems.push(`${a.key}: stored ${rows[0].trackingId}, acknowledged ${a.trackingId}`);
    const timeline = await reader.all('SELECT type FROM timeline_event WHERE reportId = ?', [a.id]);
    if (timeline.length < 1) problems.push(`${a.key}: no timeline`);
    const outbox = await reader.all('SELECT type, COUNT(*) AS n FROM outbox_event WHERE reportId = ? GROUP BY type', [a.id]);
    if (outbox.length < 1) problems.push(`${a.key}: no outbox events`);
    for (const o of outbox) if (Number(o.n) !== 1) problems.push(`${a.key}: outbox event ${String(o.type)} ×${String(o.n)}`);
  }
  const [{ n }] = await reader.all('SELECT COUNT(*) AS n FROM report');
  const expected = opts.expectedTotal ?? acks.length;
  if (Number(n) !== expected) problems.push(`the store holds ${String(n)} reports, expected ${expected}`);
  return problems;
}

/** Polls analyticsOverview through the gateway until `volume` equals `expected` (or the timeout). */
export async function analyticsVolume(graphqlUrl: string, expected: number, timeoutMs = 30000): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  let last: number | null = null;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ analyticsOverview { volume } }' }),
        signal: AbortSignal.timeout(5000),
      });
      const body: any = await res.json();
      if (typeof body?.data?.analyticsOverview?.volume === 'number') last = body.data.analyticsOverview.volume;
      if (last === expected) return last;
    } catch {
      /* not answering yet */
    }
    await sleep(300);
  }
  return last;
}

export function killService(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL') {
  if (pid) process.kill(pid, signal);
}

/** Resolves when something accepts TCP connections on the port. */
export async function waitPort(port: number, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}

/** A program on PATH or in the sbin directories (mariadbd lives in /usr/sbin on Debian). */
export function findProgram(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'];
  for (const d of dirs) {
    const p = path.join(d, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

export function hasMariadbd(): boolean {
  return findProgram('mariadbd') !== null && findProgram('mariadb-install-db') !== null;
}

/**
 * A private MariaDB server for one test: its own data directory (mariadb-install-db) and port, never the
 * machine's shared server. restart() stops it (SIGTERM, clean shutdown) and starts it again on the same
 * data; stop() ends it and removes the directory.
 */
export async function startPrivateMariadb(): Promise<{ port: number; url: string; restart(downMs?: number): Promise<void>; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-drill-mariadb-'));
  const datadir = path.join(dir, 'data');
  execFileSync(findProgram('mariadb-install-db') ?? 'mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal'], {
    stdio: 'ignore',
  });
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const killOnExit = () => {
    try {
      if (proc?.pid) process.kill(-proc.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killOnExit);
  const start = async () => {
    proc = spawn(
      findProgram('mariadbd') ?? 'mariadbd',
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--port=${port}`,
        `--socket=${path.join(dir, 's')}`,
        `--pid-file=${path.join(dir, 'pid')}`,
        '--user=root',
        '--bind-address=127.0.0.1',
        '--innodb-buffer-pool-size=64M',
        '--max-connections=200',
      ],
      { detached: true, stdio: ['ignore', 'ignore', fs.openSync(path.join(dir, 'log'), 'a')] },
    );
    await waitPort(port, 30000);
  };
  const halt = async (signal: NodeJS.Signals) => {
    const p = proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const hard = setTimeout(() => killOnExit(), 20000);
      p.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      if (p.pid) process.kill(-p.pid, signal);
    });
  };
  await start();
  return {
    port,
    url: `mysql://root@127.0.0.1:${port}`,
    async restart(downMs = 1000) {
      await halt('SIGTERM');
      await sleep(downMs);
      await start();
    },
    async stop() {
      await halt('SIGTERM');
      process.removeListener('exit', killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The drills measure faults, not abuse control: the gateway's per-address budgets are lifted (in memory). */
export const DRILL_LIMITS: Record<string, string> = {
  REDIS_URL: '',
  PANTAU_RATE_LIMIT_GENERAL: '100000/60',
  PANTAU_RATE_LIMIT_SUBJECT: '100000/60',
  PANTAU_RATE_LIMIT_SUBMIT_REPORT: '100000/60',
  PANTAU_RATE_LIMIT_TRACKING: '100000/60',
};

/** A supervised stack on the embedded store in a fresh data directory, on free ports. */
export async function startDrillStack(env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-drill-'));
  const events: string[] = [];
  try {
    const stack = await startStack({
      env: { PANTAU_DATA_DIR: dataDir, DATABASE_URL: '', PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn', ...DRILL_LIMITS, ...env },
      ports: await freePorts(),
      stdio: 'ignore',
      supervise: true,
      backoff: { initialMs: 200 },
      onEvent: (e) => events.push(`${e.type} ${e.service}`),
    });
    return {
      stack,
      dataDir,
      events,
      async cleanup() {
        await stack.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
