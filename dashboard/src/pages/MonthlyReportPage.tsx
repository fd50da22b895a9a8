/**
 * "Laporan bulanan": a printable report for leadership meetings — one agency or the whole regency,
 * one calendar month of the deployment's zone: the key figures with their definitions, the daily
 * trend, reports by topic, maladministration types and SLA compliance per step. URL:
 *   /laporan-bulanan?month=YYYY-MM&agency=<id>&region=<code>   (default: last month, Kukar 64.02)
 * Printed on A4 by the browser (window.print(); the e2e prints it to PDF with Chromium).
 */
import { useId, useMemo } from 'react';
import { RankedBarChart, TrendChart } from '../charts/lazy';
import { ChartFigure, summarize } from '../components/ChartFigure';
import { PageHeader } from '../components/common';
import { Icon } from '../components/Icon';
import { Panel } from '../components/Panel';
import { formatKpi, KPI_DEFS, kpiValue } from '../components/kpi';
import { chartValue, figureText, withheldBelow, withheldText } from '../domain/suppression';
import { maladministrationLabel } from '../domain/vocabulary';
import { useTopics } from '../domain/topics';
import { dayAsDate, dayInZone, shiftMonth, zoneLabel } from '../domain/timeZone';
import { annotateTrend, COMPLETION_LAG_DAYS } from '../domain/trend';
import { AgencyPicker } from '../filters/AgencyPicker';
import { dayRange, lastDayOf, toAnalyticsFilter, type Filters } from '../filters/filters';
import { useFilters } from '../filters/useFilters';
import {
  AGENCY_NAME,
  MONTHLY_REPORT,
  REGION_NAME,
  type AgencyNameData,
  type MonthlyReportData,
  type RegionNameData,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { formatPeriodStart } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import { slaStepKey } from '../i18n/keys';
import { useQuery } from 'urql';

export const DEFAULT_REGENCY = '64.02';

/** The month of the URL (YYYY-MM), else the last whole month in the zone. */
export function reportMonth(value: string | null, today: string): string {
  if (value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && `${value}-01` <= today) return value;
  return shiftMonth(today, -1).slice(0, 7);
}

export default function MonthlyReportPage() {
  const { t, lang, date } = useI18n();
  const { params, setParams, filters, timeZone } = useFilters();
  const monthId = useId();
  const today = dayInZone(new Date(), timeZone);
  const month = reportMonth(params.get('month'), today);
  const agencyId = filters.agency;
  const regionCode = filters.region ?? DEFAULT_REGENCY;
  const range = useMemo(() => dayRange(`${month}-01`, shiftMonth(`${month}-01`, 1), today, timeZone), [month, today, timeZone]);
  const scope: Filters = { period: 'custom', from: null, to: null, region: agencyId ? filters.region : regionCode, agency: agencyId, topic: null };
  const filter = toAnalyticsFilter(scope, range);
  const { result, retry } = usePanelQuery({ query: MONTHLY_REPORT, variables: { filter, now: { ...filter, from: undefined, to: undefined } } });
  const [agency] = useQuery<AgencyNameData>({ query: AGENCY_NAME, variables: { id: agencyId ?? '' }, pause: !agencyId });
  const [region] = useQuery<RegionNameData>({ query: REGION_NAME, variables: { code: regionCode }, pause: !!agencyId });
  const a = agency.data?.agency;
  const scopeName = agencyId ? (a ? (lang === 'en' && a.nameEn ? a.nameEn : a.name) : agencyId) : (region.data?.region?.name ?? regionCode);
  const monthName = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayAsDate(`${month}-01`));
  const title = t('monthly.title');
  return (
    <div className="page page-monthly">
      <PageHeader title={title}>
        <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
          <Icon name="print" />
          {t('app.print')}
        </button>
      </PageHeader>
      <div className="monthly-controls no-print">
        <div className="filter-field">
          <label htmlFor={monthId}>{t('monthly.month')}</label>
          <input id={monthId} type="month" value={month} max={today.slice(0, 7)} onChange={(e) => e.target.value && setParams({ month: e.target.value })} />
        </div>
        <AgencyPicker value={agencyId} onChange={(id) => setParams({ agency: id })} />
      </div>
      <section className="monthly-cover" aria-label={t('monthly.scope')}>
        <p className="monthly-subtitle" data-testid="monthly-subtitle">
          <strong>{scopeName}</strong> · {monthName}
        </p>
        <p className="muted small">
          {t('monthly.basis', { from: date(dayAsDate(range.startDay!)), to: date(dayAsDate(lastDayOf(range))), zone: zoneLabel(timeZone) })}
        </p>
      </section>
      {/* The report is printed whole: without one of its parts (a null root) there is no report to print. */}
      <Panel
        title={t('monthly.figures')}
        service="analytics"
        result={result}
        onRetry={retry}
        className="panel-monthly"
        isEmpty={(d) => !d.current || !d.trend || !d.malad || !d.sla}
      >
        {(all) => {
          const data = { ...all, current: all.current!, trend: all.trend!, malad: all.malad!, sla: all.sla! };
          const kpiData = { current: data.current, now: data.now };
          const topics = [...data.current.byTopic].filter((x) => chartValue(x.count) > 0 || withheldBelow(x.count, x) !== null).sort((x, y) => chartValue(y.count) - chartValue(x.count));
          const buckets = annotateTrend(data.trend, 'DAY', range);
          const points = buckets.map((b) => ({
            label: `${formatPeriodStart(lang, b.point.periodStart, 'DAY')}${b.partial ? ' ◐' : ''}`,
            submitted: chartValue(b.point.submitted),
            completed: chartValue(b.point.completed),
            partial: b.partial,
            lagging: b.lagging,
          }));
          const types = data.malad.slices.filter((s) => s.type !== 'UNCLASSIFIED' && chartValue(s.count) > 0).sort((x, y) => chartValue(y.count) - chartValue(x.count));
          const unclassified = data.malad.slices.find((s) => s.type === 'UNCLASSIFIED');
          return (
            <>
              <table className="data-table monthly-kpis">
                <caption className="sr-only">{t('monthly.figures')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monthly.figure')}</th>
                    <th scope="col" className="num">{t('monthly.value')}</th>
                    <th scope="col">{t('kpi.definition')}</th>
                  </tr>
                </thead>
                <tbody>
                  {KPI_DEFS.map((def) => {
                    const value = kpiValue(def, kpiData);
                    const k = withheldBelow(value, def.basis === 'now' ? data.now ?? {} : data.current, def.key);
                    return (
                      <tr key={def.label}>
                        <th scope="row">{t(def.label)}</th>
                        <td className="num">{k != null ? withheldText(k) : formatKpi(lang, def.kind, value)}</td>
                        <td className="small">{t(def.definition)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <div className="grid-2 monthly-charts">
                <div>
                <h3>{t('monthly.trend')}</h3>
                <ChartFigure
                  title={t('monthly.trend')}
                  summary={`${t('monthly.trend')}: ${summarize(points.map((p) => ({ label: p.label, value: String(p.submitted) })), 3)}`}
                  table={{ columns: [t('rt.bucket'), t('overview.submitted'), t('overview.completed')], rows: points.map((p) => [p.label, String(p.submitted), String(p.completed)]) }}
                  notes={points.some((p) => p.lagging) ? [t('trend.lagNote', { days: COMPLETION_LAG_DAYS })] : undefined}
                  anchor="monthly-trend"
                >
                  <TrendChart data={points} labels={{ submitted: t('overview.submitted'), completed: t('overview.completed'), lag: t('trend.lag') }} height={240} />
                </ChartFigure>
                </div>
                <div>
                  <h3>{t('overview.byTopic')}</h3>
                  <TopicsFigure topics={topics} />
                </div>
              </div>
              <div className="grid-2 monthly-charts">
                <div>
                <h3>{t('mal.ranked')}</h3>
                <ChartFigure
                  title={t('mal.ranked')}
                  summary={`${t('mal.ranked')}: ${summarize(types.map((s) => ({ label: maladministrationLabel(s.type, lang), value: String(s.count ?? '') })))}`}
                  table={{ columns: [t('mal.type'), t('mal.count')], rows: types.map((s) => [maladministrationLabel(s.type, lang), figureText(String, s.count, s)]) }}
                  notes={unclassified ? [`${t('mal.unclassifiedApart')}: ${figureText(String, unclassified.count, unclassified)}`] : undefined}
                  anchor="monthly-maladministration"
                >
                  <RankedBarChart data={types.map((s) => ({ key: s.type, label: maladministrationLabel(s.type, lang), value: chartValue(s.count), valueLabel: figureText(String, s.count, s) }))} labelWidth={170} />
                </ChartFigure>
                </div>
                <div>
                  <h3>{t('rt.sla')}</h3>
                  <table className="data-table compact">
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
                      {data.sla.steps.map((s) => (
                        <tr key={s.step}>
                          <th scope="row">{t(slaStepKey(s.step))}</th>
                          <td className="num">{figureText(String, s.onTime, s, 'onTime')}</td>
                          <td className="num">{figureText(String, s.late, s, 'late')}</td>
                          <td className="num">{figureText(String, s.overdueOpen, s, 'overdueOpen')}</td>
                          <td className="num">{s.compliance == null ? '—' : formatKpi(lang, 'rate', s.compliance)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="small muted">{t('def.slaCompliance')}</p>
                </div>
              </div>
            </>
          );
        }}
      </Panel>
      <p className="print-only small">{t('monthly.footer', { zone: zoneLabel(timeZone) })}</p>
    </div>
  );
}

function TopicsFigure({ topics }: { topics: NonNullable<MonthlyReportData['current']>['byTopic'] }) {
  const { t, lang, number } = useI18n();
  const { label } = useTopics(lang);
  const title = t('overview.byTopic');
  const rows = topics.map((x) => ({ key: x.topic, label: label(x.topic), value: chartValue(x.count), valueLabel: figureText(number, x.count, x) }));
  return (
    <ChartFigure title={title} summary={`${title}: ${summarize(rows.map((r) => ({ label: r.label, value: r.valueLabel })))}`} table={{ columns: [t('rp.topic'), t('mal.count')], rows: rows.map((r) => [r.label, r.valueLabel]) }} anchor="monthly-topics">
      <RankedBarChart data={rows} labelWidth={150} formatValue={(v) => number(v)} />
    </ChartFigure>
  );
}
