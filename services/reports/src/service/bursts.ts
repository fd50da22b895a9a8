import { LRUCache } from 'lru-cache';
import { Brackets, type DataSource } from 'typeorm';
import { LIKE_ESCAPE, likePrefix } from '@pantau/common';
import { ReportEntity } from '../entities';
import { bursts, orderBursts, reporterKey, textKey, titleKey, BURST_MIN_REPORTS, type Burst } from '../domain/bursts';
import type { WorkingCalendar } from '../domain/sla';

export interface BurstScope {
  from: Date;
  to: Date;
  regionCode?: string | null;
  agencyId?: string | null;
  topic?: string | null;
}

/**
 * The bursts (domain/bursts.ts) among the reports submitted in [from, to) in scope, confidential ones
 * included (only counts are answered). Two reads: the narrow columns of every report in scope (title,
 * reporter, time), then the bodies of the reports whose (day, title) group is already big enough to be a
 * burst, so bodies are read only for candidates.
 */
export async function findBursts(ds: DataSource, calendar: WorkingCalendar, s: BurstScope, min = BURST_MIN_REPORTS): Promise<Burst[]> {
  const qb = ds
    .getRepository(ReportEntity)
    .createQueryBuilder('r')
    .select(['r.id', 'r.submittedAt', 'r.title', 'r.reporterEmail', 'r.reporterPhone'])
    .where('r.submittedAt >= :from AND r.submittedAt < :to', { from: s.from, to: s.to });
  if (s.topic) qb.andWhere('r.topic = :topic', { topic: s.topic });
  if (s.agencyId) qb.andWhere('r.agencyId = :agencyId', { agencyId: s.agencyId });
  if (s.regionCode) {
    qb.andWhere(new Brackets((w) => w.where('r.regionCode = :rc').orWhere(`r.regionCode LIKE :rcp ${LIKE_ESCAPE}`)), {
      rc: s.regionCode,
      rcp: likePrefix(`${s.regionCode}.`),
    });
  }
  const rows = (await qb.getMany()).map((r) => ({ id: r.id, day: calendar.localDay(r.submittedAt), title: titleKey(r.title), reporter: reporterKey(r.reporterEmail, r.reporterPhone) }));

  const sameReporter = bursts(rows.map((r) => ({ day: r.day, key: r.reporter })), 'SAME_REPORTER', min);

  // same text: candidates are the (day, title) groups that are big enough; their bodies decide
  const byTitle = new Map<string, string[]>();
  for (const r of rows) {
    const k = `${r.day}\u0000${r.title}`;
    (byTitle.get(k) ?? byTitle.set(k, []).get(k)!).push(r.id);
  }
  const candidates = [...byTitle.values()].filter((ids) => ids.length >= min).flat();
  const day = new Map(rows.map((r) => [r.id, r.day]));
  const texts: Array<{ day: string; key: string }> = [];
  for (let i = 0; i < candidates.length; i += 500) {
    const chunk = await ds.getRepository(ReportEntity).createQueryBuilder('r').select(['r.id', 'r.title', 'r.body']).where('r.id IN (:...ids)', { ids: candidates.slice(i, i + 500) }).getMany();
    for (const r of chunk) texts.push({ day: day.get(r.id)!, key: textKey(r.title, r.body) });
  }
  return orderBursts([...bursts(texts, 'SAME_TEXT', min), ...sameReporter]);
}

/**
 * How long an answer is reused for the same scope (`PANTAU_BURSTS_CACHE_MS`, default 60 s; 0 off). A burst is
 * a figure about whole past days that the dashboard shows as an annotation, so a minute's staleness is fine,
 * while computing it reads every report in scope (1.6 s at 100,000 reports on MariaDB): without the cache,
 * ten overview pages at once ran ten of those reads. Concurrent requests for the same scope share one read
 * (lru-cache's fetch), and at most 500 scopes are kept.
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
