/**
 * The dashboard's global filters and their URL form. Everything here is pure so it is unit-tested
 * without a browser. URL keys (shared by every page, so a link reproduces the view):
 *   period=30d|90d|365d|ytd|custom   from=YYYY-MM-DD   to=YYYY-MM-DD (inclusive day)
 *   region=<Kemendagri code>         agency=<agency id>   topic=<topic code>   lang=en
 * Period membership follows the metric definitions: submittedAt in [from, to), so the inclusive
 * `to` day is sent as the next local midnight.
 */
export type PeriodPreset = '30d' | '90d' | '365d' | 'ytd' | 'custom';
export const PERIOD_PRESETS: PeriodPreset[] = ['30d', '90d', '365d', 'ytd', 'custom'];
export const DEFAULT_PRESET: PeriodPreset = '365d';

export interface Filters {
  period: PeriodPreset;
  /** Custom range, local calendar days (inclusive). Only used when period = custom. */
  from: string | null;
  to: string | null;
  region: string | null;
  agency: string | null;
  topic: string | null;
}

/** Keys carried from page to page by the navigation. */
export const SHARED_KEYS = ['period', 'from', 'to', 'region', 'agency', 'topic', 'lang'] as const;

export interface DateRange {
  /** Inclusive start (local midnight). */
  from: Date;
  /** Exclusive end (local midnight after the last day). */
  to: Date;
}

export interface AnalyticsFilterInput {
  from: string;
  to: string;
  regionCode?: string;
  agencyId?: string;
  topic?: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const REGION_RE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY_RE.test(value)) return false;
  const d = parseDay(value);
  return !Number.isNaN(d.getTime()) && toDay(d) === value;
}

export function isRegionCode(value: string | null | undefined): value is string {
  return !!value && REGION_RE.test(value);
}

/** Local midnight of a YYYY-MM-DD day. */
export function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function toDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function clean(value: string | null): string | null {
  const v = value?.trim();
  return v ? v : null;
}

export function parseFilters(params: URLSearchParams): Filters {
  const rawPeriod = params.get('period');
  const from = isDay(params.get('from')) ? params.get('from') : null;
  const to = isDay(params.get('to')) ? params.get('to') : null;
  let period: PeriodPreset = (PERIOD_PRESETS as string[]).includes(rawPeriod ?? '') ? (rawPeriod as PeriodPreset) : DEFAULT_PRESET;
  // A link with from/to but no period means a custom range.
  if (!rawPeriod && (from || to)) period = 'custom';
  const region = clean(params.get('region'));
  return {
    period,
    from: period === 'custom' ? from : null,
    to: period === 'custom' ? to : null,
    region: isRegionCode(region) ? region : null,
    agency: clean(params.get('agency')),
    topic: clean(params.get('topic')),
  };
}

/** Writes the filters into (a copy of) the given params, dropping defaults and empties. */
export function writeFilters(filters: Partial<Filters>, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const p = new URLSearchParams(base);
  const set = (key: string, value: string | null | undefined) => {
    if (value) p.set(key, value);
    else p.delete(key);
  };
  if ('period' in filters) {
    set('period', filters.period === DEFAULT_PRESET ? null : filters.period);
    if (filters.period !== 'custom') {
      p.delete('from');
      p.delete('to');
    }
  }
  if ('from' in filters) set('from', filters.from);
  if ('to' in filters) set('to', filters.to);
  if ('region' in filters) set('region', filters.region);
  if ('agency' in filters) set('agency', filters.agency);
  if ('topic' in filters) set('topic', filters.topic);
  return p;
}

/** The [from, to) range a filter denotes on the given day. */
export function resolvePeriod(filters: Pick<Filters, 'period' | 'from' | 'to'>, today: Date = new Date()): DateRange {
  const tomorrow = addDays(startOfDay(today), 1);
  switch (filters.period) {
    case '30d':
      return { from: addDays(tomorrow, -30), to: tomorrow };
    case '90d':
      return { from: addDays(tomorrow, -90), to: tomorrow };
    case '365d':
      return { from: addDays(tomorrow, -365), to: tomorrow };
    case 'ytd':
      return { from: new Date(today.getFullYear(), 0, 1), to: tomorrow };
    case 'custom': {
      let from = filters.from ? parseDay(filters.from) : addDays(tomorrow, -30);
      let to = filters.to ? addDays(parseDay(filters.to), 1) : tomorrow;
      if (to <= from) [from, to] = [addDays(to, -1), addDays(from, 1)];
      return { from, to };
    }
  }
}

/** The period of the same length that ends where this one starts (for "change vs previous"). */
export function previousPeriod(range: DateRange): DateRange {
  const days = Math.round((range.to.getTime() - range.from.getTime()) / 86_400_000);
  return { from: addDays(range.from, -days), to: range.from };
}

export function rangeDays(range: DateRange): number {
  return Math.round((range.to.getTime() - range.from.getTime()) / 86_400_000);
}

export function toAnalyticsFilter(filters: Filters, range: DateRange): AnalyticsFilterInput {
  const out: AnalyticsFilterInput = { from: range.from.toISOString(), to: range.to.toISOString() };
  if (filters.region) out.regionCode = filters.region;
  if (filters.agency) out.agencyId = filters.agency;
  if (filters.topic) out.topic = filters.topic;
  return out;
}

/** Trend granularity that keeps a chart readable: days up to ~6 weeks, weeks up to ~7 months. */
export function trendInterval(range: DateRange): 'DAY' | 'WEEK' | 'MONTH' {
  const days = rangeDays(range);
  if (days <= 45) return 'DAY';
  if (days <= 210) return 'WEEK';
  return 'MONTH';
}

/** Splits a range into consecutive months (the last one clipped), for per-type trends. */
export function monthBuckets(range: DateRange, max = 24): DateRange[] {
  const out: DateRange[] = [];
  let start = range.from;
  while (start < range.to && out.length < max) {
    const next = new Date(start.getFullYear(), start.getMonth() + 1, 1);
    out.push({ from: start, to: next < range.to ? next : range.to });
    start = next;
  }
  return out;
}

/** Region codes from the province down to the given code: "64.02.18" -> ["64", "64.02", "64.02.18"]. */
export function regionPath(code: string | null): string[] {
  if (!code) return [];
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Query string that keeps only the shared keys of the current URL, plus extras. */
export function sharedQuery(current: URLSearchParams, extra: Record<string, string | null | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const key of SHARED_KEYS) {
    const v = current.get(key);
    if (v) p.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v) p.set(k, v);
    else p.delete(k);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
