import { ReportStatus } from '@pantau/common';
import { MEASURE_NAMES, Outcome, closedAt, districtKeyOf, factFromSnapshot, measuresOf, regionMatches, stepState } from '../facts';
import { ScopeError, scopeOf, trendPeriods, withinAgencies, withinRegion } from '../scope';
import { ZonedCalendar } from '../time';
import { MEASURE_COLUMNS_V1 } from '../../storage/migrations/1764500000000-Analytics';
import { measureSql } from '../../storage/measures-sql';
import { planRange } from '../../storage/reader';
import { SCENARIO } from '../../__tests__/support/scenario';

const cal = new ZonedCalendar('Asia/Makassar');

describe('SLA step state', () => {
  it('classifies done steps as on time or late against the due date', () => {
    expect(stepState(100, 100, null)).toEqual({ outcome: Outcome.OnTime, overdueFrom: null });
    expect(stepState(101, 100, null)).toEqual({ outcome: Outcome.Late, overdueFrom: null });
  });
  it('gives an undone step the instant after which it is overdue', () => {
    expect(stepState(null, 100, null)).toEqual({ outcome: Outcome.None, overdueFrom: 100 });
    expect(stepState(null, null, null)).toEqual({ outcome: Outcome.None, overdueFrom: null });
  });
  it('stops the clock when the report is closed', () => {
    expect(stepState(null, 100, 50)).toEqual({ outcome: Outcome.None, overdueFrom: null }); // closed before due
    expect(stepState(null, 100, 150)).toEqual({ outcome: Outcome.None, overdueFrom: 100 }); // closed after due
    expect(closedAt(ReportStatus.ARCHIVED, null, 7)).toBe(7);
    expect(closedAt(ReportStatus.COMPLETED, 9, null)).toBe(9);
    expect(closedAt(ReportStatus.IN_PROGRESS, null, null)).toBeNull();
  });
});

describe('facts', () => {
  it('derives keys, durations and overdue instants from a snapshot', () => {
    const [a, b] = SCENARIO.map((s, i) => factFromSnapshot(s, i + 1, cal));
    expect(a).toMatchObject({ day: 20250101, month: 202501, districtKey: '64.02.18', verMs: 86_400_000, frAgMs: 86_400_000, frCitMs: 2 * 86_400_000 });
    expect(a).toMatchObject({ verOutcome: Outcome.OnTime, respOutcome: Outcome.OnTime, complOutcome: Outcome.OnTime, overdueFrom: null, pendingMax: null });
    expect(b).toMatchObject({ verOutcome: Outcome.Late, respOverdueFrom: Date.parse('2025-01-15T00:00:00Z'), complOverdueFrom: Date.parse('2025-01-24T00:00:00Z') });
    expect(b.overdueFrom).toBe(Date.parse('2025-01-15T00:00:00Z'));
    expect(b.pendingMax).toBe(Date.parse('2025-01-24T00:00:00Z'));
    expect(measuresOf(b)).toMatchObject({ reports: 1, open: 1, publicCount: 0, dispositioned: 1, respPending: 1, complPending: 1, overduePending: 1 });
  });

  it('matches region filters by whole segments', () => {
    expect(regionMatches('64.02', '64.02.18.2001')).toBe(true);
    expect(regionMatches('64.02.18.2001', '64.02.18.2001')).toBe(true);
    expect(regionMatches('64.0', '64.02.18')).toBe(false);
    expect(districtKeyOf('64.02.18.2001')).toBe('64.02.18');
    expect(districtKeyOf('64.02')).toBe('64.02');
  });

  it('keeps the migration, the measures and their SQL in step', () => {
    expect(MEASURE_COLUMNS_V1).toEqual(MEASURE_NAMES);
    for (const name of MEASURE_NAMES) expect(measureSql(name)).toBeTruthy();
  });
});

describe('scope', () => {
  it('parses filters and rejects malformed region codes', () => {
    expect(scopeOf({ regionCode: ' 64.02 ', agencyId: 'X' })).toMatchObject({ regionPrefix: '64.02', agencyIds: ['X'], empty: false });
    expect(() => scopeOf({ regionCode: 'Kukar' })).toThrow(ScopeError);
    expect(scopeOf({ from: new Date(10), to: new Date(10) }).empty).toBe(true);
  });
  it('narrows to a region or agencies, empty when disjoint', () => {
    const s = scopeOf({ regionCode: '64.02' });
    expect(withinRegion(s, '64.02.18').regionPrefix).toBe('64.02.18');
    expect(withinRegion(scopeOf({ regionCode: '64.02.18' }), '64.02').regionPrefix).toBe('64.02.18');
    expect(withinRegion(s, '64.71').empty).toBe(true);
    expect(withinAgencies(scopeOf({ agencyId: 'X' }), ['X', 'Y']).agencyIds).toEqual(['X']);
    expect(withinAgencies(scopeOf({ agencyId: 'X' }), ['Y']).empty).toBe(true);
  });
  it('zero-fills trend periods and refuses absurd lengths', () => {
    const s = scopeOf({ from: new Date('2024-12-31T16:00:00Z'), to: new Date('2025-01-15T16:00:00Z') });
    expect(trendPeriods(s, 'WEEK', cal, null)).toEqual([20241230, 20250106, 20250113]);
    expect(() => trendPeriods(scopeOf({ from: new Date('1990-01-01'), to: new Date('2025-01-01') }), 'DAY', cal, null)).toThrow(ScopeError);
  });
});

describe('range plan', () => {
  const at = (iso: string) => Date.parse(iso);
  it('uses months inside, days at the edges and the fact table for partial days', () => {
    // 2025-01-15 12:00 WITA .. 2025-04-03 00:00 WITA
    expect(planRange(at('2025-01-15T04:00:00Z'), at('2025-04-02T16:00:00Z'), cal, true)).toEqual([
      { kind: 'facts', fromMs: at('2025-01-15T04:00:00Z'), toMs: at('2025-01-15T16:00:00Z') },
      { kind: 'day', from: 20250116, to: 20250201 },
      { kind: 'month', from: 202502, to: 202504 },
      { kind: 'day', from: 20250401, to: 20250403 },
    ]);
    expect(planRange(null, null, cal, true)).toEqual([{ kind: 'month', from: null, to: null }]);
    expect(planRange(null, at('2025-03-01T00:00:00Z'), cal, false)).toEqual([
      { kind: 'day', from: null, to: 20250301 },
      { kind: 'facts', fromMs: at('2025-02-28T16:00:00Z'), toMs: at('2025-03-01T00:00:00Z') },
    ]);
    expect(planRange(at('2025-01-15T04:00:00Z'), at('2025-01-15T05:00:00Z'), cal, true)).toEqual([
      { kind: 'facts', fromMs: at('2025-01-15T04:00:00Z'), toMs: at('2025-01-15T05:00:00Z') },
    ]);
  });
});
