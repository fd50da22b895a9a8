import { Link, useLocation } from 'wouter';
import { RankedBarChart } from '../charts/lazy';
import { ChartFigure, summarize } from '../components/ChartFigure';
import { PageHeader } from '../components/common';
import { KpiCard } from '../components/KpiCard';
import { Panel } from '../components/Panel';
import { isRegionCode } from '../filters/filters';
import { useFilters } from '../filters/useFilters';
import {
  PROVINCES,
  PROVINCE_STATS,
  REGION_DETAIL,
  REGION_STATS,
  type RegionReportStats,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n } from '../i18n/I18n';
import { regionLevelKey } from '../i18n/keys';
import { Figure } from '../components/Withheld';
import { TableTools } from '../components/ExportTools';
import { chartValue, figureText, withheldBelow } from '../domain/suppression';

/** Kutai Kartanegara, the regency the product grew from: the landing shortcut. */
const HOME_REGENCY = { code: '64.02', province: '64' };

/**
 * Region drill-down: province → regency → district → village. The registry panel (names, children)
 * and the statistics panel (analytics `Region.reportStats`) are separate queries.
 */
export default function RegionsPage({ params }: { params: { code?: string } }) {
  const code = params.code && isRegionCode(params.code) ? params.code : null;
  return code ? <RegionView code={code} /> : <RegionsLanding />;
}

