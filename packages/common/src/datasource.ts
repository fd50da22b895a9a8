import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import mysql from 'mysql2/promise';
import { dataDir, envInt } from './config';
import { createLogger, type Logger } from './logger';

/**
 * Storage switch (one module for every service):
 * - `DATABASE_URL` (or `<SERVICE>_DATABASE_URL`) = `mysql://…` or `mariadb://…` → typeorm on mysql2, one database
 *   (schema) per service, created if missing, migrations run on start;
 * - unset → an embedded SQLite file per service under `data/` (better-sqlite3), created and migrated on start.
 */
export type StoreConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mysql'; url: string; database: string };

export function storeConfig(service: string, env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const url = env[`${service.toUpperCase()}_DATABASE_URL`] || env.DATABASE_URL;
  if (!url) return { kind: 'sqlite', path: path.join(dataDir(env), `${service}.sqlite`) };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', path: path.resolve(url.slice('sqlite:'.length)) };
  if (!/^(mysql|mariadb):\/\//.test(url)) {
    throw new Error(`DATABASE_URL must start with mysql:// or mariadb:// (got "${url.split(':')[0]}:")`);
  }
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const prefix = parsed.pathname.replace(/^\//, '') || 'pantau';
  parsed.pathname = '/';
  return { kind: 'mysql', url: parsed.toString(), database: `${prefix}_${service}` };
}

export function isMysql(ds: DataSource | EntityManager): boolean {
  const type = ('options' in ds ? ds.options : ds.connection.options).type;
  return type === 'mysql' || type === 'mariadb';
}

function mysqlCredentials(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
  };
}

/** Creates the database if missing and tells whether the server is MariaDB. */
export async function ensureMysqlDatabase(url: string, database: string): Promise<{ mariadb: boolean }> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Unsafe database name "${database}"`);
  const conn = await mysql.createConnection({ ...mysqlCredentials(url), connectTimeout: 5000 });
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return { mariadb: /mariadb/i.test(String((rows as Array<{ v: string }>)[0].v)) };
  } finally {
    await conn.end();
  }
}

export async function dropMysqlDatabase(url: string, database: string): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Unsafe database name "${database}"`);
  const conn = await mysql.createConnection({ ...mysqlCredentials(url), connectTimeout: 5000 });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}

/** A database that cannot be used; `retryable` tells whether waiting may help. The message never holds the password. */
export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Driver error codes that mean "the database is (momentarily) not reachable", as opposed to a bad query. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_CANT_CONNECT_TO_SERVER',
  'CR_CONN_HOST_ERROR',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
  'SQLITE_BUSY',
]);
const UNAVAILABLE_MESSAGES = /can't add new command when connection is in closed state|can't write in closed state|connection lost|pool is closed|no connections available/i;

/**
 * True when an error (typeorm's QueryFailedError, a mysql2 error, or anything wrapping one in `cause` /
 * `driverError` / `originalError`) says the database could not be reached rather than that a query was wrong.
 * Such errors become SERVICE_UNAVAILABLE (retry later) instead of an internal error.
 */
export function isDatabaseUnavailableError(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: any = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if (e instanceof DatabaseConnectError) return true;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    e = e.driverError ?? e.originalError ?? e.cause;
  }
  return false;
}

/**
 * Opens a TCP connection and reads the server's first packet: MySQL and MariaDB greet first with a
 * handshake (sequence 0, protocol version 10) or an error packet (0xff). Anything else — or silence, as
 * from Redis or PostgreSQL, which wait for the client — is not a MySQL server.
 */
export function probeMysqlServer(host: string, port: number, greetingTimeoutMs = 5000): Promise<void> {
  const where = `${host}:${port}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (err?: DatabaseConnectError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    const notMysql = (why: string) =>
      new DatabaseConnectError(
        `The server at ${where} did not answer like MySQL/MariaDB (${why}). Check the port in DATABASE_URL: MariaDB/MySQL usually listen on 3306 (6379 is Redis, 5432 PostgreSQL).`,
        'NOT_MYSQL',
        false,
      );
    let connected = false;
    const timer = setTimeout(() => {
      if (connected) finish(notMysql(`connected, but no MySQL greeting within ${greetingTimeoutMs} ms`));
      else finish(new DatabaseConnectError(`Could not connect to the database at ${where} within ${greetingTimeoutMs} ms (ETIMEDOUT). Is the host reachable?`, 'ETIMEDOUT', true));
    }, greetingTimeoutMs);
    let buf = Buffer.alloc(0);
    socket.on('connect', () => {
      connected = true;
    });
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 5) return;
      const seq = buf[3];
      const first = buf[4];
      if (seq === 0 && (first === 0x0a || first === 0xff)) finish();
      else finish(notMysql(`its first bytes were ${JSON.stringify(buf.subarray(0, 16).toString('latin1').replace(/[^\x20-\x7e]/g, '.'))}`));
    });
    socket.on('end', () => finish(notMysql('it closed the connection without a MySQL greeting')));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(describeConnectError(err, host, port)));
  });
}

/** A clear, password-free message for a failed connect, and whether retrying may help. */
export function describeConnectError(err: unknown, host: string, port: number, user?: string): DatabaseConnectError {
  if (err instanceof DatabaseConnectError) return err;
  const e = err as NodeJS.ErrnoException & { sqlMessage?: string };
  const code = e?.code ?? 'UNKNOWN';
  const where = `${host}:${port}`;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new DatabaseConnectError(`The database host "${host}" was not found (${code}). Check the host name in DATABASE_URL.`, code, true);
    case 'ECONNREFUSED':
      return new DatabaseConnectError(
        `Nothing accepts connections at ${where} (ECONNREFUSED). Is MariaDB/MySQL running, and is the port in DATABASE_URL right?`,
        code,
        true,
      );
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new DatabaseConnectError(`The database at ${where} is not reachable (${code}). Check the host and any firewall.`, code, true);
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_NOT_SUPPORTED_AUTH_MODE':
      return new DatabaseConnectError(
        `The database at ${where} refused user "${user ?? '?'}": wrong user name or password (${code}). Check the credentials in DATABASE_URL.`,
        code,
        false,
      );
    case 'ER_DBACCESS_DENIED_ERROR':
    case 'ER_TABLEACCESS_DENIED_ERROR':
    case 'ER_SPECIFIC_ACCESS_DENIED_ERROR':
      return new DatabaseConnectError(
        `User "${user ?? '?'}" may not create or use Pantau's database at ${where} (${code}). Grant it ALL on the pantau_* databases.`,
        code,
        false,
      );
    case 'ER_CON_COUNT_ERROR':
    case 'ER_SERVER_SHUTDOWN':
    case 'PROTOCOL_CONNECTION_LOST':
    case 'ECONNRESET':
    case 'EPIPE':
      return new DatabaseConnectError(`The database at ${where} dropped the connection (${code}); it may be starting or restarting.`, code, true);
    default:
      return new DatabaseConnectError(`Could not use the database at ${where} (${code}: ${e?.sqlMessage ?? e?.message ?? String(err)}).`, code, false);
  }
}

