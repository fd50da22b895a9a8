import { KPI_DEFS, kpiChange } from '../kpi';
import type { OverviewKpisData } from '../../graphql/operations';

const def = (key: string) => KPI_DEFS.find((d) => d.key === key)!;

describe('KPI change versus the previous period', () => {
  test('counts change relatively; more overdue is worse', () => {
    expect(kpiChange('id', def('volume'), 120, 100)).toMatchObject({ direction: 'up', good: null, text: '+20%' });
    expect(kpiChange('en', def('overdue'), 6, 8)).toMatchObject({ direction: 'down', good: true, text: '-25%' });
    expect(kpiChange('en', def('overdue'), 3, 0)).toMatchObject({ direction: 'up', good: false, text: '+3' });
  });

  test('rates change in percentage points; index in points', () => {
    expect(kpiChange('en', def('completionRate'), 0.625, 0.6)).toMatchObject({ direction: 'up', good: true, text: '+2.5 pp' });
    expect(kpiChange('id', def('completionRate'), 0.5, 0.6)).toMatchObject({ direction: 'down', good: false, text: '-10 poin persentase' });
    expect(kpiChange('en', def('transparencyIndex'), 71.25, 70)).toMatchObject({ good: true, text: '+1.3 points' });
  });

  test('a faster median first response is better', () => {
    expect(kpiChange('id', def('medianFirstResponseHours'), 30, 36)).toMatchObject({ direction: 'down', good: true, text: '-6 jam' });
  });

  test('no comparison without both values; equal values are flat', () => {
    expect(kpiChange('id', def('satisfaction'), 0.7, null)).toMatchObject({ direction: null, text: null });
    expect(kpiChange('id', def('satisfaction'), 0.7, 0.7)).toMatchObject({ direction: 'flat', good: null });
  });
});

describe('like-with-like comparison', () => {
  const { resolvePeriod } = jest.requireActual('../../filters/filters') as typeof import('../../filters/filters');
  const { compareKpi, comparisonPlan } = jest.requireActual('../kpi') as typeof import('../kpi');
  const TZ = 'Asia/Makassar';
  const NOW = new Date(Date.UTC(2026, 2, 15, 6)); // 14:00 WITA, 15 March 2026
  const volume = KPI_DEFS.find((d) => d.label === 'kpi.volume')!;
  const shown = { suppressedBelow: null, suppressedFields: [] };
  const data = (before: number | null, cur = 120, prev = 100): OverviewKpisData => ({
    current: { volume: 125 } as never,
    now: null,
    cmpCurrent: { volume: cur, ...shown },
    previous: { volume: prev, ...shown },
    before: before == null ? null : { volume: before, suppressed: false },
  });

  test('whole days of equal length: today (still running) is left out', () => {
    const plan = comparisonPlan(resolvePeriod({ period: '30d', from: null, to: null }, NOW, TZ), TZ);
    expect(plan.todayExcluded).toBe(true);
    expect(plan.days).toBe(29);
    expect([plan.current!.startDay, plan.current!.endDay]).toEqual(['2026-02-14', '2026-03-15']);
    expect([plan.previous!.startDay, plan.previous!.endDay]).toEqual(['2026-01-16', '2026-02-14']);
    // a closed custom range is compared whole
    const closed = comparisonPlan(resolvePeriod({ period: 'custom', from: '2026-02-01', to: '2026-02-28' }, NOW, TZ), TZ);
    expect([closed.days, closed.todayExcluded, closed.previous!.startDay]).toEqual([28, false, '2026-01-04']);
  });

  test('no comparison for all time, for a period before the first report, for age-dependent figures', () => {
    const all = comparisonPlan(resolvePeriod({ period: 'all', from: null, to: null }, NOW, TZ), TZ);
    expect(compareKpi('id', volume, all, data(5))).toEqual({ reason: 'allTime', change: null });
    const plan = comparisonPlan(resolvePeriod({ period: '30d', from: null, to: null }, NOW, TZ), TZ);
    expect(compareKpi('id', volume, plan, data(0))).toEqual({ reason: 'beforeData', change: null });
    expect(compareKpi('id', volume, plan, data(12)).reason).toBe('compared');
    expect(compareKpi('id', volume, plan, data(12)).change).toMatchObject({ text: '+20%', direction: 'up' });
    const overduePeriod = KPI_DEFS.find((d) => d.label === 'kpi.overduePeriod')!;
    const overdueNow = KPI_DEFS.find((d) => d.label === 'kpi.overdueNow')!;
    expect(compareKpi('id', overduePeriod, plan, data(12)).reason).toBe('ageDependent');
    expect(compareKpi('id', overdueNow, plan, data(12)).reason).toBe('now');
    const today = comparisonPlan(resolvePeriod({ period: 'custom', from: '2026-03-15', to: '2026-03-15' }, NOW, TZ), TZ);
    expect(today.reason).toBe('tooShort');
  });

  test('every KPI has a definition', () => {
    for (const d of KPI_DEFS) expect(d.definition).toMatch(/^def\./);
  });
});
