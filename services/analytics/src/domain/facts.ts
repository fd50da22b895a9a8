import { Maladministration, ReportStatus, type ReportSnapshot } from '@pantau/common';
import { isClosedStatus } from '@pantau/contract';
import { fineBucketOf } from './buckets';
import type { ZonedCalendar } from './time';

/**
 * The per-report fact: one row per report, derived from the latest ReportSnapshot. Everything that
 * does not depend on the query's `now` is computed here, once, when an event is applied; the only
 * time-dependent figures (is a step / a report overdue *now*?) reduce to "a static instant < now"
 * (the `…OverdueFrom` columns), so rollups can store them as counts and a query corrects them with
 * the few facts whose instant is still in the future.
 */

export const UNCLASSIFIED = 'UNCLASSIFIED';
export const MAL_CATEGORIES: string[] = [...Object.values(Maladministration), UNCLASSIFIED];
export const STATUSES: ReportStatus[] = Object.values(ReportStatus);

/** Duration metrics (hours in the API, ms in storage). */
export const DURATION_METRICS = ['ver', 'frAg', 'frCit', 'compl'] as const;
export type DurationMetric = (typeof DURATION_METRICS)[number];

export const SLA_STEPS = ['ver', 'resp', 'compl'] as const;
export type SlaStepKey = (typeof SLA_STEPS)[number];

/** Outcome of an SLA step known when the event is applied. */
export enum Outcome {
  /** Not done (pending or never due) or not subject to a deadline. */
  None = 0,
  OnTime = 1,
  Late = 2,
}

export interface Fact {
  reportId: string;
  seq: number;
  submittedMs: number;
  day: number;
  month: number;
  agencyId: string | null;
  regionCode: string;
  districtKey: string;
  topic: string;
  classification: string;
  status: string;
  confidential: number;
  malType: string;
  examination: number;
  dispositionedMs: number | null;
  firstResponseMs: number | null;
  completedMs: number | null;
  archivedMs: number | null;
  verDueMs: number | null;
  respDueMs: number | null;
  complDueMs: number | null;
  forwardCount: number;
  responseCount: number;
  evidenceResponseCount: number;
  rating: number | null;
  reopenCount: number;
  verMs: number | null;
  frAgMs: number | null;
  frCitMs: number | null;
  complMs: number | null;
  verB: number | null;
  frAgB: number | null;
  frCitB: number | null;
  complB: number | null;
  verOutcome: number;
  respOutcome: number;
  complOutcome: number;
  verOverdueFrom: number | null;
  respOverdueFrom: number | null;
  complOverdueFrom: number | null;
  overdueFrom: number | null;
  /** Largest of the four *OverdueFrom instants (index: facts whose deadline is still ahead of `now`). */
  pendingMax: number | null;
}

export const FACT_COLUMNS: (keyof Fact)[] = [
  'reportId', 'seq', 'submittedMs', 'day', 'month', 'agencyId', 'regionCode', 'districtKey', 'topic',
  'classification', 'status', 'confidential', 'malType', 'examination', 'dispositionedMs', 'firstResponseMs',
  'completedMs', 'archivedMs', 'verDueMs', 'respDueMs', 'complDueMs', 'forwardCount', 'responseCount',
  'evidenceResponseCount', 'rating', 'reopenCount', 'verMs', 'frAgMs', 'frCitMs', 'complMs', 'verB', 'frAgB',
  'frCitB', 'complB', 'verOutcome', 'respOutcome', 'complOutcome', 'verOverdueFrom', 'respOverdueFrom',
  'complOverdueFrom', 'overdueFrom', 'pendingMax',
];

export function parseInstant(iso: string | null | undefined, field: string): number | null {
  if (iso === null || iso === undefined) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`Snapshot field ${field} is not an ISO-8601 instant: "${iso}"`);
  return ms;
}

/**
 * Kemendagri codes nest by segment ("64.02.18.2001" lies in "64.02.18", "64.02" and "64"). The district
 * key (first three segments) is the grain of the region rollups: any province/regency/district filter
 * matches a report exactly when it matches the report's district key.
 */
export function districtKeyOf(regionCode: string): string {
  return regionCode.split('.').slice(0, 3).join('.');
}

