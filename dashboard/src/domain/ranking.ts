/**
 * Rankings that show the worst as plainly as the best (pure, unit-tested).
 * Every ranking can be read both ways; "needs attention" panels open worst first. Missing figures
 * (no data, or withheld by small-cell protection) always sort last, in either direction.
 */
import type { AgencyPerformance, LeaderboardOrder } from '../graphql/operations';

export type RankDirection = 'worst' | 'best';

export function parseDirection(value: string | null, fallback: RankDirection): RankDirection {
  return value === 'worst' || value === 'best' ? value : fallback;
}

/** Which way is better for each leaderboard figure (more reports is more load: "worst" = most). */
export const HIGHER_IS_BETTER: Record<LeaderboardOrder, boolean> = {
  TRANSPARENCY_INDEX: true,
  REPORT_COUNT: false,
  COMPLETION_RATE: true,
  MEDIAN_FIRST_RESPONSE: false,
  SLA_COMPLIANCE: true,
};

export function metricOf(order: LeaderboardOrder, p: AgencyPerformance): number | null {
  switch (order) {
    case 'TRANSPARENCY_INDEX':
      return p.transparencyIndex;
    case 'REPORT_COUNT':
      return p.reportCount;
    case 'COMPLETION_RATE':
      return p.completionRate;
    case 'MEDIAN_FIRST_RESPONSE':
      return p.medianFirstResponseHours;
    case 'SLA_COMPLIANCE':
      return p.slaCompliance;
  }
}

/** Sorts rows by a value, best or worst first; nulls last; ties by label. */
export function sortRanked<T>(rows: T[], value: (r: T) => number | null, higherIsBetter: boolean, dir: RankDirection, label: (r: T) => string): T[] {
  const sign = (dir === 'best') === higherIsBetter ? -1 : 1; // -1: descending
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va == null && vb == null) return label(a).localeCompare(label(b));
    if (va == null) return 1;
    if (vb == null) return -1;
    return sign * (va - vb) || label(a).localeCompare(label(b));
  });
}

/** The first n and the last n of a ranking (all of it when it is short), with where the gap is. */
export function topAndBottom<T>(rows: T[], n: number): { rows: T[]; gapAfter: number | null } {
  if (rows.length <= 2 * n) return { rows, gapAfter: null };
  return { rows: [...rows.slice(0, n), ...rows.slice(rows.length - n)], gapAfter: n - 1 };
}

/** A long name shortened for a chart axis (the full name stays in the table and tooltip). */
export function shortLabel(name: string, max = 32): string {
  const compact = name.replace(/\s+Kabupaten Kutai Kartanegara$/i, ' Kukar').replace(/^Dinas\s+/i, 'Dinas ');
  return compact.length > max ? `${compact.slice(0, max - 1).trimEnd()}…` : compact;
}
