import { STATUSES, MAL_CATEGORIES, SLA_STEPS, type Measures, type NowCounts, type SlaStepKey } from './facts';
import type { HistogramBucket } from './buckets';
import { HOUR_MS } from './time';

/**
 * The dashboard's figures from additive measures (design brief, "Metric definitions"). Plain
 * functions: the storage layer sums measures over a scope, these turn sums into figures.
 */

export interface TopicCount {
  topic: string;
  count: number;
}
export interface StatusCount {
  status: string;
  count: number;
}
export interface Overview {
  volume: number;
  open: number;
  overdue: number;
  completionRate: number | null;
  medianFirstResponseHours: number | null;
  slaCompliance: number | null;
  satisfaction: number | null;
  transparencyIndex: number | null;
  byTopic: TopicCount[];
  byStatus: StatusCount[];
}
export interface MaladministrationSlice {
  type: string;
  count: number;
  share: number;
}
export interface MaladministrationBreakdown {
  total: number;
  slices: MaladministrationSlice[];
}
export interface DurationStats {
  count: number;
  p50Hours: number | null;
  p90Hours: number | null;
  meanHours: number | null;
  histogram: HistogramBucket[];
}
export interface ResponseTimeStats {
  verification: DurationStats;
  firstResponseAgency: DurationStats;
  firstResponseCitizen: DurationStats;
  completion: DurationStats;
}
export type SlaStepName = 'VERIFICATION' | 'FIRST_RESPONSE' | 'COMPLETION';
export interface SlaStepCompliance {
  step: SlaStepName;
  onTime: number;
  late: number;
  overdueOpen: number;
  compliance: number | null;
}
export interface SlaCompliance {
  steps: SlaStepCompliance[];
  overall: number | null;
}
export interface TransparencyMetrics {
  responseRate: number | null;
  firstResponseCompliance: number | null;
  evidenceRate: number | null;
  completionRate: number | null;
  satisfaction: number | null;
  publicVisibility: number | null;
  reopenRate: number | null;
  forwardingRate: number | null;
  meanHops: number | null;
  index: number | null;
}
export interface TrendPoint {
  periodStart: string;
  submitted: number;
  completed: number;
}
/** One period of the maladministration trend: the period's breakdown (same shape as the scope's). */
export interface MaladministrationTrendPoint {
  periodStart: string;
  breakdown: MaladministrationBreakdown;
}
export interface AgencyPerformance {
  reportCount: number;
  open: number;
  overdue: number;
  completionRate: number | null;
  medianFirstResponseHours: number | null;
  slaCompliance: number | null;
  satisfaction: number | null;
  transparencyIndex: number | null;
  forwardingRate: number | null;
}
export interface RegionReportStats {
  reportCount: number;
  open: number;
  overdue: number;
  completionRate: number | null;
  transparencyIndex: number | null;
}
export type LeaderboardOrder =
  | 'TRANSPARENCY_INDEX'
  | 'REPORT_COUNT'
  | 'COMPLETION_RATE'
  | 'MEDIAN_FIRST_RESPONSE'
  | 'SLA_COMPLIANCE';
export interface LeaderboardRow {
  rank: number;
  agencyId: string;
  performance: AgencyPerformance;
}

export const DEFAULT_MIN_REPORTS = 10;
export const SLA_STEP_NAMES: Record<SlaStepKey, SlaStepName> = {
  ver: 'VERIFICATION',
  resp: 'FIRST_RESPONSE',
  compl: 'COMPLETION',
};
export const TRANSPARENCY_WEIGHTS = { R: 0.25, T: 0.25, E: 0.2, C: 0.15, S: 0.15 } as const;

export const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** 1-based nearest rank of the p-th percentile among n values: ceil(p/100 · n), at least 1. */
export function nearestRank(p: number, n: number): number {
  if (n <= 0) throw new Error('no values');
  return Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
}

/** Nearest-rank percentile of already sorted values. */
export function percentileOfSorted(sorted: number[], p: number): number | null {
  return sorted.length ? sorted[nearestRank(p, sorted.length) - 1] : null;
}

export const hours = (ms: number | null): number | null => (ms === null ? null : ms / HOUR_MS);

/**
 * Transparency index 0–100 = 100 × (0.25·R + 0.25·T + 0.20·E + 0.15·C + 0.15·S); a component with no data
 * drops out and the remaining weights are rescaled to sum to 1; null when no component has data.
 */
export function transparencyIndex(c: { R: number | null; T: number | null; E: number | null; C: number | null; S: number | null }): number | null {
  let weighted = 0;
  let weights = 0;
  for (const key of ['R', 'T', 'E', 'C', 'S'] as const) {
    const v = c[key];
    if (v === null) continue;
    weighted += TRANSPARENCY_WEIGHTS[key] * v;
    weights += TRANSPARENCY_WEIGHTS[key];
  }
  return weights > 0 ? (100 * weighted) / weights : null;
}

export function satisfaction(m: Measures): number | null {
  return m.rated > 0 ? m.ratingSum / m.rated / 5 : null;
}

