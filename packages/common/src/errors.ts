import { AsyncLocalStorage } from 'node:async_hooks';
import type http from 'node:http';
import { GraphQLError } from 'graphql';

import { ERROR_MESSAGES, formatError, type ErrorCode, type ErrorKey, type ErrorKeyParams, type Lang } from '@pantau/contract';

/**
 * Errors of every Pantau process, GraphQL and plain HTTP alike: a stable `extensions.code`, a `reason`
 * sub-code for a specific refusal and its parameters (typed in @pantau/contract). The human `message`
 * is the contract's catalogue text (`formatError`) in the request's language (Accept-Language), and
 * `extensions.messageId` the Indonesian one (deprecated, kept for one release). No server code writes
 * error prose: throw sites name a catalogue key and its parameters.
 */
export type { ErrorCode, ErrorKey, Lang };

/**
 * The language of an answer when the request names none we have: English. The API's first readers
 * are developers (and every client so far read `message` as English); the dashboard always sends its
 * UI language, Bahasa Indonesia by default.
 */
export const DEFAULT_LANG: Lang = 'en';

/**
 * The language an Accept-Language header asks for: the supported language with the highest q
 * (`id`, its old tag `in`, and `en`, with or without a region); DEFAULT_LANG when none is named.
 */
export function requestLang(header: string | string[] | undefined | null): Lang {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: Lang | null = null;
  let bestQ = 0;
  for (const part of raw.slice(0, 512).split(',')) {
    const [tag, ...rest] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const lang: Lang | null = primary === 'id' || primary === 'in' ? 'id' : primary === 'en' ? 'en' : null;
    if (!lang) continue;
    const qParam = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best ?? DEFAULT_LANG;
}

const langStore = new AsyncLocalStorage<Lang>();

/**
 * Express middleware (mounted first in every process): the rest of the request runs knowing its
 * language, so an error thrown anywhere in it (resolvers, context, plugins) is written in it.
 */
export function requestLanguage() {
  return (req: http.IncomingMessage, _res: unknown, next: () => void) => {
    langStore.run(requestLang(req.headers['accept-language']), next);
  };
}

/** The current request's language (DEFAULT_LANG outside a request). */
export function currentLang(): Lang {
  return langStore.getStore() ?? DEFAULT_LANG;
}

/** Extensions of an error: `{code, reason?, ...params}` from a catalogue key. */
export function errorExtensions<K extends ErrorKey>(key: K, params: ErrorKeyParams<K>): Record<string, unknown> & { code: ErrorCode } {
  const [code, reason] = key.split('.') as [ErrorCode, string | undefined];
  return { code, ...(reason ? { reason } : {}), ...(params as object) };
}

/** The message in a language and the deprecated Indonesian messageId for extensions. */
export function errorText(extensions: Record<string, unknown>, lang: Lang = currentLang()): { message: string; messageId: string } {
  return { message: formatError(lang, extensions), messageId: formatError('id', extensions) };
}

export interface AppErrorOptions {
  /**
   * For errors that fail a whole request (a bad token, raised while building the context). Field
   * errors leave it unset: the response stays 200 with partial data, so the gateway can still merge
   * what other subgraphs returned.
   */
  httpStatus?: number;
  /** Data beside the message's parameters (e.g. every problem of a validation, `found`). */
  extra?: Record<string, unknown>;
}

export class AppError<K extends ErrorKey = ErrorKey> extends GraphQLError {
  readonly key: K;
  constructor(key: K, params: ErrorKeyParams<K>, opts: AppErrorOptions = {}) {
    const ext = { ...errorExtensions(key, params), ...(opts.extra ?? {}) };
    const { message, messageId } = errorText(ext);
    super(message, {
      extensions: { ...ext, messageId, ...(opts.httpStatus ? { http: { status: opts.httpStatus } } : {}) },
    });
    this.key = key;
  }

  /** The HTTP status a plain route answers this error with. */
  get httpStatus(): number | undefined {
    return (this.extensions.http as { status?: number } | undefined)?.status;
  }
}

type Reason<C extends string, K = ErrorKey> = K extends `${C}.${infer R}` ? R : never;

/** BAD_USER_INPUT with a reason: `badInput('TOO_SHORT', {field, min, max})`. */
export function badInput<R extends Reason<'BAD_USER_INPUT'>>(
  reason: R,
  params: ErrorKeyParams<`BAD_USER_INPUT.${R}` & ErrorKey>,
  extra?: Record<string, unknown>,
): AppError {
  return new AppError(`BAD_USER_INPUT.${reason}` as ErrorKey, params as never, { extra });
}

export const notFound = <R extends Reason<'NOT_FOUND'>>(reason: R, params = {} as ErrorKeyParams<`NOT_FOUND.${R}` & ErrorKey>) =>
  new AppError(`NOT_FOUND.${reason}` as ErrorKey, params as never);

export const unauthenticated = (reason: 'SIGN_IN_REQUIRED' | 'STAFF_REQUIRED' | 'WRONG_CREDENTIALS' = 'SIGN_IN_REQUIRED') =>
  new AppError(`UNAUTHENTICATED.${reason}`, {});

/** A request-level authentication failure (bad or expired token): HTTP 401. */
export const invalidToken = <K extends `UNAUTHENTICATED.${Reason<'UNAUTHENTICATED'>}` & ErrorKey>(key: K, params: ErrorKeyParams<K>) =>
  new AppError(key, params, { httpStatus: 401 });

export const forbidden = <R extends Reason<'FORBIDDEN'>>(reason?: R, params = {} as ErrorKeyParams<`FORBIDDEN.${R}` & ErrorKey>) =>
  reason ? new AppError(`FORBIDDEN.${reason}` as ErrorKey, params as never) : new AppError('FORBIDDEN', {} as never);

export const conflict = <R extends Reason<'CONFLICT'>>(reason: R, params = {} as ErrorKeyParams<`CONFLICT.${R}` & ErrorKey>) =>
  new AppError(`CONFLICT.${reason}` as ErrorKey, params as never);

/** Codes whose errors GraphQL itself raises with a specific English text (variables, syntax, schema). */
const GRAPHQL_DETAIL_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

const catalogued = (code: unknown): code is string => typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES.en, code);

/**
 * An error answer (GraphQL formatted error or plain JSON) written in `lang` from its extensions: the
 * catalogue message, and `messageId` in Indonesian. Errors raised by GraphQL itself (no reason) get
 * reason `GRAPHQL` with their English text as `detail`. Codes outside the catalogue pass unchanged.
 */
export function localizeError<T extends { message: string; extensions?: Record<string, unknown> }>(err: T, lang: Lang = currentLang()): T {
  const ext = err.extensions ?? {};
  if (!catalogued(ext.code)) return err;
  const { messageId: _old, ...rest } = ext;
  const withDetail = rest.reason === undefined && GRAPHQL_DETAIL_CODES.has(ext.code as string) ? { ...rest, reason: 'GRAPHQL', detail: err.message } : rest;
  const { message, messageId } = errorText(withDetail, lang);
  return { ...err, message, extensions: { ...withDetail, messageId } };
}
