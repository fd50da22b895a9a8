/**
 * Calendar arithmetic in the configured reporting time zone (default Asia/Makassar, WITA, UTC+8).
 *
 * Days and months are keyed by integers that sort like the calendar: day 20250131, month 202501.
 * All instants are epoch milliseconds. Zones with daylight saving time are handled (offsets are looked
 * up per quarter hour, the granularity of every real-world transition); a day whose local midnight does
 * not exist starts at the first instant that belongs to it.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Makassar';
const QUARTER_HOUR = 15 * 60_000;
export const HOUR_MS = 3_600_000;

export function reportingTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const tz = env.ANALYTICS_TIME_ZONE || env.PANTAU_TIME_ZONE || DEFAULT_TIME_ZONE;
  assertTimeZone(tz);
  return tz;
}

export function assertTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new Error(`Unknown time zone "${tz}" (use an IANA name such as Asia/Makassar).`);
  }
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const dayKeyOfYmd = ({ y, m, d }: Ymd): number => y * 10_000 + m * 100 + d;
export const ymdOfDayKey = (key: number): Ymd => ({ y: Math.floor(key / 10_000), m: Math.floor(key / 100) % 100, d: key % 100 });
export const monthKeyOfDayKey = (day: number): number => Math.floor(day / 100);
export const firstDayOfMonth = (month: number): number => month * 100 + 1;

/** The day after `day` (pure calendar arithmetic, no zone involved). */
export function addDays(day: number, n: number): number {
  const { y, m, d } = ymdOfDayKey(day);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return dayKeyOfYmd({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

export function addMonths(month: number, n: number): number {
  const y = Math.floor(month / 100);
  const m = (month % 100) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return yy * 100 + mm + 1;
}

/** Monday of the ISO week containing `day`. */
export function weekStart(day: number): number {
  const { y, m, d } = ymdOfDayKey(day);
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((dow + 6) % 7));
}

export const formatDayKey = (day: number): string => {
  const { y, m, d } = ymdOfDayKey(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** Converts instants to calendar days in one zone. Caches offsets per quarter hour. */
export class ZonedCalendar {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  private readonly dayStarts = new Map<number, number>();

  constructor(readonly timeZone: string = DEFAULT_TIME_ZONE) {
    assertTimeZone(timeZone);
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** UTC offset in ms (local = utc + offset) at the instant, constant within each quarter hour. */
  offsetAt(ms: number): number {
    const slot = Math.floor(ms / QUARTER_HOUR);
    let off = this.offsets.get(slot);
    if (off === undefined) {
      const at = slot * QUARTER_HOUR;
      const p: Record<string, number> = {};
      for (const part of this.fmt.formatToParts(new Date(at))) {
        if (part.type !== 'literal') p[part.type] = Number(part.value);
      }
      const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
      off = local - at;
      if (this.offsets.size > 200_000) this.offsets.clear();
      this.offsets.set(slot, off);
    }
    return off;
  }

  dayKey(ms: number): number {
    const t = new Date(ms + this.offsetAt(ms));
    return t.getUTCFullYear() * 10_000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate();
  }

  monthKey(ms: number): number {
    return Math.floor(this.dayKey(ms) / 100);
  }

  /** First instant (epoch ms) of the local day. */
  startOfDay(day: number): number {
    const cached = this.dayStarts.get(day);
    if (cached !== undefined) return cached;
    const { y, m, d } = ymdOfDayKey(day);
    const wall = Date.UTC(y, m - 1, d);
    let t = wall - this.offsetAt(wall);
    t = wall - this.offsetAt(t);
    // Repair around transitions: walk to the first quarter hour that belongs to `day`.
    while (this.dayKey(t - 1) >= day) t -= QUARTER_HOUR;
    while (this.dayKey(t) < day) t += QUARTER_HOUR;
    if (this.dayStarts.size > 100_000) this.dayStarts.clear();
    this.dayStarts.set(day, t);
    return t;
  }

  startOfMonth(month: number): number {
    return this.startOfDay(firstDayOfMonth(month));
  }

  /** True when `ms` is exactly the first instant of its local day. */
  isDayStart(ms: number): boolean {
    return this.startOfDay(this.dayKey(ms)) === ms;
  }
}
