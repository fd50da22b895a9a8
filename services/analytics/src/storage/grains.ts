import { DURATION_METRICS, type DurationMetric } from '../domain/facts';

/**
 * Rollup grains. One rollup over every dimension is as large as the fact table and buys nothing for
 * broad filters (design brief, "Measured"); instead each grain serves one kind of filter:
 *
 * | grain    | key         | serves                                                        |
 * |----------|-------------|---------------------------------------------------------------|
 * | all      | —           | unfiltered views (the dashboard's default), trend, breakdown  |
 * | agency   | agencyId    | agencyId filter, Agency.performance, leaderboard              |
 * | topic    | topic       | topic filter, byTopic                                          |
 * | district | districtKey | province/regency/district region filters, Region.reportStats  |
 *
 * Each grain exists per day (period edges, DAY/WEEK trends, short ranges) and per month (long ranges:
 * a 540-day range reads 18 month rows plus at most two partial months of day rows). Filters that
 * combine two dimensions, or a village-level region, read the fact table through its indexes: those
 * scopes are small by nature.
 *
 * Duration histograms (for exact percentiles, see domain/buckets.ts) exist for `all` per day and month,
 * for `topic` and `district` per month, and for `agency` per month for the agency's first-response time
 * only (the leaderboard's median). Other combinations read the fact table, which for them is small.
 */
export type GrainName = 'all' | 'agency' | 'topic' | 'district';
export type Period = 'day' | 'month' | 'all';

/**
 * All-time per-agency rollup (issue 11): `ru_agency_all` (measures per agency) and `hist_agency_all`
 * (first-response histogram per agency). The leaderboard and Agency.performance default to all time;
 * these read one row per agency (and its ~40 buckets) instead of every month of every agency.
 */
export const ALL_TIME_GRAINS: readonly GrainName[] = ['agency'];
export const hasAllTime = (g: Grain | null): boolean => g !== null && ALL_TIME_GRAINS.includes(g.name);

export interface Grain {
  name: GrainName;
  /** Fact column that keys the grain (null for `all`). */
  key: 'agencyId' | 'topic' | 'districtKey' | null;
  histDay: boolean;
  histMonth: boolean;
  histMetrics: readonly DurationMetric[];
}

export const GRAINS: Grain[] = [
  { name: 'all', key: null, histDay: true, histMonth: true, histMetrics: DURATION_METRICS },
  { name: 'agency', key: 'agencyId', histDay: false, histMonth: true, histMetrics: ['frAg'] },
  { name: 'topic', key: 'topic', histDay: false, histMonth: true, histMetrics: DURATION_METRICS },
  { name: 'district', key: 'districtKey', histDay: false, histMonth: true, histMetrics: DURATION_METRICS },
];

export const grainByName = (name: GrainName): Grain => GRAINS.find((g) => g.name === name)!;

export const rollupTable = (g: GrainName, p: Period) => `ru_${g}_${p}`;
export const histTable = (g: GrainName, p: Period) => `hist_${g}_${p}`;

export function hasHist(g: Grain, p: Period, metric: DurationMetric): boolean {
  if (p === 'all' && !hasAllTime(g)) return false;
  return (p === 'day' ? g.histDay : g.histMonth) && g.histMetrics.includes(metric);
}

export const METRIC_IDS: Record<DurationMetric, number> = { ver: 0, frAg: 1, frCit: 2, compl: 3 };

export const FACTS_TABLE = 'analytics_facts';
export const CURSOR_TABLE = 'analytics_cursor';
export const PENDING_TABLE = 'analytics_pending';
export const PENDING_COLUMNS = [
  'reportId', 'pendingMax', 'submittedMs', 'agencyId', 'regionCode', 'districtKey', 'topic',
  'overdueFrom', 'verOverdueFrom', 'respOverdueFrom', 'complOverdueFrom',
] as const;
export const OUTBOX_CURSOR = 'reports-outbox';

/** Everything derived from the facts (wiped and rebuilt with them). */
export function allDerivedTables(): string[] {
  return [PENDING_TABLE, ...allRollupTables()];
}

export function allRollupTables(): string[] {
  const out: string[] = [];
  for (const g of GRAINS) {
    for (const p of ['day', 'month'] as Period[]) {
      out.push(rollupTable(g.name, p));
      if (p === 'day' ? g.histDay : g.histMonth) out.push(histTable(g.name, p));
    }
    if (hasAllTime(g)) out.push(rollupTable(g.name, 'all'), histTable(g.name, 'all'));
  }
  return out;
}
