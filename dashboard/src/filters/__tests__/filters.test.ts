import {
  DEFAULT_PRESET,
  isDay,
  monthBuckets,
  parseFilters,
  previousPeriod,
  rangeDays,
  regionPath,
  resolvePeriod,
  sharedQuery,
  toAnalyticsFilter,
  toDay,
  trendInterval,
  writeFilters,
} from '../filters';

const TODAY = new Date(2026, 2, 15, 14, 30); // 15 March 2026, local time

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

describe('periods', () => {
  test('presets end at the next local midnight and span whole days', () => {
    for (const [period, days] of [['30d', 30], ['90d', 90], ['365d', 365]] as const) {
      const r = resolvePeriod({ period, from: null, to: null }, TODAY);
      expect(toDay(r.to)).toBe('2026-03-16');
      expect(r.to.getHours()).toBe(0);
      expect(rangeDays(r)).toBe(days);
    }
    const ytd = resolvePeriod({ period: 'ytd', from: null, to: null }, TODAY);
    expect(toDay(ytd.from)).toBe('2026-01-01');
  });

  test('a custom range includes its last day ([from, to+1))', () => {
    const r = resolvePeriod({ period: 'custom', from: '2026-02-01', to: '2026-02-28' }, TODAY);
    expect(toDay(r.from)).toBe('2026-02-01');
    expect(toDay(r.to)).toBe('2026-03-01');
    // reversed input is put in order instead of producing an empty range
    const rev = resolvePeriod({ period: 'custom', from: '2026-02-28', to: '2026-02-01' }, TODAY);
    expect([toDay(rev.from), toDay(rev.to)]).toEqual(['2026-02-01', '2026-03-01']);
  });

  test('the previous period has the same length and ends where this one starts', () => {
    const r = resolvePeriod({ period: '30d', from: null, to: null }, TODAY);
    const p = previousPeriod(r);
    expect(p.to.getTime()).toBe(r.from.getTime());
    expect(rangeDays(p)).toBe(30);
  });

  test('analytics filter carries ISO bounds and only the set dimensions', () => {
    const f = parseFilters(new URLSearchParams('period=30d&region=64.02&topic=JALAN'));
    const r = resolvePeriod(f, TODAY);
    expect(toAnalyticsFilter(f, r)).toEqual({ from: r.from.toISOString(), to: r.to.toISOString(), regionCode: '64.02', topic: 'JALAN' });
  });

  test('trend interval and month buckets', () => {
    const at = (period: '30d' | '90d' | '365d') => resolvePeriod({ period, from: null, to: null }, TODAY);
    expect(trendInterval(at('30d'))).toBe('DAY');
    expect(trendInterval(at('90d'))).toBe('WEEK');
    expect(trendInterval(at('365d'))).toBe('MONTH');
    const buckets = monthBuckets({ from: new Date(2026, 0, 15), to: new Date(2026, 3, 1) });
    expect(buckets.map((b) => [toDay(b.from), toDay(b.to)])).toEqual([
      ['2026-01-15', '2026-02-01'],
      ['2026-02-01', '2026-03-01'],
      ['2026-03-01', '2026-04-01'],
    ]);
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
