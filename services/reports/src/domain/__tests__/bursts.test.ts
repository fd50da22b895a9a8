import { bursts, normaliseText, orderBursts, reporterKey, textKey } from '../bursts';

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
});
