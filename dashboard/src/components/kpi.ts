import type { Kpis } from '../graphql/operations';
import type { MessageKey } from '../i18n/messages';
import { formatHours, formatIndex, formatNumber, formatPercent, formatSigned, type Lang } from '../i18n/format';

export type KpiKind = 'count' | 'rate' | 'hours' | 'index';

export type KpiKey = Exclude<keyof Kpis, 'suppressedBelow' | 'suppressedFields'>;

export interface KpiDef {
  key: KpiKey;
  label: MessageKey;
  kind: KpiKind;
  /** true: up is good; false: down is good; null: neither (volume). */
  higherIsBetter: boolean | null;
}

export const KPI_DEFS: KpiDef[] = [
  { key: 'volume', label: 'kpi.volume', kind: 'count', higherIsBetter: null },
  { key: 'open', label: 'kpi.open', kind: 'count', higherIsBetter: false },
  { key: 'overdue', label: 'kpi.overdue', kind: 'count', higherIsBetter: false },
  { key: 'completionRate', label: 'kpi.completionRate', kind: 'rate', higherIsBetter: true },
  { key: 'medianFirstResponseHours', label: 'kpi.medianFirstResponse', kind: 'hours', higherIsBetter: false },
  { key: 'slaCompliance', label: 'kpi.slaCompliance', kind: 'rate', higherIsBetter: true },
  { key: 'satisfaction', label: 'kpi.satisfaction', kind: 'rate', higherIsBetter: true },
  { key: 'transparencyIndex', label: 'kpi.transparencyIndex', kind: 'index', higherIsBetter: true },
];

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
