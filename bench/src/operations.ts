import { dashboardWireOperations, type WireOperation } from '@pantau/gateway/dist/plan-warmup';

/**
 * The dashboard's real operations (the exact texts its urql client sends, from
 * dashboard/src/graphql/operations.ts) with the variables each page sends, grouped by page. `size` is
 * the page size or number of rows the operation asks for, so a budget can be checked at two sizes.
 */
export interface BenchOperation {
  /** Page and operation, e.g. "overview / OverviewKpis". */
  label: string;
  page: string;
  op: WireOperation;
  variables: (size: number) => Record<string, unknown>;
  /** Needs a staff token. */
  staff: boolean;
  /** The one subgraph that answers it alone (for the "direct" column), or null when it spans several. */
  direct: 'agencies' | 'reports' | 'analytics' | null;
  /** Sizes at which statement counts must be equal (null: the operation has no size). */
  sizes: [number, number] | null;
}

const ALL_TIME = {};

export async function benchOperations(ids: { agencyId: string; reportId: string }): Promise<BenchOperation[]> {
  const wire = new Map((await dashboardWireOperations()).map((o) => [o.name, o]));
  const op = (name: string) => {
    const o = wire.get(name);
    if (!o) throw new Error(`bench: dashboard/src/graphql/operations.ts no longer defines ${name}`);
    return o;
  };
  const list: Array<Omit<BenchOperation, 'label' | 'op'> & { name: string }> = [
    // overview page (its operations run in parallel)
    { page: 'overview', name: 'OVERVIEW_KPIS', variables: () => ({ filter: ALL_TIME, now: ALL_TIME, compare: false }), staff: false, direct: 'analytics', sizes: null },
    { page: 'overview', name: 'OVERVIEW_BREAKDOWN', variables: () => ({ filter: ALL_TIME }), staff: false, direct: 'analytics', sizes: null },
    { page: 'overview', name: 'REPORT_TREND', variables: () => ({ filter: ALL_TIME, interval: 'MONTH' }), staff: false, direct: 'analytics', sizes: null },
    // the trend's spike causes (reports subgraph): the last 365 days, as the overview's default period sends
    { page: 'overview', name: 'REPORT_BURSTS', variables: () => ({ from: new Date(Date.now() - 365 * 86_400_000).toISOString(), to: new Date().toISOString() }), staff: false, direct: 'reports', sizes: null },
    { page: 'overview', name: 'AGENCY_LEADERBOARD', variables: (n) => ({ filter: ALL_TIME, orderBy: 'TRANSPARENCY_INDEX', minReports: 1, first: n }), staff: false, direct: null, sizes: [5, 50] },
    { page: 'overview', name: 'PROVINCES', variables: () => ({}), staff: false, direct: 'agencies', sizes: null },
    // analytics pages
    { page: 'maladministration', name: 'MALADMINISTRATION_BREAKDOWN', variables: () => ({ filter: ALL_TIME }), staff: false, direct: 'analytics', sizes: null },
    { page: 'maladministration', name: 'MALADMINISTRATION_TREND', variables: () => ({ filter: ALL_TIME, interval: 'MONTH' }), staff: false, direct: 'analytics', sizes: null },
    { page: 'response times', name: 'RESPONSE_TIMES', variables: () => ({ filter: ALL_TIME }), staff: false, direct: 'analytics', sizes: null },
    { page: 'sla', name: 'SLA_COMPLIANCE', variables: () => ({ filter: ALL_TIME }), staff: false, direct: 'analytics', sizes: null },
    { page: 'transparency', name: 'TRANSPARENCY_METRICS', variables: () => ({ filter: ALL_TIME }), staff: false, direct: 'analytics', sizes: null },
    // regions page: a region and its children's figures (10 regencies of 64 / 20 districts of 64.02)
    { page: 'regions', name: 'REGION_STATS', variables: (n) => ({ code: n <= 10 ? '64' : '64.02', filter: ALL_TIME }), staff: false, direct: null, sizes: [10, 20] },
    { page: 'regions', name: 'REGION_CHILDREN', variables: () => ({ code: '64.02' }), staff: false, direct: 'agencies', sizes: null },
    // agencies
    { page: 'agencies', name: 'AGENCY_SEARCH', variables: (n) => ({ search: null, first: n }), staff: false, direct: 'agencies', sizes: [10, 50] },
    { page: 'agency', name: 'AGENCY_DETAIL', variables: () => ({ id: ids.agencyId }), staff: false, direct: 'agencies', sizes: null },
    { page: 'agency', name: 'AGENCY_PERFORMANCE', variables: () => ({ id: ids.agencyId, filter: ALL_TIME }), staff: false, direct: null, sizes: null },
    // staff report list and detail
    { page: 'reports', name: 'REPORT_LIST', variables: (n) => ({ first: n }), staff: true, direct: null, sizes: [10, 50] },
    { page: 'report', name: 'REPORT_DETAIL', variables: () => ({ id: ids.reportId }), staff: true, direct: null, sizes: null },
    { page: 'report', name: 'REPORT_TIMELINE', variables: () => ({ id: ids.reportId }), staff: true, direct: null, sizes: null },
  ];
  const dashboard = list.map(({ name, ...rest }) => ({ ...rest, op: op(name), label: `${rest.page} / ${op(name).operationName}` }));
  return [...dashboard, ...API_OPERATIONS];
}

/** An API row: `query <name>($first: Int) <selection>` over a page of 20 and of 100 entities. */
const apiOperation = (name: string, selection: string, staff: boolean, direct: BenchOperation['direct']): BenchOperation => ({
  label: `api / ${name}`,
  page: 'api',
  op: { name, operationName: name, query: `query ${name}($first: Int) ${selection}` },
  variables: (n) => ({ first: n }),
  staff,
  direct,
  sizes: [20, 100],
});

/**
 * Issue 11's entity-field rows: what a developer or ombudsman query asks of many entities at once (a full
 * page of 100, the API's maximum; the issue measured 500 as five such pages). Each must be batched (the
 * statements do not grow from 20 to 100 entities) and staff fields computed only when selected.
 */
export const API_OPERATIONS: BenchOperation[] = [
  apiOperation('RegionsReportStats', '{ regions(level: DISTRICT, first: $first) { edges { node { code name reportStats { reportCount open overdue transparencyIndex } } } } }', false, null),
  apiOperation('AgenciesReports', '{ agencies(first: $first) { edges { node { id name reports(first: 5) { edges { node { id trackingId status } } } } } } }', true, null),
  apiOperation('StaffReports', '{ reports(first: $first) { edges { node { id trackingId status title submittedAt } } } }', true, 'reports'),
  apiOperation(
    'StaffReportsActions',
    '{ reports(first: $first) { edges { node { id trackingId status title submittedAt availableActions overdueSteps } } } }',
    true,
    'reports',
  ),
];
