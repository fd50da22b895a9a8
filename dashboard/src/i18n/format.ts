/**
 * Locale-aware formatting with Intl (id-ID for Bahasa Indonesia, en-GB for English). Pure functions.
 * Dates and times are shown in the deployment's time zone (domain/timeZone.ts), not the browser's.
 */
import { dayAsDate, deploymentTimeZone } from '../domain/timeZone';
import type { Lang } from '@pantau/contract';
/** The UI languages: the contract's (its error catalogue has the same two). */
export type { Lang };

export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function nf(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}
function df(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

const NONE = '—';

export function formatNumber(lang: Lang, n: number | null | undefined, maxFraction = 0): string {
  if (n == null || Number.isNaN(n)) return NONE;
  return nf(LOCALES[lang], { maximumFractionDigits: maxFraction }).format(n);
}

/** A rate given as a fraction 0..1 (completion rate, SLA compliance, satisfaction, shares). */
export function formatPercent(lang: Lang, fraction: number | null | undefined, digits = 1): string {
  if (fraction == null || Number.isNaN(fraction)) return NONE;
  return nf(LOCALES[lang], { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(fraction);
}

/** The transparency index, 0..100. */
export function formatIndex(lang: Lang, value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return NONE;
  return nf(LOCALES[lang], { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

/** A duration in hours: hours below two days, days (one decimal) above. */
export function formatHours(lang: Lang, hours: number | null | undefined): string {
  if (hours == null || Number.isNaN(hours)) return NONE;
  if (Math.abs(hours) < 48) {
    return nf(LOCALES[lang], { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 }).format(hours);
  }
  return nf(LOCALES[lang], { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(hours / 24);
}

export function formatDate(lang: Lang, value: string | Date | null | undefined): string {
  if (!value) return NONE;
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return NONE;
  return df(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: deploymentTimeZone() }).format(d);
}

export function formatDateTime(lang: Lang, value: string | Date | null | undefined): string {
  if (!value) return NONE;
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return NONE;
  return df(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: deploymentTimeZone() }).format(d);
}

/** Label of a trend bucket start (YYYY-MM-DD or ISO) by interval. */
export function formatPeriodStart(lang: Lang, periodStart: string, interval: 'DAY' | 'WEEK' | 'MONTH'): string {
  // A bucket start is a calendar day of the deployment's zone: formatted as that day, whatever the browser's zone.
  const d = periodStart.length === 10 ? dayAsDate(periodStart) : new Date(periodStart);
  if (Number.isNaN(d.getTime())) return periodStart;
  const timeZone = periodStart.length === 10 ? 'UTC' : deploymentTimeZone();
  if (interval === 'MONTH') return df(LOCALES[lang], { month: 'short', year: 'numeric', timeZone }).format(d);
  return df(LOCALES[lang], { day: 'numeric', month: 'short', timeZone }).format(d);
}

/** Signed number with the locale's digits ("+12", "−3,5"). */
export function formatSigned(lang: Lang, n: number, opts: Intl.NumberFormatOptions = {}): string {
  return nf(LOCALES[lang], { signDisplay: 'exceptZero', maximumFractionDigits: 1, ...opts }).format(n);
}
