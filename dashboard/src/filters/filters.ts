/**
 * The dashboard's global filters and their URL form. Everything here is pure so it is unit-tested
 * without a browser. URL keys (shared by every page, so a link reproduces the view):
 *   period=7d|30d|90d|365d|ytd|lastMonth|all|custom   from=YYYY-MM-DD   to=YYYY-MM-DD (inclusive day)
 *   region=<Kemendagri code>         agency=<agency id>   topic=<topic code>   lang=en
 * Period membership follows the metric definitions: submittedAt in [from, to). Days are calendar
 * days of the deployment's time zone (domain/timeZone.ts, Asia/Makassar by default), never the
 * browser's: the inclusive `to` day is sent as the next midnight in that zone.
 */
import { daysBetween, deploymentTimeZone, dayInZone, shiftDay, shiftMonth, zonedDayStart } from '../domain/timeZone';
import { REGION_CODE_PATTERN } from '@pantau/contract';

export type PeriodPreset = '7d' | '30d' | '90d' | '365d' | 'ytd' | 'lastMonth' | 'all' | 'custom';
export const PERIOD_PRESETS: PeriodPreset[] = ['7d', '30d', '90d', '365d', 'ytd', 'lastMonth', 'all', 'custom'];
export const DEFAULT_PRESET: PeriodPreset = '365d';

export interface Filters {
  period: PeriodPreset;
  /** Custom range, calendar days (inclusive). Only used when period = custom. */
  from: string | null;
  to: string | null;
  region: string | null;
  agency: string | null;
  topic: string | null;
}

/** Keys carried from page to page by the navigation. */
export const SHARED_KEYS = ['period', 'from', 'to', 'region', 'agency', 'topic', 'lang'] as const;

export interface DateRange {
  /** Inclusive start (midnight in the deployment's zone); null = all time (since the first report). */
  from: Date | null;
  /** Exclusive end (midnight after the last day, in the deployment's zone). */
  to: Date;
  /** First day (YYYY-MM-DD), null for all time. */
  startDay: string | null;
  /** The day after the last one (exclusive). */
  endDay: string;
  /** Today in the deployment's zone: a range whose endDay is after today ends in a partial day. */
  today: string;
}

export interface AnalyticsFilterInput {
  from?: string;
  to: string;
  regionCode?: string;
  agencyId?: string;
  topic?: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY_RE.test(value)) return false;
  return shiftDay(value, 0) === value;
}

export function isRegionCode(value: string | null | undefined): value is string {
  return !!value && REGION_CODE_PATTERN.test(value);
}

/** Local midnight of a YYYY-MM-DD day (browser zone; only for date inputs). */
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

/** A range of whole days [startDay, endDay) in the zone. */
export function dayRange(startDay: string | null, endDay: string, today: string, tz: string = deploymentTimeZone()): DateRange {
  return { from: startDay ? zonedDayStart(startDay, tz) : null, to: zonedDayStart(endDay, tz), startDay, endDay, today };
}

/** The [from, to) range a filter denotes at the instant `now`, in days of the zone `tz`. */
export function resolvePeriod(filters: Pick<Filters, 'period' | 'from' | 'to'>, now: Date = new Date(), tz: string = deploymentTimeZone()): DateRange {
  const today = dayInZone(now, tz);
  const tomorrow = shiftDay(today, 1);
  const last = (n: number) => dayRange(shiftDay(tomorrow, -n), tomorrow, today, tz);
  switch (filters.period) {
    case '7d':
      return last(7);
    case '30d':
      return last(30);
    case '90d':
      return last(90);
    case '365d':
      return last(365);
    case 'ytd':
      return dayRange(`${today.slice(0, 4)}-01-01`, tomorrow, today, tz);
    case 'lastMonth': {
      const thisMonth = shiftMonth(today, 0);
      return dayRange(shiftMonth(today, -1), thisMonth, today, tz);
    }
    case 'all':
      return dayRange(null, tomorrow, today, tz);
    case 'custom': {
      let from = filters.from ?? shiftDay(tomorrow, -30);
      let to = filters.to ? shiftDay(filters.to, 1) : tomorrow;
      if (to <= from) [from, to] = [shiftDay(to, -1), shiftDay(from, 1)];
      return dayRange(from, to, today, tz);
    }
  }
}

/** The period of the same length that ends where this one starts; null for all time. */
export function previousPeriod(range: DateRange, tz: string = deploymentTimeZone()): DateRange | null {
  if (!range.startDay) return null;
  const days = daysBetween(range.startDay, range.endDay);
  return dayRange(shiftDay(range.startDay, -days), range.startDay, range.today, tz);
}

/** Days in the range (all time: null). */
export function rangeDays(range: DateRange): number | null {
  return range.startDay ? daysBetween(range.startDay, range.endDay) : null;
}

/** The last day of the range (inclusive). */
export function lastDayOf(range: DateRange): string {
  return shiftDay(range.endDay, -1);
}

export function toAnalyticsFilter(filters: Filters, range: DateRange): AnalyticsFilterInput {
  const out: AnalyticsFilterInput = { to: range.to.toISOString() };
  if (range.from) out.from = range.from.toISOString();
  if (filters.region) out.regionCode = filters.region;
  if (filters.agency) out.agencyId = filters.agency;
  if (filters.topic) out.topic = filters.topic;
  return out;
}

/** The same scope without a period: every report, whenever submitted (figures "now"). */
export function scopeOnlyFilter(filters: Filters): Omit<AnalyticsFilterInput, 'to'> {
  const out: Omit<AnalyticsFilterInput, 'to'> = {};
  if (filters.region) out.regionCode = filters.region;
  if (filters.agency) out.agencyId = filters.agency;
  if (filters.topic) out.topic = filters.topic;
  return out;
}

/** Trend granularity that keeps a chart readable: days up to ~6 weeks, weeks up to ~7 months. */
export function trendInterval(range: DateRange): 'DAY' | 'WEEK' | 'MONTH' {
  const days = rangeDays(range);
  if (days == null) return 'MONTH';
  if (days <= 45) return 'DAY';
  if (days <= 210) return 'WEEK';
  return 'MONTH';
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
