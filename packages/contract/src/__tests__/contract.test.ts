import {
  ERROR_CODES,
  isErrorCode,
  isRating,
  isRegionCode,
  lengthOk,
  parseTrackingId,
  TEXT_LIMITS,
  trackingIdFromValue,
  PHONE_PATTERN,
  Maladministration,
  MALADMINISTRATION_LABELS,
} from '..';

describe('limits and patterns', () => {
  test('lengths count the trimmed text, both ends inclusive', () => {
    expect(lengthOk('  abcde  ', TEXT_LIMITS.title)).toBe(true);
    expect(lengthOk('abcd', TEXT_LIMITS.title)).toBe(false);
    expect(lengthOk('x'.repeat(200), TEXT_LIMITS.title)).toBe(true);
    expect(lengthOk('x'.repeat(201), TEXT_LIMITS.title)).toBe(false);
    expect(lengthOk('', TEXT_LIMITS.comment)).toBe(true);
  });
  test('region codes at every level, nothing else', () => {
    for (const code of ['64', '64.02', '64.02.18', '64.02.18.2001']) expect(isRegionCode(code)).toBe(true);
    for (const code of ['6', '64.2', '64.02.18.201', '64.02.18.2001.1', '64%', '64.02_']) expect(isRegionCode(code)).toBe(false);
  });
  test('ratings are whole stars 1-5', () => {
    expect([1, 5].every(isRating)).toBe(true);
    expect([0, 6, 2.5, '3', null].some(isRating)).toBe(false);
  });
  test('Indonesian mobile numbers', () => {
    expect(PHONE_PATTERN.test('0812-3456-7890')).toBe(true);
    expect(PHONE_PATTERN.test('+6281234567890')).toBe(true);
    expect(PHONE_PATTERN.test('021-555-1234')).toBe(false);
  });
});

describe('tracking IDs', () => {
  test('format and forgiving parse round-trip; a typo is caught by the check symbol', () => {
    const id = trackingIdFromValue(123456789012345n);
    expect(id).toMatch(/^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]$/);
    expect(parseTrackingId(id.toLowerCase().replace(/-/g, ' '))).toBe(id);
    const body = id.replace(/^LPR-/, '');
    const typo = body[0] === '7' ? `8${body.slice(1)}` : `7${body.slice(1)}`;
    expect(parseTrackingId(typo)).toBeNull();
  });
});

describe('error codes', () => {
  test('listed once each, recognised by isErrorCode', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(isErrorCode('RATE_LIMITED')).toBe(true);
    expect(isErrorCode('SOMETHING_ELSE')).toBe(false);
  });
});

describe('vocabulary', () => {
  test('every maladministration type has a label in both languages', () => {
    for (const type of Object.values(Maladministration)) {
      expect(MALADMINISTRATION_LABELS[type].id.length).toBeGreaterThan(0);
      expect(MALADMINISTRATION_LABELS[type].en.length).toBeGreaterThan(0);
    }
  });
});
