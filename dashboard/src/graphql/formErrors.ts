import type { CombinedError } from 'urql';
import type { Lang } from '../i18n/format';
import { errorMessage } from './errors';

/**
 * A failed form submission, as the form shows it: one message per field (next to the field) and a
 * summary above the form.
 *
 * The services report input problems as BAD_USER_INPUT with
 *  - `extensions.fields: [{ field: 'title' | 'reporter.email' | …, messages: [English…] }]` (input
 *    validation: every problem at once), or
 *  - `extensions.field: 'topic' | 'attachmentIds' | 'agencyId' | 'trackingId'` (one check further in),
 * and `extensions.messageId` in Indonesian. In Bahasa Indonesia a field gets the form's own
 * Indonesian hint for that field (the per-field server messages are English) or else messageId; in
 * English it gets the server's messages.
 */
export interface FormErrors {
  /** Field path → message shown next to that field. */
  fields: Record<string, string>;
  /** The server's own message in the UI language (null when nothing failed). */
  summary: string | null;
  /** extensions.code of the first error ('network' when the server was not reached). */
  code: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, summary: null, code: null };

interface FieldProblem {
  field: string;
  messages?: string[];
}

export function formErrors(error: CombinedError | undefined | null, lang: Lang, idHint: (field: string) => string | undefined = () => undefined): FormErrors {
  if (!error) return NO_ERRORS;
  const first = error.graphQLErrors[0];
  if (!first) return { fields: {}, summary: errorMessage(error, lang), code: 'network' };
  const ext = (first.extensions ?? {}) as Record<string, unknown>;
  const code = typeof ext.code === 'string' ? ext.code : null;
  const summary = errorMessage(error, lang);
  const fields: Record<string, string> = {};
  const problems = Array.isArray(ext.fields) ? (ext.fields as FieldProblem[]) : [];
  for (const p of problems) {
    if (!p || typeof p.field !== 'string') continue;
    const english = (p.messages ?? []).join('; ');
    fields[p.field] = lang === 'id' ? (idHint(p.field) ?? summary) : english || summary;
  }
  if (typeof ext.field === 'string' && !fields[ext.field]) fields[ext.field] = summary;
  return { fields, summary, code };
}

export function errorCode(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.graphQLErrors.length === 0) return 'network';
  const code = error.graphQLErrors[0].extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** Fields (in form order) that have an error: the first one gets focus after a failed submit. */
export function firstInvalid(order: string[], errors: Record<string, string>): string | null {
  return order.find((f) => errors[f]) ?? Object.keys(errors)[0] ?? null;
}
