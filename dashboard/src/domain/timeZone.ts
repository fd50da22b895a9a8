/**
 * The deployment's time zone (Asia/Makassar, WITA, for Kukar), in which days, weeks and months of
 * every figure are counted: the analytics service buckets in its reporting zone (ANALYTICS_TIME_ZONE
 * / PANTAU_TIME_ZONE), so the dashboard draws and asks in the same zone, whatever the browser's.
 *
 * Configured by `<meta name="pantau-time-zone" content="…">` in index.html (written at build time
 * from PANTAU_TIME_ZONE, see vite.config.ts; a deployment may edit it). Pure functions below take the
 * zone as an argument so they are unit-tested without a browser.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Makassar';

export function isTimeZone(tz: string | null | undefined): tz is string {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

let configured: string | null = null;

/** The zone of the deployment (meta tag, else Asia/Makassar). */
export function deploymentTimeZone(): string {
  if (configured) return configured;
  let tz: string | null = null;
  if (typeof document !== 'undefined') tz = document.querySelector('meta[name="pantau-time-zone"]')?.getAttribute('content') ?? null;
  configured = isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
  return configured;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function partsFormat(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    partsCache.set(tz, f);
  }
  return f;
}

type WallClock = { y: number; m: number; d: number; h: number; min: number; s: number };
/** The last answer per zone: every component reading the filters asks for "now" on each render (formatToParts is slow). */
const lastWallClock = new Map<string, { second: number; wall: WallClock }>();

/** Wall-clock fields of an instant in a zone. */
export function wallClock(instant: Date, tz: string): WallClock {
  const second = Math.floor(instant.getTime() / 1000);
  const hit = lastWallClock.get(tz);
  if (hit && hit.second === second) return { ...hit.wall };
  const p: Record<string, number> = {};
  for (const part of partsFormat(tz).formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = { y: p.year, m: p.month, d: p.day, h: p.hour === 24 ? 0 : p.hour, min: p.minute, s: p.second };
  lastWallClock.set(tz, { second, wall });
  return { ...wall };
}

/** UTC offset in ms (local = utc + offset) at an instant. */
export function offsetAt(instant: Date, tz: string): number {
  const w = wallClock(instant, tz);
  const local = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return local - Math.floor(instant.getTime() / 1000) * 1000;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayInZone(instant: Date, tz: string): string {
  const w = wallClock(instant, tz);
  return `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}`;
}

/** The first instant of a calendar day (YYYY-MM-DD) in the zone. */
export function zonedDayStart(day: string, tz: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - offsetAt(new Date(wall), tz);
  t = wall - offsetAt(new Date(t), tz);
  return new Date(t);
}

/** Pure calendar arithmetic on YYYY-MM-DD (no zone involved). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function shiftMonth(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-01`;
}

/** Whole days from a to b (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/** A calendar day as a Date at UTC noon, for Intl formatting with timeZone: 'UTC' (never shifts a day). */
export function dayAsDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** "2026-11-30 14:05" — wall-clock time of an instant in the zone (CSV cells, footers). */
export function formatZonedTimestamp(value: string | Date | null | undefined, tz: string, withZone = false): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  const w = wallClock(d, tz);
  const base = `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)} ${pad(w.h)}:${pad(w.min)}`;
  if (!withZone) return base;
  const off = offsetAt(d, tz) / 60_000;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${base} ${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Short name of the zone for labels ("WITA" for Asia/Makassar, else the IANA name). */
export function zoneLabel(tz: string): string {
  const known: Record<string, string> = { 'Asia/Makassar': 'WITA', 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Jayapura': 'WIT' };
  return known[tz] ?? tz;
}
