import type { DataSource, EntityManager } from 'typeorm';
import { isMysql } from '@pantau/common';
import { bumpWriteGeneration } from './list-counts';

/**
 * typeorm's SQLite drivers run every query on ONE connection: two overlapping `ds.transaction()` calls
 * would interleave on it (the second becomes a savepoint of the first). So on SQLite, transactions of
 * one process are queued here; MariaDB runs them concurrently and relies on row locks + version checks.
 */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

const mutexes = new WeakMap<DataSource, Mutex>();

export async function withTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  let result: T;
  if (isMysql(ds)) {
    result = await ds.transaction(fn);
  } else {
    let m = mutexes.get(ds);
    if (!m) {
      m = new Mutex();
      mutexes.set(ds, m);
    }
    result = await m.run(() => ds.transaction(fn));
  }
  // committed: cached list counts of this store are no longer current (service/list-counts.ts)
  bumpWriteGeneration(ds);
  return result;
}

/** A unique-constraint violation on the given index/column (MariaDB ER_DUP_ENTRY, SQLite UNIQUE). */
export function isUniqueViolation(err: unknown, hint: RegExp): boolean {
  const e = err as { code?: string; errno?: number; message?: string; driverError?: { code?: string; errno?: number; message?: string } };
  const d = e?.driverError ?? e;
  const code = d?.code ?? e?.code;
  const dup = code === 'ER_DUP_ENTRY' || d?.errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  return dup && hint.test(`${d?.message ?? ''} ${e?.message ?? ''}`);
}
