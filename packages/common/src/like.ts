/**
 * User values inside SQL LIKE patterns. A value is bound as a parameter (never spliced into SQL), but `%`
 * and `_` inside it would still act as wildcards: `roads(regionCode: "%")` matched every road. Every LIKE
 * that carries a user value escapes it with `escapeLike` and ends with `LIKE_ESCAPE`.
 *
 * The escape character is `!`, the same on SQLite (no default escape) and MariaDB (whose default is the
 * backslash, which a string literal would need doubled on one and not the other). Under `ESCAPE '!'` a
 * backslash is an ordinary character on both.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";

/** `50%_off!` → `50!%!_off!!`: the value matches only itself inside a LIKE pattern with `LIKE_ESCAPE`. */
export function escapeLike(value: string): string {
  return value.replace(/[!%_]/g, '!$&');
}

/** A LIKE pattern for values that start with `prefix` (taken literally), e.g. region codes inside a region: `likePrefix('64.02.')`. */
export function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

/** A LIKE pattern for values that contain `text` (taken literally). */
export function likeContains(text: string): string {
  return `%${escapeLike(text)}%`;
}
