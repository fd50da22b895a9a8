import { LRUCache } from 'lru-cache';
import { Brackets, type DataSource } from 'typeorm';
import { BurstCountEntity, ReportEntity } from '../entities';
import { orderBursts, BURST_MIN_REPORTS, type Burst, type BurstKind } from '../domain/bursts';
import type { WorkingCalendar } from '../domain/sla';
import { applyFilter } from '../storage/report-filter';

export interface BurstScope {
  from: Date;
  to: Date;
  regionCode?: string | null;
  agencyId?: string | null;
  topic?: string | null;
}

const KINDS: Array<{ kind: BurstKind; prefix: string; column: 'textHash' | 'reporterHash' }> = [
  { kind: 'SAME_TEXT', prefix: 't:', column: 'textHash' },
  { kind: 'SAME_REPORTER', prefix: 'r:', column: 'reporterHash' },
];

/**
 * The bursts (domain/bursts.ts) among the reports submitted in [from, to) in scope, confidential ones
 * included (only counts are answered). A group in a scope is never bigger than the same group over all
 * reports, so the candidates are the per-day counters that reached `min` (report_burst_count, read through
 * its (reports, day) index: a handful of rows, whatever the period); their reports in scope are then counted
 * through the (localDay, key) indexes. The cost follows the number of candidate reports, not the period.
 */
export async function findBursts(ds: DataSource, calendar: WorkingCalendar, s: BurstScope, min = BURST_MIN_REPORTS): Promise<Burst[]> {
  const firstDay = calendar.localDay(s.from);
  const lastDay = calendar.localDay(new Date(s.to.getTime() - 1));
  const candidates = await ds
    .getRepository(BurstCountEntity)
    .createQueryBuilder('c')
    .select(['c.day', 'c.burstKey'])
    .where('c.reports >= :min AND c.day >= :firstDay AND c.day <= :lastDay', { min, firstDay, lastDay })
    .getMany();

  const found: Burst[] = [];
  for (const { kind, prefix, column } of KINDS) {
    const groups = candidates.filter((c) => c.burstKey.startsWith(prefix)).map((c) => ({ day: c.day, key: c.burstKey.slice(prefix.length) }));
    for (let i = 0; i < groups.length; i += 200) {
      const chunk = groups.slice(i, i + 200);
      const qb = ds
        .getRepository(ReportEntity)
        .createQueryBuilder('r')
        .select('r.localDay', 'day')
        .addSelect('COUNT(1)', 'reports')
        .where(
          new Brackets((w) => {
            chunk.forEach((g, j) => w.orWhere(`(r.localDay = :d${j} AND r.${column} = :k${j})`, { [`d${j}`]: g.day, [`k${j}`]: g.key }));
          }),
        );
      applyFilter(qb, s, s.to); // the list's filter conditions (a scope has no `overdue`, so `now` is not read)
      const rows: Array<{ day: string; reports: number | string }> = await qb.groupBy('r.localDay').addGroupBy(`r.${column}`).having('COUNT(1) >= :min', { min }).getRawMany();
      for (const r of rows) found.push({ day: r.day, kind, count: Number(r.reports) });
    }
  }
  return orderBursts(found);
}

/**
 * How long an answer is reused for the same scope (`PANTAU_BURSTS_CACHE_MS`, default 60 s; 0 off). A burst is
 * a figure about whole past days that the dashboard shows as an annotation, so a minute's staleness is fine.
 * Since the burst keys (migration 1767000000000) a read costs milliseconds; before them it read every report
 * in scope (1.6 s at 100,000 reports on MariaDB), which is why the cache came first. Concurrent requests for
 * the same scope share one read (lru-cache's fetch), and at most 500 scopes are kept.
 */
export function burstsCacheMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.PANTAU_BURSTS_CACHE_MS ?? 60_000);
  return Number.isFinite(v) && v >= 0 ? v : 60_000;
}

type Finder = (s: BurstScope) => Promise<Burst[]>;

/** findBursts behind a per-process answer cache keyed by the scope (one per data source). */
export function cachedBurstFinder(ds: DataSource, calendar: WorkingCalendar, ttl = burstsCacheMs()): Finder {
  if (ttl === 0) return (s) => findBursts(ds, calendar, s);
  const cache = new LRUCache<string, Burst[], BurstScope>({
    max: 500,
    ttl,
    fetchMethod: (_key, _stale, { context }) => findBursts(ds, calendar, context),
  });
  return async (s) => {
    const key = JSON.stringify([s.from.toISOString(), s.to.toISOString(), s.regionCode ?? null, s.agencyId ?? null, s.topic ?? null]);
    const found = await cache.fetch(key, { context: s });
    return found ?? findBursts(ds, calendar, s);
  };
}

const finders = new WeakMap<DataSource, Finder>();

/** The cached finder of a data source (created on first use, lives as long as the data source). */
export function burstsFor(ds: DataSource, calendar: WorkingCalendar): Finder {
  let f = finders.get(ds);
  if (!f) finders.set(ds, (f = cachedBurstFinder(ds, calendar)));
  return f;
}
