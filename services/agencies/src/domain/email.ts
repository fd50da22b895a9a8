import crypto from 'node:crypto';

/**
 * Staff emails are stored, looked up and counted in one form: Unicode NFKC (full-width letters, ligatures and
 * compatibility spaces become their plain forms), trimmed, lower-cased.
 */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase().normalize('NFKC');
}

/**
 * The form failed attempts are counted under: the normalised email without diacritics. MariaDB's
 * accent- and case-insensitive collation finds `andré@…` and `ANDRE@…` as the same row, so attempts are counted
 * by the account found (its stored email); when no account is found (or on SQLite, where `andré` does not
 * match `andre`) the folded typed email lands on the same counter as the account it resembles.
 */
export function emailCountingKey(email: string): string {
  const folded = normaliseEmail(email).normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC');
  // Hashed: fixed-length keys whatever was typed, and no email addresses in the limiter store.
  return crypto.createHash('sha256').update(folded).digest('base64url').slice(0, 32);
}
