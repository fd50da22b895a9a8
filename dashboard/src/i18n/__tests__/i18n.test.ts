import { MESSAGES } from '../messages';
import { REPORT_MESSAGES } from '../reportMessages';
import { translate } from '../I18n';
import { formatDate, formatHours, formatIndex, formatNumber, formatPercent } from '../format';

describe('dictionary', () => {
  test('English translates every Indonesian key, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(MESSAGES.id) as (keyof typeof MESSAGES.id)[]) {
      expect([key, MESSAGES.en[key].length > 0]).toEqual([key, true]);
      expect([key, placeholders(MESSAGES.en[key])]).toEqual([key, placeholders(MESSAGES.id[key])]);
    }
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.id).sort());
  });

  test('the citizen/action dictionary is complete in English and never shadows a main key', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(REPORT_MESSAGES.id) as (keyof typeof REPORT_MESSAGES.id)[]) {
      expect([key, REPORT_MESSAGES.en[key].length > 0]).toEqual([key, true]);
      expect([key, placeholders(REPORT_MESSAGES.en[key])]).toEqual([key, placeholders(REPORT_MESSAGES.id[key])]);
      expect([key, key in MESSAGES.id]).toEqual([key, false]);
    }
    expect(Object.keys(REPORT_MESSAGES.en).sort()).toEqual(Object.keys(REPORT_MESSAGES.id).sort());
  });

  test('translate fills placeholders', () => {
    expect(translate('id', 'rp.count', { count: '1.234' })).toBe('1.234 laporan');
    expect(translate('en', 'rp.count', { count: '1,234' })).toBe('1,234 reports');
  });
});

describe('locale formatting (id-ID / en-GB)', () => {
  test('numbers and percentages use each locale’s separators', () => {
    expect(formatNumber('id', 1234567)).toBe('1.234.567');
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    expect(formatPercent('id', 0.625)).toBe('62,5%');
    expect(formatPercent('en', 0.625)).toBe('62.5%');
    expect(formatIndex('id', 71.25)).toBe('71,3');
    expect(formatPercent('id', null)).toBe('—');
  });

  test('durations in hours below two days, days above', () => {
    expect(formatHours('id', 30)).toBe('30 jam');
    expect(formatHours('en', 30)).toBe('30 hours');
    expect(formatHours('id', 60)).toBe('2,5 hari');
    expect(formatHours('en', 60)).toBe('2.5 days');
  });

  test('dates with Indonesian and British month names', () => {
    const d = new Date(2026, 7, 17, 10, 0);
    expect(formatDate('id', d)).toBe('17 Agu 2026');
    expect(formatDate('en', d)).toBe('17 Aug 2026');
  });
});
