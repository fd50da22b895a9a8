import { Link } from 'wouter';
import { useAuth } from '../auth/AuthContext';
import { reportFilterFrom } from '../filters/reportFilter';
import { useFilters } from '../filters/useFilters';
import { REPORT_LIST } from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n } from '../i18n/I18n';
import { AuthRequired, ReportsTable } from './common';
import { Panel } from './Panel';

/**
 * The first ten reports of a staff-only list under the page's shared filters, with a link to the
 * full list in the explorer. Signed-out viewers see why the list is not shown.
 */
export function StaffReportListPanel({
  title,
  filter: extra,
  orderBy,
  explorerParams,
}: {
  title: string;
  /** Added to the shared filters, e.g. `{ agencyId }` or `{ overdue: true }`. */
  filter: Record<string, unknown>;
  orderBy: 'SUBMITTED_AT_DESC' | 'SUBMITTED_AT_ASC';
  /** Query parameters of the explorer link for the same list. */
  explorerParams: Record<string, string>;
}) {
  const { t, number } = useI18n();
  const { session } = useAuth();
  const { filters, range, shared } = useFilters();
  const filter = { ...reportFilterFrom(filters, range, new URLSearchParams()), ...extra };
  const { result, retry } = usePanelQuery({
    query: REPORT_LIST,
    variables: { filter, orderBy, first: 10 },
    pause: !session,
  });
  if (!session) {
    return (
      <section className="panel" aria-label={title}>
        <header className="panel-header">
          <h2 className="panel-title">{title}</h2>
        </header>
        <div className="panel-body">
          <AuthRequired />
        </div>
      </section>
    );
  }
  return (
    <Panel
      title={title}
      service="reports"
      result={result}
      onRetry={retry}
      isEmpty={(d) => d.reports.edges.length === 0}
      actions={
        result.data?.reports ? (
          <Link href={`/reports${shared(explorerParams)}`}>{t('rp.count', { count: number(result.data.reports.totalCount) })} →</Link>
        ) : null
      }
    >
      {(data) => <ReportsTable rows={data.reports.edges.map((e) => e.node)} caption={title} />}
    </Panel>
  );
}
