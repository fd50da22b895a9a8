import { formatError } from '@pantau/contract';
import type { CombinedError } from 'urql';
import { formatNumber, type Lang } from '../i18n/format';
import { translate } from '../i18n/I18n';
import { errorCode } from './errors';

export { errorCode };

/**
 * A failed form submission, as the form shows it: one message per field (next to the field) and a
 * summary above the form, translated by `extensions.code` / `reason` and parameters with the
 * contract's error catalogue (`formatError`) — the text the server sent is never shown or parsed.
 *
 * The services report input problems as BAD_USER_INPUT with the first problem's `reason`, `field` and
 * parameters (`min`, `max`, …) and, for input validation, `fields: [{ field, reason, ...params }]`
 * with every problem at once. A field problem without a reason gets the form's own text for that
 * field (`fieldHint`), else the summary.
 */
export interface FormErrors {
  /** Field path → message shown next to that field. */
  fields: Record<string, string>;
  /** The message of the whole failure in the UI language (null when nothing failed or only fields did). */
  summary: string | null;
  /** extensions.code of the first error, 'network' when the server was not reached, 'local' for the form's own checks. */
  code: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, summary: null, code: null };

/** The form's own checks (before anything is sent): messages per field. */
export function localErrors(fields: Record<string, string>): FormErrors {
  return { fields, summary: null, code: 'local' };
}

type Extensions = { [param: string]: unknown };

/** Numbers in the parameters as the language writes them (5.000 / 5,000) before the catalogue fills them in. */
/** Numeric parameters in the language's grouping (5.000 / 5,000); the catalogue writes them as sent. */
function localized(lang: Lang, params: Extensions): Extensions {
  const out: Extensions = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' ? formatNumber(lang, v) : v;
  return out;
}

/** One error's message in the language, by its code, reason and parameters. */
export function errorText(lang: Lang, extensions: Extensions | undefined): string {
  return formatError(lang, localized(lang, extensions ?? {}));
}

function isProblem(value: unknown): value is { field: string; reason?: unknown } & Extensions {
  return typeof value === 'object' && value !== null && 'field' in value && typeof value.field === 'string';
}

export function formErrors(error: CombinedError | undefined | null, lang: Lang, fieldHint: (field: string) => string | undefined = () => undefined): FormErrors {
  if (!error) return NO_ERRORS;
  const first = error.graphQLErrors[0];
  if (!first) return { fields: {}, summary: translate(lang, 'panel.error.network'), code: 'network' };
  const ext: Extensions = first.extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : null;
  const summary = errorText(lang, ext);
  const fields: Record<string, string> = {};
  const problems = Array.isArray(ext.fields) ? ext.fields.filter(isProblem) : [];
  for (const p of problems) {
    if (fields[p.field]) continue;
    fields[p.field] = typeof p.reason === 'string' ? errorText(lang, { ...p, code: code ?? 'BAD_USER_INPUT' }) : (fieldHint(p.field) ?? summary);
  }
  if (typeof ext.field === 'string' && !fields[ext.field]) fields[ext.field] = typeof ext.reason === 'string' ? summary : (fieldHint(ext.field) ?? summary);
  return { fields, summary, code };
}

/** Fields (in form order) that have an error: the first one gets focus after a failed submit. */
export function firstInvalid(order: readonly string[], errors: Record<string, string>): string | null {
  return order.find((f) => errors[f]) ?? Object.keys(errors)[0] ?? null;
}
