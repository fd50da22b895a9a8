import { REGION_CODE_PATTERN as REGION_CODE } from '@pantau/contract';
import { regionMatches } from './facts';
import { addDays, addMonths, formatDayKey, weekStart, type ZonedCalendar } from './time';

/**
 * What a query covers: reports whose submittedAt lies in [from, to), in a region (segment prefix of the
 * Kemendagri code), routed to one of some agencies, on a topic. `empty` marks a scope that can match
 * nothing (e.g. Region.reportStats of "64.02" with a filter on "64.71").
 */
export interface Scope {
  fromMs: number | null;
  toMs: number | null;
  regionPrefix: string | null;
  agencyIds: string[] | null;
  topic: string | null;
  empty: boolean;
}

export interface FilterInput {
  from?: Date | null;
  to?: Date | null;
  regionCode?: string | null;
  agencyId?: string | null;
  topic?: string | null;
}

/** A filter the scope rules refuse: the BAD_USER_INPUT reason and its parameters (the contract's catalogue has the words). */
export class ScopeError extends Error {
  constructor(
    readonly reason: 'INVALID_DATETIME' | 'INVALID_REGION_CODE' | 'TOO_MANY_TREND_POINTS',
    readonly params: Record<string, string | number>,
  ) {
    super(`${reason}: ${JSON.stringify(params)}`);
    this.name = 'ScopeError';
  }
}


export function scopeOf(filter: FilterInput | null | undefined): Scope {
  const f = filter ?? {};
  const time = (d: Date | null | undefined, name: string) => {
    if (d === null || d === undefined) return null;
    const ms = d.getTime();
    if (!Number.isFinite(ms)) throw new ScopeError('INVALID_DATETIME', { field: name, received: 'an invalid date' });
    return ms;
  };
  const region = f.regionCode?.trim() || null;
  if (region !== null && !REGION_CODE.test(region)) {
    throw new ScopeError('INVALID_REGION_CODE', { field: 'regionCode' });
  }
  const fromMs = time(f.from, 'from');
  const toMs = time(f.to, 'to');
  const agencyId = f.agencyId?.trim() || null;
  const topic = f.topic?.trim() || null;
  return {
    fromMs,
    toMs,
    regionPrefix: region,
    agencyIds: agencyId ? [agencyId] : null,
    topic,
    empty: fromMs !== null && toMs !== null && fromMs >= toMs,
  };
}

/**
 * The scope widened to whole days of the reporting time zone: `from` down to the start of its day, `to`
 * up to the start of the next day (unless it is one already). Signed-out viewers get only these, so
 * windows cannot be narrowed (or shifted by minutes and differenced) until they hold one report.
 */
export function wholeDays(s: Scope, cal: ZonedCalendar): Scope {
  const fromMs = s.fromMs === null ? null : cal.startOfDay(cal.dayKey(s.fromMs));
  const toMs = s.toMs === null || cal.isDayStart(s.toMs) ? s.toMs : cal.startOfDay(addDays(cal.dayKey(s.toMs), 1));
  return { ...s, fromMs, toMs };
}

/** The scope narrowed to one region (Region.reportStats). */
export function withinRegion(s: Scope, code: string): Scope {
  if (s.regionPrefix === null || regionMatches(s.regionPrefix, code)) return { ...s, regionPrefix: code };
  if (regionMatches(code, s.regionPrefix)) return s;
  return { ...s, empty: true };
}

/** The scope narrowed to some agencies (Agency.performance, batched). */
export function withinAgencies(s: Scope, ids: string[]): Scope {
  const keep = s.agencyIds === null ? ids : ids.filter((id) => s.agencyIds!.includes(id));
  return { ...s, agencyIds: keep, empty: s.empty || keep.length === 0 };
}

export function inScope(s: Scope, r: { submittedMs: number; regionCode: string; agencyId: string | null; topic: string }): boolean {
  if (s.empty) return false;
  if (s.fromMs !== null && r.submittedMs < s.fromMs) return false;
  if (s.toMs !== null && r.submittedMs >= s.toMs) return false;
  if (s.regionPrefix !== null && !regionMatches(s.regionPrefix, r.regionCode)) return false;
  if (s.agencyIds !== null && (r.agencyId === null || !s.agencyIds.includes(r.agencyId))) return false;
  if (s.topic !== null && r.topic !== s.topic) return false;
  return true;
}

export type TrendInterval = 'DAY' | 'WEEK' | 'MONTH';
export const MAX_TREND_POINTS = 4000;

/** Day key of the start of the period (day, ISO week from Monday, month) holding `day`. */
export function periodOfDay(day: number, interval: TrendInterval): number {
  if (interval === 'DAY') return day;
  if (interval === 'WEEK') return weekStart(day);
  return Math.floor(day / 100) * 100 + 1;
}

function nextPeriod(p: number, interval: TrendInterval): number {
  if (interval === 'DAY') return addDays(p, 1);
  if (interval === 'WEEK') return addDays(p, 7);
  return addMonths(Math.floor(p / 100), 1) * 100 + 1;
}

/**
 * The periods of a trend, zero-filled: from the period holding `from` (or the first report in scope) to
 * the period holding the last instant before `to` (or the last report in scope).
 */
export function trendPeriods(
  s: Scope,
  interval: TrendInterval,
  cal: ZonedCalendar,
  dataDays: { first: number; last: number } | null,
): number[] {
  if (s.empty) return [];
  const startDay = s.fromMs !== null ? cal.dayKey(s.fromMs) : dataDays?.first;
  const endDay = s.toMs !== null ? cal.dayKey(s.toMs - 1) : dataDays?.last;
  if (startDay === undefined || endDay === undefined) return [];
  const out: number[] = [];
  const end = periodOfDay(endDay, interval);
  // Compared as periods: `dataDays` may be any day of its period (month rollups know only the month).
  for (let p = periodOfDay(startDay, interval); p <= end; p = nextPeriod(p, interval)) {
    out.push(p);
    if (out.length > MAX_TREND_POINTS) {
      throw new ScopeError('TOO_MANY_TREND_POINTS', { max: MAX_TREND_POINTS });
    }
  }
  return out;
}

export const periodLabel = formatDayKey;
