import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import mysql from 'mysql2/promise';
import { dataDir } from './config';

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

export interface OpenStoreOptions {
  store: StoreConfig;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  /** Log SQL (debugging). */
  logging?: boolean;
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
    const { mariadb } = await ensureMysqlDatabase(opts.store.url, opts.store.database);
    options = {
      type: mariadb ? 'mariadb' : 'mysql',
      ...mysqlCredentials(opts.store.url),
      username: mysqlCredentials(opts.store.url).user,
      database: opts.store.database,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
      extra: { connectionLimit: Number(process.env.DB_POOL_SIZE ?? 10) },
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
