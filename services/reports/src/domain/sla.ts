import Holidays from 'date-holidays';

/**
 * The SLA clock counts working days: Monday–Friday minus Indonesian national (public) holidays from
 * `date-holidays` ('ID', type public) minus configured collective-leave days (cuti bersama), in the
 * service's time zone (Asia/Makassar, WITA, for Kutai Kartanegara).
 *
 * "Within N working days of T" means: by the end (23:59:59.999 local) of the N-th working day after
 * the local day of T. A step started on a weekend or holiday starts counting from the next working day.
 */
export { SLA_DAYS } from '@pantau/contract';

/** A reporter may reopen a completed report within this many calendar days (public contract). */
export { REOPEN_WINDOW_DAYS } from '@pantau/contract';

export const DEFAULT_TIME_ZONE = 'Asia/Makassar';

/**
 * Cuti bersama fixed by the joint ministerial decree (SKB 3 Menteri) for the years the demo covers.
 * Override with PANTAU_COLLECTIVE_LEAVE (comma-separated YYYY-MM-DD, replaces this list) or extend with
 * PANTAU_COLLECTIVE_LEAVE_EXTRA.
 */
export const DEFAULT_COLLECTIVE_LEAVE = [
  // SKB 2023 (revised)
  '2023-01-23', '2023-03-23', '2023-04-19', '2023-04-20', '2023-04-21', '2023-04-24', '2023-04-25', '2023-06-02',
  '2023-06-28', '2023-06-30', '2023-12-26',
  // SKB 2024
  '2024-02-09', '2024-03-12', '2024-04-08', '2024-04-09', '2024-04-12', '2024-04-15', '2024-05-10', '2024-05-24',
  '2024-06-18', '2024-12-26',
  // SKB 2025
  '2025-01-28', '2025-03-28', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-05-13', '2025-05-30',
  '2025-06-09', '2025-08-18', '2025-12-26',
  // SKB 2026
  '2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24',
];

export interface CalendarOptions {
  timeZone?: string;
  /** Extra non-working days (YYYY-MM-DD, local). */
  collectiveLeave?: string[];
  /** Turn off national holidays (tests of the pure weekday logic). */
  nationalHolidays?: boolean;
}

