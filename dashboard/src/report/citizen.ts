import { REOPEN_WINDOW_DAYS } from '@pantau/contract';

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

/**
 * Limits and patterns are the reports service's own, from @pantau/contract (written once there).
 * The e-mail check here is only a loose pre-check; the service applies the full rule.
 */
export { lengthOk, PHONE_PATTERN, TEXT_LIMITS as LIMITS, type LengthRange } from '@pantau/contract';
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

/** The reporter may reopen within REOPEN_WINDOW_DAYS of completion (the lifecycle rule, @pantau/contract). */
export { REOPEN_WINDOW_DAYS };

export function reopenDeadline(completedAt: string | null): Date | null {
  if (!completedAt) return null;
  return new Date(new Date(completedAt).getTime() + REOPEN_WINDOW_DAYS * 86_400_000);
}
