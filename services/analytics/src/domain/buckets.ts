import { HOUR_MS } from './time';

/**
 * Duration buckets.
 *
 * FINE buckets serve exact percentiles: rollups count reports per (period, metric, fine bucket); a
 * percentile query sums those counts to find the bucket holding rank k, then selects the exact value
 * inside that one bucket from the fact table (ORDER BY duration LIMIT 1 OFFSET r, on an index over the
 * duration). The edges are geometric (×1.25 from 5 minutes up to a year) merged with the coarse edges,
 * so each bucket holds a few percent of a realistic distribution at most.
 *
 * COARSE buckets are the histogram the API returns ([0,1h), [1h,4h), …, [60d, ∞)); every coarse edge is
 * a fine edge, so the API histogram is a sum of fine buckets.
 *
 * Bucket numbering for edges E[0..n-1] (ms, ascending, E[0] = 0): bucket 0 = (-∞, 0) (negative
 * durations: impossible for well-formed events, kept so nothing is lost), bucket i = [E[i-1], E[i]) for
 * 1 ≤ i < n, bucket n = [E[n-1], ∞).
 */

export const COARSE_EDGES_HOURS = [0, 1, 4, 8, 24, 48, 72, 120, 168, 336, 720, 1440];

function fineEdgesMs(): number[] {
  const edges = new Set<number>(COARSE_EDGES_HOURS.map((h) => h * HOUR_MS));
  const minute = 60_000;
  for (let v = 5; v <= 366 * 24 * 60; v *= 1.25) edges.add(Math.round(v) * minute);
  return [...edges].sort((a, b) => a - b);
}

export const FINE_EDGES_MS: readonly number[] = Object.freeze(fineEdgesMs());
/** Number of fine buckets (including the negative bucket 0). */
export const FINE_BUCKETS = FINE_EDGES_MS.length + 1;

/** Fine bucket of a duration in ms (binary search). */
export function fineBucketOf(ms: number): number {
  let lo = 0;
  let hi = FINE_EDGES_MS.length; // answer = number of edges <= ms
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (FINE_EDGES_MS[mid] <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [lo, hi) in ms of a fine bucket; null = unbounded. */
export function fineBucketRange(b: number): { lo: number | null; hi: number | null } {
  return {
    lo: b === 0 ? null : FINE_EDGES_MS[b - 1],
    hi: b >= FINE_EDGES_MS.length ? null : FINE_EDGES_MS[b],
  };
}

export interface HistogramBucket {
  fromHours: number;
  toHours: number | null;
  count: number;
}

/**
 * The API histogram from fine-bucket counts (index = fine bucket). The first coarse bucket [0, 1h)
 * also holds the negative bucket, so the counts always add up to the metric's count.
 */
export function coarseHistogram(fine: ArrayLike<number>): HistogramBucket[] {
  const out: HistogramBucket[] = COARSE_EDGES_HOURS.map((h, i) => ({
    fromHours: h,
    toHours: i + 1 < COARSE_EDGES_HOURS.length ? COARSE_EDGES_HOURS[i + 1] : null,
    count: 0,
  }));
  for (let b = 0; b < fine.length; b++) {
    const n = fine[b];
    if (!n) continue;
    out[coarseIndexOfFine(b)].count += n;
  }
  return out;
}

/** Index into COARSE_EDGES_HOURS of the coarse bucket holding fine bucket b. */
export function coarseIndexOfFine(b: number): number {
  if (b === 0) return 0;
  const lo = FINE_EDGES_MS[b - 1] / HOUR_MS;
  let i = 0;
  while (i + 1 < COARSE_EDGES_HOURS.length && COARSE_EDGES_HOURS[i + 1] <= lo) i++;
  return i;
}

/** Coarse histogram straight from durations (brute force). */
export function coarseHistogramOf(durationsMs: number[]): HistogramBucket[] {
  const out: HistogramBucket[] = COARSE_EDGES_HOURS.map((h, i) => ({
    fromHours: h,
    toHours: i + 1 < COARSE_EDGES_HOURS.length ? COARSE_EDGES_HOURS[i + 1] : null,
    count: 0,
  }));
  for (const ms of durationsMs) {
    const h = ms / HOUR_MS;
    let i = 0;
    while (i + 1 < COARSE_EDGES_HOURS.length && COARSE_EDGES_HOURS[i + 1] <= h) i++;
    out[i].count += 1;
  }
  return out;
}