const DAY_MS = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Day arithmetic on YYYY-MM-DD strings (calendar days, no time zone involved). */
export function addDays(day: string, n: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + n * DAY_MS;
  const d = new Date(t);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export class WorkingCalendar {
  readonly timeZone: string;
  private readonly leave: Set<string>;
  private readonly holidays = new Map<number, Map<string, string>>();
  private readonly hd: Holidays | null;
  private readonly offsetFmt: Intl.DateTimeFormat;

  constructor(opts: CalendarOptions = {}) {
    this.timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
    this.leave = new Set(opts.collectiveLeave ?? DEFAULT_COLLECTIVE_LEAVE);
    for (const d of this.leave) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`Collective-leave day must be YYYY-MM-DD, got "${d}"`);
    }
    this.hd = opts.nationalHolidays === false ? null : new Holidays('ID', { types: ['public'] });
    this.offsetFmt = new Intl.DateTimeFormat('en-US', { timeZone: this.timeZone, timeZoneName: 'longOffset' });
  }

  /** National public holidays of a year, local date → name. */
  nationalHolidays(year: number): Map<string, string> {
    let m = this.holidays.get(year);
    if (!m) {
      m = new Map();
      for (const h of this.hd?.getHolidays(year) ?? []) {
        if (h.type !== 'public') continue;
        m.set(h.date.slice(0, 10), h.name);
      }
      this.holidays.set(year, m);
    }
    return m;
  }

  /** The local calendar day (YYYY-MM-DD) of an instant. */
  localDay(at: Date): string {
    const local = new Date(at.getTime() + this.offsetMinutes(at) * 60_000);
    return isoDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
  }

  private readonly offsets = new Map<number, number>();

  /** Offset of local time from UTC at an instant, in minutes (WITA: +480). Cached per UTC hour. */
  offsetMinutes(at: Date): number {
    const hour = Math.floor(at.getTime() / 3_600_000);
    let off = this.offsets.get(hour);
    if (off === undefined) {
      off = this.computeOffset(at);
      if (this.offsets.size > 200_000) this.offsets.clear();
      this.offsets.set(hour, off);
    }
    return off;
  }

  private computeOffset(at: Date): number {
    const name = this.offsetFmt.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  }

  /** The instant local midnight of a day begins. */
  startOfDay(day: string): Date {
    const utcMidnight = Date.parse(`${day}T00:00:00Z`);
    let t = utcMidnight - this.offsetMinutes(new Date(utcMidnight)) * 60_000;
    // re-evaluate once in case the offset differs at the local midnight (DST zones)
    t = utcMidnight - this.offsetMinutes(new Date(t)) * 60_000;
    return new Date(t);
  }

  /** The last millisecond of a local day. */
  endOfDay(day: string): Date {
    return new Date(this.startOfDay(addDays(day, 1)).getTime() - 1);
  }

  /** Why a local day is not a working day, or null when it is one. */
  nonWorkingReason(day: string): string | null {
    const wd = weekday(day);
    if (wd === 0 || wd === 6) return 'weekend';
    const holiday = this.nationalHolidays(Number(day.slice(0, 4))).get(day);
    if (holiday) return holiday;
    if (this.leave.has(day)) return 'cuti bersama';
    return null;
  }

  isWorkingDay(day: string): boolean {
    return this.nonWorkingReason(day) === null;
  }

  /** The local day of the n-th working day after the local day of `from` (n >= 1). */
  nthWorkingDayAfter(from: Date, n: number): string {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
    let day = this.localDay(from);
    let left = n;
    while (left > 0) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /** Due instant for a step that must be done within n working days of `from`. */
  dueAfter(from: Date, n: number): Date {
    return this.endOfDay(this.nthWorkingDayAfter(from, n));
  }

  /** Working days from the local day of `a` to that of `b` (days after a up to and including b). */
  workingDaysBetween(a: Date, b: Date): number {
    let day = this.localDay(a);
    const end = this.localDay(b);
    let n = 0;
    while (day < end) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) n++;
    }
    return n;
  }
}

/** Calendar from env: SLA_TIME_ZONE, PANTAU_COLLECTIVE_LEAVE (replaces defaults), PANTAU_COLLECTIVE_LEAVE_EXTRA. */
export function calendarFromEnv(env: NodeJS.ProcessEnv = process.env): WorkingCalendar {
  const list = (s: string | undefined) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const base = env.PANTAU_COLLECTIVE_LEAVE !== undefined ? list(env.PANTAU_COLLECTIVE_LEAVE) : DEFAULT_COLLECTIVE_LEAVE;
  return new WorkingCalendar({
    timeZone: env.SLA_TIME_ZONE || DEFAULT_TIME_ZONE,
    collectiveLeave: [...base, ...list(env.PANTAU_COLLECTIVE_LEAVE_EXTRA)],
  });
}

export interface SlaState {
  status: string;
  dispositionedAt: Date | null;
  firstResponseAt: Date | null;
  completedAt: Date | null;
  verificationDueAt: Date | null;
  responseDueAt: Date | null;
  completionDueAt: Date | null;
}

export type SlaStep = 'VERIFICATION' | 'FIRST_RESPONSE' | 'COMPLETION';

/**
 * Steps past their due date and not done at `now`. Archived reports have no open steps; a report on
 * hold keeps its verification clock running (the admin asked for detail but still owns the step).
 */
export function overdueSteps(r: SlaState, now: Date): SlaStep[] {
  if (r.status === 'ARCHIVED') return [];
  const out: SlaStep[] = [];
  const t = now.getTime();
  if (!r.dispositionedAt && r.verificationDueAt && t > r.verificationDueAt.getTime()) out.push('VERIFICATION');
  if (r.dispositionedAt && !r.firstResponseAt && r.responseDueAt && t > r.responseDueAt.getTime()) out.push('FIRST_RESPONSE');
  if (r.dispositionedAt && r.status !== 'COMPLETED' && r.completionDueAt && t > r.completionDueAt.getTime()) {
    out.push('COMPLETION');
  }
  return out;
}

export function isOverdue(r: SlaState, now: Date): boolean {
  return overdueSteps(r, now).length > 0;
}
