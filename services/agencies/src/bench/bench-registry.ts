import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropMysqlDatabase, type StoreConfig } from '@pantau/common';
import { uniqueName } from '@pantau/testing';
import { openRegistryStore } from '../storage/datasource';
import { importRegions } from '../storage/import-regions';
import { seedDemoAccounts, seedRegistry } from '../storage/seed-registry';

/**
 * Loads the registry from scratch (create + migrate, all regions, agencies, duties, roads, demo
 * accounts) and prints the wall time per step:
 *   npm run bench:registry -w @pantau/agencies              # SQLite and, if it answers, MariaDB
 *   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306 …           # MariaDB server to use
 */
async function run(label: string, store: StoreConfig) {
  const t0 = performance.now();
  const ds = await openRegistryStore(store);
  const t1 = performance.now();
  const regions = await importRegions(ds);
  const t2 = performance.now();
  const { agencies } = await seedRegistry(ds);
  const t3 = performance.now();
  const accounts = await seedDemoAccounts(ds);
  const t4 = performance.now();
  await ds.destroy();
  const s = (a: number, b: number) => ((b - a) / 1000).toFixed(2).padStart(6);
  console.log(
    `${label.padEnd(8)} | migrate ${s(t0, t1)} s | ${regions} regions ${s(t1, t2)} s | ${agencies} agencies ${s(t2, t3)} s | ${accounts} accounts ${s(t3, t4)} s | total ${s(t0, t4)} s`,
  );
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-'));
  try {
    await run('sqlite', { kind: 'sqlite', path: path.join(dir, 'agencies.sqlite') });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
  const database = `${uniqueName('bench')}_agencies`;
  try {
    await run('mariadb', { kind: 'mysql', url, database });
  } catch (err) {
    console.log(`mariadb  | skipped: ${(err as Error).message}`);
  } finally {
    await dropMysqlDatabase(url, database).catch(() => undefined);
  }
}

void main();