function RegionsLanding() {
  const { t, number } = useI18n();
  const { shared, filters, analyticsFilter } = useFilters();
  const { result, retry } = usePanelQuery({ query: PROVINCES });
  // figures per province (analytics): a separate query, so the list stays usable when analytics is down
  const { regionCode: _ignored, ...periodFilter } = analyticsFilter;
  const stats = usePanelQuery({ query: PROVINCE_STATS, variables: { filter: periodFilter } });
  const statsOf = new Map((stats.result.data?.regions?.edges ?? []).map(({ node }) => [node.code, node.reportStats] as const));
  return (
    <div className="page page-regions">
      <PageHeader title={t('rg.title')} />
      <p className="shortcuts">
        {filters.region ? (
          <Link href={`/regions/${filters.region}${shared()}`} className="button button-primary">
            {filters.region} →
          </Link>
        ) : null}{' '}
        <Link href={`/regions/${HOME_REGENCY.code}${shared()}`} className="button button-secondary">
          Kutai Kartanegara (64.02) →
        </Link>
      </p>
      <Panel title={t('filters.province')} service="registry" result={result} onRetry={retry} isEmpty={(d) => d.regions.edges.length === 0}>
        {(data) => {
          const rows = [...data.regions.edges.map(({ node }) => ({ node, s: statsOf.get(node.code) ?? null }))].sort(
            (a, b) => chartValue(b.s?.reportCount) - chartValue(a.s?.reportCount) || a.node.name.localeCompare(b.node.name),
          );
          return (
            <>
              <TableTools
                title={t('filters.province')}
                columns={[t('rg.code'), t('filters.province'), t('ag.reportCount'), t('kpi.open'), t('kpi.overduePeriod')]}
                rows={rows.map(({ node, s }) => [node.code, node.name, s ? figureText(number, s.reportCount, s, 'reportCount') : '—', s ? figureText(number, s.open, s, 'open') : '—', s ? figureText(number, s.overdue, s, 'overdue') : '—'])}
              />
              <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={t('filters.province')}>
                <table className="data-table compact" data-testid="province-table">
                  <caption className="sr-only">{t('filters.province')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('filters.province')}</th>
                      <th scope="col" className="num">{t('ag.reportCount')}</th>
                      <th scope="col" className="num">{t('kpi.open')}</th>
                      <th scope="col" className="num">{t('kpi.overduePeriod')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ node, s }) => (
                      <tr key={node.code}>
                        <th scope="row">
                          <Link href={`/regions/${node.code}${shared()}`}>
                            <span className="mono muted">{node.code}</span> {node.name}
                          </Link>
                        </th>
                        <td className="num">{s ? <Figure value={s.reportCount} of={s} field="reportCount" format={number} /> : stats.result.fetching ? '…' : '—'}</td>
                        <td className="num">{s ? <Figure value={s.open} of={s} field="open" format={number} /> : '—'}</td>
                        <td className="num">{s ? <Figure value={s.overdue} of={s} field="overdue" format={number} /> : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Panel>
    </div>
  );
}

function RegionView({ code }: { code: string }) {
  const { t, number, percent, index } = useI18n();
  const { shared, filters, setFilters, analyticsFilter } = useFilters();
  const [, navigate] = useLocation();
  const detail = usePanelQuery({ query: REGION_DETAIL, variables: { code } });
  // Statistics of this region: the bar's region filter is replaced by the region on screen.
  const stats = usePanelQuery({ query: REGION_STATS, variables: { code, filter: { ...analyticsFilter, regionCode: code } } });
  const region = detail.result.data?.region;
  const childStats = new Map<string, RegionReportStats | null>(
    stats.result.data?.region?.children.edges.map(({ node }) => [node.code, node.reportStats] as const) ?? [],
  );

  return (
    <div className="page page-region">
      <nav aria-label={t('rg.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link href={`/regions${shared()}`}>{t('rg.title')}</Link>
          </li>
          {region?.ancestors.map((a) => (
            <li key={a.code}>
              <Link href={`/regions/${a.code}${shared()}`}>{a.name}</Link>
            </li>
          ))}
          <li aria-current="page">{region?.name ?? code}</li>
        </ol>
      </nav>
      <PageHeader title={region ? `${region.name}` : code}>
        {region ? <span className="badge badge-muted">{t(regionLevelKey(region.level))}</span> : null}
        <span className="mono muted">{code}</span>
        {filters.region !== code ? (
          <button type="button" className="button button-secondary" onClick={() => setFilters({ region: code })}>
            {t('rg.useAsFilter')}
          </button>
        ) : null}
      </PageHeader>

      <Panel title={t('rg.stats')} service="analytics" result={stats.result} onRetry={stats.retry} isEmpty={(d) => d.region?.reportStats == null}>
        {(data) => {
          const s = data.region!.reportStats!;
          return (
            <div className="kpi-grid">
              <KpiCard label={t('ag.reportCount')} value={number(s.reportCount)} withheldBelow={withheldBelow(s.reportCount, s, 'reportCount')} />
              <KpiCard label={t('kpi.open')} value={number(s.open)} withheldBelow={withheldBelow(s.open, s, 'open')} />
              <KpiCard label={t('kpi.overdue')} value={number(s.overdue)} withheldBelow={withheldBelow(s.overdue, s, 'overdue')} />
              <KpiCard label={t('kpi.completionRate')} value={percent(s.completionRate)} withheldBelow={withheldBelow(s.completionRate, s, 'completionRate')} />
              <KpiCard label={t('kpi.transparencyIndex')} value={index(s.transparencyIndex)} withheldBelow={withheldBelow(s.transparencyIndex, s, 'transparencyIndex')} />
            </div>
          );
        }}
      </Panel>

      <Panel
        title={t('rg.children')}
        service="registry"
        result={detail.result}
        onRetry={detail.retry}
        isEmpty={(d) => !d.region || d.region.children.edges.length === 0}
      >
        {(data) => {
          const children = data.region!.children.edges.map((e) => e.node);
          const bars = children
            .map((c) => {
              const st = childStats.get(c.code);
              return { key: c.code, label: c.name, value: chartValue(st?.reportCount), valueLabel: figureText(number, st?.reportCount ?? 0, st, 'reportCount') };
            })
            .filter((b) => b.value > 0 || b.valueLabel.startsWith('<'))
            .sort((a, b) => b.value - a.value)
            .slice(0, 15);
          return (
            <>
              {bars.length > 0 ? (
                <ChartFigure
                  title={t('rg.children')}
                  summary={`${t('rg.children')}: ${summarize(bars.map((b) => ({ label: b.label, value: b.valueLabel })))}`}
                  hint={t('rg.clickHint')}
                  table={{ columns: [t('rg.name'), t('ag.reportCount')], rows: bars.map((b) => [b.label, b.valueLabel]) }}
                >
                  <RankedBarChart data={bars} onSelect={(c) => navigate(`/regions/${c}${shared()}`)} labelWidth={180} />
                </ChartFigure>
              ) : null}
              <TableTools
                title={t('rg.children')}
                columns={[t('rg.name'), t('rg.code'), t('ag.reportCount'), t('kpi.open'), t('kpi.overduePeriod'), t('kpi.completionRate'), t('kpi.transparencyIndex')]}
                rows={children.map((c) => {
                  const s = childStats.get(c.code);
                  return [c.name, c.code, s ? figureText(number, s.reportCount, s, 'reportCount') : '', s ? figureText(number, s.open, s, 'open') : '', s ? figureText(number, s.overdue, s, 'overdue') : '', s ? figureText(percent, s.completionRate, s, 'completionRate') : '', s ? figureText(index, s.transparencyIndex, s, 'transparencyIndex') : ''];
                })}
              />
              <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={t('rg.children')}>
                <table className="data-table">
                  <caption className="sr-only">{t('rg.children')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('rg.name')}</th>
                      <th scope="col">{t('rg.code')}</th>
                      <th scope="col" className="num">{t('ag.reportCount')}</th>
                      <th scope="col" className="num">{t('kpi.open')}</th>
                      <th scope="col" className="num">{t('kpi.overduePeriod')}</th>
                      <th scope="col" className="num">{t('kpi.completionRate')}</th>
                      <th scope="col" className="num">{t('kpi.transparencyIndex')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {children.map((c) => {
                      const s = childStats.get(c.code);
                      return (
                        <tr key={c.code}>
                          <th scope="row">
                            <Link href={`/regions/${c.code}${shared()}`}>{c.name}</Link>
                          </th>
                          <td className="mono">{c.code}</td>
                          <td className="num">{s ? <Figure value={s.reportCount} of={s} field="reportCount" format={number} /> : t('common.none')}</td>
                          <td className="num">{s ? <Figure value={s.open} of={s} field="open" format={number} /> : t('common.none')}</td>
                          <td className="num">{s ? <Figure value={s.overdue} of={s} field="overdue" format={number} /> : t('common.none')}</td>
                          <td className="num">{s ? <Figure value={s.completionRate} of={s} field="completionRate" format={percent} /> : t('common.none')}</td>
                          <td className="num">{s ? <Figure value={s.transparencyIndex} of={s} field="transparencyIndex" format={index} /> : t('common.none')}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Panel>
    </div>
  );
}
