import type { Measures, NowCounts } from './facts';
import type {
  AgencyPerformance,
  DurationStats,
  MaladministrationBreakdown,
  MaladministrationTrendPoint,
  Overview,
  RegionReportStats,
  ResponseTimeStats,
  SlaCompliance,
  SlaStepCompliance,
  TransparencyMetrics,
  TrendPoint,
} from './metrics';

/**
 * Small-cell protection (statistical disclosure control) for figures answered to the public.
 *
 * The rule: a figure computed from fewer than k reports (1 ≤ n < k; k = PANTAU_SMALL_CELL_K, default 5)
 * is withheld (null). n is the number of reports the figure is made of:
 * - a count: the count itself (0 is shown: it identifies no one);
 * - a rate or share: its denominator (completionRate → dispositioned reports, satisfaction → rated ones,
 *   SLA compliance → reports the step applies to, ...);
 * - a duration percentile or mean: the number of durations;
 * - the transparency index: every component it blends (one rating among few would otherwise be
 *   recoverable from the index and the other components).
 * Counts that partition a shown total (per status, topic, maladministration type, histogram bucket, SLA
 * outcome, trend period) also get secondary suppression: when exactly one cell is withheld, the next
 * smallest non-zero cell is withheld too, so the hidden one is not `total − the others`.
 * Each object says what it withheld (`suppressed`, `suppressedBelow` = k, `suppressedFields`).
 * Staff (k = null) see every figure.
 */

export const DEFAULT_SMALL_CELL_K = 5;

/** k from PANTAU_SMALL_CELL_K (an integer ≥ 1; 1 turns suppression off). */
export function smallCellK(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PANTAU_SMALL_CELL_K;
  if (raw === undefined || raw === '') return DEFAULT_SMALL_CELL_K;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 1 || k > 1000) {
    throw new Error(`PANTAU_SMALL_CELL_K must be a whole number from 1 to 1000 (got "${raw}").`);
  }
  return k;
}

export interface Disclosure {
  /** True when at least one figure in this object was withheld. */
  suppressed: boolean;
  /** k when something was withheld: the figures come from fewer than this many reports. */
  suppressedBelow: number | null;
  /** The names of the withheld figures (for a list, the list's name). */
  suppressedFields: string[];
}

export const isSmallCell = (n: number, k: number | null): boolean => k !== null && n > 0 && n < k;

/**
 * Which cells of a partition to withhold: primary (small cells) and secondary (when exactly one is
 * withheld, the smallest other non-zero cell too).
 */
export function partitionSuppression(counts: number[], k: number | null): boolean[] {
  const hide = counts.map((c) => isSmallCell(c, k));
  if (hide.filter(Boolean).length === 1) {
    let j = -1;
    counts.forEach((c, i) => {
      if (!hide[i] && c > 0 && (j < 0 || c < counts[j])) j = i;
    });
    if (j >= 0) hide[j] = true;
  }
  return hide;
}

const NOTHING: Disclosure = { suppressed: false, suppressedBelow: null, suppressedFields: [] };

/** Collects what one object withholds. */
class Redactor {
  readonly fields: string[] = [];
  constructor(readonly k: number | null) {}

  count(name: string, n: number): number | null {
    if (!isSmallCell(n, this.k)) return n;
    this.fields.push(name);
    return null;
  }

  /** A figure made of `bases` reports (several: withheld when any is small). Null stays null, unlisted. */
  figure(name: string, value: number | null, ...bases: number[]): number | null {
    if (value === null || !bases.some((n) => isSmallCell(n, this.k))) return value;
    this.fields.push(name);
    return null;
  }

  /** A child object's disclosure counts as this object's too. */
  child(name: string, d: Disclosure): void {
    if (d.suppressed) this.fields.push(name);
  }

  disclosure(): Disclosure {
    return this.fields.length ? { suppressed: true, suppressedBelow: this.k, suppressedFields: [...new Set(this.fields)] } : { ...NOTHING, suppressedFields: [] };
  }
}

/** Item lists: `count` of each item withheld per the partition rule; the item says so. */
function partitionItems<T extends { count: number }>(
  items: T[],
  k: number | null,
  extra: (item: T, hidden: boolean) => Partial<Record<keyof T, unknown>> = () => ({}),
): Array<Omit<T, 'count'> & { count: number | null } & Disclosure> {
  const hide = partitionSuppression(
    items.map((i) => i.count),
    k,
  );
  return items.map((item, i) =>
    hide[i]
      ? { ...item, count: null, ...extra(item, true), suppressed: true, suppressedBelow: k, suppressedFields: ['count', ...Object.keys(extra(item, true))] }
      : { ...item, ...extra(item, false), ...NOTHING, suppressedFields: [] },
  ) as Array<Omit<T, 'count'> & { count: number | null } & Disclosure>;
}

