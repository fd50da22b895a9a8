import {
  DEFAULT_PRESET,
  isDay,
  parseFilters,
  previousPeriod,
  rangeDays,
  regionPath,
  resolvePeriod,
  sharedQuery,
  toAnalyticsFilter,
  trendInterval,
  writeFilters,
} from '../filters';


describe('URL filters', () => {
  test('defaults when the URL says nothing', () => {
    expect(parseFilters(new URLSearchParams(''))).toEqual({ period: DEFAULT_PRESET, from: null, to: null, region: null, agency: null, topic: null });
  });

  test('reads every shared key and drops invalid values', () => {
    const f = parseFilters(new URLSearchParams('period=30d&region=64.02.18&agency=kukar-pupr&topic=JALAN'));
    expect(f).toEqual({ period: '30d', from: null, to: null, region: '64.02.18', agency: 'kukar-pupr', topic: 'JALAN' });
    const bad = parseFilters(new URLSearchParams('period=7y&region=64;DROP&from=2026-02-30'));
    expect(bad.period).toBe(DEFAULT_PRESET);
    expect(bad.region).toBeNull();
    expect(bad.from).toBeNull();
  });

  test('from/to without a period means a custom range; presets ignore from/to', () => {
    expect(parseFilters(new URLSearchParams('from=2026-01-01&to=2026-01-31'))).toMatchObject({ period: 'custom', from: '2026-01-01', to: '2026-01-31' });
    expect(parseFilters(new URLSearchParams('period=90d&from=2026-01-01'))).toMatchObject({ period: '90d', from: null });
  });

  test('writeFilters round-trips and keeps page-specific keys', () => {
    const base = new URLSearchParams('lang=en&q=jalan&period=30d&from=2026-01-01');
    const p = writeFilters({ period: 'custom', from: '2026-01-01', to: '2026-02-10', region: '64.02', agency: null }, base);
    expect(p.get('lang')).toBe('en');
    expect(p.get('q')).toBe('jalan');
    expect(parseFilters(p)).toMatchObject({ period: 'custom', from: '2026-01-01', to: '2026-02-10', region: '64.02', agency: null });
    const back = writeFilters({ period: DEFAULT_PRESET }, p);
    expect(back.has('period')).toBe(false);
    expect(back.has('from')).toBe(false);
    expect(back.has('to')).toBe(false);
  });
});

const TZ = 'Asia/Makassar';
// 15 March 2026, 22:30 in Makassar (UTC+8) = 14:30 UTC; 16 March 01:30 in Makassar is still 15 March in UTC.
const NOW = new Date(Date.UTC(2026, 2, 15, 14, 30));
const LATE = new Date(Date.UTC(2026, 2, 15, 17, 30));

describe('periods (days of the deployment time zone)', () => {
  test('presets end at the next midnight in the zone and span whole days', () => {
    for (const [period, days] of [['7d', 7], ['30d', 30], ['90d', 90], ['365d', 365]] as const) {
      const r = resolvePeriod({ period, from: null, to: null }, NOW, TZ);
      expect(r.endDay).toBe('2026-03-16');
      expect(r.to.toISOString()).toBe('2026-03-15T16:00:00.000Z'); // midnight WITA
      expect(rangeDays(r)).toBe(days);
      expect(r.today).toBe('2026-03-15');
    }
    const ytd = resolvePeriod({ period: 'ytd', from: null, to: null }, NOW, TZ);
    expect(ytd.startDay).toBe('2026-01-01');
    expect(ytd.from?.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  test('"today" is the zone\'s day, not the browser\'s or UTC', () => {
    // 01:30 on 16 March in Makassar while UTC still says 15 March
    expect(resolvePeriod({ period: '30d', from: null, to: null }, LATE, TZ).endDay).toBe('2026-03-17');
    expect(resolvePeriod({ period: '30d', from: null, to: null }, LATE, 'UTC').endDay).toBe('2026-03-16');
  });

  test('last month and all time', () => {
    const lm = resolvePeriod({ period: 'lastMonth', from: null, to: null }, NOW, TZ);
    expect([lm.startDay, lm.endDay]).toEqual(['2026-02-01', '2026-03-01']);
    const all = resolvePeriod({ period: 'all', from: null, to: null }, NOW, TZ);
    expect(all.from).toBeNull();
    expect(all.startDay).toBeNull();
    expect(rangeDays(all)).toBeNull();
    expect(previousPeriod(all, TZ)).toBeNull();
    expect(trendInterval(all)).toBe('MONTH');
    const f = parseFilters(new URLSearchParams('period=all'));
    expect(toAnalyticsFilter(f, all)).toEqual({ to: all.to.toISOString() });
  });

  test('a custom range includes its last day ([from, to+1))', () => {
    const r = resolvePeriod({ period: 'custom', from: '2026-02-01', to: '2026-02-28' }, NOW, TZ);
    expect([r.startDay, r.endDay]).toEqual(['2026-02-01', '2026-03-01']);
    const rev = resolvePeriod({ period: 'custom', from: '2026-02-28', to: '2026-02-01' }, NOW, TZ);
    expect([rev.startDay, rev.endDay]).toEqual(['2026-02-01', '2026-03-01']);
  });

  test('the previous period has the same length and ends where this one starts', () => {
    const r = resolvePeriod({ period: '30d', from: null, to: null }, NOW, TZ);
    const p = previousPeriod(r, TZ)!;
    expect(p.to.getTime()).toBe(r.from!.getTime());
    expect(rangeDays(p)).toBe(30);
  });

  test('analytics filter carries ISO bounds and only the set dimensions', () => {
    const f = parseFilters(new URLSearchParams('period=30d&region=64.02&topic=JALAN'));
    const r = resolvePeriod(f, NOW, TZ);
    expect(toAnalyticsFilter(f, r)).toEqual({ from: r.from!.toISOString(), to: r.to.toISOString(), regionCode: '64.02', topic: 'JALAN' });
  });

  test('trend interval', () => {
    const at = (period: '30d' | '90d' | '365d') => resolvePeriod({ period, from: null, to: null }, NOW, TZ);
    expect(trendInterval(at('30d'))).toBe('DAY');
    expect(trendInterval(at('90d'))).toBe('WEEK');
    expect(trendInterval(at('365d'))).toBe('MONTH');
  });
});

describe('helpers', () => {
  test('isDay accepts real calendar days only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('26-2-1')).toBe(false);
  });
  test('regionPath walks the Kemendagri hierarchy', () => {
    expect(regionPath('64.02.18.2001')).toEqual(['64', '64.02', '64.02.18', '64.02.18.2001']);
    expect(regionPath(null)).toEqual([]);
  });
  test('sharedQuery keeps the shared keys only, plus extras', () => {
    const current = new URLSearchParams('period=30d&lang=en&q=jalan&after=abc&region=64');
    expect(sharedQuery(current)).toBe('?period=30d&region=64&lang=en');
    expect(sharedQuery(current, { topic: 'JALAN', region: null })).toBe('?period=30d&lang=en&topic=JALAN');
  });
});
