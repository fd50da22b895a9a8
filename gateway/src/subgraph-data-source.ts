import http from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError, Kind, parse, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import nodeFetch, { type RequestInit as NodeFetchInit } from 'node-fetch';
import { errorExtensions, errorText } from '@pantau/common';

/**
 * Gateway → subgraph calls that survive idle keep-alive sockets, restarts and outages.
 *
 * - **Connections.** Apollo's default fetcher (make-fetch-happen) keeps idle sockets forever and ignores
 *   the server's `Keep-Alive: timeout=…` hint, so a request sent just as a subgraph closes an idle socket
 *   fails with `socket hang up` / `ECONNRESET`. Here every subgraph gets an explicit keep-alive
 *   `http.Agent` whose idle timeout (`PANTAU_SUBGRAPH_IDLE_MS`, default 30 s) is well below the
 *   subgraph servers' `keepAliveTimeout` (65 s, packages/common/src/server.ts): the gateway always
 *   closes an idle socket first. Node's agent also honours the server's hint (minus 1 s) when that is lower.
 * - **Retry.** Queries (never mutations) are retried once after a short backoff on a connection error
 *   (reset, refused, hang-up): the second try opens a fresh socket.
 * - **Timeout.** Every subgraph call is bounded by `PANTAU_SUBGRAPH_TIMEOUT_MS` (default 10 s).
 * - **Partial answers.** When a subgraph cannot answer (down, timed out, 5xx, not JSON) the fetch does not
 *   throw: it answers `data: null` with one error per field it was asked for, each with its path, code
 *   `SUBGRAPH_UNAVAILABLE` and `service`. The gateway then nulls only those fields (they are nullable where
 *   the failure must stop) and keeps everything the other subgraphs answered. No message carries the
 *   subgraph's address.
 */

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

export interface SubgraphCallSettings {
  /** Per-call timeout (connect + response), ms. */
  timeoutMs: number;
  /** Idle keep-alive socket lifetime in the gateway's agent, ms; must stay below the subgraphs' keepAliveTimeout. */
  idleMs: number;
  /** Tries for a query on a connection error (1 = no retry). Mutations are always tried once. */
  queryAttempts: number;
  /** Delay before a retry, ms (doubled per further try). */
  retryDelayMs: number;
  /** Most sockets per subgraph. */
  maxSockets: number;
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min ? n : fallback;
}

export function subgraphCallSettings(env: NodeJS.ProcessEnv = process.env): SubgraphCallSettings {
  return {
    timeoutMs: envNumber(env, 'PANTAU_SUBGRAPH_TIMEOUT_MS', 10_000, 1),
    idleMs: envNumber(env, 'PANTAU_SUBGRAPH_IDLE_MS', 30_000, 1),
    queryAttempts: Math.max(1, Math.floor(envNumber(env, 'PANTAU_SUBGRAPH_QUERY_ATTEMPTS', 2, 1))),
    retryDelayMs: envNumber(env, 'PANTAU_SUBGRAPH_RETRY_DELAY_MS', 50, 0),
    maxSockets: Math.floor(envNumber(env, 'PANTAU_SUBGRAPH_MAX_SOCKETS', 128, 1)),
  };
}

const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** A failure to reach the subgraph or to keep the connection (safe to retry for a read). */
export function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; errno?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (typeof e.errno === 'string' && CONNECTION_CODES.has(e.errno)) return true;
  if (typeof e.message === 'string' && /socket hang up/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isConnectionError(e.cause);
}

function isTimeout(err: unknown): boolean {
  const e = err as { name?: unknown; type?: unknown; code?: unknown } | null;
  return !!e && (e.name === 'AbortError' || e.name === 'TimeoutError' || e.type === 'aborted' || e.code === 'ETIMEDOUT');
}

/** Thrown (internally) for a subgraph that answered but not usably: 5xx, non-JSON. */
class UnusableResponse extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function operationOf(options: GraphQLDataSourceProcessOptions): OperationDefinitionNode | undefined {
  let doc: DocumentNode | undefined = 'document' in options ? options.document : undefined;
  if (!doc && options.request.query) {
    try {
      doc = parse(options.request.query);
    } catch {
      return undefined;
    }
  }
  return doc?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** Response names of the fields a selection set asks for, per type condition ('' = any type). */
function fieldsByType(set: SelectionSetNode | undefined, typeCondition = '', into = new Map<string, string[]>()) {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === '__typename') continue;
      const list = into.get(typeCondition) ?? [];
      list.push(sel.alias?.value ?? sel.name.value);
      into.set(typeCondition, list);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      fieldsByType(sel.selectionSet, sel.typeCondition?.name.value ?? typeCondition, into);
    }
  }
  return into;
}

const MAX_ERRORS_PER_FETCH = 100;

/**
 * One error per field the failed fetch was asked for, with the path the gateway maps into the client's
 * response: `[field]` for root fields, `['_entities', i, field]` for entity fields.
 */
