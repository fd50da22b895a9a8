import { useEffect, useId, useState, type FormEvent } from 'react';
import { Icon } from '../components/Icon';
import { useClient } from 'urql';
import { useAuth } from '../auth/AuthContext';
import { AuthRequired, PageHeader, ReportsTable } from '../components/common';
import { Pager, useCursorHistory } from '../components/Pager';
import { Panel } from '../components/Panel';
import { useTopics } from '../domain/topics';
import { MALADMINISTRATION_TYPES, maladministrationLabel, REPORT_STATUSES } from '../domain/vocabulary';
import { downloadText, EXPORT_MAX_ROWS, exportFilename, fetchAllReports, reportsToCsv } from '../export/csv';
import { explorerStateFrom } from '../filters/reportFilter';
import { useFilters } from '../filters/useFilters';
import { errorMessage } from '../graphql/errors';
import { REPORT_LIST, REPORT_ORDERS } from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n } from '../i18n/I18n';
import { statusKey } from '../i18n/keys';
import type { CombinedError } from 'urql';

const PAGE_SIZE = 25;

/** Reports explorer for staff: the shared filters plus status, type, overdue, text search and sort. */
export default function ReportsPage() {
  const { session } = useAuth();
  const { t } = useI18n();
  if (!session) {
    return (
      <div className="page page-reports">
        <PageHeader title={t('rp.title')} />
        <AuthRequired />
      </div>
    );
  }
  return <Explorer />;
}

function Explorer() {
  const { t, lang, number } = useI18n();
  const { filters, range, params, setParams } = useFilters();
  const client = useClient();
  const { label: topicLabel } = useTopics(lang);
  const state = explorerStateFrom(filters, range, params);
  const searchId = useId();
  const typeId = useId();
  const sortId = useId();
  const [text, setText] = useState(state.search ?? '');
  const [exporting, setExporting] = useState<{ count: number } | null>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const queryKey = JSON.stringify([state.filter, state.search, state.orderBy]);
  const cursors = useCursorHistory(state.after, queryKey);

  useEffect(() => setText(state.search ?? ''), [state.search]);

  const { result, retry } = usePanelQuery({
    query: REPORT_LIST,
    variables: { filter: state.filter, search: state.search, orderBy: state.orderBy, first: PAGE_SIZE, after: state.after },
  });

  const update = (patch: Record<string, string | null>) => setParams({ ...patch, after: null });
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() || null });
  };
  const toggleStatus = (status: string) => {
    const next = state.statuses.includes(status) ? state.statuses.filter((s) => s !== status) : [...state.statuses, status];
    update({ status: next.length ? REPORT_STATUSES.filter((s) => next.includes(s)).join(',') : null });
  };
  const onExport = async () => {
    setExportNote(null);
    setExporting({ count: 0 });
    try {
      const { rows, truncated } = await fetchAllReports(
        client,
        { filter: state.filter, search: state.search, orderBy: state.orderBy },
        (count) => setExporting({ count }),
      );
      downloadText(exportFilename(), reportsToCsv(rows, { lang, t: (k) => t(k), topicLabel }));
      setExportNote(t('rp.exportDone', { count: number(rows.length) }) + (truncated ? ` ${t('rp.exportTruncated', { max: number(EXPORT_MAX_ROWS) })}` : ''));
    } catch (e) {
      const message = e && typeof e === 'object' && 'graphQLErrors' in e ? errorMessage(e as CombinedError, lang) : String((e as Error)?.message ?? e);
      setExportNote(t('rp.exportFailed', { message }));
    } finally {
      setExporting(null);
    }
  };

  const title = t('rp.title');
  return (
    <div className="page page-reports">
      <PageHeader title={title}>
        <button type="button" className="button button-primary" onClick={onExport} disabled={!!exporting} data-testid="export-csv">
          <Icon name="download" />
          {exporting ? t('rp.exporting', { count: number(exporting.count) }) : t('rp.exportCsv')}
        </button>
      </PageHeader>
      {exportNote ? (
        <p className="notice notice-info" role="status">
          {exportNote}
        </p>
      ) : null}
      <div className="explorer-controls">
        <form className="search-row" role="search" onSubmit={onSearch}>
          <label htmlFor={searchId}>{t('rp.search')}</label>
          <input id={searchId} type="search" value={text} placeholder={t('rp.searchPlaceholder')} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button button-secondary">
            {t('rp.searchButton')}
          </button>
        </form>
        <fieldset className="status-filter">
          <legend>{t('rp.status')}</legend>
          {REPORT_STATUSES.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" checked={state.statuses.includes(s)} onChange={() => toggleStatus(s)} />
              {t(statusKey(s))}
            </label>
          ))}
        </fieldset>
        <div className="filters-row">
          <div className="filter-field">
            <label htmlFor={typeId}>{t('rp.type')}</label>
            <select id={typeId} value={state.type ?? ''} onChange={(e) => update({ type: e.target.value || null })}>
              <option value="">{t('rp.anyType')}</option>
              {MALADMINISTRATION_TYPES.map((m) => (
                <option key={m} value={m}>
                  {maladministrationLabel(m, lang)}
                </option>
              ))}
              <option value="UNCLASSIFIED">{t('mal.unclassified')}</option>
            </select>
          </div>
          <label className="checkbox filter-field">
            <input type="checkbox" checked={state.overdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : null })} />
            {t('rp.overdueOnly')}
          </label>
          <div className="filter-field">
            <label htmlFor={sortId}>{t('rp.sort')}</label>
            <select id={sortId} value={state.orderBy} onChange={(e) => update({ sort: e.target.value === 'SUBMITTED_AT_DESC' ? null : e.target.value })}>
              {REPORT_ORDERS.map((o) => (
                <option key={o} value={o}>
                  {t(`rp.sort.${o}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <Panel
        title={result.data?.reports ? t('rp.count', { count: number(result.data.reports.totalCount) }) : title}
        service="reports"
        result={result}
        onRetry={retry}
        isEmpty={(d) => d.reports.edges.length === 0}
      >
        {(data) => (
          <>
            <ReportsTable
              rows={data.reports.edges.map((e) => e.node)}
              caption={title}
              sort={
                state.orderBy === 'UPDATED_AT_DESC' ? null : { column: 'submittedAt', direction: state.orderBy === 'SUBMITTED_AT_ASC' ? 'asc' : 'desc' }
              }
              onSortSubmitted={() => update({ sort: state.orderBy === 'SUBMITTED_AT_DESC' ? 'SUBMITTED_AT_ASC' : null })}
            />
            <Pager
              page={cursors.page}
              hasNext={data.reports.pageInfo.hasNextPage}
              canPrev={cursors.canPrev}
              atFirst={!state.after}
              onNext={() => cursors.next(data.reports.pageInfo.endCursor, (after) => setParams({ after }))}
              onPrev={() => cursors.prev((after) => setParams({ after }))}
              onFirst={() => cursors.first(() => setParams({ after: null }))}
            />
          </>
        )}
      </Panel>
    </div>
  );
}
