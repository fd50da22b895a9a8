import { useId } from 'react';
import { HIGHER_IS_BETTER, metricOf, parseDirection, shortLabel, sortRanked, topAndBottom } from '../domain/ranking';
import { RankOrder } from '../components/RankOrder';
import { TableTools } from '../components/ExportTools';
import { Link } from 'wouter';
import { RankedBarChart } from '../charts/lazy';
import { ChartFigure, summarize } from '../components/ChartFigure';
import { PageHeader } from '../components/common';
import { Panel } from '../components/Panel';
import { GOOD, PRIMARY } from '../domain/palette';
import { useFilters } from '../filters/useFilters';
import {
  AGENCY_LEADERBOARD,
  LEADERBOARD_ORDERS,
  TRANSPARENCY_METRICS,
  type LeaderboardOrder,
  type TransparencyMetrics,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n, type MessageKey } from '../i18n/I18n';
import { Figure } from '../components/Withheld';
import { figureText } from '../domain/suppression';

export const DEFAULT_MIN_REPORTS = 10;

/** The five weighted components of the index (design brief, "Transparency index"). */
const COMPONENTS: { key: Exclude<keyof TransparencyMetrics, 'suppressedBelow' | 'suppressedFields'>; label: MessageKey; weight: number }[] = [
  { key: 'responseRate', label: 'tr.responseRate', weight: 0.25 },
  { key: 'firstResponseCompliance', label: 'tr.firstResponseCompliance', weight: 0.25 },
  { key: 'evidenceRate', label: 'tr.evidenceRate', weight: 0.2 },
  { key: 'completionRate', label: 'tr.completionRate', weight: 0.15 },
  { key: 'satisfaction', label: 'tr.satisfaction', weight: 0.15 },
];

export function parseMinReports(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : DEFAULT_MIN_REPORTS;
}

export default function TransparencyPage() {
  const { t } = useI18n();
  return (
    <div className="page page-transparency">
      <PageHeader title={t('tr.title')} />
      <IndexPanel />
      <LeaderboardPanel />
    </div>
  );
}

function IndexPanel() {
  const { t, index, percent, number } = useI18n();
  const { analyticsFilter } = useFilters();
  const { result, retry } = usePanelQuery({ query: TRANSPARENCY_METRICS, variables: { filter: analyticsFilter } });
  const title = t('tr.components');
  return (
    <Panel
      title={t('tr.index')}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={(d) => d.transparencyMetrics.index == null && COMPONENTS.every((c) => d.transparencyMetrics[c.key] == null)}
    >
      {(data) => {
        const m = data.transparencyMetrics;
        const bars = COMPONENTS.filter((c) => m[c.key] != null).map((c) => ({
          key: c.key,
          label: `${t(c.label)} · ${Math.round(c.weight * 100)}%`,
          value: Math.round((m[c.key] as number) * 1000) / 10,
          valueLabel: percent(m[c.key]),
        }));
        return (
          <div className="transparency-index">
            <div className="index-hero">
              <div className="kpi-card kpi-hero" role="group" aria-label={`${t('tr.index')}: ${figureText(index, m.index, m, 'index')}`}>
                <div className="kpi-label">{t('tr.index')}</div>
                <div className="kpi-value">
                  <Figure value={m.index} of={m} field="index" format={index} />
                </div>
                <div className="index-meter" aria-hidden="true">
                  <span style={{ width: `${Math.max(0, Math.min(100, m.index ?? 0))}%` }} />
                </div>
              </div>
              <dl className="stat-grid">
                <div>
                  <dt>{t('tr.publicVisibility')}</dt>
                  <dd><Figure value={m.publicVisibility} of={m} field="publicVisibility" format={percent} /></dd>
                </div>
                <div>
                  <dt>{t('tr.reopenRate')}</dt>
                  <dd><Figure value={m.reopenRate} of={m} field="reopenRate" format={percent} /></dd>
                </div>
                <div>
                  <dt>{t('tr.forwardingRate')}</dt>
                  <dd><Figure value={m.forwardingRate} of={m} field="forwardingRate" format={percent} /></dd>
                </div>
                <div>
                  <dt>{t('tr.meanHops')}</dt>
                  <dd><Figure value={m.meanHops} of={m} field="meanHops" format={(v) => number(v, 2)} /></dd>
                </div>
              </dl>
            </div>
            <div>
              <h3>{title}</h3>
              <ChartFigure
                title={title}
                summary={`${title}: ${summarize(bars.map((b) => ({ label: b.label, value: b.valueLabel })))}`}
                table={{
                  columns: [t('tr.components'), '%'],
                  rows: COMPONENTS.map((c) => [t(c.label), figureText(percent, m[c.key], m, c.key)]),
                }}
              >
                <RankedBarChart data={bars} color={GOOD} labelWidth={260} formatValue={(v) => `${number(v)}%`} />
              </ChartFigure>
              <p className="muted small">{t('tr.formula')}</p>
            </div>
          </div>
        );
      }}
    </Panel>
  );
}

