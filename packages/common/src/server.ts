import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Logger } from './logger';
import { isDatabaseUnavailableError } from './datasource';
import { currentLang, errorExtensions, errorText, localizeError, requestLanguage } from './errors';
import { APOLLO_CODE_MAP, apiSecurityHeaders, exactPath, jsonClientErrors, jsonErrorHandler, notFoundHandler, requireJsonBody } from './http-errors';
import { requireKeys } from './keys';
import { requireServiceCredential } from './service-auth';
import { formatLimitError, limitServerOptions, operationTimeout, sourceGuard, stripSuggestions, subgraphLimits } from './limits';
import { rateLimitStatusPlugin } from './rate-limit';

export interface RunningServer {
  url: string;
  port: number;
  app: express.Express;
  close(): Promise<void>;
}

/** Logs one line per GraphQL operation (name, duration, error codes). */
export function loggingPlugin(logger: Logger): ApolloServerPlugin<any> {
  const slowMs = Number(process.env.SLOW_MS ?? 1000);
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(ctx) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const codes = ctx.errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          // Every operation at debug; failed or slow ones (> SLOW_MS, default 1000) at info.
          const level = codes?.length || ms > slowMs ? 'info' : 'debug';
          logger[level](
            { op: ctx.operationName ?? ctx.operation?.operation ?? null, ms: Math.round(ms * 10) / 10, errors: codes?.length ? codes : undefined },
            'graphql',
          );
        },
      };
    },
  };
}

/** A dependency a service needs in order to serve; `/ready` names it (503) when its check fails. */
export class DependencyUnavailableError extends Error {
  override name = 'DependencyUnavailableError';
  constructor(
    readonly dependencies: string[],
    readonly causes: unknown[] = [],
  ) {
    super(`not available: ${dependencies.join(', ')}`);
  }
}

/**
 * Runs every check at once; throws DependencyUnavailableError naming each one that failed. A check fails by
 * throwing or by taking longer than `timeoutMs`.
 */
export async function checkDependencies(checks: Record<string, () => Promise<unknown>>, timeoutMs = 3000): Promise<void> {
  const names = Object.keys(checks);
  const results = await Promise.allSettled(
    names.map((n) =>
      Promise.race([
        checks[n](),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${n}: no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
      ]),
    ),
  );
  const failed = names.filter((_, i) => results[i].status === 'rejected');
  if (failed.length) {
    throw new DependencyUnavailableError(failed, results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason));
  }
}

/** A dependency check for another Pantau process: its /health answers 200 (`url`: any URL on it). */
export async function httpHealthCheck(url: string, timeoutMs = 2000): Promise<void> {
  const res = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(timeoutMs) });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`health answered HTTP ${res.status}`);
}

/** Which dependencies an error from a readiness check names ('database' for driver errors). */
export function missingDependencies(err: unknown): string[] {
  if (err instanceof DependencyUnavailableError) return err.dependencies;
  if (isDatabaseUnavailableError(err)) return ['database'];
  return ['service'];
}

/** The 503 body of /ready: which dependencies are missing, in the common error shape. */
export function notReadyBody(service: string, missing: string[]) {
  const ext = errorExtensions('SERVICE_UNAVAILABLE.NOT_READY', { missing });
  return {
    status: 'not ready',
    service,
    missing,
    errors: [{ message: errorText(ext).message, extensions: { ...ext, messageId: errorText(ext).messageId } }],
  };
}

/** Known errors pass through; a database that cannot be reached is SERVICE_UNAVAILABLE; anything else unexpected is logged and masked. */
export function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // operation limits keep their own codes (Apollo wraps them as validation/parse failures); no "Did you mean"
    const limited = formatLimitError(formatted, error);
    if (limited) return localizeError(limited);
    formatted = stripSuggestions(formatted);
    const code = formatted.extensions?.code;
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    const unexpected =
      code === 'INTERNAL_SERVER_ERROR' && original !== undefined && !(original instanceof GraphQLError);
    if (unexpected && isDatabaseUnavailableError(original)) {
      // e.g. MariaDB restarting: nothing was written (every write is one transaction); the client may retry
      logger.warn({ err: (original as Error).message, path: formatted.path }, 'database unavailable');
      return localizeError({ message: '', path: formatted.path, locations: formatted.locations, extensions: errorExtensions('SERVICE_UNAVAILABLE.DATABASE', {}) });
    }
    if (unexpected) {
      logger.error({ err: original, path: formatted.path }, 'unexpected error');
      return localizeError({ message: '', path: formatted.path, locations: formatted.locations, extensions: errorExtensions('INTERNAL_SERVER_ERROR', {}) });
    }
    // Apollo's request-level client mistakes (unknown operationName, missing query, wrong method) are
    // BAD_USER_INPUT like every other client mistake; every error is written in the request's language
    // from the catalogue, with the Indonesian messageId.
    const mapped = typeof code === 'string' ? (APOLLO_CODE_MAP[code] ?? code) : code;
    return localizeError({ ...formatted, extensions: { ...formatted.extensions, code: mapped } }, currentLang());
  };
}

export interface SubgraphServerOptions<C extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  context: (req: express.Request) => Promise<C>;
  /** Extra routes mounted before /graphql (internal endpoints, uploads). */
  routes?: (app: express.Express) => void;
  /** Throws (or returns false) while the service cannot serve; extra details for /ready. */
  readiness?: () => Promise<Record<string, unknown> | void>;
  onClose?: () => Promise<void>;
}

