import { burstKeys, bursts, counterKeys, normaliseText, orderBursts, reporterHash, reporterKey, textKey } from '../bursts';

describe('near-identical reports', () => {
  it('ignore case, accents, punctuation and spacing, but not words', () => {
    expect(normaliseText('  Jalan RUSAK, di Tenggarong!!  ')).toBe('jalan rusak di tenggarong');
    expect(normaliseText('Café  ―  kopi')).toBe('cafe kopi');
    expect(textKey('Jalan rusak', 'Lubang besar.')).toBe(textKey('JALAN  rusak!', 'lubang   besar'));
    expect(textKey('Jalan rusak', 'Lubang besar')).not.toBe(textKey('Jalan rusak', 'Lubang kecil'));
    // the title and body are kept apart: moving a word across does not make the same text
    expect(textKey('a b', 'c')).not.toBe(textKey('a', 'b c'));
  });

  it('know a reporter by e-mail (any case), else by phone digits; anonymous is nobody', () => {
    expect(reporterKey(' Warga@Example.id ', '0812')).toBe('e:warga@example.id');
    expect(reporterKey(null, '0812-3456-789')).toBe(reporterKey(null, '+62 812 3456 789'));
    expect(reporterKey(null, null)).toBeNull();
    expect(reporterKey('', '')).toBeNull();
  });

  it('are a burst from the threshold on, per day and key', () => {
    const rows = [
      ...Array.from({ length: 10 }, () => ({ day: '2026-03-10', key: 'a' })),
      ...Array.from({ length: 9 }, () => ({ day: '2026-03-11', key: 'a' })),
      ...Array.from({ length: 12 }, () => ({ day: '2026-03-10', key: null })),
    ];
    expect(bursts(rows, 'SAME_TEXT', 10)).toEqual([{ day: '2026-03-10', kind: 'SAME_TEXT', count: 10 }]);
    expect(bursts(rows, 'SAME_TEXT', 9)).toHaveLength(2);
    expect(
      orderBursts([
        { day: '2026-03-11', kind: 'SAME_TEXT', count: 10 },
        { day: '2026-03-10', kind: 'SAME_TEXT', count: 11 },
        { day: '2026-03-10', kind: 'SAME_REPORTER', count: 10 },
      ]).map((b) => `${b.day} ${b.kind}`),
    ).toEqual(['2026-03-10 SAME_REPORTER', '2026-03-10 SAME_TEXT', '2026-03-11 SAME_TEXT']);
  });

  it('stores a report under its day, text hash and reporter hash, and counts it under one or two keys', () => {
    const a = burstKeys({ title: 'Jalan RUSAK!', body: 'Lubang  besar.', reporterEmail: 'Warga@Example.id', reporterPhone: null }, '2026-03-10');
    const b = burstKeys({ title: 'jalan rusak', body: 'lubang besar', reporterEmail: 'warga@example.id', reporterPhone: '+6281' }, '2026-03-10');
    expect(a).toEqual({ localDay: '2026-03-10', textHash: textKey('jalan rusak', 'lubang besar'), reporterHash: reporterHash('warga@example.id', null) });
    expect(b).toEqual(a);
    expect(a.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.reporterHash).not.toContain('warga'); // a hash, not the address
    expect(reporterHash(null, '0812-3456')).toBe(reporterHash(null, '+62 812 3456'));
    expect(counterKeys(a)).toEqual([`t:${a.textHash}`, `r:${a.reporterHash}`]);
    const anonymous = burstKeys({ title: 'x', body: 'y', reporterEmail: null, reporterPhone: null }, '2026-03-10');
    expect(anonymous.reporterHash).toBeNull();
    expect(counterKeys(anonymous)).toEqual([`t:${anonymous.textHash}`]);
  });
});
