import { Maladministration, ReportStatus, type ReportSnapshot } from '@pantau/common';
import { coarseHistogramOf } from '../../domain/buckets';
import type {
  AgencyPerformance,
  DurationStats,
  LeaderboardOrder,
  LeaderboardRow,
  MaladministrationBreakdown,
  Overview,
  RegionReportStats,
  ResponseTimeStats,
  SlaCompliance,
  SlaStepCompliance,
  TransparencyMetrics,
  TrendPoint,
} from '../../domain/metrics';
import { periodLabel, periodOfDay, trendPeriods, type Scope, type TrendInterval, withinAgencies, withinRegion } from '../../domain/scope';
import type { ZonedCalendar } from '../../domain/time';

/**
 * Brute-force reference: every dashboard figure computed straight from the definitions in the design
 * brief, from a list of report snapshots, with no facts, measures or rollups. The property tests check
 * the API against it. Written for clarity, not speed, and independent of the storage path on purpose.
 */

const HOUR = 3_600_000;
const t = (iso: string | null) => (iso === null ? null : Date.parse(iso));

function inScope(s: Scope, r: ReportSnapshot): boolean {
  if (s.empty) return false;
  const at = Date.parse(r.submittedAt);
  if (s.fromMs !== null && at < s.fromMs) return false;
  if (s.toMs !== null && at >= s.toMs) return false;
  if (s.regionPrefix !== null && !(r.regionCode === s.regionPrefix || r.regionCode.startsWith(s.regionPrefix + '.'))) return false;
  if (s.agencyIds !== null && (r.agencyId === null || !s.agencyIds.includes(r.agencyId))) return false;
  if (s.topic !== null && r.topic !== s.topic) return false;
  return true;
}

const rate = (n: number, d: number) => (d === 0 ? null : n / d);
const isOpen = (r: ReportSnapshot) => r.status !== ReportStatus.COMPLETED && r.status !== ReportStatus.ARCHIVED;

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1];
}

type Step = 'VERIFICATION' | 'FIRST_RESPONSE' | 'COMPLETION';
type StepResult = 'onTime' | 'late' | 'overdueOpen' | null;

/** One step of one report at `now`: the brief's definition, the clock stopping when the report closes. */
function step(r: ReportSnapshot, which: Step, now: number): StepResult {
  const [doneIso, dueIso] =
    which === 'VERIFICATION'
      ? [r.dispositionedAt, r.verificationDueAt]
      : which === 'FIRST_RESPONSE'
        ? [r.firstResponseAt, r.responseDueAt]
        : [r.completedAt, r.completionDueAt];
  const due = t(dueIso);
  if (due === null) return null;
  const done = t(doneIso);
  if (done !== null) return done <= due ? 'onTime' : 'late';
  const closed = r.status === ReportStatus.ARCHIVED ? t(r.archivedAt) : r.status === ReportStatus.COMPLETED ? t(r.completedAt) : null;
  const overdue = now > due && (closed === null || due < closed);
  return overdue ? 'overdueOpen' : null;
}

function isOverdue(r: ReportSnapshot, now: number): boolean {
  if (!isOpen(r)) return false;
  return (['VERIFICATION', 'FIRST_RESPONSE', 'COMPLETION'] as Step[]).some((s) => step(r, s, now) === 'overdueOpen');
}

function durations(rs: ReportSnapshot[], from: (r: ReportSnapshot) => string | null, to: (r: ReportSnapshot) => string | null): number[] {
  const out: number[] = [];
  for (const r of rs) {
    const a = t(from(r));
    const b = t(to(r));
    if (a !== null && b !== null) out.push(b - a);
  }
  return out;
}

function stats(ms: number[]): DurationStats {
  const p50 = percentile(ms, 50);
  const p90 = percentile(ms, 90);
  let sum = 0;
  for (const v of ms) sum += v;
  return {
    count: ms.length,
    p50Hours: p50 === null ? null : p50 / HOUR,
    p90Hours: p90 === null ? null : p90 / HOUR,
    meanHours: ms.length ? sum / ms.length / HOUR : null,
    histogram: coarseHistogramOf(ms),
  };
}

export class Reference {
  constructor(
    readonly reports: ReportSnapshot[],
    readonly now: number,
    readonly cal: ZonedCalendar,
  ) {}

