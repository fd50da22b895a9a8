import { FINE_BUCKETS, coarseHistogram } from '../domain/buckets';
import { DURATION_METRICS, addInto, zeroMeasures, zeroNow, type DurationMetric, type Measures } from '../domain/facts';
import {
  agencyPerformance,
  durationStats,
  maladministrationBreakdown,
  overview,
  rankLeaderboard,
  regionReportStats,
  slaCompliance,
  transparencyMetrics,
  type AgencyPerformance,
  type DurationStats,
  type LeaderboardOrder,
  type LeaderboardRow,
  type ResponseTimeStats,
  type TrendPoint,
} from '../domain/metrics';
import {
  discloseBreakdown,
  discloseDuration,
  discloseMaladministrationTrend,
  discloseOverview,
  disclosePerformance,
  discloseRegionStats,
  discloseResponseTimes,
  discloseSla,
  discloseTransparency,
  discloseTrend,
  publicMinReports,
  smallCellK as configuredSmallCellK,
  type DisclosedPerformance,
} from '../domain/disclosure';
import { periodLabel, periodOfDay, trendPeriods, withinAgencies, withinRegion, type Scope, type TrendInterval } from '../domain/scope';
import { firstDayOfMonth } from '../domain/time';
import type { AnalyticsReader } from '../storage/reader';
import type { AnalyticsStore } from '../storage/store';

/**
 * Every dashboard figure for a scope: storage sums, domain turns sums into figures. `k` is the
 * small-cell threshold for the viewer (domain/disclosure.ts): a number for the public, null for staff
 * (nothing withheld); every answer carries the disclosure fields either way.
 */
export class AnalyticsService {
  constructor(
    readonly store: AnalyticsStore,
    private readonly clock: () => number = Date.now,
    /** k for signed-out viewers (PANTAU_SMALL_CELL_K, default 5). */
    readonly smallCellK: number = configuredSmallCellK(),
    /**
     * How long an answer is reused for the same scope and viewer class while nothing was written
     * (PANTAU_ANALYTICS_CACHE_MS, default 1000; 0 turns it off). Only "overdue now" moves without a
     * write, so an answer is at most this old. Off when a clock is injected (tests move time freely).
     */
    cacheMs: number = clock === Date.now ? analyticsCacheMs() : 0,
  ) {
    this.answers = new AnswerCache(cacheMs);
  }

  private readonly answers: AnswerCache;

  /** The answer for (figure, arguments) from the cache when it is fresh: same store version, younger than cacheMs. */
  private cached<T>(key: unknown[], compute: () => Promise<T>): Promise<T> {
    return this.answers.get(JSON.stringify(key), this.store.version, this.clock(), compute);
  }

  private async core(r: AnalyticsReader, s: Scope) {
    const m = (await r.measures(s, 'none')).get('') ?? zeroMeasures();
    const now = (await r.nowCounts(s, 'none', this.clock(), new Map([['', m]]))).get('') ?? zeroNow();
    return { m, now };
  }

  overview(s: Scope, k: number | null = null) {
    return this.cached(['overview', s, k], () => this.store.read(async (r) => {
      const { m, now } = await this.core(r, s);
      const topics = await r.topicCounts(s);
      const median = (await r.distribution(s, 'frAg', [50])).values[0];
      return discloseOverview(overview(m, now, median, topics), m, now, k);
    }));
  }

  maladministrationBreakdown(s: Scope, k: number | null = null) {
    return this.cached(['breakdown', s, k], () =>
      this.store.read(async (r) => discloseBreakdown(maladministrationBreakdown((await r.measures(s, 'none')).get('') ?? zeroMeasures()), k)),
    );
  }

  responseTimes(s: Scope, k: number | null = null) {
    return this.cached(['responseTimes', s, k], async () => discloseResponseTimes(await this.rawResponseTimes(s), k));
  }

  private rawResponseTimes(s: Scope): Promise<ResponseTimeStats> {
    return this.store.read(async (r) => {
      const m = (await r.measures(s, 'none')).get('') ?? zeroMeasures();
      const stats = {} as Record<DurationMetric, DurationStats>;
      for (const metric of DURATION_METRICS) {
        const d = await r.distribution(s, metric, [50, 90]);
        stats[metric] = durationStats(d.count, m[`${metric}Sum`], d.values[0], d.values[1], coarseHistogram(d.fine));
      }
      return {
        verification: stats.ver,
        firstResponseAgency: stats.frAg,
        firstResponseCitizen: stats.frCit,
        completion: stats.compl,
      };
    });
  }

