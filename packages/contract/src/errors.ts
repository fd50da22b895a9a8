/**
 * Error codes of the public API with the parameters each one carries in `extensions` (beside `code`,
 * the English `message` for developers and, for now, the Indonesian `messageId`). Clients translate
 * by code and parameters; the text is never parsed.
 *
 * Shape on every route of every process:
 *   {"errors":[{"message":"<English>","extensions":{"code":"<CODE>","messageId":"<Indonesian>", ...params}}]}
 */

/** Parameters of a refused input: which field, and the rule it broke where one applies. */
export interface FieldParams {
  /** The argument or input field, e.g. `title` or `reporter.phone`. */
  field?: string;
  /** Length or value range that was not met. */
  min?: number;
  max?: number;
}

export interface ErrorParams {
  /** A value the caller sent is not acceptable (validation, unknown id/topic/region, bad cursor or date). */
  BAD_USER_INPUT: FieldParams;
  /** No such record or route. */
  NOT_FOUND: Record<string, never>;
  /** No token, or a bad, expired, forged or revoked one (HTTP 401 at request level). */
  UNAUTHENTICATED: Record<string, never>;
  /** The signed-in role may not do this. */
  FORBIDDEN: Record<string, never>;
  /** The record changed since the caller read it (expectedVersion) or the request repeats a unique one. */
  CONFLICT: Record<string, never>;
  /** The report's status does not allow this action now. */
  INVALID_TRANSITION: { status?: string };
  /** Too many requests: try again after `retryAfterSeconds` (HTTP 429, `Retry-After`). */
  RATE_LIMITED: { retryAfterSeconds: number; limit?: number };
  /** Operation limits (HTTP 400): `limit` is the configured maximum. */
  MAX_DEPTH_EXCEEDED: { limit: number };
  MAX_ALIASES_EXCEEDED: { limit: number };
  MAX_ROOT_FIELDS_EXCEEDED: { limit: number };
  MAX_TOKENS_EXCEEDED: { limit: number };
  MAX_DIRECTIVES_EXCEEDED: { limit: number };
  COST_LIMIT_EXCEEDED: { limit: number };
  /** The operation ran longer than `limitMs` and was stopped (HTTP 503). */
  OPERATION_TIMEOUT: { limitMs: number };
  /** Request body over the limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: { limit?: number };
  /** Not JSON (or not multipart for uploads) (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE: Record<string, never>;
  /** Headers over Node's limit (HTTP 431). */
  REQUEST_HEADER_FIELDS_TOO_LARGE: Record<string, never>;
  /** The document does not parse / does not match the schema. */
  GRAPHQL_PARSE_FAILED: Record<string, never>;
  GRAPHQL_VALIDATION_FAILED: Record<string, never>;
  PERSISTED_QUERY_NOT_FOUND: Record<string, never>;
  PERSISTED_QUERY_NOT_SUPPORTED: Record<string, never>;
  /** A subgraph behind the gateway does not answer. */
  SUBGRAPH_UNAVAILABLE: Record<string, never>;
  /** The service cannot reach its own store right now; nothing was written. */
  SERVICE_UNAVAILABLE: Record<string, never>;
  /** Anything else; logged on the server, never detailed to the client. */
  INTERNAL_SERVER_ERROR: Record<string, never>;
}

export type ErrorCode = keyof ErrorParams;

/** Every code, in a stable order (a client's catalogue must have a message for each). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_TRANSITION',
  'RATE_LIMITED',
  'MAX_DEPTH_EXCEEDED',
  'MAX_ALIASES_EXCEEDED',
  'MAX_ROOT_FIELDS_EXCEEDED',
  'MAX_TOKENS_EXCEEDED',
  'MAX_DIRECTIVES_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
  'OPERATION_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_HEADER_FIELDS_TOO_LARGE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'SUBGRAPH_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const satisfies readonly ErrorCode[];

// Compile-time check that ERROR_CODES lists every key of ErrorParams.
type Missing = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
const _everyCodeListed: Missing extends never ? true : Missing = true;
void _everyCodeListed;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The `extensions` of an error with a given code. */
export type ErrorExtensions<C extends ErrorCode = ErrorCode> = { code: C; messageId?: string } & ErrorParams[C];