  select(s: Scope): ReportSnapshot[] {
    return this.reports.filter((r) => inScope(s, r));
  }

  sla(s: Scope): SlaCompliance {
    const rs = this.select(s);
    let on = 0;
    let all = 0;
    const steps: SlaStepCompliance[] = (['VERIFICATION', 'FIRST_RESPONSE', 'COMPLETION'] as Step[]).map((st) => {
      const res = rs.map((r) => step(r, st, this.now));
      const onTime = res.filter((x) => x === 'onTime').length;
      const late = res.filter((x) => x === 'late').length;
      const overdueOpen = res.filter((x) => x === 'overdueOpen').length;
      on += onTime;
      all += onTime + late + overdueOpen;
      return { step: st, onTime, late, overdueOpen, compliance: rate(onTime, onTime + late + overdueOpen) };
    });
    return { steps, overall: rate(on, all) };
  }

  transparency(s: Scope): TransparencyMetrics {
    const rs = this.select(s);
    const dispositioned = rs.filter((r) => r.dispositionedAt !== null);
    const responded = rs.filter((r) => r.responseCount >= 1);
    const rated = rs.filter((r) => r.rating !== null);
    const forwarded = rs.filter((r) => r.forwardCount >= 1);
    const everCompleted = rs.filter((r) => r.completedAt !== null || r.reopenCount > 0);
    const R = rate(responded.length, dispositioned.length);
    const T = this.sla(s).steps[1].compliance;
    const E = rate(responded.filter((r) => r.evidenceResponseCount >= 1).length, responded.length);
    const C = rate(rs.filter((r) => r.completedAt !== null).length, dispositioned.length);
    const S = rated.length ? rated.reduce((a, r) => a + r.rating!, 0) / rated.length / 5 : null;
    const parts: Array<[number | null, number]> = [
      [R, 0.25],
      [T, 0.25],
      [E, 0.2],
      [C, 0.15],
      [S, 0.15],
    ];
    const present = parts.filter(([v]) => v !== null) as Array<[number, number]>;
    const wsum = present.reduce((a, [, w]) => a + w, 0);
    const index = present.length ? (100 * present.reduce((a, [v, w]) => a + w * v, 0)) / wsum : null;
    return {
      responseRate: R,
      firstResponseCompliance: T,
      evidenceRate: E,
      completionRate: C,
      satisfaction: S,
      publicVisibility: rate(rs.filter((r) => !r.confidential).length, rs.length),
      reopenRate: rate(rs.filter((r) => r.reopenCount > 0).length, everCompleted.length),
      forwardingRate: rate(forwarded.length, dispositioned.length),
      meanHops: forwarded.length ? forwarded.reduce((a, r) => a + r.forwardCount, 0) / forwarded.length : null,
      index,
    };
  }

  responseTimes(s: Scope): ResponseTimeStats {
    const rs = this.select(s);
    return {
      verification: stats(durations(rs, (r) => r.submittedAt, (r) => r.dispositionedAt)),
      firstResponseAgency: stats(durations(rs, (r) => r.dispositionedAt, (r) => r.firstResponseAt)),
      firstResponseCitizen: stats(durations(rs, (r) => r.submittedAt, (r) => r.firstResponseAt)),
      completion: stats(durations(rs, (r) => r.submittedAt, (r) => r.completedAt)),
    };
  }

  performance(s: Scope): AgencyPerformance {
    const rs = this.select(s);
    const tr = this.transparency(s);
    const median = percentile(durations(rs, (r) => r.dispositionedAt, (r) => r.firstResponseAt), 50);
    return {
      reportCount: rs.length,
      open: rs.filter(isOpen).length,
      overdue: rs.filter((r) => isOverdue(r, this.now)).length,
      completionRate: tr.completionRate,
      medianFirstResponseHours: median === null ? null : median / HOUR,
      slaCompliance: this.sla(s).overall,
      satisfaction: tr.satisfaction,
      transparencyIndex: tr.index,
      forwardingRate: tr.forwardingRate,
    };
  }

