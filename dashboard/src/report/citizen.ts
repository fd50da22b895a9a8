/**
 * Small pieces of the citizen pages that are not UI: the idempotency key, input checks that mirror
 * the reports service's rules (so most mistakes are caught before a round trip; the server still
 * decides), and where the tracking ID is kept between the two pages.
 */

/** A random UUID v4 made when the report form opens: every retry of that form sends the same one. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Same patterns as services/reports/src/resolvers/inputs.ts. */
export const PHONE_PATTERN = /^(\+62|62|0)8[0-9 -]{7,14}$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const LIMITS = {
  title: [5, 200],
  body: [20, 5000],
  name: [2, 120],
  note: [5, 2000],
  reason: [5, 2000],
  response: [10, 5000],
  comment: [0, 1000],
  optionalNote: [0, 2000],
  /** addReportDetail's detail (services/reports AddReportDetailInput). */
  detail: [10, 5000],
} as const;

export function lengthOk(value: string, [min, max]: readonly [number, number]): boolean {
  const n = value.trim().length;
  return n >= min && n <= max;
}

/** Normalises what a person types as a tracking ID for display (the server is just as forgiving). */
export function tidyTrackingId(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '');
}

/**
 * The tracking ID is the reporter's only key, so it never goes into a URL (history, logs, a shared
 * link). Between Lapor and Lacak, and across a reload, it is kept in this tab's sessionStorage,
 * which the browser forgets when the tab closes; "Lupakan" clears it at once.
 */
const TRACKING_KEY = 'pantau.trackingId';

export function rememberTrackingId(id: string | null): void {
  try {
    if (id) window.sessionStorage.setItem(TRACKING_KEY, id);
    else window.sessionStorage.removeItem(TRACKING_KEY);
  } catch {
    /* storage disabled: the page still works, it just does not remember */
  }
}

export function rememberedTrackingId(): string | null {
  try {
    return window.sessionStorage.getItem(TRACKING_KEY);
  } catch {
    return null;
  }
}

/** The reporter may reopen within 14 days of completion (services/reports lifecycle REOPEN_WINDOW_DAYS). */
export const REOPEN_WINDOW_DAYS = 14;

export function reopenDeadline(completedAt: string | null): Date | null {
  if (!completedAt) return null;
  return new Date(new Date(completedAt).getTime() + REOPEN_WINDOW_DAYS * 86_400_000);
}