  slaCompliance(s: Scope, k: number | null = null) {
    return this.cached(['sla', s, k], () =>
      this.store.read(async (r) => {
        const { m, now } = await this.core(r, s);
        return discloseSla(slaCompliance(m, now), k);
      }),
    );
  }

  transparency(s: Scope, k: number | null = null) {
    return this.cached(['transparency', s, k], () =>
      this.store.read(async (r) => {
        const { m, now } = await this.core(r, s);
        return discloseTransparency(transparencyMetrics(m, now), m, now, k);
      }),
    );
  }

  trend(s: Scope, interval: TrendInterval, k: number | null = null) {
    return this.cached(['trend', s, interval, k], async () => discloseTrend(await this.rawTrend(s, interval), k));
  }

  private rawTrend(s: Scope, interval: TrendInterval): Promise<TrendPoint[]> {
    return this.store.read(async (r) =>
      (await this.periodMeasures(r, s, interval)).map(({ period, m }) => ({ periodStart: periodLabel(period), submitted: m.reports, completed: m.completed })),
    );
  }

  /**
   * Reports per maladministration type per period (one breakdown per period, zero-filled like the trend),
   * from the same rollup reads as reportTrend: one grouped read per plan segment, whatever the number of
   * periods.
   */
  maladministrationTrend(s: Scope, interval: TrendInterval, k: number | null = null) {
    return this.cached(['malTrend', s, interval, k], () =>
      this.store.read(async (r) =>
        discloseMaladministrationTrend(
          (await this.periodMeasures(r, s, interval)).map(({ period, m }) => ({ periodStart: periodLabel(period), breakdown: maladministrationBreakdown(m) })),
          k,
        ),
      ),
    );
  }

  /**
   * Measures summed per trend period (reporting time zone; weeks from Monday), every period of the scope
   * present (zero-filled): day rollups for DAY and WEEK, month rollups for MONTH.
   */
  private async periodMeasures(r: AnalyticsReader, s: Scope, interval: TrendInterval): Promise<Array<{ period: number; m: Measures }>> {
    const byMonth = interval === 'MONTH';
    const groups = await r.measures(s, byMonth ? 'month' : 'day');
    const days = [...groups.keys()].map((k) => (byMonth ? firstDayOfMonth(Number(k)) : Number(k)));
    const periods = trendPeriods(s, interval, this.store.cal, days.length ? { first: Math.min(...days), last: Math.max(...days) } : null);
    const totals = new Map<number, Measures>();
    for (const [k, m] of groups) {
      const p = periodOfDay(byMonth ? firstDayOfMonth(Number(k)) : Number(k), interval);
      addInto(totals.get(p) ?? totals.set(p, zeroMeasures()).get(p)!, m);
    }
    return periods.map((period) => ({ period, m: totals.get(period) ?? zeroMeasures() }));
  }

  /** Performance of every agency with reports in scope (leaderboard, batched Agency.performance). */
  private async performanceByAgency(
    r: AnalyticsReader,
    s: Scope,
    k: number | null,
  ): Promise<Map<string, { raw: AgencyPerformance; shown: DisclosedPerformance }>> {
    const measures = await r.measures(s, 'agency');
    const now = await r.nowCounts(s, 'agency', this.clock(), measures);
    const medians = await r.percentileByAgency(s, 50);
    const out = new Map<string, { raw: AgencyPerformance; shown: DisclosedPerformance }>();
    for (const [id, m] of measures) {
      const n = now.get(id) ?? zeroNow();
      const raw = agencyPerformance(m, n, medians.get(id) ?? null);
      out.set(id, { raw, shown: disclosePerformance(raw, m, n, k) });
    }
    return out;
  }

  /** Ranked on the true figures; the public sees only agencies with at least k reports, figures disclosed. */
  leaderboard(s: Scope, orderBy: LeaderboardOrder, minReports: number, first: number, k: number | null = null) {
    return this.cached(['leaderboard', s, orderBy, minReports, first, k], () => this.rawLeaderboard(s, orderBy, minReports, first, k));
  }

