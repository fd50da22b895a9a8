import {
  DEFAULT_SMALL_CELL_K,
  discloseBreakdown,
  discloseDuration,
  discloseOverview,
  disclosePerformance,
  discloseSla,
  discloseTransparency,
  discloseTrend,
  discloseMaladministrationTrend,
  isSmallCell,
  partitionSuppression,
  publicMinReports,
  smallCellK,
} from '../disclosure';
import { zeroMeasures, zeroNow, type Measures } from '../facts';
import { agencyPerformance, maladministrationBreakdown, overview, slaCompliance, transparencyMetrics } from '../metrics';

const measures = (over: Partial<Measures>): Measures => ({ ...zeroMeasures(), ...over });

describe('the small-cell rule', () => {
  it('withholds 1..k-1, never 0 or k and more', () => {
    expect([0, 1, 4, 5, 6].map((n) => isSmallCell(n, 5))).toEqual([false, true, true, false, false]);
    expect(isSmallCell(1, null)).toBe(false); // staff
  });

  it('reads k from PANTAU_SMALL_CELL_K (default 5) and refuses nonsense', () => {
    expect(smallCellK({})).toBe(DEFAULT_SMALL_CELL_K);
    expect(smallCellK({ PANTAU_SMALL_CELL_K: '10' })).toBe(10);
    expect(() => smallCellK({ PANTAU_SMALL_CELL_K: '0' })).toThrow(/PANTAU_SMALL_CELL_K/);
    expect(() => smallCellK({ PANTAU_SMALL_CELL_K: 'lima' })).toThrow(/PANTAU_SMALL_CELL_K/);
  });

  it('adds secondary suppression when exactly one cell of a partition is withheld', () => {
    expect(partitionSuppression([10, 3, 7, 0], 5)).toEqual([false, true, true, false]);
    expect(partitionSuppression([10, 3, 2, 0], 5)).toEqual([false, true, true, false]);
    expect(partitionSuppression([10, 8, 0], 5)).toEqual([false, false, false]);
    expect(partitionSuppression([3], 5)).toEqual([true]);
    expect(partitionSuppression([3, 4], null)).toEqual([false, false]);
  });

  it('public leaderboard needs at least k reports per agency', () => {
    expect(publicMinReports(1, 5)).toBe(5);
    expect(publicMinReports(10, 5)).toBe(10);
    expect(publicMinReports(1, null)).toBe(1);
  });
});

