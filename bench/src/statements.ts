import type { BenchOperation } from './operations';
import type { BenchStack } from './stack';

export type StatementCounts = Record<'agencies' | 'reports' | 'analytics', number>;

/** SQL statements each subgraph sends to its store for one run of the operation through the gateway. */
export async function statementsFor(stack: BenchStack, op: BenchOperation, size: number): Promise<StatementCounts> {
  // the outbox consumer's polling is background work, not the operation's: stop it while counting
  if (stack.analytics.consumer?.status().running) await stack.analytics.consumer.stop();
  // once to fill per-process caches (token state, registry answers), then counted
  await send(stack, op, size);
  // an (empty) analytics write invalidates its answer cache: count the computation, not a cache hit
  await stack.analytics.store.write(async () => undefined);
  for (const c of Object.values(stack.counters)) c.take();
  await send(stack, op, size);
  return {
    agencies: stack.counters.agencies.take().length,
    reports: stack.counters.reports.take().length,
    analytics: stack.counters.analytics.take().length,
  };
}

export async function send(stack: BenchStack, op: BenchOperation, size: number) {
  const headers: Record<string, string> = op.staff ? { authorization: `Bearer ${stack.staffToken}` } : {};
  const res = await postOperation(stack.gateway.url, op, size, headers);
  if (res.errors?.length) throw new Error(`${op.label}: ${JSON.stringify(res.errors).slice(0, 400)}`);
  return res;
}

/** POSTs the operation as the dashboard does (query text, operationName, variables). */
export async function postOperation(url: string, op: BenchOperation, size: number, headers: Record<string, string> = {}): Promise<{ data?: any; errors?: any[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: op.op.query, operationName: op.op.operationName, variables: op.variables(size) }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

/**
 * Statement budgets per operation and subgraph on the embedded store (SQLite), enforced by
 * src/__tests__/budgets.test.ts: each must hold, and must not grow with the page size. MariaDB adds
 * the transaction statements of analytics' consistent reads (START TRANSACTION … COMMIT).
 */
export const BUDGETS: Record<string, Partial<StatementCounts>> = {
  // overview: KPIs = two overviews of the same scope, computed once (answer cache): measures, pending,
  // topics, median (histogram + in-bucket read)
  'overview / OverviewKpis': { analytics: 5 },
  'overview / OverviewBreakdown': { analytics: 5 },
  'overview / ReportTrend': { analytics: 1 },
  // leaderboard: measures, pending, bucket counts, in-bucket values; agency names in one batch
  'overview / AgencyLeaderboard': { agencies: 1, analytics: 4 },
  'overview / Provinces': { agencies: 1 },
  // narrow columns of the reports in range, then the bodies of candidate (day, title) groups only
  // the day counters that reached 10, then one count in scope per kind that has candidates
  'overview / ReportBursts': { reports: 3 },
  'maladministration / MaladministrationBreakdown': { analytics: 1 },
  // one grouped read of the month rollup for every period (as ReportTrend)
  'maladministration / MaladministrationTrend': { analytics: 1 },
  // four durations × (histogram, in-bucket p50, in-bucket p90) + measures
  'response times / ResponseTimes': { analytics: 13 },
  'sla / SlaCompliance': { analytics: 2 },
  'transparency / TransparencyMetrics': { analytics: 2 },
  // a region and all its children: two batched reads (region, children) per subgraph fetch
  'regions / RegionStats': { agencies: 2, analytics: 4 },
  'regions / RegionChildren': { agencies: 2 },
  'agencies / AgencySearch': { agencies: 3 },
  'agency / AgencyDetail': { agencies: 5 },
  'agency / AgencyPerformance': { agencies: 1, analytics: 4 },
  // page + totalCount (selected by the dashboard); agency and region names batched
  'reports / ReportList': { agencies: 4, reports: 2 },
  // a routed, forwarded report (benchSample): agency and region names, then the timeline's agencies; each
  // agencies request also checks the staff token against the accounts it owns (no cache there, by design)
  'report / ReportDetail': { agencies: 4, reports: 1 },
  'report / ReportTimeline': { agencies: 4, reports: 2 },
  // API rows of issue 11 (a page of 20 and of 100 entities): Region.reportStats and Agency.reports batched per
  // filter, staff fields (availableActions, overdueSteps) computed from the row, no statement of their own
  'api / RegionsReportStats': { agencies: 1, analytics: 2 },
  'api / AgenciesReports': { agencies: 2, reports: 2 },
  'api / StaffReports': { reports: 1 },
  'api / StaffReportsActions': { reports: 1 },
};
