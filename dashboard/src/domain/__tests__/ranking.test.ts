import { parseDirection, shortLabel, sortRanked, topAndBottom } from '../ranking';

const rows = [
  { name: 'A', v: 80 },
  { name: 'B', v: null },
  { name: 'C', v: 40 },
  { name: 'D', v: 60 },
];
const value = (r: { v: number | null }) => r.v;
const label = (r: { name: string }) => r.name;

describe('rankings both ways', () => {
  test('worst first for a figure where higher is better; nulls last either way', () => {
    expect(sortRanked(rows, value, true, 'worst', label).map(label)).toEqual(['C', 'D', 'A', 'B']);
    expect(sortRanked(rows, value, true, 'best', label).map(label)).toEqual(['A', 'D', 'C', 'B']);
  });
  test('worst first for a figure where lower is better (median response time)', () => {
    expect(sortRanked(rows, value, false, 'worst', label).map(label)).toEqual(['A', 'D', 'C', 'B']);
  });
  test('top and bottom of a long ranking', () => {
    const many = Array.from({ length: 14 }, (_, i) => i);
    expect(topAndBottom(many, 5)).toEqual({ rows: [0, 1, 2, 3, 4, 9, 10, 11, 12, 13], gapAfter: 4 });
    expect(topAndBottom([1, 2, 3], 5)).toEqual({ rows: [1, 2, 3], gapAfter: null });
  });
  test('direction from the URL, and short axis labels', () => {
    expect(parseDirection('best', 'worst')).toBe('best');
    expect(parseDirection('x', 'worst')).toBe('worst');
    expect(shortLabel('Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kutai Kartanegara')).toBe('Dinas Pekerjaan Umum dan Penata…');
    expect(shortLabel('Dinas Kesehatan Kabupaten Kutai Kartanegara')).toBe('Dinas Kesehatan Kukar');
  });
});
