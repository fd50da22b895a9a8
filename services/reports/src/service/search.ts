/**
 * Full-text search terms → the dialect's query. Words are matched as prefixes and all must occur
 * (AND). Operators typed by the user are never passed through: only letters and digits survive.
 */
export const MAX_SEARCH_TERMS = 8;
/** InnoDB's default innodb_ft_min_token_size: shorter words are not indexed. */
export const MYSQL_MIN_TOKEN = 3;

export function searchTerms(input: string): string[] {
  const words = input.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/** FTS5 MATCH expression: `"jalan"* "rusak"*`. */
export function fts5Query(terms: string[]): string | null {
  return terms.length ? terms.map((t) => `"${t}"*`).join(' ') : null;
}

/** MariaDB boolean-mode expression: `+jalan* +rusak*` (short words are left to the LIKE fallback). */
export function mysqlBooleanQuery(terms: string[]): { match: string | null; short: string[] } {
  const long = terms.filter((t) => [...t].length >= MYSQL_MIN_TOKEN);
  const short = terms.filter((t) => [...t].length < MYSQL_MIN_TOKEN);
  return { match: long.length ? long.map((t) => `+${t}*`).join(' ') : null, short };
}