export function errorsForFailedFetch(options: GraphQLDataSourceProcessOptions, base: { message: string; extensions: Record<string, unknown> }): GraphQLFormattedError[] {
  const op = operationOf(options);
  const errors: GraphQLFormattedError[] = [];
  const push = (path: (string | number)[]) => {
    if (errors.length < MAX_ERRORS_PER_FETCH) errors.push({ message: base.message, path, extensions: { ...base.extensions } });
  };
  const representations = options.request.variables?.representations;
  const entitiesField = op?.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  if (Array.isArray(representations) && entitiesField && entitiesField.kind === Kind.FIELD) {
    const byType = fieldsByType(entitiesField.selectionSet);
    representations.forEach((rep: { __typename?: string } | null, i: number) => {
      const fields = [...(byType.get('') ?? []), ...(byType.get(rep?.__typename ?? '') ?? [])];
      for (const f of new Set(fields)) push(['_entities', i, f]);
    });
  } else if (op) {
    for (const f of new Set(fieldsByType(op.selectionSet).get('') ?? [])) push([f]);
  }
  if (errors.length === 0) errors.push({ message: base.message, extensions: { ...base.extensions } });
  return errors;
}

function unavailable(service: string, reason: 'connection' | 'timeout' | 'bad_response') {
  const ext = errorExtensions(`SUBGRAPH_UNAVAILABLE.${reason}`, { service });
  return { ...errorText(ext), extensions: { ...ext, messageId: errorText(ext).messageId } };
}

export interface ResilientDataSourceConfig {
  url: string;
  /** The subgraph's name (agencies, reports, analytics): named in errors instead of its address. */
  name: string;
  settings?: Partial<SubgraphCallSettings>;
}

export class ResilientDataSource<TContext extends Record<string, any> = Record<string, any>> extends RemoteGraphQLDataSource<TContext> {
  declare serviceName: string;
  declare settings: SubgraphCallSettings;
  declare agent: http.Agent;

  constructor(config: ResilientDataSourceConfig) {
    super({ url: config.url });
    this.serviceName = config.name;
    this.settings = { ...subgraphCallSettings(), ...config.settings };
    this.agent = new http.Agent({
      keepAlive: true,
      // idle sockets are closed by us before the subgraph would close them
      timeout: this.settings.idleMs,
      maxSockets: this.settings.maxSockets,
      maxFreeSockets: 32,
      // reuse the most recently used socket: the one least likely to be near its idle end
      scheduling: 'lifo',
    });
    const agent = this.agent;
    const timeoutMs = this.settings.timeoutMs;
    this.fetcher = ((url: string, init?: Record<string, unknown>) =>
      nodeFetch(url, { ...(init as NodeFetchInit), agent, signal: AbortSignal.timeout(timeoutMs) as NodeFetchInit['signal'] })) as unknown as Fetcher;
  }

  /** Closes the agent's sockets (tests, shutdown). */
  destroy() {
    this.agent.destroy();
  }

  override async process(options: GraphQLDataSourceProcessOptions<TContext>) {
    const op = operationOf(options);
    const attempts = op?.operation === 'query' ? this.settings.queryAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await super.process(options);
      } catch (err) {
        if (attempt < attempts && isConnectionError(err)) {
          await sleep(this.settings.retryDelayMs * 2 ** (attempt - 1));
          continue;
        }
        return { data: null, errors: errorsForFailedFetch(options, this.publicError(err)) };
      }
    }
  }

  /** What the client may see of a failed call: a code and the subgraph's name, never its address or the raw error. */
  publicError(err: unknown): { message: string; extensions: Record<string, unknown> } {
    if (err instanceof GraphQLError && !(err.originalError instanceof UnusableResponse) && err.extensions?.code) {
      // a 4xx with GraphQL errors in the body (see errorFromResponse): the subgraph's own message and code
      const { response: _response, ...extensions } = err.extensions as Record<string, unknown>;
      return { message: err.message, extensions: { ...extensions, service: this.serviceName } };
    }
    if (isTimeout(err)) return unavailable(this.serviceName, 'timeout');
    if (isConnectionError(err)) return unavailable(this.serviceName, 'connection');
    return unavailable(this.serviceName, 'bad_response');
  }

  /** Non-2xx answers: 4xx keep the subgraph's own first GraphQL error; 5xx and anything unreadable count as unavailable. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    const first = (body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | undefined)?.errors?.[0];
    if (response.status < 500 && first && typeof first.message === 'string' && first.extensions?.code) {
      return new GraphQLError(first.message, { extensions: { ...first.extensions } });
    }
    return new GraphQLError(`HTTP ${response.status}`, { originalError: new UnusableResponse(`HTTP ${response.status}`) });
  }

  // A 2xx body that is not JSON: parseBody returns text and RemoteGraphQLDataSource throws a message that quotes
  // it; process() maps that (a plain Error) to SUBGRAPH_UNAVAILABLE / bad_response.
}

const ADDRESS_PATTERNS: RegExp[] = [
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]+/gi, // URLs
  /\[[0-9a-f:]+\](?::\d+)?/gi, // [::1]:4003
  /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, // 127.0.0.1:4003
  /\blocalhost(?::\d+)?\b/gi,
];

export function scrubAddresses(text: string): string {
  return ADDRESS_PATTERNS.reduce((t, re) => t.replace(re, '[internal]'), text);
}

/**
 * Last line of defence in the gateway's formatError: no internal address (URL, IP:port) and no upstream
 * response details in any error a client receives.
 */
export function scrubFormattedError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { ...formatted.extensions };
  delete extensions.response;
  delete extensions.exception;
  delete extensions.stacktrace;
  for (const [k, v] of Object.entries(extensions)) if (typeof v === 'string') extensions[k] = scrubAddresses(v);
  return { ...formatted, message: scrubAddresses(formatted.message), extensions };
}