/** Denominators of the transparency components that have data (R, T, E, C, S). */
function indexBases(m: Measures, now: NowCounts): number[] {
  return [m.dispositioned, m.respOn + m.respLate + now.respOverdue, m.responded, m.rated].filter((n) => n > 0);
}

export function discloseOverview(o: Overview, m: Measures, now: NowCounts, k: number | null) {
  const r = new Redactor(k);
  const slaBase = m.verOn + m.verLate + now.verOverdue + m.respOn + m.respLate + now.respOverdue + m.complOn + m.complLate + now.complOverdue;
  const out = {
    volume: r.count('volume', o.volume),
    open: r.count('open', o.open),
    overdue: r.count('overdue', o.overdue),
    completionRate: r.figure('completionRate', o.completionRate, m.dispositioned),
    medianFirstResponseHours: r.figure('medianFirstResponseHours', o.medianFirstResponseHours, m.frAgN),
    slaCompliance: r.figure('slaCompliance', o.slaCompliance, slaBase),
    satisfaction: r.figure('satisfaction', o.satisfaction, m.rated),
    transparencyIndex: r.figure('transparencyIndex', o.transparencyIndex, ...indexBases(m, now)),
    byTopic: partitionItems(o.byTopic, k),
    byStatus: partitionItems(o.byStatus, k),
  };
  if (out.byTopic.some((t) => t.suppressed)) r.fields.push('byTopic');
  if (out.byStatus.some((t) => t.suppressed)) r.fields.push('byStatus');
  return { ...out, ...r.disclosure() };
}

export function discloseBreakdown(b: MaladministrationBreakdown, k: number | null) {
  const r = new Redactor(k);
  const total = r.count('total', b.total);
  const slices = partitionItems(b.slices, k, (_s, hidden) => (hidden ? { share: null } : {}));
  if (slices.some((s) => s.suppressed)) r.fields.push('slices');
  return { total, slices, ...r.disclosure() };
}

/**
 * The maladministration trend: each period's breakdown as discloseBreakdown; the period totals also
 * partition the scope's total, so when exactly one period is withheld (fewer than k reports) the next
 * smallest non-empty period is withheld whole too (its total and every non-zero slice).
 */
export function discloseMaladministrationTrend(points: MaladministrationTrendPoint[], k: number | null) {
  const hide = partitionSuppression(
    points.map((p) => p.breakdown.total),
    k,
  );
  return points.map((p, i) => ({
    periodStart: p.periodStart,
    breakdown: hide[i] && !isSmallCell(p.breakdown.total, k) ? withheldBreakdown(p.breakdown, k) : discloseBreakdown(p.breakdown, k),
  }));
}

/** A breakdown withheld whole (secondary suppression of a trend period): zeros stay, the rest is null. */
function withheldBreakdown(b: MaladministrationBreakdown, k: number | null) {
  const slices = b.slices.map((s) =>
    s.count === 0
      ? { ...s, ...NOTHING, suppressedFields: [] }
      : { ...s, count: null, share: null, suppressed: true, suppressedBelow: k, suppressedFields: ['count', 'share'] },
  );
  return { total: null, slices, suppressed: true, suppressedBelow: k, suppressedFields: ['total', 'slices'] };
}

export function discloseDuration(d: DurationStats, k: number | null) {
  const r = new Redactor(k);
  const out = {
    count: r.count('count', d.count),
    p50Hours: r.figure('p50Hours', d.p50Hours, d.count),
    p90Hours: r.figure('p90Hours', d.p90Hours, d.count),
    meanHours: r.figure('meanHours', d.meanHours, d.count),
    histogram: partitionItems(d.histogram, k),
  };
  if (out.histogram.some((h) => h.suppressed)) r.fields.push('histogram');
  return { ...out, ...r.disclosure() };
}

export function discloseResponseTimes(t: ResponseTimeStats, k: number | null) {
  const r = new Redactor(k);
  const out = {
    verification: discloseDuration(t.verification, k),
    firstResponseAgency: discloseDuration(t.firstResponseAgency, k),
    firstResponseCitizen: discloseDuration(t.firstResponseCitizen, k),
    completion: discloseDuration(t.completion, k),
  };
  for (const [name, d] of Object.entries(out)) r.child(name, d);
  return { ...out, ...r.disclosure() };
}

