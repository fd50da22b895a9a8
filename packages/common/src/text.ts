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

/**
 * What a lenient scalar (see buildFederatedSchema's DateTime) returns for a value it cannot parse: the
 * resolver wrapper turns it into BAD_USER_INPUT naming the argument, so a bad date is a field error
 * with a plain message (also through the gateway) instead of a request-level validation failure.
 */
export class InvalidScalarValue {
  constructor(
    readonly scalar: string,
    readonly raw: unknown,
  ) {}
}

/** Why a text was refused: the reason of its BAD_USER_INPUT (messages in @pantau/contract's catalogue). */
export type TextErrorReason = 'REQUIRED' | 'INVALID_CHARACTER' | 'INVALID_DATETIME';

function preview(raw: unknown): string {
  const s = typeof raw === 'string' ? JSON.stringify(raw) : raw === undefined ? 'nothing' : typeof raw === 'object' ? 'an object' : String(raw);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

export class TextError extends Error {
  readonly received: string;
  constructor(
    readonly field: string,
    readonly reason: TextErrorReason,
    raw?: unknown,
  ) {
    super(`${reason}: ${field}`);
    this.received = preview(raw);
  }
}

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** The cleaned text, or a TextError (lone surrogate). `field` names the value in the error. */
export function normalizeText(s: string, field = 'text'): string {
  if (hasLoneSurrogate(s)) throw new TextError(field, 'INVALID_CHARACTER');
  return s
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .normalize('NFC')
    .replace(EDGE_SPACE, '');
}

/** The GraphQL error for a TextError: BAD_USER_INPUT naming the field. */
export function textErrorToGraphQL(err: TextError) {
  return err.reason === 'INVALID_DATETIME' ? badInput(err.reason, { field: err.field, received: err.received }) : badInput(err.reason, { field: err.field });
}

/**
 * How to treat one value: its GraphQL shape as far as hygiene cares. `text` = String/ID (normalised;
 * `required` = non-null, so empty after cleaning is refused), `object` = an input object with its fields,
 * `list` = a list of the item shape, `scalar` = a lenient scalar (DateTime) whose InvalidScalarValue is
 * refused, `skip` = left as it is (other scalars, enums, exempt fields).
 */
export type TextShape =
  | { kind: 'text'; required: boolean }
  | { kind: 'object'; fields: Record<string, TextShape> }
  | { kind: 'list'; of: TextShape }
  | { kind: 'scalar' }
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
    case 'scalar':
      if (value instanceof InvalidScalarValue) throw new TextError(path, 'INVALID_DATETIME', value.raw);
      return value;
    case 'text': {
      if (typeof value !== 'string') return value;
      const out = normalizeText(value, path);
      if (shape.required && out === '') throw new TextError(path, 'REQUIRED');
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
