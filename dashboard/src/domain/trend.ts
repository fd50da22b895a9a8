/**
 * Honest edges for a volume trend (pure, unit-tested): buckets are calendar periods of the
 * deployment's zone (the analytics service labels them by their first day, YYYY-MM-DD).
 *  - a bucket that starts after today is never drawn (a future, empty month would look like a crash);
 *  - a bucket that covers only part of its period (the range starts or ends inside it, or it holds
 *    today) is marked partial;
 *  - buckets inside the completion window (reports still within the 14-working-day deadline) are
 *    marked lagging: their "completed" count will still rise;
 *  - an unusually high bucket (robust rule: at least 1.5 × the median of the others and more than
 *    three median absolute deviations above it) is flagged as a spike to check for duplicates;
 *  - a bucket holding a burst of near-identical reports (the reports service's reportBursts: one day,
 *    same text or same reporter) carries its largest burst: the spike's likely cause.
 */
import { SLA_DAYS } from '@pantau/contract';
import { shiftDay, shiftMonth } from './timeZone';

export type TrendIntervalName = 'DAY' | 'WEEK' | 'MONTH';

/** The completion SLA in calendar days: 14 working days ≈ 20 (weekends; holidays make it longer). */
export const COMPLETION_LAG_DAYS = Math.ceil((SLA_DAYS.completion * 7) / 5);

export interface TrendPointIn {
  periodStart: string;
  submitted: number | null;
  completed: number | null;
}

export interface TrendBucket<P extends TrendPointIn = TrendPointIn> {
  point: P;
  start: string;
  /** Exclusive end day. */
  end: string;
  partial: boolean;
  lagging: boolean;
  /** Ratio to the median of the other buckets when this one is a spike, else null. */
  spike: number | null;
}

export function bucketEnd(start: string, interval: TrendIntervalName): string {
  if (interval === 'DAY') return shiftDay(start, 1);
  if (interval === 'WEEK') return shiftDay(start, 7);
  return shiftMonth(start, 1);
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function spikeRatio(value: number, others: number[]): number | null {
  if (others.length < 4) return null;
  const m = median(others);
  const mad = median(others.map((v) => Math.abs(v - m)));
  if (m <= 0) return value >= 10 ? Infinity : null;
  const far = mad > 0 ? value - m > 3 * mad * 1.4826 : value - m >= 10;
  return value >= 1.5 * m && far ? value / m : null;
}

export function annotateTrend<P extends TrendPointIn>(
  points: P[],
  interval: TrendIntervalName,
  range: { startDay: string | null; endDay: string; today: string },
  lagDays = COMPLETION_LAG_DAYS,
): TrendBucket<P>[] {
  const tomorrow = shiftDay(range.today, 1);
  const lagFrom = shiftDay(tomorrow, -lagDays);
  const kept = points.filter((p) => p.periodStart.slice(0, 10) <= range.today && p.periodStart.slice(0, 10) < range.endDay);
  const buckets = kept.map((point) => {
    const start = point.periodStart.slice(0, 10);
    const end = bucketEnd(start, interval);
    // all time starts at the first report: its bucket is not cut by the range
    const startsInside = range.startDay ? start >= range.startDay : true;
    // a bucket that holds today (still running) or runs past the range's end is partial
    const partial = !startsInside || end > range.endDay || end > range.today;
    return { point, start, end, partial, lagging: end > lagFrom, spike: null as number | null };
  });
  // spikes among whole buckets only (a partial one is low by construction)
  const whole = buckets.filter((b) => !b.partial && b.point.submitted != null);
  for (const b of whole) {
    const others = whole.filter((o) => o !== b).map((o) => o.point.submitted as number);
    b.spike = spikeRatio(b.point.submitted as number, others);
  }
  return buckets;
}

export interface BurstIn {
  /** Local day, YYYY-MM-DD. */
  day: string;
  kind: string;
  count: number;
}

/** The largest burst inside each bucket ([start, end)), by bucket start; buckets without one are absent. */
export function burstsByBucket<B extends BurstIn>(buckets: Array<{ start: string; end: string }>, bursts: readonly B[]): Map<string, B> {
  const out = new Map<string, B>();
  for (const b of buckets) {
    for (const burst of bursts) {
      if (burst.day < b.start || burst.day >= b.end) continue;
      const best = out.get(b.start);
      if (!best || burst.count > best.count) out.set(b.start, burst);
    }
  }
  return out;
}
