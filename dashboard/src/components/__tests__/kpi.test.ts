import { KPI_DEFS, kpiChange } from '../kpi';

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
