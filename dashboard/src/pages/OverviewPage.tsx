import { Link, useLocation } from 'wouter';
import { Icon } from '../components/Icon';
import { ChartFigure, summarize } from '../components/ChartFigure';
import { PageHeader } from '../components/common';
import { KpiCard } from '../components/KpiCard';
import { compareKpi, comparisonPlan, formatKpi, KPI_DEFS, kpiValue, type BasisReason } from '../components/kpi';
import { Panel } from '../components/Panel';
import { RankedBarChart, TrendChart } from '../charts/lazy';
import { useTopics } from '../domain/topics';
import { CATEGORY_COLORS } from '../domain/palette';
import { lastDayOf, toAnalyticsFilter, trendInterval, type DateRange } from '../filters/filters';
import { dayAsDate } from '../domain/timeZone';
import { annotateTrend, burstsByBucket, COMPLETION_LAG_DAYS } from '../domain/trend';
import { useMemo } from 'react';
import { useFilters } from '../filters/useFilters';
import { useQuery } from 'urql';
import {
  OVERVIEW_BREAKDOWN,
  OVERVIEW_KPIS,
  REPORT_BURSTS,
  REPORT_TREND,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { formatDate, formatPeriodStart } from '../i18n/format';
import { useI18n } from '../i18n/I18n';
import { statusKey } from '../i18n/keys';
import { chartValue, figureText, withheldBelow } from '../domain/suppression';

export default function OverviewPage() {
  const { t } = useI18n();
  return (
    <div className="page page-overview">
      <PageHeader title={t('overview.title')}>
        <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
          <Icon name="print" />
          {t('app.print')}
        </button>
      </PageHeader>
      <KpiPanel />
      <div className="grid-2">
        <TrendPanel />
        <TopicsPanel />
      </div>
      <StatusPanel />
    </div>
  );
}

function KpiPanel() {
  const { t, lang, date } = useI18n();
  const { analyticsFilter, range, filters, scopeFilter, timeZone } = useFilters();
  const plan = useMemo(() => comparisonPlan(range, timeZone), [range, timeZone]);
  const variables = useMemo(() => {
    const compare = plan.current != null && plan.previous != null;
    return {
      filter: analyticsFilter,
      now: scopeFilter,
      compare,
      cmpCurrent: compare ? toAnalyticsFilter(filters, plan.current!) : null,
      previous: compare ? toAnalyticsFilter(filters, plan.previous!) : null,
      // reports in scope before the comparison period: did data exist for all of it?
      before: compare ? { ...scopeFilter, to: plan.previous!.from!.toISOString() } : null,
    };
  }, [analyticsFilter, scopeFilter, filters, plan]);
  const { result, retry } = usePanelQuery({ query: OVERVIEW_KPIS, variables });
  const span = (r: DateRange | null) => (r?.startDay ? `${date(dayAsDate(r.startDay))} – ${date(dayAsDate(lastDayOf(r)))}` : '');
  const basisText = (reason: BasisReason): string => {
    switch (reason) {
      case 'compared':
        return `${t('kpi.basis.compared', { current: span(plan.current), previous: span(plan.previous), days: plan.days })}${plan.todayExcluded ? ` ${t('kpi.basis.todayExcluded')}` : ''}`;
      case 'beforeData':
        return t('kpi.basis.beforeData', { previous: span(plan.previous) });
      case 'allTime':
        return t('kpi.basis.allTime');
      case 'tooShort':
        return t('kpi.basis.tooShort');
      case 'ageDependent':
        return t('kpi.basis.ageDependent');
      case 'now':
        return t('kpi.basis.now');
      case 'withheld':
        return t('analytics.withheld', { k: 5 });
    }
  };
  return (
    <Panel title={t('overview.kpis')} service="analytics" result={result} onRetry={retry} className="panel-kpis">
      {(data) => (
        <div className="kpi-grid">
          {KPI_DEFS.map((def) => {
            const value = kpiValue(def, data);
            const source = def.basis === 'now' ? data.now ?? {} : data.current;
            const cmp = compareKpi(lang, def, plan, data);
            return (
              <KpiCard
                key={def.label}
                testId={def.label}
                label={t(def.label)}
                value={formatKpi(lang, def.kind, value)}
                withheldBelow={withheldBelow(value, source, def.key)}
                change={cmp.change}
                basis={basisText(cmp.reason)}
                definition={t(def.definition)}
              />
            );
          })}
        </div>
      )}
    </Panel>
  );
}

function TrendPanel() {
  const { t, lang, number } = useI18n();
  const { analyticsFilter, range } = useFilters();
  const interval = trendInterval(range);
  const { result, retry } = usePanelQuery({ query: REPORT_TREND, variables: { filter: analyticsFilter, interval } });
  // bursts of near-identical reports (counts only) give a spike its cause; a period without a start (all
  // time) is not asked, and a failure only leaves the spikes without a cause
  const { from, to, regionCode, agencyId, topic } = analyticsFilter;
  const [bursts] = useQuery({ query: REPORT_BURSTS, variables: { from: from ?? to, to, regionCode, agencyId, topic }, pause: !from });
  const title = t('overview.trend');
  return (
    <Panel
      title={title}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={(d) => d.reportTrend.every((p) => p.submitted === 0 && p.completed === 0)}
      className="panel-trend"
    >
      {(data) => {
        const buckets = annotateTrend(data.reportTrend, interval, range);
        const causes = burstsByBucket(buckets, bursts.data?.reportBursts ?? []);
        const points = buckets.map((b) => {
          const p = b.point;
          const cause = causes.get(b.start);
          const base = formatPeriodStart(lang, p.periodStart, interval);
          return {
            label: b.partial ? `${base} ◐` : base,
            submitted: chartValue(p.submitted),
            completed: chartValue(p.completed),
            submittedLabel: figureText(number, p.submitted, p),
            completedLabel: figureText(number, p.completed, p),
            partial: b.partial,
            lagging: b.lagging,
            spike: b.spike != null ? t('trend.spikeNote', { label: base, n: number(chartValue(p.submitted)), x: Number.isFinite(b.spike) ? number(b.spike, 1) : '∞' }) : null,
            burst: cause ? t('trend.burstNote', { label: base, n: number(cause.count), kind: t(`trend.burstKind.${cause.kind}`), day: formatDate(lang, cause.day) }) : null,
            burstLabel: cause ? t('trend.burst', { n: number(cause.count) }) : null,
          };
        });
        const total = points.reduce((s, p) => s + p.submitted, 0);
        const peak = points.reduce((m, p) => (p.submitted > m.submitted ? p : m), points[0]);
        const notes: string[] = [];
        if (points.some((p) => p.partial)) notes.push(t('trend.partialNote'));
        if (points.some((p) => p.lagging)) notes.push(t('trend.lagNote', { days: COMPLETION_LAG_DAYS }));
        for (const p of points) if (p.spike) notes.push(`${t('trend.spike')}: ${p.spike}`);
        for (const p of points) if (p.burst) notes.push(`${t('trend.spike')}: ${p.burst}`);
        return (
          <ChartFigure
            title={title}
            summary={`${title}: ${t('overview.submitted')} ${number(total)}; ${peak ? `${peak.label} ${peak.submittedLabel}` : ''}`}
            notes={notes}
            table={{
              columns: [t('rt.bucket'), t('overview.submitted'), t('overview.completed')],
              rows: points.map((p) => [p.label, p.submittedLabel, p.completedLabel]),
            }}
          >
            <TrendChart
              data={points.map(({ label, submitted, completed, partial, lagging, spike, burstLabel }) => ({ label, submitted, completed, partial, lagging, spike: spike ?? burstLabel, spikeLabel: burstLabel }))}
              labels={{ submitted: t('overview.submitted'), completed: t('overview.completed'), lag: t('trend.lag'), spike: t('trend.spike') }}
              formatValue={(v) => number(v)}
            />
          </ChartFigure>
        );
      }}
    </Panel>
  );
}

/** Issue 2's chart: counts by topic from analyticsOverview.byTopic; a bar opens the matching reports. */
function TopicsPanel() {
  const { t, lang, number } = useI18n();
  const { analyticsFilter, shared } = useFilters();
  const [, navigate] = useLocation();
  const { label } = useTopics(lang);
  const { result, retry } = usePanelQuery({ query: OVERVIEW_BREAKDOWN, variables: { filter: analyticsFilter } });
  const title = t('overview.byTopic');
  return (
    <Panel
      title={title}
      service="analytics"
      result={result}
      onRetry={retry}
      isEmpty={(d) => d.analyticsOverview.byTopic.every((x) => x.count === 0)}
      className="panel-topics"
    >
      {(data) => {
        const rows = [...data.analyticsOverview.byTopic]
          .filter((x) => chartValue(x.count) > 0 || withheldBelow(x.count, x) !== null)
          .sort((a, b) => chartValue(b.count) - chartValue(a.count) || a.topic.localeCompare(b.topic))
          .map((x) => ({ key: x.topic, label: label(x.topic), value: chartValue(x.count), valueLabel: figureText(number, x.count, x) }));
        return (
          <ChartFigure
            title={title}
            summary={`${title}: ${summarize(rows.map((r) => ({ label: r.label, value: r.valueLabel })))}`}
            hint={t('chart.clickHint')}
            table={{
              columns: [t('rp.topic'), t('mal.count')],
              rows: rows.map((r) => [
                <Link key={r.key} href={`/reports${shared({ topic: r.key })}`}>
                  {r.label}
                </Link>,
                r.valueLabel,
              ]),
            }}
          >
            <RankedBarChart data={rows} onSelect={(topic) => navigate(`/reports${shared({ topic })}`)} formatValue={(v) => number(v)} />
          </ChartFigure>
        );
      }}
    </Panel>
  );
}

function StatusPanel() {
  const { t, number } = useI18n();
  const { analyticsFilter, shared } = useFilters();
  const [, navigate] = useLocation();
  const { result, retry } = usePanelQuery({ query: OVERVIEW_BREAKDOWN, variables: { filter: analyticsFilter } });
  const title = t('overview.byStatus');
  return (
    <Panel title={title} service="analytics" result={result} onRetry={retry} isEmpty={(d) => d.analyticsOverview.byStatus.every((x) => x.count === 0)}>
      {(data) => {
        const rows = data.analyticsOverview.byStatus
          .filter((x) => chartValue(x.count) > 0 || withheldBelow(x.count, x) !== null)
          .map((x) => ({ key: x.status, label: t(statusKey(x.status)), value: chartValue(x.count), valueLabel: figureText(number, x.count, x) }));
        return (
          <ChartFigure
            title={title}
            summary={`${title}: ${summarize(rows.map((r) => ({ label: r.label, value: r.valueLabel })), 6)}`}
            hint={t('chart.clickHint')}
            table={{
              columns: [t('rp.status'), t('mal.count')],
              rows: rows.map((r) => [
                <Link key={r.key} href={`/reports${shared({ status: r.key })}`}>
                  {r.label}
                </Link>,
                r.valueLabel,
              ]),
            }}
          >
            <RankedBarChart
              data={rows}
              categorical
              color={CATEGORY_COLORS[0]}
              labelWidth={150}
              onSelect={(status) => navigate(`/reports${shared({ status })}`)}
              formatValue={(v) => number(v)}
            />
          </ChartFigure>
        );
      }}
    </Panel>
  );
}