  private rawLeaderboard(s: Scope, orderBy: LeaderboardOrder, minReports: number, first: number, k: number | null) {
    return this.store.read(async (r) => {
      const perf = await this.performanceByAgency(r, s, k);
      // The public ranking uses only what the public sees (a withheld figure ranks last, like a missing one).
      const rows: LeaderboardRow[] = rankLeaderboard(
        [...perf].map(([agencyId, p]) => ({ agencyId, performance: k === null ? p.raw : (p.shown as AgencyPerformance) })),
        orderBy,
        publicMinReports(minReports, k),
        first,
      );
      return rows.map((row) => ({ rank: row.rank, agencyId: row.agencyId, performance: perf.get(row.agencyId)!.shown }));
    });
  }

  /** Agency.performance for several agencies at once (one batch per request and filter). */
  agencyPerformance(s: Scope, ids: string[], k: number | null = null): Promise<DisclosedPerformance[]> {
    return this.store.read(async (r) => {
      const perf = await this.performanceByAgency(r, withinAgencies(s, ids), k);
      return ids.map((id) => perf.get(id)?.shown ?? disclosePerformance(agencyPerformance(zeroMeasures(), zeroNow(), null), zeroMeasures(), zeroNow(), k));
    });
  }

  /**
   * The per-agency breakdown (AgencyPerformance.maladministration and .firstResponseAgency) for several
   * agencies at once, one batch per request and filter: the maladministration counts from one grouped
   * read of the measures, the agency's first-response distribution (exact p50/p90, mean, histogram) from
   * one grouped bucket read plus the percentile selections. Same figures and disclosure as
   * maladministrationBreakdown / responseTimes with the filter's agency set to each id.
   */
  agencyBreakdownMany(s: Scope, ids: readonly string[], k: number | null = null) {
    return this.cached(['agencyBreakdown', s, [...ids].sort(), k], () =>
      this.store.read(async (r) => {
        const scoped = withinAgencies(s, [...new Set(ids)]);
        const measures = await r.measures(scoped, 'agency');
        const dist = await r.distributionByAgency(scoped, 'frAg', [50, 90]);
        return new Map(
          ids.map((id) => {
            const m = measures.get(id) ?? zeroMeasures();
            const d = dist.get(id);
            const fine = d?.fine ?? new Array<number>(FINE_BUCKETS).fill(0);
            const firstResponse = durationStats(d?.count ?? 0, m.frAgSum, d?.values[0] ?? null, d?.values[1] ?? null, coarseHistogram(fine));
            return [id, { maladministration: discloseBreakdown(maladministrationBreakdown(m), k), firstResponseAgency: discloseDuration(firstResponse, k) }] as const;
          }),
        );
      }),
    );
  }

  /** Region.reportStats for several regions at once (one batch per request and filter), in key order. */
  regionStatsMany(s: Scope, codes: readonly string[], k: number | null = null) {
    return this.store.read(async (r) => {
      const scoped = codes.map((code) => withinRegion(s, code));
      const live = scoped.filter((x) => !x.empty);
      const sums = live.length ? await r.regionMeasures({ ...s, regionPrefix: null }, live.map((x) => x.regionPrefix!), this.clock()) : new Map();
      return scoped.map((x) => {
        const { m, now } = (x.empty ? null : sums.get(x.regionPrefix!)) ?? { m: zeroMeasures(), now: zeroNow() };
        return discloseRegionStats(regionReportStats(m, now), m, now, k);
      });
    });
  }

  regionStats(s: Scope, code: string, k: number | null = null) {
    return this.store.read(async (r) => {
      const scoped = withinRegion(s, code);
      const { m, now } = await this.core(r, scoped);
      return discloseRegionStats(regionReportStats(m, now), m, now, k);
    });
  }
}

/** PANTAU_ANALYTICS_CACHE_MS (default 1000 ms; 0 = off). */
export function analyticsCacheMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PANTAU_ANALYTICS_CACHE_MS;
  const n = raw === undefined || raw === '' ? 1000 : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 1000;
}

/**
 * Answers (promises, so concurrent identical requests share one computation) by key, valid while the
 * store version is unchanged and for `ttlMs` after they were computed; at most `max` kept.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { version: number; at: number; value: Promise<unknown> }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 500,
  ) {}

  get<T>(key: string, version: number, now: number, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && now >= hit.at && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, at: now, value });
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
