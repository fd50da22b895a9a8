import { MESSAGES } from '../messages';
import { REPORT_MESSAGES } from '../reportMessages';
import { translate } from '../I18n';
import { ReportStatus, Classification, ReportEventType, RegionLevel, RoadStatus } from '@pantau/contract';
import * as keys from '../keys';
import { ATTACHMENTS, RATING, REOPEN_WINDOW_DAYS, TEXT_LIMITS } from '@pantau/contract';
import { ratingParams, reopenParams, textLimitParams, uploadParams } from '../../forms/limits';
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

  test('one translator: the citizen/action keys go through the same translate() once their dictionary is loaded', () => {
    expect(translate('id', 'lapor.heading')).toBe('Laporkan masalah pelayanan publik');
    expect(translate('en', 'act.currentAgency', { agency: 'DPUPR' })).toBe('Current agency: DPUPR');
  });

  test('every value of the vocabulary has its label in both languages (key builders)', () => {
    const cases: [string, string[], (v: never) => Parameters<typeof translate>[1]][] = [
      ['status', Object.values(ReportStatus), keys.statusKey],
      ['lacak.explain', Object.values(ReportStatus), keys.explainStatusKey],
      ['class', Object.values(Classification), keys.classificationKey],
      ['lapor.class', Object.values(Classification), keys.classificationHelpKey],
      ['event', Object.values(ReportEventType), keys.eventKey],
      ['rg.level', Object.values(RegionLevel), keys.regionLevelKey],
      ['road', Object.values(RoadStatus), keys.roadStatusKey],
      ['role', [...keys.ACTOR_ROLES], keys.roleKey],
      ['rt.step', ['VERIFICATION', 'FIRST_RESPONSE', 'COMPLETION'], keys.slaStepKey],
      ['ag.level', ['NATIONAL', 'PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'], keys.agencyLevelKey],
      ['lacak.rating', ['1', '2', '3', '4', '5'], (n: never) => keys.ratingKey(Number(n) as 1)],
    ];
    for (const [prefix, values, build] of cases) {
      for (const v of values) {
        const key = build(v as never);
        expect(key.startsWith(prefix)).toBe(true);
        for (const lang of ['id', 'en'] as const) expect([key, translate(lang, key) !== key && translate(lang, key).length > 0]).toEqual([key, true]);
      }
    }
    for (const a of ['DISPOSITION', 'HOLD', 'ARCHIVE', 'FORWARD', 'RESPOND', 'COMPLETE', 'CLASSIFY'] as const) {
      for (const key of [keys.actionKey(a), keys.actionHelpKey(a), keys.actionSubmitKey(a), keys.actionDoneKey(a)]) {
        expect([key, translate('en', key) !== key]).toEqual([key, true]);
      }
    }
  });

  test('limits are spelled once: no citizen/action message writes a limit, the forms fill them from @pantau/contract', () => {
    for (const lang of ['id', 'en'] as const) {
      for (const [key, text] of Object.entries(REPORT_MESSAGES[lang])) {
        // a range ("5–200"), a thousands figure ("2.000", "5,000") or a size ("10 MB") written into the text
        expect([key, /\d\s*–\s*\d|\b\d{1,3}[.,]\d{3}\b|\d\s*MB/.test(text)]).toEqual([key, false]);
      }
    }
    const id = (n: number | null | undefined, f?: number) => formatNumber('id', n, f);
    const en = (n: number | null | undefined, f?: number) => formatNumber('en', n, f);
    expect(translate('id', 'lapor.err.body', textLimitParams(id, 'body'))).toBe(`Uraian harus ${TEXT_LIMITS.body.min}–5.000 karakter: ceritakan apa yang terjadi, di mana dan kapan.`);
    expect(translate('en', 'form.err.reason', textLimitParams(en, 'reason'))).toBe('The reason must be 5–2,000 characters.');
    expect(translate('id', 'lacak.err.rating', ratingParams(id))).toBe(`Pilih nilai ${RATING.min} sampai ${RATING.max}.`);
    expect(translate('en', 'upload.hint', uploadParams(en))).toContain(`at most ${ATTACHMENTS.maxPerItem} files of 10 MB each`);
    expect(translate('id', 'lacak.reopenHint', { date: '1 Des 2026', ...reopenParams(id) })).toContain(`(${REOPEN_WINDOW_DAYS} hari setelah selesai)`);
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