/** A region filter matches a code when it equals the code or is one of its ancestors (segment prefix). */
export function regionMatches(filter: string, code: string): boolean {
  return code === filter || code.startsWith(`${filter}.`);
}

/**
 * SLA step, as the brief defines it: done on time / done late / overdue and not done / not counted.
 * Closing the report (completing or archiving it) stops the clock of a step that was never done: such a
 * step counts as overdue only if its deadline passed before the report was closed.
 * Static part: the outcome of a done step, and for an undone step the instant after which it is
 * overdue (null when it never will be).
 */
export function stepState(
  doneMs: number | null,
  dueMs: number | null,
  closedMs: number | null,
): { outcome: Outcome; overdueFrom: number | null } {
  if (dueMs === null) return { outcome: Outcome.None, overdueFrom: null };
  if (doneMs !== null) return { outcome: doneMs <= dueMs ? Outcome.OnTime : Outcome.Late, overdueFrom: null };
  if (closedMs !== null && dueMs >= closedMs) return { outcome: Outcome.None, overdueFrom: null };
  return { outcome: Outcome.None, overdueFrom: dueMs };
}

/** When the report was closed (completed or archived), or null while it is open. */
export function closedAt(status: string, completedMs: number | null, archivedMs: number | null): number | null {
  if (status === ReportStatus.ARCHIVED) return archivedMs;
  if (status === ReportStatus.COMPLETED) return completedMs;
  return null;
}

const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? a - b : null);
const bucket = (ms: number | null) => (ms === null ? null : fineBucketOf(ms));
const minOf = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.min(...v) : null;
};
const maxOf = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.max(...v) : null;
};

export function factFromSnapshot(r: ReportSnapshot, seq: number, cal: ZonedCalendar): Fact {
  const submittedMs = parseInstant(r.submittedAt, 'submittedAt');
  if (submittedMs === null) throw new Error(`Snapshot of report ${r.id} has no submittedAt`);
  const dispositionedMs = parseInstant(r.dispositionedAt, 'dispositionedAt');
  const firstResponseMs = parseInstant(r.firstResponseAt, 'firstResponseAt');
  const completedMs = parseInstant(r.completedAt, 'completedAt');
  const archivedMs = parseInstant(r.archivedAt, 'archivedAt');
  const verDueMs = parseInstant(r.verificationDueAt, 'verificationDueAt');
  const respDueMs = parseInstant(r.responseDueAt, 'responseDueAt');
  const complDueMs = parseInstant(r.completionDueAt, 'completionDueAt');
  const closed = closedAt(r.status, completedMs, archivedMs);
  const ver = stepState(dispositionedMs, verDueMs, closed);
  const resp = stepState(firstResponseMs, respDueMs, closed);
  const compl = stepState(completedMs, complDueMs, closed);
  const open = !isClosedStatus(r.status);
  const overdueFrom = open ? minOf([ver.overdueFrom, resp.overdueFrom, compl.overdueFrom]) : null;
  const verMs = diff(dispositionedMs, submittedMs);
  const frAgMs = diff(firstResponseMs, dispositionedMs);
  const frCitMs = diff(firstResponseMs, submittedMs);
  const complMs = diff(completedMs, submittedMs);
  const day = cal.dayKey(submittedMs);
  return {
    reportId: r.id,
    seq,
    submittedMs,
    day,
    month: Math.floor(day / 100),
    agencyId: r.agencyId ?? null,
    regionCode: r.regionCode,
    districtKey: districtKeyOf(r.regionCode),
    topic: r.topic,
    classification: r.classification,
    status: r.status,
    confidential: r.confidential ? 1 : 0,
    malType: r.maladministrationType ?? UNCLASSIFIED,
    examination: r.examination ? 1 : 0,
    dispositionedMs,
    firstResponseMs,
    completedMs,
    archivedMs,
    verDueMs,
    respDueMs,
    complDueMs,
    forwardCount: r.forwardCount ?? 0,
    responseCount: r.responseCount ?? 0,
    evidenceResponseCount: r.evidenceResponseCount ?? 0,
    rating: r.rating ?? null,
    reopenCount: r.reopenCount ?? 0,
    verMs,
    frAgMs,
    frCitMs,
    complMs,
    verB: bucket(verMs),
    frAgB: bucket(frAgMs),
    frCitB: bucket(frCitMs),
    complB: bucket(complMs),
    verOutcome: ver.outcome,
    respOutcome: resp.outcome,
    complOutcome: compl.outcome,
    verOverdueFrom: ver.overdueFrom,
    respOverdueFrom: resp.overdueFrom,
    complOverdueFrom: compl.overdueFrom,
    overdueFrom,
    pendingMax: maxOf([ver.overdueFrom, resp.overdueFrom, compl.overdueFrom, overdueFrom]),
  };
}

