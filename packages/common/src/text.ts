import { badInput } from './errors';

/**
 * Text hygiene for every string a client sends (arguments and input-object fields of every subgraph).
 *
 * - Unicode NFC, so "é" typed as e + U+0301 and as U+00E9 is one string (search, uniqueness, sorting);
 * - CR LF and lone CR become LF; NUL and the other C0 controls except TAB and LF, DEL and the C1
 *   controls are removed (they cannot be typed, break logs and CSV exports, and hide text);
 * - bidi embedding/override/isolate characters (U+202A–U+202E, U+2066–U+2069) are removed: they make a
 *   title read differently from what is stored ("Trojan Source");
 * - leading and trailing white space (Unicode White_Space, plus zero-width space, word joiner and BOM)
 *   is removed;
 * - a lone surrogate (not valid UTF-16, cannot be stored as UTF-8) is refused.
 *
 * Pure functions; `normalizeArgs` applies them to a resolver's arguments in place.
 */

const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g; // eslint-disable-line no-control-regex
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const EDGE_SPACE = /^[\s\u200B\u2060\uFEFF]+|[\s\u200B\u2060\uFEFF]+$/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export class TextError extends Error {
  constructor(
    readonly field: string,
    readonly reason: 'SURROGATE' | 'EMPTY',
  ) {
    super(
      reason === 'EMPTY'
        ? `"${field}" must not be empty or only spaces.`
        : `"${field}" contains an invalid character (a lone UTF-16 surrogate).`,
    );
  }
}

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** The cleaned text, or a TextError (lone surrogate). `field` names the value in the error. */
export function normalizeText(s: string, field = 'text'): string {
  if (hasLoneSurrogate(s)) throw new TextError(field, 'SURROGATE');
  return s
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .normalize('NFC')
    .replace(EDGE_SPACE, '');
}

/** The GraphQL error for a TextError: BAD_USER_INPUT naming the field. */
export function textErrorToGraphQL(err: TextError) {
  return err.reason === 'EMPTY'
    ? badInput(err.message, `"${err.field}" tidak boleh kosong atau hanya berisi spasi.`, { field: err.field })
    : badInput(err.message, `"${err.field}" berisi karakter yang tidak sah (surrogate UTF-16 tunggal).`, { field: err.field });
}

/**
 * How to treat one value: its GraphQL shape as far as hygiene cares. `text` = String/ID (normalised;
 * `required` = non-null, so empty after cleaning is refused), `object` = an input object with its fields,
 * `list` = a list of the item shape, `skip` = left as it is (other scalars, enums, exempt fields).
 */
export type TextShape =
  | { kind: 'text'; required: boolean }
  | { kind: 'object'; fields: Record<string, TextShape> }
  | { kind: 'list'; of: TextShape }
  | { kind: 'skip' };

/**
 * Normalises `value` in place following `shape` (objects and arrays are modified, the cleaned value is
 * returned for strings). Throws TextError with the dotted path of the offending field.
 */
export function normalizeValue(value: unknown, shape: TextShape, path: string): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.kind) {
    case 'skip':
      return value;
    case 'text': {
      if (typeof value !== 'string') return value;
      const out = normalizeText(value, path);
      if (shape.required && out === '') throw new TextError(path, 'EMPTY');
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) return normalizeValue(value, shape.of, path); // input coercion of a single item
      for (let i = 0; i < value.length; i++) value[i] = normalizeValue(value[i], shape.of, `${path}[${i}]`);
      return value;
    }
    case 'object': {
      if (typeof value !== 'object') return value;
      const obj = value as Record<string, unknown>;
      for (const [name, fieldShape] of Object.entries(shape.fields)) {
        if (name in obj) obj[name] = normalizeValue(obj[name], fieldShape, path ? `${path}.${name}` : name);
      }
      return value;
    }
  }
}

/** Normalises a resolver's `args` object in place (argument name → shape). */
export function normalizeArgs(args: Record<string, unknown>, shapes: Record<string, TextShape>): void {
  for (const [name, shape] of Object.entries(shapes)) {
    if (name in args) args[name] = normalizeValue(args[name], shape, name);
  }
}
