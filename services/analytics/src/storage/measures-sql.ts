import { DURATION_METRICS, MAL_CATEGORIES, MEASURE_NAMES, SLA_STEPS, STATUSES } from '../domain/facts';

/**
 * The SQL twin of domain/facts.ts MEASURES: each measure as an expression over one fact row. Used to
 * build rollups in bulk (INSERT … SELECT … GROUP BY), to sum the partial days at the edges of a range,
 * and as the raw GROUP BY baseline of the benchmark. The tests check both definitions agree.
 */
const when = (cond: string) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;

const EXPR: Record<string, string> = {
  reports: '1',
  open: when(`status NOT IN ('COMPLETED','ARCHIVED')`),
  ...Object.fromEntries(STATUSES.map((s) => [`st_${s}`, when(`status = '${s}'`)])),
  ...Object.fromEntries(MAL_CATEGORIES.map((m) => [`mal_${m}`, when(`malType = '${m}'`)])),
  publicCount: when('confidential = 0'),
  dispositioned: when('dispositionedMs IS NOT NULL'),
  forwarded: when('forwardCount > 0'),
  hops: 'CASE WHEN forwardCount > 0 THEN forwardCount ELSE 0 END',
  responded: when('responseCount > 0'),
  evidenced: when('responseCount > 0 AND evidenceResponseCount > 0'),
  completed: when('completedMs IS NOT NULL'),
  everCompleted: when('completedMs IS NOT NULL OR reopenCount > 0'),
  reopened: when('reopenCount > 0'),
  rated: when('rating IS NOT NULL'),
  ratingSum: 'COALESCE(rating, 0)',
  ...Object.fromEntries(
    SLA_STEPS.flatMap((s) => [
      [`${s}On`, when(`${s}Outcome = 1`)],
      [`${s}Late`, when(`${s}Outcome = 2`)],
      [`${s}Pending`, when(`${s}OverdueFrom IS NOT NULL`)],
    ]),
  ),
  overduePending: when('overdueFrom IS NOT NULL'),
  ...Object.fromEntries(
    DURATION_METRICS.flatMap((m) => [
      [`${m}N`, when(`${m}Ms IS NOT NULL`)],
      [`${m}Sum`, `COALESCE(${m}Ms, 0)`],
    ]),
  ),
};

for (const name of MEASURE_NAMES) {
  if (!EXPR[name]) throw new Error(`measure ${name} has no SQL expression`);
}

export const measureSql = (name: string): string => EXPR[name];

/** `SUM(expr) AS name, …` over facts. */
export const sumMeasuresOverFacts = (): string => MEASURE_NAMES.map((n) => `SUM(${EXPR[n]}) AS ${n}`).join(', ');

/** `SUM(name) AS name, …` over a rollup table. */
export const sumMeasureColumns = (): string => MEASURE_NAMES.map((n) => `SUM(${n}) AS ${n}`).join(', ');
