import { COARSE_EDGES_HOURS, FINE_BUCKETS, FINE_EDGES_MS, coarseHistogram, coarseHistogramOf, fineBucketOf, fineBucketRange } from '../buckets';
import { HOUR_MS } from '../time';

describe('duration buckets', () => {
  it('has ascending fine edges that include every coarse edge', () => {
    for (let i = 1; i < FINE_EDGES_MS.length; i++) expect(FINE_EDGES_MS[i]).toBeGreaterThan(FINE_EDGES_MS[i - 1]);
    for (const h of COARSE_EDGES_HOURS) expect(FINE_EDGES_MS).toContain(h * HOUR_MS);
    expect(FINE_EDGES_MS[0]).toBe(0);
    expect(FINE_BUCKETS).toBeLessThan(80); // few enough for small histogram rollups
  });

  it('assigns each duration to the bucket whose range holds it', () => {
    const samples = [-5, 0, 1, 299_999, 300_000, HOUR_MS - 1, HOUR_MS, 36 * HOUR_MS + 7, 400 * 24 * HOUR_MS];
    for (const ms of samples) {
      const { lo, hi } = fineBucketRange(fineBucketOf(ms));
      if (lo !== null) expect(ms).toBeGreaterThanOrEqual(lo);
      if (hi !== null) expect(ms).toBeLessThan(hi);
    }
    expect(fineBucketOf(-1)).toBe(0);
    expect(fineBucketRange(0)).toEqual({ lo: null, hi: 0 });
    expect(fineBucketRange(FINE_BUCKETS - 1).hi).toBeNull();
  });

  it('builds the API histogram from fine counts exactly as from raw durations', () => {
    const durations = [0, 1, 59 * 60_000, 2 * HOUR_MS, 30 * HOUR_MS, 100 * 24 * HOUR_MS, 1440 * HOUR_MS, -3];
    const fine = new Array(FINE_BUCKETS).fill(0);
    for (const d of durations) fine[fineBucketOf(d)]++;
    expect(coarseHistogram(fine)).toEqual(coarseHistogramOf(durations));
    const h = coarseHistogramOf(durations);
    expect(h[0]).toEqual({ fromHours: 0, toHours: 1, count: 4 }); // the negative one is folded in
    expect(h[h.length - 1]).toEqual({ fromHours: 1440, toHours: null, count: 2 });
    expect(h.reduce((a, b) => a + b.count, 0)).toBe(durations.length);
  });
});
