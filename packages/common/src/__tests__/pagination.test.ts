import { cursorDate, decodeCursor, encodeCursor, paginateArray } from '../pagination';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8').toString('base64url');

describe('cursor hygiene', () => {
  it.each([
    ['an object', b64({ a: 1 })],
    ['an array holding an object', b64(['x', { $gt: '' }])],
    ['nested arrays', b64([['x'], 1])],
    ['a boolean key', b64([true, 1])],
    ['a non-finite number', b64('[1e999, 1]')],
    ['garbage', '%%%garbage'],
    ['not JSON', b64('hello')],
    ['the wrong arity', b64(['x'])],
    ['a huge cursor', 'A'.repeat(5000)],
  ])('refuses %s with BAD_USER_INPUT', (_what, cursor) => {
    try {
      decodeCursor(cursor, 2);
      throw new Error('accepted');
    } catch (err) {
      expect((err as { extensions?: { code?: string } }).extensions?.code).toBe('BAD_USER_INPUT');
      expect((err as Error).message).toMatch(/^The "after" cursor is not valid for this list/);
    }
  });

  it('accepts its own cursors', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', 'id-1']), 2)).toEqual(['2026-01-01T00:00:00.000Z', 'id-1']);
    expect(decodeCursor(encodeCursor([null, 3]), 2)).toEqual([null, 3]);
  });

  it('cursorDate refuses what is not a timestamp', () => {
    expect(cursorDate('2026-01-01T00:00:00.000Z').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(() => cursorDate('nope')).toThrow(/cursor/);
    expect(() => cursorDate(5)).toThrow(/cursor/);
  });

  it('paginateArray refuses an index that is not a non-negative integer', () => {
    for (const bad of [[-1], ['3'], [1.5]]) {
      expect(() => paginateArray([1, 2, 3], { after: b64(bad) })).toThrow(/cursor/);
    }
    expect(paginateArray([1, 2, 3], { after: encodeCursor([0]) }).edges.map((e) => e.node)).toEqual([2, 3]);
  });
});
