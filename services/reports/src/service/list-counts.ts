import { LRUCache } from 'lru-cache';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Cached `totalCount` of staff report lists (issue 11: an exact COUNT over the filtered list is linear in
 * it, 420 ms for the unfiltered list at 1,000,000 reports on MariaDB, while the page itself is an index
 * range of a few ms). Paging through a list, coming back to it or several staff opening the same view
 * then count once.
 *
 * Exact within this process: every committed write transaction (withTransaction) moves the data source's
 * write generation, and the generation is part of the key, so a count is never reused across a write this
 * process made. Writes by another reports process are seen after at most `PANTAU_LIST_COUNT_CACHE_MS`
 * (default 10 s; 0 turns the cache off). The key is the count statement with its parameters, which carry
 * the viewer's scope (a liaison's agency, leadership's search rule) and the filter, so views never share.
 */
export function listCountCacheMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.PANTAU_LIST_COUNT_CACHE_MS ?? 10_000);
  return Number.isFinite(v) && v >= 0 ? v : 10_000;
}

const generations = new WeakMap<DataSource, number>();

/** Called after every committed write transaction on the reports store. */
export function bumpWriteGeneration(ds: DataSource): void {
  generations.set(ds, (generations.get(ds) ?? 0) + 1);
}

type Counter = <T extends ObjectLiteral>(counter: SelectQueryBuilder<T>) => Promise<number>;
const counters = new WeakMap<DataSource, Counter>();

/** The counting function for keysetPaginate's `opts.count` on this data source (one per data source). */
export function listCounter(ds: DataSource): Counter {
  let c = counters.get(ds);
  if (c) return c;
  const ttl = listCountCacheMs();
  if (ttl === 0) {
    c = (qb) => qb.getCount();
  } else {
    const cache = new LRUCache<string, number, SelectQueryBuilder<ObjectLiteral>>({
      max: 1000,
      ttl,
      fetchMethod: (_key, _stale, { context }) => context.getCount(),
    });
    c = async (qb) => {
      const [sql, params] = qb.getQueryAndParameters();
      const key = `${generations.get(ds) ?? 0}\u0000${sql}\u0000${JSON.stringify(params)}`;
      const n = await cache.fetch(key, { context: qb as SelectQueryBuilder<ObjectLiteral> });
      return n ?? qb.getCount();
    };
  }
  counters.set(ds, c);
  return c;
}
