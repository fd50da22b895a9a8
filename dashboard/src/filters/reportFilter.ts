/**
 * The reports explorer's URL state, on top of the shared filters:
 *   q=<full-text search>  status=SUBMITTED,IN_PROGRESS  type=<Maladministration>|UNCLASSIFIED
 *   overdue=1  sort=SUBMITTED_AT_DESC|SUBMITTED_AT_ASC|UPDATED_AT_DESC  after=<cursor>
 */
import { isMaladministration, isReportStatus } from '../domain/vocabulary';
import { REPORT_ORDERS, type Maladministration, type ReportFilterInput, type ReportOrder, type ReportStatus } from '../graphql/operations';
import type { DateRange, Filters } from './filters';

export interface ExplorerState {
  filter: ReportFilterInput;
  search: string | null;
  orderBy: ReportOrder;
  after: string | null;
  statuses: string[];
  type: string | null;
  overdue: boolean;
}

export function parseStatuses(value: string | null): ReportStatus[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((s) => s.trim()).filter((s): s is ReportStatus => isReportStatus(s)))];
}

export function parseType(value: string | null): Maladministration | 'UNCLASSIFIED' | null {
  if (value === 'UNCLASSIFIED') return value;
  if (isMaladministration(value)) return value as string as Maladministration;
  return null;
}

export function reportFilterFrom(filters: Filters, range: DateRange, params: URLSearchParams): ReportFilterInput {
  const filter: ReportFilterInput = { to: range.to.toISOString() };
  if (range.from) filter.from = range.from.toISOString();
  if (filters.topic) filter.topic = filters.topic;
  if (filters.agency) filter.agencyId = filters.agency;
  if (filters.region) filter.regionCode = filters.region;
  const statuses = parseStatuses(params.get('status'));
  if (statuses.length) filter.status = statuses;
  const type = parseType(params.get('type'));
  if (type === 'UNCLASSIFIED') filter.unclassified = true;
  else if (type) filter.maladministrationType = type;
  if (params.get('overdue') === '1') filter.overdue = true;
  return filter;
}

export function explorerStateFrom(filters: Filters, range: DateRange, params: URLSearchParams): ExplorerState {
  const sort = params.get('sort');
  const q = params.get('q')?.trim();
  return {
    filter: reportFilterFrom(filters, range, params),
    search: q ? q : null,
    orderBy: (REPORT_ORDERS as readonly string[]).includes(sort ?? '') ? (sort as ReportOrder) : 'SUBMITTED_AT_DESC',
    after: params.get('after') || null,
    statuses: parseStatuses(params.get('status')),
    type: parseType(params.get('type')),
    overdue: params.get('overdue') === '1',
  };
}
