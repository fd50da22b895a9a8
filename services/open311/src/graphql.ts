/**
 * The adapter never reads a store: every Open311 method and every open-data figure is a GraphQL operation run
 * by the gateway's own executor over the composed supergraph, so intake validation, privacy, operation limits
 * and small-cell suppression are exactly those of /graphql.
 */
export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResult<T = any> {
  data?: T | null;
  errors?: ReadonlyArray<GraphQLErrorLike>;
}

export interface ExecutionContext {
  /** The end client's address (rate limits and the subgraphs' X-Pantau-Client-Ip). */
  clientIp?: string;
  acceptLanguage?: string;
}

/** Runs one operation as a signed-out client (no Authorization): the public view. */
export type GraphQLExecutor = (op: { query: string; variables?: Record<string, unknown> }, ctx: ExecutionContext) => Promise<GraphQLResult>;

/**
 * A GraphQL error carried to the HTTP layer with the status it deserves: its catalogue key (`CODE` or
 * `CODE.REASON`) and parameters, described in the request's language where it is answered.
 */
export class UpstreamError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(key);
  }

  get code(): string {
    return this.key.split('.')[0];
  }
}

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  MAX_DEPTH_EXCEEDED: 400,
  MAX_ALIASES_EXCEEDED: 400,
  MAX_ROOT_FIELDS_EXCEEDED: 400,
  MAX_TOKENS_EXCEEDED: 400,
  MAX_DIRECTIVES_EXCEEDED: 400,
  COST_LIMIT_EXCEEDED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 403,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  OPERATION_TIMEOUT: 503,
  SUBGRAPH_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
};

export function upstreamError(err: GraphQLErrorLike): UpstreamError {
  const code = typeof err.extensions?.code === 'string' ? err.extensions.code : 'INTERNAL_SERVER_ERROR';
  const status = STATUS_BY_CODE[code] ?? 500;
  const retry = typeof err.extensions?.retryAfterSeconds === 'number' ? err.extensions.retryAfterSeconds : undefined;
  // a 5xx never passes upstream details on: they could name an internal detail
  if (status >= 500) return status === 503 ? new UpstreamError(503, 'SERVICE_UNAVAILABLE') : new UpstreamError(500, 'INTERNAL_SERVER_ERROR');
  const { code: _code, reason, messageId: _messageId, ...params } = err.extensions ?? {};
  return new UpstreamError(status, typeof reason === 'string' ? `${code}.${reason}` : code, params, retry);
}

/** The data of a result, or the first error as an UpstreamError (partial answers count as failures). */
export async function run<T>(execute: GraphQLExecutor, query: string, variables: Record<string, unknown>, ctx: ExecutionContext): Promise<T> {
  const result = await execute({ query, variables }, ctx);
  if (result.errors?.length) throw upstreamError(result.errors[0]);
  if (!result.data) throw new UpstreamError(500, 'INTERNAL_SERVER_ERROR');
  return result.data as T;
}