/**
 * Additive measures: every dashboard figure is a ratio, a difference or a percentile of these sums.
 * Rollup tables store exactly these columns (the SQL for each lives in storage/measures-sql.ts and is
 * checked against this definition by the tests).
 */
export interface MeasureDef {
  name: string;
  of: (f: Fact) => number;
}

const b = (x: boolean) => (x ? 1 : 0);

export const MEASURES: MeasureDef[] = [
  { name: 'reports', of: () => 1 },
  { name: 'open', of: (f) => b(!isClosedStatus(f.status)) },
  ...STATUSES.map((s) => ({ name: `st_${s}`, of: (f: Fact) => b(f.status === s) })),
  ...MAL_CATEGORIES.map((m) => ({ name: `mal_${m}`, of: (f: Fact) => b(f.malType === m) })),
  { name: 'publicCount', of: (f) => b(f.confidential === 0) },
  { name: 'dispositioned', of: (f) => b(f.dispositionedMs !== null) },
  { name: 'forwarded', of: (f) => b(f.forwardCount > 0) },
  { name: 'hops', of: (f) => (f.forwardCount > 0 ? f.forwardCount : 0) },
  { name: 'responded', of: (f) => b(f.responseCount > 0) },
  { name: 'evidenced', of: (f) => b(f.responseCount > 0 && f.evidenceResponseCount > 0) },
  { name: 'completed', of: (f) => b(f.completedMs !== null) },
  { name: 'everCompleted', of: (f) => b(f.completedMs !== null || f.reopenCount > 0) },
  { name: 'reopened', of: (f) => b(f.reopenCount > 0) },
  { name: 'rated', of: (f) => b(f.rating !== null) },
  { name: 'ratingSum', of: (f) => f.rating ?? 0 },
  ...SLA_STEPS.flatMap((s) => [
    { name: `${s}On`, of: (f: Fact) => b(f[`${s}Outcome` as const] === Outcome.OnTime) },
    { name: `${s}Late`, of: (f: Fact) => b(f[`${s}Outcome` as const] === Outcome.Late) },
    { name: `${s}Pending`, of: (f: Fact) => b(f[`${s}OverdueFrom` as const] !== null) },
  ]),
  { name: 'overduePending', of: (f) => b(f.overdueFrom !== null) },
  ...DURATION_METRICS.flatMap((m) => [
    { name: `${m}N`, of: (f: Fact) => b(f[`${m}Ms` as const] !== null) },
    { name: `${m}Sum`, of: (f: Fact) => f[`${m}Ms` as const] ?? 0 },
  ]),
];

export const MEASURE_NAMES = MEASURES.map((m) => m.name);
export type Measures = Record<string, number>;

export function zeroMeasures(): Measures {
  const m: Measures = {};
  for (const name of MEASURE_NAMES) m[name] = 0;
  return m;
}

export function measuresOf(f: Fact): Measures {
  const m: Measures = {};
  for (const def of MEASURES) m[def.name] = def.of(f);
  return m;
}

export function addInto(target: Measures, src: Measures, sign = 1): Measures {
  for (const name of MEASURE_NAMES) target[name] = (target[name] ?? 0) + sign * (src[name] ?? 0);
  return target;
}

export function isZero(m: Measures): boolean {
  return MEASURE_NAMES.every((n) => !m[n]);
}

/** Counts that depend on `now`: steps and reports whose overdue instant has passed. */
export interface NowCounts {
  overdue: number;
  verOverdue: number;
  respOverdue: number;
  complOverdue: number;
}

export const zeroNow = (): NowCounts => ({ overdue: 0, verOverdue: 0, respOverdue: 0, complOverdue: 0 });