describe('disclosed figures', () => {
  // 3 reports: 2 dispositioned, 1 rated 5 stars, 1 first response.
  const few = measures({ reports: 3, open: 2, st_SUBMITTED: 1, st_DISPOSITIONED: 2, dispositioned: 2, rated: 1, ratingSum: 5, responded: 1, respOn: 1, frAgN: 1, frAgSum: 3_600_000, mal_UNCLASSIFIED: 3 });
  // 40 reports, 30 dispositioned, 2 rated: the overall figures are shown, satisfaction is not.
  const many = measures({ reports: 40, open: 12, st_SUBMITTED: 10, st_COMPLETED: 28, st_DISPOSITIONED: 2, dispositioned: 30, completed: 28, rated: 2, ratingSum: 9, responded: 25, respOn: 20, respLate: 5, frAgN: 25, mal_UNCLASSIFIED: 37, mal_PENUNDAAN_BERLARUT: 3 });

  it('withholds every figure of a scope with 1–4 reports from the public, and says so', () => {
    const o = discloseOverview(overview(few, zeroNow(), 3_600_000, new Map([['ROADS', 3]])), few, zeroNow(), 5);
    expect(o).toMatchObject({ volume: null, open: null, overdue: 0, completionRate: null, medianFirstResponseHours: null, satisfaction: null, transparencyIndex: null });
    expect(o.byTopic).toEqual([{ topic: 'ROADS', count: null, suppressed: true, suppressedBelow: 5, suppressedFields: ['count'] }]);
    expect(o.suppressed).toBe(true);
    expect(o.suppressedBelow).toBe(5);
    expect(o.suppressedFields).toEqual(expect.arrayContaining(['volume', 'open', 'completionRate', 'medianFirstResponseHours', 'satisfaction', 'transparencyIndex', 'byTopic', 'byStatus']));
  });

  it('shows the same scope unchanged to staff (k = null)', () => {
    const raw = overview(few, zeroNow(), 3_600_000, new Map([['ROADS', 3]]));
    const o = discloseOverview(raw, few, zeroNow(), null);
    expect(o).toMatchObject({ volume: 3, open: 2, completionRate: raw.completionRate, satisfaction: 1, suppressed: false, suppressedBelow: null, suppressedFields: [] });
    expect(o.byTopic[0]).toMatchObject({ count: 3, suppressed: false });
  });

  it('withholds a rating mean from fewer than k ratings, and the index that blends it, even in a large scope', () => {
    const o = discloseOverview(overview(many, zeroNow(), null, new Map()), many, zeroNow(), 5);
    expect(o.volume).toBe(40);
    expect(o.completionRate).toBeCloseTo(28 / 30);
    expect(o.satisfaction).toBeNull();
    expect(o.transparencyIndex).toBeNull();
    expect(o.suppressedFields).toEqual(expect.arrayContaining(['satisfaction', 'transparencyIndex', 'byStatus']));
    // byStatus: DISPOSITIONED 2 is withheld, and SUBMITTED 10 with it (otherwise 40 - 28 - 10 = 2)
    const st = Object.fromEntries(o.byStatus.map((s) => [s.status, s.count]));
    expect(st).toMatchObject({ SUBMITTED: null, DISPOSITIONED: null, COMPLETED: 28 });
    const t = discloseTransparency(transparencyMetrics(many, zeroNow()), many, zeroNow(), 5);
    expect(t).toMatchObject({ satisfaction: null, index: null, suppressed: true });
    expect(t.responseRate).toBeCloseTo(25 / 30);
  });

  it('withholds maladministration types with 1–4 reports and their shares', () => {
    const b = discloseBreakdown(maladministrationBreakdown(many), 5);
    expect(b.total).toBe(40);
    const byType = Object.fromEntries(b.slices.map((s) => [s.type, s]));
    expect(byType.PENUNDAAN_BERLARUT).toMatchObject({ count: null, share: null, suppressed: true });
    // the only other non-zero cell goes too, or it would give the hidden one away (40 - 37)
    expect(byType.UNCLASSIFIED).toMatchObject({ count: null, share: null, suppressed: true });
    expect(byType.PENYALAHGUNAAN_WEWENANG).toMatchObject({ count: 0, share: 0, suppressed: false });
  });

  it('withholds durations from fewer than k values', () => {
    const d = discloseDuration({ count: 2, p50Hours: 1, p90Hours: 5, meanHours: 3, histogram: [{ fromHours: 0, toHours: 24, count: 2 }] }, 5);
    expect(d).toMatchObject({ count: null, p50Hours: null, p90Hours: null, meanHours: null, suppressed: true });
    expect(d.histogram[0].count).toBeNull();
    const ok = discloseDuration({ count: 9, p50Hours: 1, p90Hours: 5, meanHours: 3, histogram: [{ fromHours: 0, toHours: 24, count: 9 }] }, 5);
    expect(ok).toMatchObject({ count: 9, p50Hours: 1, suppressed: false, suppressedBelow: null });
  });

  it('withholds SLA cells and compliance from few reports', () => {
    const sla = discloseSla(slaCompliance(few, zeroNow()), 5);
    expect(sla.overall).toBeNull();
    expect(sla.steps.find((s) => s.step === 'FIRST_RESPONSE')).toMatchObject({ onTime: null, compliance: null, suppressed: true });
  });

  it('withholds trend periods with 1–4 reports (and one more when a single one would be derivable)', () => {
    const t = discloseTrend(
      [
        { periodStart: '2025-01-01', submitted: 9, completed: 2 },
        { periodStart: '2025-01-02', submitted: 1, completed: 0 },
        { periodStart: '2025-01-03', submitted: 6, completed: 6 },
        { periodStart: '2025-01-04', submitted: 0, completed: 0 },
      ],
      5,
    );
    expect(t.map((p) => [p.submitted, p.completed])).toEqual([
      [9, null],
      [null, 0],
      [null, null],
      [0, 0],
    ]);
  });

  it('maladministration trend: a small period is withheld, and the next smallest one whole; staff see every count', () => {
    const period = (periodStart: string, over: Partial<Measures>) => ({ periodStart, breakdown: maladministrationBreakdown(measures(over)) });
    const points = [
      period('2025-01-01', { reports: 12, mal_PENUNDAAN_BERLARUT: 7, mal_UNCLASSIFIED: 5 }),
      period('2025-02-01', { reports: 3, mal_PENUNDAAN_BERLARUT: 3 }),
      period('2025-03-01', { reports: 8, mal_PENUNDAAN_BERLARUT: 2, mal_UNCLASSIFIED: 6 }),
      period('2025-04-01', { reports: 0 }),
    ];
    const pub = discloseMaladministrationTrend(points, 5);
    expect(pub.map((p) => p.breakdown.total)).toEqual([12, null, null, 0]);
    // the secondarily withheld period shows no non-zero count at all (its total would be their sum)
    expect(pub[2].breakdown.slices.filter((s) => s.count !== 0).every((s) => s.count === null && s.share === null)).toBe(true);
    expect(pub[2].breakdown).toMatchObject({ suppressed: true, suppressedBelow: 5 });
    expect(pub[0].breakdown.slices.find((s) => s.type === 'PENUNDAAN_BERLARUT')).toMatchObject({ count: 7, suppressed: false });
    const staff = discloseMaladministrationTrend(points, null);
    expect(staff.map((p) => p.breakdown.total)).toEqual([12, 3, 8, 0]);
    expect(staff.every((p) => !p.breakdown.suppressed)).toBe(true);
  });

  it('agency performance: small agencies show nothing to the public', () => {
    const p = disclosePerformance(agencyPerformance(few, zeroNow(), 3_600_000), few, zeroNow(), 5);
    expect(p).toMatchObject({ reportCount: null, open: null, completionRate: null, medianFirstResponseHours: null, satisfaction: null, transparencyIndex: null, suppressed: true });
  });
});
