import { createHash } from 'node:crypto';

/**
 * Bursts of near-identical reports (issue 12: a spike on the trend gets its cause). On one local day of
 * the reporting time zone, a burst is at least BURST_MIN_REPORTS reports with the same normalised title
 * and body (SAME_TEXT), or from the same reporter (SAME_REPORTER: the same e-mail address, or the same
 * phone number when there is no address). Only counts leave this module: never a text, a reporter or a
 * report id. The threshold is well above the small-cell k (5), so a burst is never a small cell.
 */
export const BURST_MIN_REPORTS = 10;

export type BurstKind = 'SAME_TEXT' | 'SAME_REPORTER';

export interface Burst {
  /** Local day, YYYY-MM-DD. */
  day: string;
  kind: BurstKind;
  /** Reports in the burst. */
  count: number;
}

/** Case, accents, punctuation and spacing do not make two texts different. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** SHA-256 of the normalised title and body. */
export function textKey(title: string, body: string): string {
  return createHash('sha256').update(normaliseText(title)).update('\n').update(normaliseText(body)).digest('hex');
}

/** The reporter as one key: the e-mail address (case-insensitive), else the phone's digits; null when anonymous. */
export function reporterKey(email: string | null | undefined, phone: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  if (e) return `e:${e}`;
  const digits = phone?.replace(/\D+/g, '').replace(/^0/, '62');
  return digits ? `p:${digits}` : null;
}

/** SHA-256 of the reporter key (what is stored to count by reporter); null when anonymous. */
export function reporterHash(email: string | null | undefined, phone: string | null | undefined): string | null {
  const k = reporterKey(email, phone);
  return k === null ? null : createHash('sha256').update(k).digest('hex');
}

/**
 * What a report is counted under, computed once when it is stored: its local day, the hash of its
 * normalised text, and the hash of its reporter. Bursts are then counted from these (and a per-day
 * counter of each key) instead of re-reading and re-normalising every report in scope.
 */
export interface BurstKeys {
  localDay: string;
  textHash: string;
  reporterHash: string | null;
}

export function burstKeys(r: { title: string; body: string; reporterEmail: string | null; reporterPhone: string | null }, localDay: string): BurstKeys {
  return { localDay, textHash: textKey(r.title, r.body), reporterHash: reporterHash(r.reporterEmail, r.reporterPhone) };
}

/** The per-day counter keys of a report: one for its text, one for its reporter when it has one. */
export function counterKeys(k: BurstKeys): string[] {
  return k.reporterHash ? [`t:${k.textHash}`, `r:${k.reporterHash}`] : [`t:${k.textHash}`];
}

/** Groups of at least `min` items with the same (day, key), as bursts, by day then kind then largest first. */
export function bursts(rows: Array<{ day: string; key: string | null }>, kind: BurstKind, min = BURST_MIN_REPORTS): Burst[] {
  const counts = new Map<string, { day: string; count: number }>();
  for (const r of rows) {
    if (r.key === null) continue;
    const k = `${r.day}\u0000${r.key}`;
    const c = counts.get(k) ?? counts.set(k, { day: r.day, count: 0 }).get(k)!;
    c.count++;
  }
  return [...counts.values()].filter((c) => c.count >= min).map((c) => ({ day: c.day, kind, count: c.count }));
}

/** Both kinds together, ordered by day, kind, then largest first. */
export function orderBursts(list: Burst[]): Burst[] {
  return [...list].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : b.count - a.count));
}
