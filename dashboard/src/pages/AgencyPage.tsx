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
  MALADMINISTRATION_BREAKDOWN,
  SLA_COMPLIANCE,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n } from '../i18n/I18n';
import { agencyLevelKey, slaStepKey } from '../i18n/keys';
import { chartValue, figureText, withheldBelow } from '../domain/suppression';
import { agencyKindLabel } from '../domain/agencyKinds';
import { maladministrationLabel } from '../domain/vocabulary';
import { TableTools } from '../components/ExportTools';

/** One agency: registry facts, its performance (analytics) and its reports (staff), each a panel. */
export default function AgencyPage({ params }: { params: { id?: string } }) {
  const id = decodeURIComponent(params.id ?? '');
  const { t, lang } = useI18n();
  const { shared, setFilters, filters } = useFilters();
  const { result, retry } = usePanelQuery({ query: AGENCY_DETAIL, variables: { id } });
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
                <dd>{t(agencyLevelKey(a.level))}</dd>
              </div>
              <div>
                <dt>{t('ag.kind')}</dt>
                <dd>{agencyKindLabel(a.kind, lang)}</dd>
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
      <div className="grid-2">
        <AgencyMaladministrationPanel id={id} />
        <AgencySlaPanel id={id} />
      </div>
      <AgencyReportsPanel id={id} />
    </div>
  );
}

