import crypto from 'node:crypto';
import { checkSymbol, generateTrackingId, isValidTrackingId, parseTrackingId, trackingIdFromValue } from '../tracking-id';

const SHAPE = /^LPR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]$/;
const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('tracking IDs', () => {
  it('have the documented shape and validate', () => {
    for (let i = 0; i < 1000; i++) {
      const id = generateTrackingId();
      expect(id).toMatch(SHAPE);
      expect(parseTrackingId(id)).toBe(id);
    }
  });

  it('are not sequential and do not repeat (60 random bits)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20000; i++) seen.add(generateTrackingId());
    expect(seen.size).toBe(20000);
    // every body position takes many values: no fixed or counter-like symbols
    const ids = [...seen].slice(0, 2000).map((s) => s.replace(/-/g, '').slice(3, 15));
    for (let pos = 0; pos < 12; pos++) {
      expect(new Set(ids.map((s) => s[pos])).size).toBe(32);
    }
  });

  it('uses Crockford check symbols (value mod 37) including the five extra symbols', () => {
    expect(checkSymbol(0n)).toBe('0');
    expect(checkSymbol(31n)).toBe('Z');
    expect(checkSymbol(32n)).toBe('*');
    expect(checkSymbol(33n)).toBe('~');
    expect(checkSymbol(34n)).toBe('$');
    expect(checkSymbol(35n)).toBe('=');
    expect(checkSymbol(36n)).toBe('U');
    expect(checkSymbol(37n)).toBe('0');
    expect(trackingIdFromValue(0n)).toBe('LPR-0000-0000-0000-0');
    expect(trackingIdFromValue(36n)).toBe('LPR-0000-0000-0014-U');
    expect(() => trackingIdFromValue(1n << 60n)).toThrow(RangeError);
  });

  it('accepts what people type: lower case, spaces, no prefix, I/L for 1, O for 0', () => {
    const id = trackingIdFromValue(0x123456789abcdefn);
    const body = id.slice(4);
    expect(parseTrackingId(id.toLowerCase())).toBe(id);
    expect(parseTrackingId(body)).toBe(id);
    expect(parseTrackingId(body.replace(/-/g, ' '))).toBe(id);
    const withOne = trackingIdFromValue(BigInt('0b' + '00001'.repeat(12)));
    expect(parseTrackingId(withOne.replace(/1/g, 'l'))).toBe(withOne);
    expect(parseTrackingId(withOne.replace(/1/g, 'I'))).toBe(withOne);
    const withZero = trackingIdFromValue(5n);
    expect(parseTrackingId(withZero.slice(4).replace(/0/g, 'O'))).toBe(withZero);
  });

  it('rejects every single-symbol typo and every adjacent swap', () => {
    for (let n = 0; n < 60; n++) {
      const id = generateTrackingId();
      const compact = id.replace(/-/g, '').slice(3); // 12 body symbols + check
      for (let pos = 0; pos < compact.length; pos++) {
        for (const sym of SYMBOLS + '*~$=U') {
          if (sym === compact[pos]) continue;
          const typo = compact.slice(0, pos) + sym + compact.slice(pos + 1);
          expect(isValidTrackingId(typo)).toBe(false);
        }
      }
      for (let pos = 0; pos + 1 < compact.length; pos++) {
        if (compact[pos] === compact[pos + 1]) continue;
        const swapped = compact.slice(0, pos) + compact[pos + 1] + compact[pos] + compact.slice(pos + 2);
        expect(isValidTrackingId(swapped)).toBe(false);
      }
    }
  });

  it('rejects malformed input', () => {
    for (const bad of ['', 'LPR', 'LPR-0000-0000-0000', 'LPR-0000-0000-0000-00', 'LPR-UUUU-0000-0000-0', '💥', 'x'.repeat(100)]) {
      expect(parseTrackingId(bad)).toBeNull();
    }
  });

  it('draws from the random source given (60 bits)', () => {
    const fixed = Buffer.from('ffffffffffffffff', 'hex');
    expect(generateTrackingId(() => fixed)).toBe(trackingIdFromValue((1n << 60n) - 1n));
    expect(crypto.randomBytes).toBeDefined();
  });
});