/**
 * An express app serving a subgraph at /graphql with /health (process alive) and /ready (dependencies
 * answer). `listen(port)` returns the URL; port 0 picks a free one (tests).
 */
export async function startSubgraphServer<C extends BaseContext>(
  opts: SubgraphServerOptions<C>,
  port: number,
  host = process.env.HOST ?? '127.0.0.1',
): Promise<RunningServer> {
  requireKeys(); // refuse to start without signing keys (a clear message, before listening)
  const app = express();
  app.disable('x-powered-by');
  // every error of the request in its language (Accept-Language), wherever it is raised
  app.use(requestLanguage());
  app.use(apiSecurityHeaders());
  const httpServer = http.createServer(app);
  applyKeepAliveTimeouts(httpServer);
  // headers/URL over 16 kB, malformed HTTP: the JSON error shape, not Node's bare status line
  jsonClientErrors(httpServer, opts.logger);
  // depth, aliases, root fields, tokens, directives, cost, list inputs, time (limits.ts): as at the gateway
  const limits = subgraphLimits();
  const { plugin: limitsPlugin, ...limitOptions } = limitServerOptions<C>(limits, { subgraph: true });
  const apollo = new ApolloServer<C>({
    schema: opts.schema,
    ...limitOptions,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorFor(opts.logger),
    // stopOnSignals() owns shutdown: close the HTTP server, then the consumer and the store, then exit.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Federated inline traces (ftv1) for a caller that asks with `apollo-federation-include-trace: ftv1`.
      // Only the gateway and the services can reach /graphql (service credential); the gateway reads a
      // trace into its query-plan trace and never passes it to its clients. Error messages in a trace are
      // masked: a trace carries timings, field paths and error locations, nothing else.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      loggingPlugin(opts.logger),
      limitsPlugin,
      // a whole operation refused by a rate limit (sign-in throttle): HTTP 429 with Retry-After
      rateLimitStatusPlugin(),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: opts.name, ...healthMemory() });
  });
  app.get('/ready', async (_req, res) => {
    try {
      const details = (await opts.readiness?.()) ?? {};
      res.json({ status: 'ready', service: opts.name, ...details });
    } catch (err) {
      // names what is missing (database, registry, outbox), never its address or the driver's message
      const missing = missingDependencies(err);
      opts.logger.warn({ missing, err: (err as Error).message }, 'not ready');
      res.status(503).json(notReadyBody(opts.name, missing));
    }
  });
  // The subgraph port answers only the gateway and the other services (X-Pantau-Service); /health and /ready stay open.
  app.use(['/graphql', '/internal', '/attachments'], requireServiceCredential());
  opts.routes?.(app);
  app.use(
    '/graphql',
    exactPath(),
    requireJsonBody(),
    express.json({ limit: '1mb' }),
    sourceGuard(limits),
    operationTimeout(limits),
    expressMiddleware(apollo, { context: async ({ req }) => opts.context(req) }),
  );
  // everything else: JSON 404; any error (bad JSON, too large, bad charset, a bug): the JSON error shape
  app.use(notFoundHandler());
  app.use(jsonErrorHandler(opts.logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actual = (httpServer.address() as AddressInfo).port;
  const url = `http://${host}:${actual}/graphql`;
  opts.logger.info({ url }, 'listening');
  return {
    url,
    port: actual,
    app,
    async close() {
      await apollo.stop();
      await opts.onClose?.();
    },
  };
}

/**
 * Idle keep-alive sockets: a subgraph keeps them 65 s (`PANTAU_KEEP_ALIVE_TIMEOUT_MS`), well above the
 * gateway agent's idle timeout (30 s, `PANTAU_SUBGRAPH_IDLE_MS`), so the gateway always closes an idle
 * socket first and never sends a request on one the server is closing (ECONNRESET / socket hang up).
 * `headersTimeout` must exceed `keepAliveTimeout` (Node closes a reused socket by the shorter one).
 */
export function keepAliveTimeouts(env: NodeJS.ProcessEnv = process.env): { keepAliveTimeout: number; headersTimeout: number } {
  const n = Number(env.PANTAU_KEEP_ALIVE_TIMEOUT_MS);
  const keepAliveTimeout = Number.isFinite(n) && n > 0 ? n : 65_000;
  return { keepAliveTimeout, headersTimeout: keepAliveTimeout + 1_000 };
}

export function applyKeepAliveTimeouts(server: http.Server, env: NodeJS.ProcessEnv = process.env): void {
  const t = keepAliveTimeouts(env);
  server.keepAliveTimeout = t.keepAliveTimeout;
  server.headersTimeout = t.headersTimeout;
}

/**
 * Process memory for /health, only when `PANTAU_HEALTH_MEMORY=1` (the load script sets it for the stack it
 * starts, to see whether memory levels off); off by default so /health says nothing about the process.
 */
export function healthMemory(env: NodeJS.ProcessEnv = process.env): { memory?: Record<string, number> } {
  if (env.PANTAU_HEALTH_MEMORY !== '1') return {};
  const m = process.memoryUsage();
  return { memory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers } };
}

/** Stops cleanly on SIGINT/SIGTERM. */
export function stopOnSignals(server: { close(): Promise<void> }, logger: Logger) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await server.close();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