function discloseSlaStep(s: SlaStepCompliance, k: number | null) {
  const r = new Redactor(k);
  const hide = partitionSuppression([s.onTime, s.late, s.overdueOpen], k);
  const cell = (name: string, v: number, hidden: boolean) => {
    if (!hidden) return v;
    r.fields.push(name);
    return null;
  };
  const out = {
    step: s.step,
    onTime: cell('onTime', s.onTime, hide[0]),
    late: cell('late', s.late, hide[1]),
    overdueOpen: cell('overdueOpen', s.overdueOpen, hide[2]),
    compliance: r.figure('compliance', s.compliance, s.onTime + s.late + s.overdueOpen),
  };
  return { ...out, ...r.disclosure() };
}

export function discloseSla(c: SlaCompliance, k: number | null) {
  const r = new Redactor(k);
  const steps = c.steps.map((s) => discloseSlaStep(s, k));
  if (steps.some((s) => s.suppressed)) r.fields.push('steps');
  const base = c.steps.reduce((n, s) => n + s.onTime + s.late + s.overdueOpen, 0);
  const overall = r.figure('overall', c.overall, base);
  return { steps, overall, ...r.disclosure() };
}

export function discloseTransparency(t: TransparencyMetrics, m: Measures, now: NowCounts, k: number | null) {
  const r = new Redactor(k);
  const out = {
    responseRate: r.figure('responseRate', t.responseRate, m.dispositioned),
    firstResponseCompliance: r.figure('firstResponseCompliance', t.firstResponseCompliance, m.respOn + m.respLate + now.respOverdue),
    evidenceRate: r.figure('evidenceRate', t.evidenceRate, m.responded),
    completionRate: r.figure('completionRate', t.completionRate, m.dispositioned),
    satisfaction: r.figure('satisfaction', t.satisfaction, m.rated),
    publicVisibility: r.figure('publicVisibility', t.publicVisibility, m.reports),
    reopenRate: r.figure('reopenRate', t.reopenRate, m.everCompleted),
    forwardingRate: r.figure('forwardingRate', t.forwardingRate, m.dispositioned),
    meanHops: r.figure('meanHops', t.meanHops, m.forwarded),
    index: r.figure('index', t.index, ...indexBases(m, now)),
  };
  return { ...out, ...r.disclosure() };
}

/** Trend points: `submitted` as a partition over the periods, `completed` per point. */
export function discloseTrend(points: TrendPoint[], k: number | null) {
  const hide = partitionSuppression(
    points.map((p) => p.submitted),
    k,
  );
  return points.map((p, i) => {
    const r = new Redactor(k);
    let submitted: number | null = p.submitted;
    if (hide[i]) {
      submitted = null;
      r.fields.push('submitted');
    }
    const completed = hide[i] && p.completed > 0 ? (r.fields.push('completed'), null) : r.count('completed', p.completed);
    return { periodStart: p.periodStart, submitted, completed, ...r.disclosure() };
  });
}

export function disclosePerformance(p: AgencyPerformance, m: Measures, now: NowCounts, k: number | null) {
  const r = new Redactor(k);
  const slaBase = m.verOn + m.verLate + now.verOverdue + m.respOn + m.respLate + now.respOverdue + m.complOn + m.complLate + now.complOverdue;
  const out = {
    reportCount: r.count('reportCount', p.reportCount),
    open: r.count('open', p.open),
    overdue: r.count('overdue', p.overdue),
    completionRate: r.figure('completionRate', p.completionRate, m.dispositioned),
    medianFirstResponseHours: r.figure('medianFirstResponseHours', p.medianFirstResponseHours, m.frAgN),
    slaCompliance: r.figure('slaCompliance', p.slaCompliance, slaBase),
    satisfaction: r.figure('satisfaction', p.satisfaction, m.rated),
    transparencyIndex: r.figure('transparencyIndex', p.transparencyIndex, ...indexBases(m, now)),
    forwardingRate: r.figure('forwardingRate', p.forwardingRate, m.dispositioned),
  };
  return { ...out, ...r.disclosure() };
}

export function discloseRegionStats(s: RegionReportStats, m: Measures, now: NowCounts, k: number | null) {
  const r = new Redactor(k);
  const out = {
    reportCount: r.count('reportCount', s.reportCount),
    open: r.count('open', s.open),
    overdue: r.count('overdue', s.overdue),
    completionRate: r.figure('completionRate', s.completionRate, m.dispositioned),
    transparencyIndex: r.figure('transparencyIndex', s.transparencyIndex, ...indexBases(m, now)),
  };
  return { ...out, ...r.disclosure() };
}

/** The public leaderboard lists only agencies with at least k reports in scope. */
export const publicMinReports = (minReports: number, k: number | null): number => (k === null ? minReports : Math.max(minReports, k));

export type DisclosedOverview = ReturnType<typeof discloseOverview>;
export type DisclosedPerformance = ReturnType<typeof disclosePerformance>;
