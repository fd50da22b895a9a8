import type { Kpis, OverviewKpisData } from '../graphql/operations';
import type { MessageKey } from '../i18n/messages';
import { formatHours, formatIndex, formatNumber, formatPercent, formatSigned, type Lang } from '../i18n/format';
import { dayRange, type DateRange } from '../filters/filters';
import { daysBetween, shiftDay } from '../domain/timeZone';

export type KpiKind = 'count' | 'rate' | 'hours' | 'index';

export type KpiKey = Exclude<keyof Kpis, 'suppressedBelow' | 'suppressedFields'>;

export interface KpiDef {
  key: KpiKey;
  label: MessageKey;
  /** The metric definition (design brief), shown one click away. */
  definition: MessageKey;
  kind: KpiKind;
  /** true: up is good; false: down is good; null: neither (volume). */
  higherIsBetter: boolean | null;
  /**
   * How it may be compared with the previous period: `flow` figures (volume) like with like over
   * whole days; `age` figures depend on how old the reports are (never compared: this period's
   * reports are younger); `now` figures are the current state of every report in scope.
   */
  basis: 'flow' | 'age' | 'now';
}

export const KPI_DEFS: KpiDef[] = [
  { key: 'volume', label: 'kpi.volume', definition: 'def.volume', kind: 'count', higherIsBetter: null, basis: 'flow' },
  { key: 'overdue', label: 'kpi.overdueNow', definition: 'def.overdueNow', kind: 'count', higherIsBetter: false, basis: 'now' },
  { key: 'overdue', label: 'kpi.overduePeriod', definition: 'def.overduePeriod', kind: 'count', higherIsBetter: false, basis: 'age' },
  { key: 'open', label: 'kpi.open', definition: 'def.open', kind: 'count', higherIsBetter: false, basis: 'age' },
  { key: 'completionRate', label: 'kpi.completionRate', definition: 'def.completionRate', kind: 'rate', higherIsBetter: true, basis: 'age' },
  { key: 'medianFirstResponseHours', label: 'kpi.medianFirstResponse', definition: 'def.medianFirstResponse', kind: 'hours', higherIsBetter: false, basis: 'age' },
  { key: 'slaCompliance', label: 'kpi.slaCompliance', definition: 'def.slaCompliance', kind: 'rate', higherIsBetter: true, basis: 'age' },
  { key: 'satisfaction', label: 'kpi.satisfaction', definition: 'def.satisfaction', kind: 'rate', higherIsBetter: true, basis: 'age' },
  { key: 'transparencyIndex', label: 'kpi.transparencyIndex', definition: 'def.transparencyIndex', kind: 'index', higherIsBetter: true, basis: 'age' },
];

/** The value a card shows: `now` figures from the scope without a period, the others from the period. */
export function kpiValue(def: KpiDef, data: OverviewKpisData): number | null {
  if (def.basis === 'now') return (data.now?.[def.key as 'overdue' | 'open'] as number | null | undefined) ?? null;
  return data.current?.[def.key] ?? null;
}

/** Which windows a like-with-like comparison uses for a period, or why there is none. */
export interface ComparisonPlan {
  /** Whole days of the period (today, still running, left out); null when there is no comparison. */
  current: DateRange | null;
  /** The same number of days just before. */
  previous: DateRange | null;
  days: number;
  todayExcluded: boolean;
  reason: 'allTime' | 'tooShort' | null;
}

export function comparisonPlan(range: DateRange, tz?: string): ComparisonPlan {
  if (!range.startDay) return { current: null, previous: null, days: 0, todayExcluded: false, reason: 'allTime' };
  const todayExcluded = range.endDay > range.today;
  const end = todayExcluded ? range.today : range.endDay;
  const days = daysBetween(range.startDay, end);
  if (days < 1) return { current: null, previous: null, days: 0, todayExcluded, reason: 'tooShort' };
  return {
    current: dayRange(range.startDay, end, range.today, tz),
    previous: dayRange(shiftDay(range.startDay, -days), range.startDay, range.today, tz),
    days,
    todayExcluded,
    reason: null,
  };
}

export type BasisReason = 'compared' | 'allTime' | 'tooShort' | 'beforeData' | 'ageDependent' | 'now' | 'withheld';

/** Why a card shows (or does not show) a change, and the change itself when it is like with like. */
export interface KpiComparison {
  reason: BasisReason;
  change: KpiChange | null;
}

export function compareKpi(lang: Lang, def: KpiDef, plan: ComparisonPlan, data: OverviewKpisData): KpiComparison {
  if (def.basis === 'now') return { reason: 'now', change: null };
  if (def.basis === 'age') return { reason: 'ageDependent', change: null };
  if (plan.reason) return { reason: plan.reason, change: null };
  // No report in scope before the comparison period: the data may start inside it.
  if (!data.before || (data.before.volume === 0 && !data.before.suppressed)) return { reason: 'beforeData', change: null };
  const cur = data.cmpCurrent?.[def.key as 'volume'];
  const prev = data.previous?.[def.key as 'volume'];
  if (cur == null || prev == null) return { reason: 'withheld', change: null };
  return { reason: 'compared', change: kpiChange(lang, def, cur, prev) };
}

export function formatKpi(lang: Lang, kind: KpiKind, value: number | null | undefined): string {
  switch (kind) {
    case 'count':
      return formatNumber(lang, value);
    case 'rate':
      return formatPercent(lang, value);
    case 'hours':
      return formatHours(lang, value);
    case 'index':
      return formatIndex(lang, value);
  }
}

export interface KpiChange {
  /** Signed difference in the KPI's own terms (relative for counts), null when not comparable. */
  delta: number | null;
  text: string | null;
  direction: 'up' | 'down' | 'flat' | null;
  /** Whether the change is an improvement; null when neutral or unknown. */
  good: boolean | null;
}

/**
 * Change versus the previous period. Counts: relative change (+12 %), or the absolute difference
 * when the previous period had none. Rates: percentage points. Hours: signed duration. Index: points.
 */
export function kpiChange(lang: Lang, def: KpiDef, current: number | null | undefined, previous: number | null | undefined): KpiChange {
  if (current == null || previous == null) return { delta: null, text: null, direction: null, good: null };
  let delta: number;
  let text: string;
  switch (def.kind) {
    case 'count':
      if (previous === 0) {
        delta = current;
        text = formatSigned(lang, current, { maximumFractionDigits: 0 });
      } else {
        delta = (current - previous) / previous;
        text = formatSigned(lang, delta, { style: 'percent', maximumFractionDigits: 1 });
      }
      break;
    case 'rate':
      delta = (current - previous) * 100;
      text = `${formatSigned(lang, delta, { maximumFractionDigits: 1 })} ${lang === 'en' ? 'pp' : 'poin persentase'}`;
      break;
    case 'hours': {
      delta = current - previous;
      const magnitude = formatHours(lang, Math.abs(delta));
      text = delta === 0 ? magnitude : `${delta > 0 ? '+' : '-'}${magnitude}`;
      break;
    }
    case 'index':
      delta = current - previous;
      text = `${formatSigned(lang, delta, { maximumFractionDigits: 1 })} ${lang === 'en' ? 'points' : 'poin'}`;
      break;
  }
  const rounded = Math.round(delta * 1000) / 1000;
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  const good = def.higherIsBetter == null || direction === 'flat' ? null : (direction === 'up') === def.higherIsBetter;
  return { delta, text, direction, good };
}
