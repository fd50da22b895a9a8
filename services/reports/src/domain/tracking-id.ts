import crypto from 'node:crypto';

/**
 * Tracking IDs: the reporter's key to their own report.
 *
 *   LPR-XXXX-XXXX-XXXX-C
 *
 * - 12 symbols of Crockford base32 = 60 random bits from crypto.randomBytes (no sequence, nothing
 *   derived from time or ids): guessing one valid ID among a million reports takes ~2^40 tries.
 * - C is Crockford's check symbol: the 60-bit value mod 37, written with the 32 base32 symbols plus
 *   `* ~ $ = U` for 32..36. Because 37 is prime and does not divide 32 or 31, every single-symbol
 *   substitution and every swap of two adjacent symbols changes the value mod 37, so it is detected.
 * - Input is forgiving as in Crockford's spec: case-insensitive, hyphens and spaces ignored,
 *   I/L read as 1 and O as 0, prefix optional.
 */
export const TRACKING_PREFIX = 'LPR';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_ALPHABET = `${ALPHABET}*~$=U`;
const BODY_LENGTH = 12;
const BITS = 60n;

function encodeBody(value: bigint): string {
  let out = '';
  for (let i = 0; i < BODY_LENGTH; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

export function checkSymbol(value: bigint): string {
  return CHECK_ALPHABET[Number(value % 37n)];
}

function format(body: string, check: string): string {
  return `${TRACKING_PREFIX}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${check}`;
}

/** Formats a 60-bit value as a tracking ID (exposed for tests and deterministic demo data). */
export function trackingIdFromValue(value: bigint): string {
  if (value < 0n || value >= 1n << BITS) throw new RangeError('tracking ID value must fit in 60 bits');
  return format(encodeBody(value), checkSymbol(value));
}

/** A new unguessable tracking ID (60 bits from the OS CSPRNG). */
export function generateTrackingId(random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(8);
  const value = bytes.readBigUInt64BE(0) >> 4n; // keep 60 bits
  return trackingIdFromValue(value);
}

function decodeSymbol(ch: string): number {
  const c = ch === 'I' || ch === 'L' ? '1' : ch === 'O' ? '0' : ch;
  return ALPHABET.indexOf(c);
}

/**
 * Normalises what a person typed into the canonical tracking ID, or null when it is not a valid one
 * (wrong length, a symbol outside the alphabet, or a check symbol that does not match: a typo).
 */
export function parseTrackingId(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  let s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.startsWith(TRACKING_PREFIX)) s = s.slice(TRACKING_PREFIX.length);
  if (s.length !== BODY_LENGTH + 1) return null;
  let value = 0n;
  for (const ch of s.slice(0, BODY_LENGTH)) {
    const d = decodeSymbol(ch);
    if (d < 0) return null;
    value = (value << 5n) | BigInt(d);
  }
  let check = s[BODY_LENGTH];
  if (check === 'I' || check === 'L') check = '1';
  if (check === 'O') check = '0';
  if (checkSymbol(value) !== check) return null;
  return trackingIdFromValue(value);
}

export function isValidTrackingId(input: string): boolean {
  return parseTrackingId(input) !== null;
}
