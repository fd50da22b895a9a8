import { annotateTrend, bucketEnd, burstsByBucket, spikeRatio } from '../trend';
import { dayInZone, formatZonedTimestamp, zonedDayStart } from '../timeZone';

const p = (periodStart: string, submitted: number, completed = 0) => ({ periodStart, submitted, completed });

describe('trend edges', () => {
  const range = { startDay: '2025-12-01', endDay: '2026-12-01', today: '2026-11-30' };

  test('never a future bucket; the month holding today is partial; the first bucket starting before the range is partial', () => {
    const months = ['2025-11-01', '2025-12-01', '2026-01-01', '2026-10-01', '2026-11-01', '2026-12-01'].map((d) => p(d, 10));
    const out = annotateTrend(months, 'MONTH', { ...range, startDay: '2025-11-15' });
    expect(out.map((b) => b.start)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-10-01', '2026-11-01']);
    expect(out.map((b) => b.partial)).toEqual([true, false, false, false, true]);
  });

  test('buckets inside the completion window are lagging', () => {
    const days = Array.from({ length: 30 }, (_, i) => p(`2026-11-${String(i + 1).padStart(2, '0')}`, 5));
    const out = annotateTrend(days, 'DAY', { startDay: '2026-11-01', endDay: '2026-12-01', today: '2026-11-30' }, 20);
    expect(out.filter((b) => b.lagging).map((b) => b.start)[0]).toBe('2026-11-11');
    expect(out.filter((b) => b.lagging)).toHaveLength(20);
    expect(out.filter((b) => b.partial).map((b) => b.start)).toEqual(['2026-11-30']); // today is still running
  });

  test('a burst is flagged as a spike, ordinary noise is not', () => {
    expect(spikeRatio(190, [90, 100, 110, 95, 105, 98])).toBeCloseTo(190 / 99);
    expect(spikeRatio(120, [90, 100, 110, 95, 105, 98])).toBeNull();
    expect(spikeRatio(50, [1, 2])).toBeNull(); // too little history
    const weeks = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'].map((d, i) => p(d, i === 3 ? 300 : 100 + i));
    const out = annotateTrend(weeks, 'WEEK', { startDay: '2026-09-07', endDay: '2026-10-19', today: '2026-11-30' });
    expect(out.filter((b) => b.spike != null).map((b) => b.start)).toEqual(['2026-09-28']);
  });

  test('bucket ends', () => {
    expect(bucketEnd('2026-01-31', 'DAY')).toBe('2026-02-01');
    expect(bucketEnd('2026-12-28', 'WEEK')).toBe('2027-01-04');
    expect(bucketEnd('2026-12-01', 'MONTH')).toBe('2027-01-01');
  });
});

describe('deployment time zone', () => {
  test('midnight in Makassar is 16:00 UTC the day before; days are the zone\'s', () => {
    expect(zonedDayStart('2026-12-01', 'Asia/Makassar').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(dayInZone(new Date('2026-11-30T16:30:00Z'), 'Asia/Makassar')).toBe('2026-12-01');
    expect(dayInZone(new Date('2026-11-30T16:30:00Z'), 'Asia/Jakarta')).toBe('2026-11-30');
  });
  test('timestamps for CSV in the zone, with the offset', () => {
    expect(formatZonedTimestamp('2026-11-30T16:30:00Z', 'Asia/Makassar', true)).toBe('2026-12-01 00:30 +08:00');
    expect(formatZonedTimestamp('2026-11-30T16:30:00Z', 'Asia/Jakarta')).toBe('2026-11-30 23:30');
  });
});

describe('bursts as the cause of a spike', () => {
  it('puts the largest burst of each bucket on it (local days, end exclusive)', () => {
    const buckets = [
      { start: '2026-02-01', end: '2026-03-01' },
      { start: '2026-03-01', end: '2026-04-01' },
    ];
    const bursts = [
      { day: '2026-03-10', kind: 'SAME_REPORTER', count: 11 },
      { day: '2026-03-10', kind: 'SAME_TEXT', count: 190 },
      { day: '2026-04-01', kind: 'SAME_TEXT', count: 50 }, // next bucket: not drawn
    ];
    const m = burstsByBucket(buckets, bursts);
    expect([...m.keys()]).toEqual(['2026-03-01']);
    expect(m.get('2026-03-01')).toEqual({ day: '2026-03-10', kind: 'SAME_TEXT', count: 190 });
  });
});