export function slaCompliance(m: Measures, now: NowCounts): SlaCompliance {
  const overdueBy: Record<SlaStepKey, number> = { ver: now.verOverdue, resp: now.respOverdue, compl: now.complOverdue };
  let on = 0;
  let den = 0;
  const steps = SLA_STEPS.map((s) => {
    const onTime = m[`${s}On`];
    const late = m[`${s}Late`];
    const overdueOpen = overdueBy[s];
    on += onTime;
    den += onTime + late + overdueOpen;
    return { step: SLA_STEP_NAMES[s], onTime, late, overdueOpen, compliance: ratio(onTime, onTime + late + overdueOpen) };
  });
  return { steps, overall: ratio(on, den) };
}

export function transparencyMetrics(m: Measures, now: NowCounts): TransparencyMetrics {
  const R = ratio(m.responded, m.dispositioned);
  const T = ratio(m.respOn, m.respOn + m.respLate + now.respOverdue);
  const E = ratio(m.evidenced, m.responded);
  const C = ratio(m.completed, m.dispositioned);
  const S = satisfaction(m);
  return {
    responseRate: R,
    firstResponseCompliance: T,
    evidenceRate: E,
    completionRate: C,
    satisfaction: S,
    publicVisibility: ratio(m.publicCount, m.reports),
    reopenRate: ratio(m.reopened, m.everCompleted),
    forwardingRate: ratio(m.forwarded, m.dispositioned),
    meanHops: ratio(m.hops, m.forwarded),
    index: transparencyIndex({ R, T, E, C, S }),
  };
}

export function agencyPerformance(m: Measures, now: NowCounts, medianFirstResponseMs: number | null): AgencyPerformance {
  const t = transparencyMetrics(m, now);
  return {
    reportCount: m.reports,
    open: m.open,
    overdue: now.overdue,
    completionRate: t.completionRate,
    medianFirstResponseHours: hours(medianFirstResponseMs),
    slaCompliance: slaCompliance(m, now).overall,
    satisfaction: t.satisfaction,
    transparencyIndex: t.index,
    forwardingRate: t.forwardingRate,
  };
}

export function regionReportStats(m: Measures, now: NowCounts): RegionReportStats {
  const t = transparencyMetrics(m, now);
  return { reportCount: m.reports, open: m.open, overdue: now.overdue, completionRate: t.completionRate, transparencyIndex: t.index };
}

export function overview(m: Measures, now: NowCounts, medianFirstResponseMs: number | null, topics: Map<string, number>): Overview {
  const p = agencyPerformance(m, now, medianFirstResponseMs);
  return {
    volume: m.reports,
    open: m.open,
    overdue: now.overdue,
    completionRate: p.completionRate,
    medianFirstResponseHours: p.medianFirstResponseHours,
    slaCompliance: p.slaCompliance,
    satisfaction: p.satisfaction,
    transparencyIndex: p.transparencyIndex,
    byTopic: [...topics]
      .map(([topic, count]) => ({ topic, count }))
      .filter((t) => t.count > 0)
      .sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
    byStatus: STATUSES.map((status) => ({ status, count: m[`st_${status}`] })),
  };
}

/** Ten types plus UNCLASSIFIED, ranked by count (ties in the Ombudsman's order). */
export function maladministrationBreakdown(m: Measures): MaladministrationBreakdown {
  const total = m.reports;
  const slices = MAL_CATEGORIES.map((type, i) => ({ type, count: m[`mal_${type}`], share: total > 0 ? m[`mal_${type}`] / total : 0, i }))
    .sort((a, b) => b.count - a.count || a.i - b.i)
    .map(({ type, count, share }) => ({ type, count, share }));
  return { total, slices };
}

const ORDER_KEY: Record<LeaderboardOrder, { of: (p: AgencyPerformance) => number | null; desc: boolean }> = {
  TRANSPARENCY_INDEX: { of: (p) => p.transparencyIndex, desc: true },
  REPORT_COUNT: { of: (p) => p.reportCount, desc: true },
  COMPLETION_RATE: { of: (p) => p.completionRate, desc: true },
  MEDIAN_FIRST_RESPONSE: { of: (p) => p.medianFirstResponseHours, desc: false },
  SLA_COMPLIANCE: { of: (p) => p.slaCompliance, desc: true },
};

/**
 * Leaderboard: only agencies with at least `minReports` reports in scope; ordered by the chosen figure
 * (shorter median first response is better, higher is better for the rest), agencies without the
 * figure last, ties by report count then agency id. Ranks are positions 1..n.
 */
export function rankLeaderboard(
  rows: Array<{ agencyId: string; performance: AgencyPerformance }>,
  orderBy: LeaderboardOrder,
  minReports: number,
  first: number,
): LeaderboardRow[] {
  const key = ORDER_KEY[orderBy];
  return rows
    .filter((r) => r.performance.reportCount >= minReports)
    .sort((a, b) => {
      const va = key.of(a.performance);
      const vb = key.of(b.performance);
      if (va !== vb) {
        if (va === null) return 1;
        if (vb === null) return -1;
        return key.desc ? vb - va : va - vb;
      }
      return b.performance.reportCount - a.performance.reportCount || (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0);
    })
    .slice(0, first)
    .map((r, i) => ({ rank: i + 1, agencyId: r.agencyId, performance: r.performance }));
}

export function durationStats(count: number, sumMs: number, p50Ms: number | null, p90Ms: number | null, histogram: HistogramBucket[]): DurationStats {
  return {
    count,
    p50Hours: hours(p50Ms),
    p90Hours: hours(p90Ms),
    meanHours: count > 0 ? sumMs / count / HOUR_MS : null,
    histogram,
  };
}