function PerformancePanel({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { analyticsFilter } = useFilters();
  // The agency filter of the bar is replaced by this page's agency.
  const filter = { ...analyticsFilter, agencyId: id };
  const { result, retry } = usePanelQuery({ query: AGENCY_PERFORMANCE, variables: { id, filter } });
  return (
    <Panel title={t('ag.performance')} service="analytics" result={result} onRetry={retry} isEmpty={(d) => d.agency?.performance == null}>
      {(data) => {
        const p = data.agency!.performance!;
        return (
          <div className="kpi-grid">
            <KpiCard label={t('ag.reportCount')} value={formatKpi(lang, 'count', p.reportCount)} withheldBelow={withheldBelow(p.reportCount, p, 'reportCount')} definition={t('def.volume')} />
            <KpiCard label={t('kpi.open')} value={formatKpi(lang, 'count', p.open)} withheldBelow={withheldBelow(p.open, p, 'open')} definition={t('def.open')} />
            <KpiCard label={t('kpi.overduePeriod')} value={formatKpi(lang, 'count', p.overdue)} withheldBelow={withheldBelow(p.overdue, p, 'overdue')} definition={t('def.overduePeriod')} />
            <KpiCard label={t('kpi.completionRate')} value={formatKpi(lang, 'rate', p.completionRate)} withheldBelow={withheldBelow(p.completionRate, p, 'completionRate')} definition={t('def.completionRate')} />
            <KpiCard label={t('kpi.medianFirstResponse')} value={formatKpi(lang, 'hours', p.medianFirstResponseHours)} withheldBelow={withheldBelow(p.medianFirstResponseHours, p, 'medianFirstResponseHours')} definition={t('def.medianFirstResponse')} />
            <KpiCard label={t('kpi.slaCompliance')} value={formatKpi(lang, 'rate', p.slaCompliance)} withheldBelow={withheldBelow(p.slaCompliance, p, 'slaCompliance')} definition={t('def.slaCompliance')} />
            <KpiCard label={t('kpi.satisfaction')} value={formatKpi(lang, 'rate', p.satisfaction)} withheldBelow={withheldBelow(p.satisfaction, p, 'satisfaction')} definition={t('def.satisfaction')} />
            <KpiCard label={t('kpi.transparencyIndex')} value={formatKpi(lang, 'index', p.transparencyIndex)} withheldBelow={withheldBelow(p.transparencyIndex, p, 'transparencyIndex')} definition={t('def.transparencyIndex')} />
            <KpiCard label={t('ag.forwardingRate')} value={formatKpi(lang, 'rate', p.forwardingRate)} withheldBelow={withheldBelow(p.forwardingRate, p, 'forwardingRate')} definition={t('def.forwardingRate')} />
          </div>
        );
      }}
    </Panel>
  );
}

/** The agency's maladministration types (the ten ranked) and its unclassified backlog. */
function AgencyMaladministrationPanel({ id }: { id: string }) {
  const { t, lang, number, percent } = useI18n();
  const { analyticsFilter, shared } = useFilters();
  const { result, retry } = usePanelQuery({ query: MALADMINISTRATION_BREAKDOWN, variables: { filter: { ...analyticsFilter, agencyId: id } } });
  const title = t('ag.maladministration');
  return (
    <Panel title={title} service="analytics" result={result} onRetry={retry} isEmpty={(d) => d.maladministrationBreakdown.total === 0} className="panel-agency-malad">
      {(data) => {
        const slices = data.maladministrationBreakdown.slices.filter((s) => chartValue(s.count) > 0 || withheldBelow(s.count, s) !== null);
        const ranked = slices.filter((s) => s.type !== 'UNCLASSIFIED').sort((a, b) => chartValue(b.count) - chartValue(a.count));
        const unclassified = slices.find((s) => s.type === 'UNCLASSIFIED');
        return (
          <>
            {unclassified ? (
              <p className="unclassified-apart">
                <strong>{t('mal.unclassifiedApart')}:</strong> {figureText(number, unclassified.count, unclassified)} ({figureText(percent, unclassified.share, unclassified)}) —{' '}
                <Link href={`/reports${shared({ type: 'UNCLASSIFIED', agency: id })}`}>{t('mal.classifyBacklog')}</Link>
              </p>
            ) : null}
            <TableTools title={title} columns={[t('mal.type'), t('mal.count')]} rows={ranked.map((s) => [maladministrationLabel(s.type, lang), figureText(number, s.count, s)])} />
            <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={title}>
              <table className="data-table compact">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('mal.type')}</th>
                    <th scope="col" className="num">{t('mal.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.map((s) => (
                    <tr key={s.type}>
                      <th scope="row">
                        <Link href={`/reports${shared({ type: s.type, agency: id })}`}>{maladministrationLabel(s.type, lang)}</Link>
                      </th>
                      <td className="num">{figureText(number, s.count, s)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </Panel>
  );
}

/** SLA compliance per step for the agency. */
function AgencySlaPanel({ id }: { id: string }) {
  const { t, number, percent } = useI18n();
  const { analyticsFilter } = useFilters();
  const { result, retry } = usePanelQuery({ query: SLA_COMPLIANCE, variables: { filter: { ...analyticsFilter, agencyId: id } } });
  const title = t('rt.sla');
  return (
    <Panel title={title} service="analytics" result={result} onRetry={retry} className="panel-agency-sla">
      {(data) => (
        <>
          <TableTools
            title={title}
            columns={[t('rt.step'), t('rt.onTime'), t('rt.late'), t('rt.overdueOpen'), t('rt.compliance')]}
            rows={data.slaCompliance.steps.map((s) => [t(slaStepKey(s.step)), figureText(number, s.onTime, s, 'onTime'), figureText(number, s.late, s, 'late'), figureText(number, s.overdueOpen, s, 'overdueOpen'), figureText(percent, s.compliance, s, 'compliance')])}
          />
          <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={title}>
            <table className="data-table compact">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rt.step')}</th>
                  <th scope="col" className="num">{t('rt.onTime')}</th>
                  <th scope="col" className="num">{t('rt.late')}</th>
                  <th scope="col" className="num">{t('rt.overdueOpen')}</th>
                  <th scope="col" className="num">{t('rt.compliance')}</th>
                </tr>
              </thead>
              <tbody>
                {data.slaCompliance.steps.map((s) => (
                  <tr key={s.step}>
                    <th scope="row">{t(slaStepKey(s.step))}</th>
                    <td className="num">{figureText(number, s.onTime, s, 'onTime')}</td>
                    <td className="num">{figureText(number, s.late, s, 'late')}</td>
                    <td className="num">{figureText(number, s.overdueOpen, s, 'overdueOpen')}</td>
                    <td className="num">{figureText(percent, s.compliance, s, 'compliance')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small muted">{t('def.slaCompliance')}</p>
        </>
      )}
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
