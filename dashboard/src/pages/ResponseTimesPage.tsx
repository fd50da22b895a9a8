import { SLA_DAYS } from '@pantau/contract';
import { useMemo } from 'react';
import { GroupedBarChart, HistogramChart, StackedBarChart } from '../charts/lazy';
import { ChartFigure } from '../components/ChartFigure';
import { PageHeader } from '../components/common';
import { Panel } from '../components/Panel';
import { StaffReportListPanel } from '../components/StaffReportListPanel';
import { BAD, GOOD, PRIMARY, SECONDARY } from '../domain/palette';
import { useFilters } from '../filters/useFilters';
import {
  AGENCY_FIRST_RESPONSE,
  RESPONSE_TIMES,
  SLA_COMPLIANCE,
  type DurationStats,
  type HistogramBucket,
  type ResponseTimesData,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { formatHours, type Lang } from '../i18n/format';
import { useI18n, type MessageKey } from '../i18n/I18n';
import { slaStepKey } from '../i18n/keys';
import { Figure } from '../components/Withheld';
import { TableTools } from '../components/ExportTools';
import { chartValue, figureText, withheldBelow } from '../domain/suppression';

export function bucketLabel(lang: Lang, b: HistogramBucket): string {
  if (b.toHours == null) return `≥ ${formatHours(lang, b.fromHours)}`;
  return `${formatHours(lang, b.fromHours)} – ${formatHours(lang, b.toHours)}`;
}

/**
 * SLA targets in working days (design brief): verification 3 of submission; first response 5 of
 * disposition (the citizen's view adds the 3 of verification); completion 14 of disposition for
 * ordinary complaints (from submission: + 3). Durations here are calendar hours, so the line is drawn
 * at ≈ working days × 24 × 7/5 (weekends; holidays make the real deadline later) and labelled so.
 */
export const SLA_WORKING_DAYS: Record<keyof NonNullable<ResponseTimesData['responseTimeStats']>, number> = {
  verification: SLA_DAYS.verification,
  firstResponseAgency: SLA_DAYS.firstResponse,
  // measured from submission: verification, then the agency's step
  firstResponseCitizen: SLA_DAYS.verification + SLA_DAYS.firstResponse,
  completion: SLA_DAYS.verification + SLA_DAYS.completion,
};
export const workingDaysToCalendarHours = (days: number) => Math.round((days * 24 * 7) / 5);

/** The histogram bucket holding a number of hours (its label is where the target line goes). */
export function bucketHolding(buckets: HistogramBucket[], hoursValue: number): HistogramBucket | null {
  return buckets.find((b) => hoursValue >= b.fromHours && (b.toHours == null || hoursValue < b.toHours)) ?? null;
}

const DURATIONS: { key: keyof NonNullable<ResponseTimesData['responseTimeStats']>; label: MessageKey; color: string }[] = [
  { key: 'verification', label: 'rt.verification', color: PRIMARY },
  { key: 'firstResponseAgency', label: 'rt.firstResponseAgency', color: SECONDARY },
  { key: 'firstResponseCitizen', label: 'rt.firstResponseCitizen', color: '#6A3D9A' },
  { key: 'completion', label: 'rt.completion', color: GOOD },
];

export default function ResponseTimesPage() {
  const { t } = useI18n();
  return (
    <div className="page page-response-times">
      <PageHeader title={t('rt.title')} />
      <DurationsPanel />
      <div className="grid-2">
        <SlaPanel />
        <ByAgencyPanel />
      </div>
      <OverduePanel />
    </div>
  );
}

function DurationsPanel() {
  const { t, lang, hours, number } = useI18n();
  const { analyticsFilter } = useFilters();
  const { result, retry } = usePanelQuery({ query: RESPONSE_TIMES, variables: { filter: analyticsFilter } });
  return (
    <Panel
      title={t('rt.distributions')}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={(d) => DURATIONS.every((x) => d.responseTimeStats[x.key].count === 0)}
    >
      {(data) => (
        <>
          <TableTools
            title={t('rt.distributions')}
            columns={[t('rt.step'), t('rt.count'), t('rt.p50'), t('rt.p90'), t('rt.mean')]}
            rows={DURATIONS.map((d) => {
              const st = data.responseTimeStats[d.key];
              return [t(d.label), figureText(number, st.count, st, 'count'), figureText(hours, st.p50Hours, st, 'p50Hours'), figureText(hours, st.p90Hours, st, 'p90Hours'), figureText(hours, st.meanHours, st, 'meanHours')];
            })}
          />
          <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={t('rt.distributions')}>
            <table className="data-table">
              <caption className="sr-only">{t('rt.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rt.step')}</th>
                  <th scope="col" className="num">{t('rt.count')}</th>
                  <th scope="col" className="num">{t('rt.p50')}</th>
                  <th scope="col" className="num">{t('rt.p90')}</th>
                  <th scope="col" className="num">{t('rt.mean')}</th>
                </tr>
              </thead>
              <tbody>
                {DURATIONS.map((d) => {
                  const s: DurationStats = data.responseTimeStats[d.key];
                  return (
                    <tr key={d.key}>
                      <th scope="row">{t(d.label)}</th>
                      <td className="num"><Figure value={s.count} of={s} field="count" format={number} /></td>
                      <td className="num"><Figure value={s.p50Hours} of={s} field="p50Hours" format={hours} /></td>
                      <td className="num"><Figure value={s.p90Hours} of={s} field="p90Hours" format={hours} /></td>
                      <td className="num"><Figure value={s.meanHours} of={s} field="meanHours" format={hours} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="grid-2">
            {DURATIONS.map((d) => {
              const s = data.responseTimeStats[d.key];
              const name = t(d.label);
              const title = t('rt.histogram', { name });
              const rows = s.histogram.map((b) => ({ label: bucketLabel(lang, b), count: chartValue(b.count), countLabel: figureText(number, b.count, b) }));
              const targetHours = workingDaysToCalendarHours(SLA_WORKING_DAYS[d.key]);
              const targetText = t('sla.target', { days: SLA_WORKING_DAYS[d.key], hours: number(targetHours) });
              const holding = bucketHolding(s.histogram, targetHours);
              return (
                <div key={d.key} className="subpanel">
                  <h3>{name}</h3>
                  {s.count === 0 || (s.count === null && withheldBelow(s.count, s, 'count') === null) ? (
                    <p className="panel-empty">{t('panel.empty')}</p>
                  ) : (
                    <ChartFigure
                      title={title}
                      summary={`${title}: ${t('rt.p50')} ${figureText(hours, s.p50Hours, s, 'p50Hours')}, ${t('rt.p90')} ${figureText(hours, s.p90Hours, s, 'p90Hours')}, ${t('rt.count')} ${figureText(number, s.count, s, 'count')}`}
                      table={{ columns: [t('rt.bucket'), t('rt.count')], rows: rows.map((r) => [r.label, r.countLabel]) }}
                      height={220}
                      notes={[targetText]}
                    >
                      <HistogramChart
                        data={rows.map(({ label, count }) => ({ label, count }))}
                        color={d.color}
                        formatValue={(v) => number(v)}
                        target={holding ? { label: bucketLabel(lang, holding), text: `SLA ${SLA_WORKING_DAYS[d.key]} ${t('rt.wd')}` } : null}
                      />
                    </ChartFigure>
                  )}
                </div>
              );
            })}
          </div>
        </>
      )}
    </Panel>
  );
}

function SlaPanel() {
  const { t, number, percent } = useI18n();
  const { analyticsFilter } = useFilters();
  const { result, retry } = usePanelQuery({ query: SLA_COMPLIANCE, variables: { filter: analyticsFilter } });
  const title = t('rt.sla');
  return (
    <Panel
      title={title}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={(d) => d.slaCompliance.steps.every((s) => s.onTime === 0 && s.late === 0 && s.overdueOpen === 0)}
      actions={
        result.data?.slaCompliance ? (
          <span className="muted">{t('rt.overall', { value: figureText(percent, result.data.slaCompliance.overall, result.data.slaCompliance, 'overall') })}</span>
        ) : null
      }
    >
      {(data) => {
        const rows = data.slaCompliance.steps.map((s) => ({
          label: t(slaStepKey(s.step)),
          onTime: chartValue(s.onTime),
          late: chartValue(s.late),
          overdueOpen: chartValue(s.overdueOpen),
          compliance: s.compliance,
          text: {
            onTime: figureText(number, s.onTime, s, 'onTime'),
            late: figureText(number, s.late, s, 'late'),
            overdueOpen: figureText(number, s.overdueOpen, s, 'overdueOpen'),
            compliance: figureText(percent, s.compliance, s, 'compliance'),
          },
          step: s,
        }));
        return (
          <>
            <ChartFigure
              title={title}
              summary={`${title}: ${rows.map((r) => `${r.label} ${r.text.compliance}`).join(', ')}`}
              table={{
                columns: [t('rt.step'), t('rt.onTime'), t('rt.late'), t('rt.overdueOpen'), t('rt.compliance')],
                rows: rows.map((r) => [r.label, r.text.onTime, r.text.late, r.text.overdueOpen, r.text.compliance]),
              }}
            >
              <StackedBarChart
                data={rows.map(({ label, onTime, late, overdueOpen }) => ({ label, onTime, late, overdueOpen }))}
                series={[
                  { key: 'onTime', label: t('rt.onTime'), color: GOOD },
                  { key: 'late', label: t('rt.late'), color: SECONDARY },
                  { key: 'overdueOpen', label: t('rt.overdueOpen'), color: BAD },
                ]}
              />
            </ChartFigure>
            <ul className="stat-list">
              {rows.map((r) => (
                <li key={r.label}>
                  <span>{r.label}</span>{' '}
                  <strong>
                    <Figure value={r.compliance} of={r.step} field="compliance" format={percent} />
                  </strong>
                </li>
              ))}
            </ul>
          </>
        );
      }}
    </Panel>
  );
}

function ByAgencyPanel() {
  const { t, hours, number } = useI18n();
  const { analyticsFilter } = useFilters();
  // the agencies with most reports, each with its first-response time: one request (per-agency breakdown)
  const { result, retry } = usePanelQuery({
    query: AGENCY_FIRST_RESPONSE,
    variables: { filter: analyticsFilter, first: 10 },
  });
  const agencies = useMemo(() => result.data?.agencyLeaderboard ?? [], [result.data]);
  const title = t('rt.byAgency');
  return (
    <Panel
      title={title}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={(d) => (d.agencyLeaderboard ?? []).every((a) => !a.performance.firstResponseAgency.count)}
    >
      {() => {
        const rows = agencies
          .map((a) => ({
            label: a.agency.name,
            p50: a.performance.firstResponseAgency.p50Hours,
            p90: a.performance.firstResponseAgency.p90Hours,
            count: a.performance.firstResponseAgency.count ?? 0,
          }))
          .filter((r) => r.count > 0);
        return (
          <ChartFigure
            title={title}
            summary={`${title}: ${rows
              .slice(0, 5)
              .map((r) => `${r.label} p50 ${hours(r.p50)}, p90 ${hours(r.p90)}`)
              .join('; ')}`}
            table={{ columns: [t('rp.agency'), t('rt.p50'), t('rt.p90')], rows: rows.map((r) => [r.label, hours(r.p50), hours(r.p90)]) }}
            notes={[t('sla.target', { days: SLA_WORKING_DAYS.firstResponseAgency, hours: number(workingDaysToCalendarHours(SLA_WORKING_DAYS.firstResponseAgency)) })]}
          >
            <GroupedBarChart
              data={rows}
              series={[
                { key: 'p50', label: t('rt.p50'), color: PRIMARY },
                { key: 'p90', label: t('rt.p90'), color: SECONDARY },
              ]}
              formatValue={(v) => hours(v)}
              target={{ value: workingDaysToCalendarHours(SLA_WORKING_DAYS.firstResponseAgency), text: `SLA ${SLA_WORKING_DAYS.firstResponseAgency} ${t('rt.wd')}` }}
            />
          </ChartFigure>
        );
      }}
    </Panel>
  );
}

function OverduePanel() {
  const { t } = useI18n();
  return (
    <StaffReportListPanel
      title={t('rt.overdueList')}
      filter={{ overdue: true }}
      orderBy="SUBMITTED_AT_ASC"
      explorerParams={{ overdue: '1', sort: 'SUBMITTED_AT_ASC' }}
    />
  );
}
