/**
 * CSV export of the explorer's current query: every page of `reports(filter, search, orderBy)` is
 * fetched (100 per request, the API's cap) up to a limit, then written as RFC 4180 CSV with a UTF-8
 * BOM (so spreadsheet programs read Indonesian text correctly).
 */
import { deploymentTimeZone, formatZonedTimestamp } from '../domain/timeZone';
import type { Client } from 'urql';
import { maladministrationLabel } from '../domain/vocabulary';
import { REPORT_LIST, type ReportFilterInput, type ReportListData, type ReportOrder, type ReportRow } from '../graphql/operations';
import type { Lang } from '../i18n/format';
import { translate } from '../i18n/I18n';
import type { MessageKey } from '../i18n/I18n';
import { classificationKey, statusKey } from '../i18n/keys';

export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 100;

/**
 * One CSV field. Quoted when it holds a separator, quote or line break; a leading = + - @ (or tab/CR)
 * gets a ' prefix so a spreadsheet never evaluates report text as a formula (CSV injection).
 */
export function csvField(value: unknown): string {
  if (value == null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n;]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function toCsv(rows: unknown[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Timestamps in the deployment's time zone with its offset ("2026-11-30 14:05 +08:00"). */
const zoned = (value: string | null | undefined) => formatZonedTimestamp(value ?? null, deploymentTimeZone(), true);

/** A column header: a message key, or a machine-readable name kept as is (`{ raw: 'status_code' }`). */
type CsvHeader = MessageKey | { raw: string };

export const CSV_COLUMNS: { key: string; header: CsvHeader; value: (r: ReportRow, ctx: CsvContext) => unknown }[] = [
  { key: 'trackingId', header: 'rp.trackingId', value: (r) => r.trackingId },
  { key: 'submittedAt', header: 'report.submittedAt', value: (r) => zoned(r.submittedAt) },
  { key: 'title', header: 'rp.titleCol', value: (r) => r.title ?? '' },
  { key: 'topic', header: 'rp.topic', value: (r, c) => c.topicLabel(r.topic) },
  { key: 'topicCode', header: { raw: 'topic_code' }, value: (r) => r.topic },
  { key: 'classification', header: 'report.classification', value: (r, c) => c.t(classificationKey(r.classification)) },
  { key: 'status', header: 'report.status', value: (r, c) => c.t(statusKey(r.status)) },
  { key: 'statusCode', header: { raw: 'status_code' }, value: (r) => r.status },
  { key: 'agency', header: 'rp.agency', value: (r) => r.agency?.name ?? '' },
  { key: 'agencyId', header: { raw: 'agency_id' }, value: (r) => r.agency?.id ?? '' },
  { key: 'region', header: 'rp.region', value: (r) => r.region?.name ?? '' },
  { key: 'regionCode', header: { raw: 'region_code' }, value: (r) => r.region?.code ?? '' },
  {
    key: 'maladministration',
    header: 'rp.type',
    value: (r, c) => (r.maladministrationType ? maladministrationLabel(r.maladministrationType, c.lang) : ''),
  },
  { key: 'overdue', header: 'rp.overdue', value: (r, c) => c.t(r.overdue ? 'common.yes' : 'common.no') },
  { key: 'anonymous', header: 'rp.anonymous', value: (r, c) => c.t(r.anonymous ? 'common.yes' : 'common.no') },
  { key: 'confidential', header: 'rp.confidential', value: (r, c) => c.t(r.confidential ? 'common.yes' : 'common.no') },
  { key: 'dispositionedAt', header: 'report.dispositionedAt', value: (r) => zoned(r.dispositionedAt) },
  { key: 'firstResponseAt', header: 'report.firstResponseAt', value: (r) => zoned(r.firstResponseAt) },
  { key: 'completedAt', header: 'report.completedAt', value: (r) => zoned(r.completedAt) },
  { key: 'verificationDueAt', header: 'report.verificationDueAt', value: (r) => zoned(r.verificationDueAt) },
  { key: 'responseDueAt', header: 'report.responseDueAt', value: (r) => zoned(r.responseDueAt) },
  { key: 'completionDueAt', header: 'report.completionDueAt', value: (r) => zoned(r.completionDueAt) },
  { key: 'forwardCount', header: 'report.forwardCount', value: (r) => r.forwardCount },
  { key: 'rating', header: 'report.rating', value: (r) => r.rating ?? '' },
];

export interface CsvContext {
  lang: Lang;
  t: (key: MessageKey) => string;
  topicLabel: (code: string) => string;
}

export function reportsToCsv(rows: ReportRow[], ctx: CsvContext): string {
  const header = CSV_COLUMNS.map((c) => (typeof c.header === 'string' ? translate(ctx.lang, c.header) : c.header.raw));
  return '\uFEFF' + toCsv([header, ...rows.map((r) => CSV_COLUMNS.map((c) => c.value(r, ctx)))]);
}

export interface ExportQuery {
  filter: ReportFilterInput;
  search: string | null;
  orderBy: ReportOrder;
}

/** Fetches every page of the query (network-only: an export reflects the server now). */
export async function fetchAllReports(
  client: Client,
  query: ExportQuery,
  onProgress?: (count: number) => void,
  max = EXPORT_MAX_ROWS,
): Promise<{ rows: ReportRow[]; truncated: boolean; total: number }> {
  const rows: ReportRow[] = [];
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const result: { data?: ReportListData; error?: unknown } = await client
      .query<ReportListData>(REPORT_LIST, { ...query, first: PAGE, after }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) throw result.error;
    const page: ReportListData['reports'] | undefined = result.data?.reports;
    if (!page) throw new Error('The server returned no reports page.');
    total = page.totalCount;
    rows.push(...page.edges.map((e) => e.node));
    onProgress?.(rows.length);
    if (rows.length >= max) return { rows: rows.slice(0, max), truncated: page.pageInfo.hasNextPage || rows.length > max, total };
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { rows, truncated: false, total };
    after = page.pageInfo.endCursor;
  }
}

export function downloadText(filename: string, content: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(filename, new Blob([content], { type }));
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportFilename(now = new Date()): string {
  const stamp = formatZonedTimestamp(now, deploymentTimeZone()).replace(/-/g, '').replace(' ', '-').replace(':', '');
  return `pantau-laporan-${stamp}.csv`;
}