/**
 * Checks the server (a MySQL greeting), creates the service's database if missing and tells whether it is
 * MariaDB — retrying with exponential backoff (0.25 s doubling to 5 s) while the server is not reachable,
 * for PANTAU_DB_CONNECT_TIMEOUT_MS in all (default 60 s). A wrong password or a server that is not MySQL
 * fails at once: waiting does not fix those.
 */
export async function connectWithRetry(
  store: { url: string; database: string },
  logger: Logger = createLogger(store.database.split('_').pop() || 'datasource'),
  opts: { timeoutMs?: number; initialDelayMs?: number; maxDelayMs?: number } = {},
): Promise<{ mariadb: boolean }> {
  const { host, port, user } = mysqlCredentials(store.url);
  const timeoutMs = opts.timeoutMs ?? envInt('PANTAU_DB_CONNECT_TIMEOUT_MS', 60_000);
  const deadline = Date.now() + timeoutMs;
  let delay = opts.initialDelayMs ?? 250;
  const maxDelay = opts.maxDelayMs ?? 5000;
  for (let attempt = 1; ; attempt++) {
    let failure: DatabaseConnectError;
    try {
      await probeMysqlServer(host, port, Math.min(5000, Math.max(1000, deadline - Date.now())));
      const result = await ensureMysqlDatabase(store.url, store.database);
      if (attempt > 1) logger.info({ attempt, database: store.database }, 'database reachable');
      return result;
    } catch (err) {
      failure = describeConnectError(err, host, port, user);
    }
    const left = deadline - Date.now();
    if (!failure.retryable) throw failure;
    if (left <= 0) {
      throw new DatabaseConnectError(`${failure.message} Gave up after ${Math.round(timeoutMs / 1000)} s (PANTAU_DB_CONNECT_TIMEOUT_MS).`, failure.code, false);
    }
    const wait = Math.min(delay, left);
    logger.warn({ attempt, code: failure.code, retryInMs: wait }, `${failure.message} Retrying.`);
    await new Promise((r) => setTimeout(r, wait));
    delay = Math.min(maxDelay, delay * 2);
  }
}

export interface OpenStoreOptions {
  store: StoreConfig;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  /** Log SQL (debugging). */
  logging?: boolean;
  /** Where connect retries are logged (default: a logger named after the service). */
  logger?: Logger;
}

/** Opens (creating if needed) and migrates a service's store. */
export async function openDataSource(opts: OpenStoreOptions): Promise<DataSource> {
  let options: DataSourceOptions;
  if (opts.store.kind === 'sqlite') {
    const file = opts.store.path;
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    options = {
      type: 'better-sqlite3',
      database: file,
      enableWAL: file !== ':memory:',
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('foreign_keys = ON');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
      },
      entities: opts.entities,
      migrations: opts.migrations,
      migrationsTransactionMode: 'each',
      logging: opts.logging ?? false,
    };
  } else {
    const { mariadb } = await connectWithRetry(opts.store, opts.logger);
    const poolSize = Number(process.env.DB_POOL_SIZE ?? 10);
    options = {
      type: mariadb ? 'mariadb' : 'mysql',
      ...mysqlCredentials(opts.store.url),
      username: mysqlCredentials(opts.store.url).user,
      database: opts.store.database,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
      // mysql2 pool: a connection the server closed (restart, wait_timeout) is dropped from the pool and a
      // new one is opened on the next query; TCP keepalive finds dead peers, idle connections are closed
      // after a minute (well under wait_timeout), and a connect attempt gives up after 10 s.
      extra: {
        connectionLimit: poolSize,
        maxIdle: poolSize,
        idleTimeout: 60_000,
        enableKeepAlive: true,
        keepAliveInitialDelay: 10_000,
        connectTimeout: 10_000,
      },
      entities: opts.entities,
      migrations: opts.migrations,
      migrationsTransactionMode: 'each',
      logging: opts.logging ?? false,
    } as DataSourceOptions;
  }
  const ds = new DataSource(options);
  await ds.initialize();
  await ds.runMigrations();
  return ds;
}

/** Numbers from raw queries: MariaDB returns COUNT/SUM/DECIMAL/BIGINT as strings. Convert at the edge. */
export function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : 0;
}

export function numOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}