function LeaderboardPanel() {
  const { t, index, percent, hours, number } = useI18n();
  const { analyticsFilter, params, setParams, shared } = useFilters();
  const minId = useId();
  const orderId = useId();
  const minReports = parseMinReports(params.get('min'));
  const order = (LEADERBOARD_ORDERS as readonly string[]).includes(params.get('order') ?? '')
    ? (params.get('order') as LeaderboardOrder)
    : 'TRANSPARENCY_INDEX';
  const dir = parseDirection(params.get('dir'), 'worst');
  const { result, retry } = usePanelQuery({
    query: AGENCY_LEADERBOARD,
    variables: { filter: analyticsFilter, orderBy: order, minReports, first: 100 },
  });
  const title = t('tr.leaderboard');
  return (
    <Panel
      title={title}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={(d) => d.agencyLeaderboard.length === 0}
      actions={
        <div className="inline-controls">
          <label htmlFor={orderId}>{t('tr.orderBy')}</label>
          <select id={orderId} value={order} onChange={(e) => setParams({ order: e.target.value === 'TRANSPARENCY_INDEX' ? null : e.target.value })}>
            {LEADERBOARD_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`tr.order.${o}`)}
              </option>
            ))}
          </select>
          <RankOrder value={dir} onChange={(d) => setParams({ dir: d === 'worst' ? null : d })} />
          <label htmlFor={minId}>{t('tr.minReports')}</label>
          <input
            id={minId}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            className="input-narrow"
            defaultValue={minReports}
            key={minReports}
            onBlur={(e) => setParams({ min: parseMinReports(e.target.value) === DEFAULT_MIN_REPORTS ? null : String(parseMinReports(e.target.value)) })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                const v = parseMinReports((e.target as HTMLInputElement).value);
                setParams({ min: v === DEFAULT_MIN_REPORTS ? null : String(v) });
              }
            }}
          />
        </div>
      }
    >
      {(data) => {
        const sorted = sortRanked(
          data.agencyLeaderboard,
          (e) => metricOf(order, e.performance),
          HIGHER_IS_BETTER[order],
          dir,
          (e) => e.agency.name,
        );
        const withIndex = sortRanked(
          data.agencyLeaderboard.filter((e) => e.performance.transparencyIndex != null),
          (e) => e.performance.transparencyIndex,
          true,
          dir,
          (e) => e.agency.name,
        );
        const shown = topAndBottom(withIndex, 6);
        const bars = shown.rows.map((e) => ({
          key: e.agency.id,
          label: shortLabel(e.agency.name),
          value: e.performance.transparencyIndex as number,
          valueLabel: index(e.performance.transparencyIndex),
        }));
        const chartTitle = t('tr.indexChart');
        return (
          <>
            <p className="muted">{t('tr.minReportsNote', { min: number(minReports) })}</p>
            {bars.length > 0 ? (
              <ChartFigure
                title={chartTitle}
                summary={`${chartTitle}: ${summarize(bars.map((b) => ({ label: b.label, value: b.valueLabel })))}`}
                table={{ columns: [t('rp.agency'), t('tr.index')], rows: shown.rows.map((e) => [e.agency.name, index(e.performance.transparencyIndex)]) }}
                notes={shown.gapAfter != null ? [t('rank.topBottom', { n: 6, total: withIndex.length })] : undefined}
              >
                <RankedBarChart data={bars} color={PRIMARY} labelWidth={230} formatValue={(v) => index(v)} />
              </ChartFigure>
            ) : null}
            <TableTools title={title} rows={sorted.map((e) => [String(e.rank), e.agency.name, String(e.performance.reportCount ?? ''), String(e.performance.transparencyIndex ?? ''), String(e.performance.completionRate ?? ''), String(e.performance.medianFirstResponseHours ?? ''), String(e.performance.slaCompliance ?? ''), String(e.performance.satisfaction ?? ''), String(e.performance.forwardingRate ?? '')])} columns={['rank', 'agency', 'reportCount', 'transparencyIndex', 'completionRate', 'medianFirstResponseHours', 'slaCompliance', 'satisfaction', 'forwardingRate']} />
            <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={title}>
              <table className="data-table">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">{t('tr.rank')}</th>
                    <th scope="col">{t('rp.agency')}</th>
                    <th scope="col" className="num">{t('ag.reportCount')}</th>
                    <th scope="col" className="num">{t('tr.index')}</th>
                    <th scope="col" className="num">{t('kpi.completionRate')}</th>
                    <th scope="col" className="num">{t('kpi.medianFirstResponse')}</th>
                    <th scope="col" className="num">{t('kpi.slaCompliance')}</th>
                    <th scope="col" className="num">{t('kpi.satisfaction')}</th>
                    <th scope="col" className="num">{t('ag.forwardingRate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((e) => (
                    <tr key={e.agency.id}>
                      <td className="num">{e.rank}</td>
                      <th scope="row">
                        <Link href={`/agencies/${encodeURIComponent(e.agency.id)}${shared()}`}>{e.agency.name}</Link>
                      </th>
                      <td className="num"><Figure value={e.performance.reportCount} of={e.performance} field="reportCount" format={number} /></td>
                      <td className="num"><Figure value={e.performance.transparencyIndex} of={e.performance} field="transparencyIndex" format={index} /></td>
                      <td className="num"><Figure value={e.performance.completionRate} of={e.performance} field="completionRate" format={percent} /></td>
                      <td className="num"><Figure value={e.performance.medianFirstResponseHours} of={e.performance} field="medianFirstResponseHours" format={hours} /></td>
                      <td className="num"><Figure value={e.performance.slaCompliance} of={e.performance} field="slaCompliance" format={percent} /></td>
                      <td className="num"><Figure value={e.performance.satisfaction} of={e.performance} field="satisfaction" format={percent} /></td>
                      <td className="num"><Figure value={e.performance.forwardingRate} of={e.performance} field="forwardingRate" format={percent} /></td>
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