  overview(s: Scope): Overview {
    const rs = this.select(s);
    const p = this.performance(s);
    const topics = new Map<string, number>();
    for (const r of rs) topics.set(r.topic, (topics.get(r.topic) ?? 0) + 1);
    return {
      volume: rs.length,
      open: p.open,
      overdue: p.overdue,
      completionRate: p.completionRate,
      medianFirstResponseHours: p.medianFirstResponseHours,
      slaCompliance: p.slaCompliance,
      satisfaction: p.satisfaction,
      transparencyIndex: p.transparencyIndex,
      byTopic: [...topics]
        .map(([topic, count]) => ({ topic, count }))
        .sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : 1)),
      byStatus: Object.values(ReportStatus).map((status) => ({ status, count: rs.filter((r) => r.status === status).length })),
    };
  }

  breakdown(s: Scope): MaladministrationBreakdown {
    return this.breakdownOf(this.select(s));
  }

  private breakdownOf(rs: ReportSnapshot[]): MaladministrationBreakdown {
    const types = [...Object.values(Maladministration), 'UNCLASSIFIED'];
    const slices = types
      .map((type, i) => {
        const count = rs.filter((r) => (r.maladministrationType ?? 'UNCLASSIFIED') === type).length;
        return { type, count, share: rs.length ? count / rs.length : 0, i };
      })
      .sort((a, b) => b.count - a.count || a.i - b.i)
      .map(({ type, count, share }) => ({ type, count, share }));
    return { total: rs.length, slices };
  }

  /** Per trend period, the breakdown of the reports submitted in it (the periods of trend()). */
  maladministrationTrend(s: Scope, interval: TrendInterval): Array<{ periodStart: string; breakdown: MaladministrationBreakdown }> {
    const rs = this.select(s);
    const days = rs.map((r) => this.cal.dayKey(Date.parse(r.submittedAt)));
    const periods = trendPeriods(s, interval, this.cal, days.length ? { first: Math.min(...days), last: Math.max(...days) } : null);
    return periods.map((p) => ({ periodStart: periodLabel(p), breakdown: this.breakdownOf(rs.filter((_, i) => periodOfDay(days[i], interval) === p)) }));
  }

  regionStats(s: Scope, code: string): RegionReportStats {
    const p = this.performance(withinRegion(s, code));
    return { reportCount: p.reportCount, open: p.open, overdue: p.overdue, completionRate: p.completionRate, transparencyIndex: p.transparencyIndex };
  }

  agencyPerformance(s: Scope, agencyId: string): AgencyPerformance {
    return this.performance(withinAgencies(s, [agencyId]));
  }

  leaderboard(s: Scope, orderBy: LeaderboardOrder, minReports: number, first: number): LeaderboardRow[] {
    const ids = [...new Set(this.select(s).map((r) => r.agencyId).filter((x): x is string => x !== null))];
    const rows = ids.map((agencyId) => ({ agencyId, performance: this.agencyPerformance(s, agencyId) }));
    const pick = (p: AgencyPerformance) =>
      orderBy === 'TRANSPARENCY_INDEX'
        ? p.transparencyIndex
        : orderBy === 'REPORT_COUNT'
          ? p.reportCount
          : orderBy === 'COMPLETION_RATE'
            ? p.completionRate
            : orderBy === 'SLA_COMPLIANCE'
              ? p.slaCompliance
              : p.medianFirstResponseHours === null
                ? null
                : -p.medianFirstResponseHours;
    return rows
      .filter((r) => r.performance.reportCount >= minReports)
      .sort((a, b) => {
        const va = pick(a.performance);
        const vb = pick(b.performance);
        if (va !== vb) return va === null ? 1 : vb === null ? -1 : vb - va;
        return b.performance.reportCount - a.performance.reportCount || (a.agencyId < b.agencyId ? -1 : 1);
      })
      .slice(0, first)
      .map((r, i) => ({ rank: i + 1, ...r }));
  }

  trend(s: Scope, interval: TrendInterval): TrendPoint[] {
    const rs = this.select(s);
    const days = rs.map((r) => this.cal.dayKey(Date.parse(r.submittedAt)));
    const periods = trendPeriods(s, interval, this.cal, days.length ? { first: Math.min(...days), last: Math.max(...days) } : null);
    return periods.map((p) => {
      const inP = rs.filter((_, i) => periodOfDay(days[i], interval) === p);
      return { periodStart: periodLabel(p), submitted: inP.length, completed: inP.filter((r) => r.completedAt !== null).length };
    });
  }
}
