import { useMemo } from 'react';
import { parseDirection, sortRanked } from '../domain/ranking';
import { RankOrder } from '../components/RankOrder';
import { TableTools } from '../components/ExportTools';
import { Link, useLocation } from 'wouter';
import { MultiLineChart, RankedBarChart } from '../charts/lazy';
import { ChartFigure, summarize } from '../components/ChartFigure';
import { PageHeader } from '../components/common';
import { Panel } from '../components/Panel';
import { maladministrationLabel } from '../domain/vocabulary';
import { PRIMARY } from '../domain/palette';
import { trendInterval } from '../filters/filters';
import { useFilters } from '../filters/useFilters';
import {
  AGENCY_MALADMINISTRATION,
  MALADMINISTRATION_BREAKDOWN,
  MALADMINISTRATION_TREND,
  type Breakdown,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { formatPeriodStart } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import { Figure, WithheldMark } from '../components/Withheld';
import { chartValue, figureText, withheldBelow } from '../domain/suppression';

/** Query string for the report list of one maladministration category. */
export function typeQuery(type: string): Record<string, string> {
  return type === 'UNCLASSIFIED' ? { type: 'UNCLASSIFIED' } : { type };
}

/**
 * The ten types ranked by count (ties by name, zero slices dropped; withheld ones, "< 5", after the
 * shown ones), then UNCLASSIFIED last.
 */
export function rankSlices(breakdown: Breakdown) {
  const present = (s: Breakdown['slices'][number]) => chartValue(s.count) > 0 || withheldBelow(s.count, s) !== null;
  const ranked = breakdown.slices
    .filter((s) => present(s) && s.type !== 'UNCLASSIFIED')
    .sort((a, b) => chartValue(b.count) - chartValue(a.count) || a.type.localeCompare(b.type));
  const unclassified = breakdown.slices.find((s) => s.type === 'UNCLASSIFIED' && present(s));
  return unclassified ? [...ranked, unclassified] : ranked;
}

export default function MaladministrationPage() {
  const { t } = useI18n();
  return (
    <div className="page page-maladministration">
      <PageHeader title={t('mal.title')} />
      <RankedPanel />
      <TrendPanel />
      <ByAgencyPanel />
    </div>
  );
}

function RankedPanel() {
  const { t, lang, number, percent } = useI18n();
  const { analyticsFilter, shared } = useFilters();
  const [, navigate] = useLocation();
  const { result, retry } = usePanelQuery({
    query: MALADMINISTRATION_BREAKDOWN,
    variables: { filter: analyticsFilter },
  });
  const title = t('mal.ranked');
  return (
    <Panel
      title={title}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={(d) => d.maladministrationBreakdown.total === 0}
      actions={<span className="muted">{result.data?.maladministrationBreakdown ? t('mal.total', { total: figureText(number, result.data.maladministrationBreakdown.total, result.data.maladministrationBreakdown, 'total') }) : null}</span>}
    >
      {(data) => {
        const all = rankSlices(data.maladministrationBreakdown);
        // the ten types ranked on their own; "unclassified" is a backlog, shown apart so it does not squash the chart
        const ranked = all.filter((s) => s.type !== 'UNCLASSIFIED');
        const unclassified = all.find((s) => s.type === 'UNCLASSIFIED') ?? null;
        const classifiedTotal = ranked.reduce((n, s) => n + chartValue(s.count), 0);
        const shareOfClassified = (s: Breakdown['slices'][number]) => (classifiedTotal > 0 && s.count != null ? s.count / classifiedTotal : null);
        const bars = ranked.map((s) => ({
          key: s.type,
          label: maladministrationLabel(s.type, lang),
          value: chartValue(s.count),
          valueLabel: withheldBelow(s.count, s) !== null ? figureText(number, s.count, s) : `${number(s.count)} (${percent(shareOfClassified(s))})`,
        }));
        return (
          <>
            {unclassified ? (
              <p className="unclassified-apart" data-testid="unclassified-apart">
                <strong>{t('mal.unclassifiedApart')}:</strong>{' '}
                <Figure value={unclassified.count} of={unclassified} format={number} /> (<Figure value={unclassified.share} of={unclassified} format={percent} />{' '}
                {t('mal.ofAll')}) —{' '}
                <Link href={`/reports${shared(typeQuery('UNCLASSIFIED'))}`}>{t('mal.classifyBacklog')}</Link>
              </p>
            ) : null}
            {ranked.length === 0 ? <p className="panel-empty">{t('mal.noneClassified')}</p> : null}
            <div className="chart-with-table">
              {ranked.length ? (
                <ChartFigure
                  title={title}
                  summary={`${title}: ${summarize(ranked.map((s) => ({ label: maladministrationLabel(s.type, lang), value: percent(shareOfClassified(s)) })))}`}
                  hint={t('chart.clickHint')}
                  table={{
                    columns: [t('mal.type'), t('mal.count'), t('mal.shareClassified')],
                    rows: ranked.map((s) => [maladministrationLabel(s.type, lang), figureText(number, s.count, s), percent(shareOfClassified(s))]),
                  }}
                >
                  <RankedBarChart data={bars} color={PRIMARY} labelWidth={210} onSelect={(type) => navigate(`/reports${shared(typeQuery(type))}`)} formatValue={(v) => number(v)} />
                </ChartFigure>
              ) : null}
              <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={title}>
                <table className="data-table compact">
                  <caption className="sr-only">{title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t('mal.type')}</th>
                      <th scope="col" className="num">
                        {t('mal.count')}
                      </th>
                      <th scope="col" className="num">
                        {t('mal.shareClassified')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ranked.map((s, i) => (
                      <tr key={s.type}>
                        <td>{i + 1}</td>
                        <th scope="row">
                          <Link href={`/reports${shared(typeQuery(s.type))}`} aria-label={`${t('mal.openList')}: ${maladministrationLabel(s.type, lang)}`}>
                            {maladministrationLabel(s.type, lang)}
                          </Link>
                        </th>
                        <td className="num">
                          <Figure value={s.count} of={s} format={number} />
                        </td>
                        <td className="num nowrap">
                          <span className="share-bar" style={{ width: `${Math.round((shareOfClassified(s) ?? 0) * 100)}%` }} aria-hidden="true" />
                          {withheldBelow(s.count, s) !== null ? <WithheldMark k={withheldBelow(s.count, s)!} /> : percent(shareOfClassified(s))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </>
        );
      }}
    </Panel>
  );
}

/**
 * The breakdown per trend period (maladministrationTrend: one field, periods in the deployment's time
 * zone, the same interval as the overview's trend) as a line per type (top five).
 */
function TrendPanel() {
  const { t, lang, number } = useI18n();
  const { analyticsFilter, range } = useFilters();
  const interval = trendInterval(range);
  const { result, retry } = usePanelQuery({
    query: MALADMINISTRATION_TREND,
    variables: { filter: analyticsFilter, interval },
  });
  const title = t('mal.trend');
  return (
    <Panel
      title={title}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={(d) => (d.maladministrationTrend ?? []).every((p) => !p.breakdown.total || p.breakdown.slices.every((s) => s.type === 'UNCLASSIFIED' || !s.count))}
    >
      {(data) => {
        const points = data.maladministrationTrend ?? [];
        const totals = new Map<string, number>();
        for (const p of points) for (const s of p.breakdown.slices) if (s.type !== 'UNCLASSIFIED') totals.set(s.type, (totals.get(s.type) ?? 0) + chartValue(s.count));
        const top = [...totals.entries()]
          .filter(([, n]) => n > 0)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([type]) => type);
        const rows = points.map((p) => {
          const row: Record<string, string | number> = { label: formatPeriodStart(lang, p.periodStart, interval) };
          for (const type of top) row[type] = chartValue(p.breakdown.slices.find((s) => s.type === type)?.count);
          return row;
        });
        const series = top.map((type) => ({ key: type, label: maladministrationLabel(type, lang) }));
        return (
          <ChartFigure
            title={title}
            summary={`${title}: ${series.map((s) => `${s.label} ${number(totals.get(s.key) ?? 0)}`).join(', ')}`}
            table={{
              columns: [t('rt.bucket'), ...series.map((s) => s.label)],
              rows: points.map((p, i) => [
                String(rows[i].label),
                ...top.map((type) => {
                  const slice = p.breakdown.slices.find((s) => s.type === type);
                  return slice ? figureText(number, slice.count, slice) : number(0);
                }),
              ]),
            }}
          >
            <MultiLineChart data={rows} series={series} />
          </ChartFigure>
        );
      }}
    </Panel>
  );
}

/** The agencies with most reports, each with its own breakdown (the per-agency breakdown: one request). */
const MAX_AGENCY_BREAKDOWNS = 25;

function ByAgencyPanel() {
  const { t, lang, number, percent } = useI18n();
  const { analyticsFilter, shared, params, setParams } = useFilters();
  const { result, retry } = usePanelQuery({
    query: AGENCY_MALADMINISTRATION,
    variables: { filter: analyticsFilter, first: MAX_AGENCY_BREAKDOWNS },
  });
  const agencies = useMemo(() => result.data?.agencyLeaderboard ?? [], [result.data]);
  const dir = parseDirection(params.get('udir'), 'worst');
  const title = t('mal.byAgency');
  return (
    <Panel
      title={title}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={() => agencies.length === 0}
      actions={<RankOrder value={dir} onChange={(d) => setParams({ udir: d === 'worst' ? null : d })} />}
    >
      {() => {
        const breakdownOf = (i: number): Breakdown | undefined => agencies[i]?.performance.maladministration;
        const totals = new Map<string, number>();
        agencies.forEach((_, i) => breakdownOf(i)?.slices.forEach((s) => s.type !== 'UNCLASSIFIED' && totals.set(s.type, (totals.get(s.type) ?? 0) + chartValue(s.count))));
        const types = [...totals.entries()]
          .filter(([, n]) => n > 0)
          .sort((a, b) => b[1] - a[1])
          .map(([type]) => type);
        const unclassifiedOf = (i: number) => breakdownOf(i)?.slices.find((s) => s.type === 'UNCLASSIFIED') ?? null;
        // worst first: the largest share still to classify (a backlog per agency)
        const order = sortRanked(
          agencies.map((a, i) => ({ a, i })),
          ({ i }) => unclassifiedOf(i)?.share ?? null,
          false,
          dir,
          ({ a }) => a.agency.name,
        );
        const csvRows = order.map(({ a, i }) => [
          a.agency.name,
          percent(unclassifiedOf(i)?.share ?? null),
          ...types.map((type) => figureText(number, breakdownOf(i)?.slices.find((s) => s.type === type)?.count ?? 0, breakdownOf(i)?.slices.find((s) => s.type === type) ?? {})),
        ]);
        return (
          <>
          <TableTools title={title} columns={[t('rp.agency'), t('mal.unclassifiedShare'), ...types.map((type) => maladministrationLabel(type, lang))]} rows={csvRows} />
          <p className="muted small">{t('mal.byAgencyNote', { n: agencies.length })}</p>
          <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={title}>
            <table className="data-table heat-table">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rp.agency')}</th>
                  <th scope="col" className="num">{t('mal.unclassifiedShare')}</th>
                  {types.map((type) => (
                    <th scope="col" key={type} className="num">
                      {maladministrationLabel(type, lang)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {order.map(({ a, i }) => (
                  <tr key={a.agency.id}>
                    <th scope="row">
                      <Link href={`/agencies/${encodeURIComponent(a.agency.id)}${shared()}`}>{a.agency.name}</Link>
                    </th>
                    <td className="num">
                      {unclassifiedOf(i) ? (
                        <Link href={`/reports${shared({ ...typeQuery('UNCLASSIFIED'), agency: a.agency.id })}`}>
                          <Figure value={unclassifiedOf(i)!.share} of={unclassifiedOf(i)!} format={percent} />
                        </Link>
                      ) : (
                        <span className="muted">0%</span>
                      )}
                    </td>
                    {types.map((type) => {
                      const slice = breakdownOf(i)?.slices.find((s) => s.type === type);
                      const share = slice?.share ?? 0;
                      return (
                        <td key={type} className="num heat" style={{ ['--heat' as string]: String(share) }}>
                          {slice && withheldBelow(slice.count, slice) !== null ? (
                            <WithheldMark k={withheldBelow(slice.count, slice)!} />
                          ) : slice && chartValue(slice.count) > 0 ? (
                            <Link
                              href={`/reports${shared({ ...typeQuery(type), agency: a.agency.id })}`}
                              title={`${number(slice.count)} (${percent(share)})`}
                            >
                              {number(slice.count)}
                            </Link>
                          ) : (
                            <span className="muted">0</span>
                          )}
                        </td>
                      );
                    })}
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
