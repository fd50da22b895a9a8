import { agencyKindLabel } from '../domain/agencyKinds';
import { TableTools } from '../components/ExportTools';
import { useEffect, useEffectEvent, useId, useState } from 'react';
import { Link } from 'wouter';
import { PageHeader } from '../components/common';
import { Pager, useCursorHistory } from '../components/Pager';
import { Panel } from '../components/Panel';
import { useDebounced } from '../filters/AgencyPicker';
import { useFilters } from '../filters/useFilters';
import { AGENCY_SEARCH } from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n } from '../i18n/I18n';
import { agencyLevelKey } from '../i18n/keys';

const PAGE_SIZE = 25;

/** The searchable agency registry (agencies subgraph only: works while analytics is down). */
export default function AgenciesPage() {
  const { t, lang, number } = useI18n();
  const { params, setParams, shared } = useFilters();
  const inputId = useId();
  const q = params.get('q') ?? '';
  const after = params.get('after');
  const [text, setText] = useState(q);
  const debounced = useDebounced(text, 300);
  const cursors = useCursorHistory(after, q);

  useEffect(() => setText(q), [q]);
  // Only a settled change of the typed text writes the URL (q and setParams are read fresh, not deps).
  const writeQuery = useEffectEvent((typed: string) => {
    if (typed !== q) setParams({ q: typed || null, after: null }, { replace: true });
  });
  useEffect(() => writeQuery(debounced.trim()), [debounced]);

  const { result, retry } = usePanelQuery({
    query: AGENCY_SEARCH,
    variables: { search: q || null, first: PAGE_SIZE, after },
  });
  const title = t('ag.title');
  return (
    <div className="page page-agencies">
      <PageHeader title={title} />
      <div className="search-row" role="search">
        <label htmlFor={inputId}>{t('ag.search')}</label>
        <input id={inputId} type="search" value={text} placeholder={t('ag.searchPlaceholder')} onChange={(e) => setText(e.target.value)} />
      </div>
      <Panel
        title={title}
        headingLevel={2}
        service="registry"
        result={result}
        onRetry={retry}
        isEmpty={(d) => d.agencies.edges.length === 0}
        actions={result.data?.agencies.totalCount != null ? <span className="muted">{t('ag.total', { count: number(result.data.agencies.totalCount) })}</span> : null}
      >
        {(data) => (
          <>
            <TableTools
              title={title}
              columns={[t('ag.name'), t('ag.code'), t('ag.level'), t('ag.kind'), t('ag.region')]}
              rows={data.agencies.edges.map(({ node: a }) => [lang === 'en' && a.nameEn ? a.nameEn : a.name, a.code, t(agencyLevelKey(a.level)), agencyKindLabel(a.kind, lang), a.region?.name ?? ''])}
            />
            <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={title}>
              <table className="data-table">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ag.name')}</th>
                    <th scope="col">{t('ag.code')}</th>
                    <th scope="col">{t('ag.level')}</th>
                    <th scope="col">{t('ag.kind')}</th>
                    <th scope="col">{t('ag.region')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.agencies.edges.map(({ node: a }) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link href={`/agencies/${encodeURIComponent(a.id)}${shared()}`}>{lang === 'en' && a.nameEn ? a.nameEn : a.name}</Link>
                        {!a.active ? <span className="badge badge-muted">{t('ag.inactive')}</span> : null}
                      </th>
                      <td className="mono">{a.code}</td>
                      <td>{t(agencyLevelKey(a.level))}</td>
                      <td className="small">{agencyKindLabel(a.kind, lang)}</td>
                      <td>{a.region ? <Link href={`/regions/${a.region.code}${shared()}`}>{a.region.name}</Link> : t('common.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={cursors.page}
              hasNext={!!data.agencies.pageInfo?.hasNextPage}
              onNext={() => cursors.next(data.agencies.pageInfo?.endCursor ?? null, (a) => setParams({ after: a }))}
              onPrev={() => cursors.prev((a) => setParams({ after: a }))}
              onFirst={() => cursors.first(() => setParams({ after: null }))}
              canPrev={cursors.canPrev}
              atFirst={!after}
            />
          </>
        )}
      </Panel>
    </div>
  );
}
