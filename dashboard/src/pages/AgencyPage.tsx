import { Link } from 'wouter';
import { PageHeader } from '../components/common';
import { KpiCard } from '../components/KpiCard';
import { formatKpi } from '../components/kpi';
import { Panel } from '../components/Panel';
import { StaffReportListPanel } from '../components/StaffReportListPanel';
import { useFilters } from '../filters/useFilters';
import {
  AGENCY_DETAIL,
  AGENCY_PERFORMANCE,
  type AgencyDetailData,
  type AgencyPerformanceData,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n, type MessageKey } from '../i18n/I18n';
import { withheldBelow } from '../domain/suppression';

/** One agency: registry facts, its performance (analytics) and its reports (staff), each a panel. */
export default function AgencyPage({ params }: { params: { id?: string } }) {
  const id = decodeURIComponent(params.id ?? '');
  const { t, lang } = useI18n();
  const { shared, setFilters, filters } = useFilters();
  const { result, retry } = usePanelQuery<AgencyDetailData>({ query: AGENCY_DETAIL, variables: { id } });
  const agency = result.data?.agency;
  const name = agency ? (lang === 'en' && agency.nameEn ? agency.nameEn : agency.name) : id;
  return (
    <div className="page page-agency">
      <p className="breadcrumb">
        <Link href={`/agencies${shared()}`}>← {t('ag.title')}</Link>
      </p>
      <PageHeader title={name}>
        {filters.agency !== id ? (
          <button type="button" className="button button-secondary" onClick={() => setFilters({ agency: id })}>
            {t('ag.useAsFilter')}
          </button>
        ) : null}
      </PageHeader>
      <Panel
        title={t('ag.details')}
        service="registry"
        result={result}
        onRetry={retry}
        isEmpty={(d) => d.agency == null}
        emptyText={t('ag.notFound', { id })}
      >
        {(data) => {
          const a = data.agency!;
          return (
            <dl className="facts">
              <div>
                <dt>{t('ag.code')}</dt>
                <dd className="mono">{a.code}</dd>
              </div>
              <div>
                <dt>{t('ag.level')}</dt>
                <dd>{t(`ag.level.${a.level}` as MessageKey)}</dd>
              </div>
              <div>
                <dt>{t('ag.kind')}</dt>
                <dd className="mono">{a.kind}</dd>
              </div>
              <div>
                <dt>{t('ag.region')}</dt>
                <dd>{a.region ? <Link href={`/regions/${a.region.code}${shared()}`}>{a.region.name}</Link> : t('common.none')}</dd>
              </div>
              <div>
                <dt>{t('ag.parent')}</dt>
                <dd>{a.parent ? <Link href={`/agencies/${encodeURIComponent(a.parent.id)}${shared()}`}>{a.parent.name}</Link> : t('common.none')}</dd>
              </div>
              <div>
                <dt>{t('ag.active')}</dt>
                <dd>{a.active ? t('common.yes') : t('common.no')}</dd>
              </div>
              {a.children.edges.length > 0 ? (
                <div className="facts-wide">
                  <dt>{t('ag.children')}</dt>
                  <dd>
                    <ul className="inline-list">
                      {a.children.edges.map(({ node }) => (
                        <li key={node.id}>
                          <Link href={`/agencies/${encodeURIComponent(node.id)}${shared()}`}>{node.name}</Link>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
            </dl>
          );
        }}
      </Panel>
      <PerformancePanel id={id} />
      <AgencyReportsPanel id={id} />
    </div>
  );
}

function PerformancePanel({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { analyticsFilter } = useFilters();
  // The agency filter of the bar is replaced by this page's agency.
  const filter = { ...analyticsFilter, agencyId: id };
  const { result, retry } = usePanelQuery<AgencyPerformanceData>({ query: AGENCY_PERFORMANCE, variables: { id, filter } });
  return (
    <Panel title={t('ag.performance')} service="analytics" result={result} onRetry={retry} isEmpty={(d) => d.agency == null}>
      {(data) => {
        const p = data.agency!.performance;
        return (
          <div className="kpi-grid">
            <KpiCard label={t('ag.reportCount')} value={formatKpi(lang, 'count', p.reportCount)} withheldBelow={withheldBelow(p.reportCount, p, 'reportCount')} />
            <KpiCard label={t('kpi.open')} value={formatKpi(lang, 'count', p.open)} withheldBelow={withheldBelow(p.open, p, 'open')} />
            <KpiCard label={t('kpi.overdue')} value={formatKpi(lang, 'count', p.overdue)} withheldBelow={withheldBelow(p.overdue, p, 'overdue')} />
            <KpiCard label={t('kpi.completionRate')} value={formatKpi(lang, 'rate', p.completionRate)} withheldBelow={withheldBelow(p.completionRate, p, 'completionRate')} />
            <KpiCard label={t('kpi.medianFirstResponse')} value={formatKpi(lang, 'hours', p.medianFirstResponseHours)} withheldBelow={withheldBelow(p.medianFirstResponseHours, p, 'medianFirstResponseHours')} />
            <KpiCard label={t('kpi.slaCompliance')} value={formatKpi(lang, 'rate', p.slaCompliance)} withheldBelow={withheldBelow(p.slaCompliance, p, 'slaCompliance')} />
            <KpiCard label={t('kpi.satisfaction')} value={formatKpi(lang, 'rate', p.satisfaction)} withheldBelow={withheldBelow(p.satisfaction, p, 'satisfaction')} />
            <KpiCard label={t('kpi.transparencyIndex')} value={formatKpi(lang, 'index', p.transparencyIndex)} withheldBelow={withheldBelow(p.transparencyIndex, p, 'transparencyIndex')} />
            <KpiCard label={t('ag.forwardingRate')} value={formatKpi(lang, 'rate', p.forwardingRate)} withheldBelow={withheldBelow(p.forwardingRate, p, 'forwardingRate')} />
          </div>
        );
      }}
    </Panel>
  );
}

function AgencyReportsPanel({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <StaffReportListPanel
      title={t('ag.reports')}
      filter={{ agencyId: id }}
      orderBy="SUBMITTED_AT_DESC"
      explorerParams={{ agency: id }}
    />
  );
}
