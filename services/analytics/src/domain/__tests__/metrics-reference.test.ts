import { Reference } from '../../__tests__/support/reference';
import { nearestRank, percentileOfSorted, rankLeaderboard, transparencyIndex } from '../metrics';
import { scopeOf } from '../scope';
import { ZonedCalendar } from '../time';
import { SCENARIO, SCENARIO_EXPECTED, SCENARIO_NOW } from '../../__tests__/support/scenario';
import { closeDiff } from '../../__tests__/support/histories';

describe('nearest-rank percentiles', () => {
  it('takes the value at rank ceil(p/100 · n)', () => {
    expect(nearestRank(50, 4)).toBe(2);
    expect(nearestRank(50, 5)).toBe(3);
    expect(nearestRank(90, 10)).toBe(9);
    expect(nearestRank(90, 30)).toBe(27);
    expect(nearestRank(1, 3)).toBe(1);
    expect(nearestRank(100, 3)).toBe(3);
    expect(percentileOfSorted([15, 20, 35, 40, 50], 50)).toBe(35);
    expect(percentileOfSorted([], 50)).toBeNull();
  });
});

describe('transparency index', () => {
  it('weights R, T, E, C, S as 0.25/0.25/0.20/0.15/0.15', () => {
    expect(transparencyIndex({ R: 1, T: 1, E: 1, C: 1, S: 1 })).toBeCloseTo(100, 12);
    expect(transparencyIndex({ R: 1, T: 0, E: 0, C: 0, S: 0 })).toBeCloseTo(25, 12);
    expect(transparencyIndex({ R: 0, T: 0, E: 1, C: 0, S: 0 })).toBeCloseTo(20, 12);
  });

  it('drops components with no data and rescales the rest', () => {
    expect(transparencyIndex({ R: null, T: null, E: null, C: 0.5, S: 1 })).toBeCloseTo((100 * (0.15 * 0.5 + 0.15)) / 0.3, 12);
    expect(transparencyIndex({ R: 0.8, T: null, E: null, C: null, S: null })).toBeCloseTo(80, 12);
    expect(transparencyIndex({ R: null, T: null, E: null, C: null, S: null })).toBeNull();
  });
});

describe('leaderboard ranking', () => {
  const perf = (reportCount: number, transparencyIndex: number | null, medianFirstResponseHours: number | null) => ({
    reportCount,
    open: 0,
    overdue: 0,
    completionRate: null,
    medianFirstResponseHours,
    slaCompliance: null,
    satisfaction: null,
    transparencyIndex,
    forwardingRate: null,
  });
  const rows = [
    { agencyId: 'a', performance: perf(12, 70, 30) },
    { agencyId: 'b', performance: perf(3, 99, 1) }, // one quick answer must not top the table
    { agencyId: 'c', performance: perf(40, 70, 10) },
    { agencyId: 'd', performance: perf(10, null, null) },
    { agencyId: 'e', performance: perf(15, 85, 50) },
  ];

  it('ranks only agencies with at least minReports (default 10), nulls last, ties by volume', () => {
    expect(rankLeaderboard(rows, 'TRANSPARENCY_INDEX', 10, 10).map((r) => [r.rank, r.agencyId])).toEqual([
      [1, 'e'],
      [2, 'c'],
      [3, 'a'],
      [4, 'd'],
    ]);
    expect(rankLeaderboard(rows, 'MEDIAN_FIRST_RESPONSE', 10, 2).map((r) => r.agencyId)).toEqual(['c', 'a']);
    expect(rankLeaderboard(rows, 'TRANSPARENCY_INDEX', 1, 1).map((r) => r.agencyId)).toEqual(['b']);
  });
});

describe('brute-force reference on a hand-computed scenario', () => {
  const ref = new Reference(SCENARIO, SCENARIO_NOW, new ZonedCalendar('Asia/Makassar'));
  const all = scopeOf({});
  const same = (a: unknown, b: unknown) => expect(closeDiff(a, b)).toBeNull();

  it('computes volume, open, overdue, rates, median, SLA and index as the brief defines them', () => {
    same(ref.overview(all), SCENARIO_EXPECTED.overview);
    same(ref.sla(all), SCENARIO_EXPECTED.sla);
    same(ref.transparency(all), SCENARIO_EXPECTED.transparency);
    const rt = ref.responseTimes(all);
    for (const [k, v] of Object.entries(SCENARIO_EXPECTED.durations)) same({ ...rt[k as keyof typeof rt], histogram: undefined }, { ...v, histogram: undefined });
    same(ref.leaderboard(all, 'REPORT_COUNT', 1, 10), SCENARIO_EXPECTED.leaderboard);
  });

  it('counts a not-yet-due step nowhere, and an overdue one only once its due date has passed', () => {
    const early = new Reference(SCENARIO, Date.parse('2025-01-12T00:00:00Z'), new ZonedCalendar('Asia/Makassar'));
    // On 12 January B's response (due 15 Jan) is not yet due and E's completion (due 17 Jan) neither.
    expect(early.sla(all).steps[1]).toMatchObject({ onTime: 1, late: 1, overdueOpen: 0 });
    expect(early.sla(all).steps[2]).toMatchObject({ onTime: 1, overdueOpen: 0 });
    expect(early.overview(all).overdue).toBe(0);
  });

  it('breaks maladministration down into ten types plus UNCLASSIFIED', () => {
    const b = ref.breakdown(all);
    expect(b.total).toBe(5);
    expect(b.slices).toHaveLength(11);
    expect(b.slices.slice(0, 2)).toEqual([
      { type: 'UNCLASSIFIED', count: 4, share: 0.8 },
      { type: 'PENUNDAAN_BERLARUT', count: 1, share: 0.2 },
    ]);
  });

  it('filters by region prefix and period', () => {
    expect(ref.overview(scopeOf({ regionCode: '64.02' })).volume).toBe(4);
    expect(ref.overview(scopeOf({ regionCode: '64.02.06' })).volume).toBe(1);
    expect(ref.overview(scopeOf({ regionCode: '64.71' })).volume).toBe(1);
    expect(ref.overview(scopeOf({ regionCode: '63' })).volume).toBe(0);
    expect(ref.overview(scopeOf({ from: new Date('2025-01-02T00:00:00Z'), to: new Date('2025-01-06T00:00:00Z') })).volume).toBe(2);
    expect(ref.trend(all, 'MONTH')).toEqual([{ periodStart: '2025-01-01', submitted: 5, completed: 1 }]);
  });
});
