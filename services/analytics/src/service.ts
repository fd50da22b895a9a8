import { coarseHistogram } from './domain/buckets';
import { DURATION_METRICS, zeroMeasures, zeroNow, type DurationMetric } from './domain/facts';
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
  type MaladministrationBreakdown,
  type Overview,
  type RegionReportStats,
  type ResponseTimeStats,
  type SlaCompliance,
  type TransparencyMetrics,
  type TrendPoint,
} from './domain/metrics';
import { periodLabel, periodOfDay, trendPeriods, withinAgencies, withinRegion, type Scope, type TrendInterval } from './domain/scope';
import { firstDayOfMonth } from './domain/time';
import type { AnalyticsReader } from './storage/reader';
import type { AnalyticsStore } from './storage/store';

/** Every dashboard figure for a scope: storage sums, domain turns sums into figures. */
export class AnalyticsService {
  constructor(
    readonly store: AnalyticsStore,
    private readonly clock: () => number = Date.now,
  ) {}

  private async core(r: AnalyticsReader, s: Scope) {
    const m = (await r.measures(s, 'none')).get('') ?? zeroMeasures();
    const now = (await r.nowCounts(s, 'none', this.clock(), new Map([['', m]]))).get('') ?? zeroNow();
    return { m, now };
  }

  overview(s: Scope): Promise<Overview> {
    return this.store.read(async (r) => {
      const { m, now } = await this.core(r, s);
      const topics = await r.topicCounts(s);
      const median = (await r.distribution(s, 'frAg', [50])).values[0];
      return overview(m, now, median, topics);
    });
  }

  maladministrationBreakdown(s: Scope): Promise<MaladministrationBreakdown> {
    return this.store.read(async (r) => maladministrationBreakdown((await r.measures(s, 'none')).get('') ?? zeroMeasures()));
  }

  responseTimes(s: Scope): Promise<ResponseTimeStats> {
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

  slaCompliance(s: Scope): Promise<SlaCompliance> {
    return this.store.read(async (r) => {
      const { m, now } = await this.core(r, s);
      return slaCompliance(m, now);
    });
  }

  transparency(s: Scope): Promise<TransparencyMetrics> {
    return this.store.read(async (r) => {
      const { m, now } = await this.core(r, s);
      return transparencyMetrics(m, now);
    });
  }

  trend(s: Scope, interval: TrendInterval): Promise<TrendPoint[]> {
    return this.store.read(async (r) => {
      const byMonth = interval === 'MONTH';
      const groups = await r.measures(s, byMonth ? 'month' : 'day');
      const days = [...groups.keys()].map((k) => (byMonth ? firstDayOfMonth(Number(k)) : Number(k)));
      const periods = trendPeriods(s, interval, this.store.cal, days.length ? { first: Math.min(...days), last: Math.max(...days) } : null);
      const totals = new Map<number, { submitted: number; completed: number }>();
      for (const [k, m] of groups) {
        const p = periodOfDay(byMonth ? firstDayOfMonth(Number(k)) : Number(k), interval);
        const t = totals.get(p) ?? totals.set(p, { submitted: 0, completed: 0 }).get(p)!;
        t.submitted += m.reports;
        t.completed += m.completed;
      }
      return periods.map((p) => ({ periodStart: periodLabel(p), submitted: totals.get(p)?.submitted ?? 0, completed: totals.get(p)?.completed ?? 0 }));
    });
  }

  /** Performance of every agency with reports in scope (leaderboard, batched Agency.performance). */
  private async performanceByAgency(r: AnalyticsReader, s: Scope): Promise<Map<string, AgencyPerformance>> {
    const measures = await r.measures(s, 'agency');
    const now = await r.nowCounts(s, 'agency', this.clock(), measures);
    const medians = await r.percentileByAgency(s, 50);
    const out = new Map<string, AgencyPerformance>();
    for (const [id, m] of measures) out.set(id, agencyPerformance(m, now.get(id) ?? zeroNow(), medians.get(id) ?? null));
    return out;
  }

  leaderboard(s: Scope, orderBy: LeaderboardOrder, minReports: number, first: number): Promise<LeaderboardRow[]> {
    return this.store.read(async (r) => {
      const perf = await this.performanceByAgency(r, s);
      return rankLeaderboard([...perf].map(([agencyId, performance]) => ({ agencyId, performance })), orderBy, minReports, first);
    });
  }

  /** Agency.performance for several agencies at once (one batch per request and filter). */
  agencyPerformance(s: Scope, ids: string[]): Promise<AgencyPerformance[]> {
    return this.store.read(async (r) => {
      const perf = await this.performanceByAgency(r, withinAgencies(s, ids));
      return ids.map((id) => perf.get(id) ?? agencyPerformance(zeroMeasures(), zeroNow(), null));
    });
  }

  regionStats(s: Scope, code: string): Promise<RegionReportStats> {
    return this.store.read(async (r) => {
      const scoped = withinRegion(s, code);
      const { m, now } = await this.core(r, scoped);
      return regionReportStats(m, now);
    });
  }
}
