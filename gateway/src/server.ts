import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import compression from 'compression';
import {
  CLIENT_IP_HEADER,
  createLogger,
  exactPath,
  formatErrorFor,
  healthMemory,
  jsonClientErrors,
  jsonErrorHandler,
  limitServerOptions,
  loggingPlugin,
  requireKeys,
  notFoundHandler,
  notReadyBody,
  requestLanguage,
  operationLimits,
  operationNamePlugin,
  operationTimeout,
  sourceGuard,
  rateLimitStatusPlugin,
  requireJsonBody,
  serviceHeaders,
  serviceUrl,
  viewerFromAuthorization,
  type Logger,
  type ServiceName,
} from '@pantau/common';
import { mountOpen311 } from './open311';
import { warmDashboardPlans } from './plan-warmup';
import { attachmentProxy, wantsDashboardShell } from './public-routes';
import { gatewayCors, gatewaySecurityHeaders } from './security-headers';
import { dashboardStatic } from './static-assets';
import { ResilientDataSource, scrubFormattedError } from './subgraph-data-source';
import { GatewayRateLimiter, trustProxySetting } from './rate-limit';
import { SUBGRAPHS, SUPERGRAPH_PATH } from './subgraphs';

// @apollo/gateway otherwise exports usage data to Apollo and its OpenTelemetry resource detectors probe
// cloud metadata addresses: a self-hosted public-service system sends nothing anywhere on its own.
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

export interface GatewayContext {
  authorization?: string;
  acceptLanguage?: string;
  /** The caller's address, passed to subgraphs as X-Pantau-Client-Ip. */
  clientIp?: string;
}

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Subgraph GraphQL URLs; default from env (AGENCIES_URL, …) or the default ports. */
  subgraphUrls?: Partial<Record<ServiceName, string>>;
  /** Built dashboard to serve at / (default ../dashboard/dist when it exists). */
  dashboardDir?: string | null;
  supergraphSdl?: string;
  /** Abuse control (default: limits from env, Redis when REDIS_URL is set); closed with the gateway. */
  rateLimiter?: GatewayRateLimiter;
}

export interface RunningGateway {
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Forwards the caller's Authorization and Accept-Language headers to every subgraph, with the gateway's own
 * service credential (X-Pantau-Service) and the caller's address; an inbound X-Pantau-Service is never forwarded.
 */
export class ForwardingDataSource extends ResilientDataSource<GatewayContext> {
  override async willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const headers = request.http?.headers;
    headers?.delete(CLIENT_IP_HEADER);
    for (const [name, value] of Object.entries(await serviceHeaders('gateway'))) headers?.set(name, value);
    if (context.clientIp) headers?.set(CLIENT_IP_HEADER, context.clientIp);
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.acceptLanguage) request.http?.headers.set('accept-language', context.acceptLanguage);
  }
}

/**
 * The public attachment routes only (exact allow-list, see public-routes.ts), with the gateway's own
 * service credential and the caller's address; inbound X-Pantau-* headers are never forwarded.
 */
function proxyTo(target: string, logger: Logger): express.RequestHandler {
  return attachmentProxy({
    target,
    logger,
    upstreamHeaders: async (req) => ({ ...(await serviceHeaders('gateway')), ...(req.ip ? { [CLIENT_IP_HEADER]: req.ip } : {}) }),
  });
}

export async function createGateway(opts: GatewayOptions): Promise<RunningGateway> {
  requireKeys(); // refuse to start without signing keys, with a message that says what to set
  const logger = createLogger('gateway');
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s, opts.subgraphUrls?.[s] ?? serviceUrl(s)])) as Record<ServiceName, string>;
  const supergraphSdl = opts.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new ForwardingDataSource({ url: urls[name as ServiceName], name }),
  });

  const app = express();
  app.disable('x-powered-by');
  // every error of the request in its language (Accept-Language), wherever it is raised
  app.use(requestLanguage());
  app.use(gatewaySecurityHeaders());
  app.use(gatewayCors());
  // gzip/brotli for every compressible answer (dashboard assets, index.html, GraphQL JSON, JSON errors);
  // images and other already-compressed types pass through untouched (compression's default filter).
  app.use(compression({ threshold: 1024, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } } }));
  // The client address is the socket's unless PANTAU_TRUST_PROXY names the proxies whose X-Forwarded-For to believe.
  app.set('trust proxy', trustProxySetting());
  const rateLimiter = opts.rateLimiter ?? new GatewayRateLimiter({ logger });
  const httpServer = http.createServer(app);
  // headers/URL over 16 kB, malformed HTTP: the JSON error shape, not Node's bare status line
  jsonClientErrors(httpServer, logger);
  // depth, aliases, root fields, tokens, directives, cost, list inputs, time: @pantau/common limits.ts
  const limits = operationLimits();
  const { plugin: limitsPlugin, ...limitOptions } = limitServerOptions<GatewayContext>(limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...limitOptions,
    // No automatic persisted queries: a hash-only request would hide its root fields from the rate limits.
    persistedQueries: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // no internal address or upstream response details in any error (subgraph outages: subgraph-data-source.ts)
    formatError: (formatted, error) => scrubFormattedError(formatErrorFor(logger)(formatted, error)),
    // stopOnSignals() owns shutdown: close the HTTP server, then the consumer and the store, then exit.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      loggingPlugin(logger),
      limitsPlugin,
      operationNamePlugin(),
      // a subgraph's rate-limit refusal of the whole operation (sign-in throttle): HTTP 429 with Retry-After
      rateLimitStatusPlugin(),
    ],
  });
  await apollo.start();
  // plan the dashboard's operations now, not on each page's first visit (plan-warmup.ts)
  await warmDashboardPlans(gateway, logger);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway', ...healthMemory() });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      SUBGRAPHS.map(async (name) => {
        const readyUrl = urls[name].replace(/\/graphql$/, '/ready');
        try {
          const r = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) });
          const body = (await r.json().catch(() => ({}))) as Record<string, unknown>;
          // only the status and the names of what it misses: a subgraph's error text or address stays server-side
          const missing = Array.isArray(body.missing) ? body.missing.filter((m): m is string => typeof m === 'string' && /^[a-z]{1,32}$/.test(m)) : undefined;
          return [name, { ok: r.ok, status: typeof body.status === 'string' ? body.status : undefined, ...(missing?.length ? { missing } : {}) }] as const;
        } catch (err) {
          logger.warn({ subgraph: name, err: (err as Error).message }, 'readiness check failed');
          return [name, { ok: false, status: 'unreachable' }] as const;
        }
      }),
    );
    const ready = checks.every(([, c]) => c.ok);
    const subgraphs = Object.fromEntries(checks);
    if (ready) res.json({ status: 'ready', subgraphs });
    else res.status(503).json({ ...notReadyBody('gateway', checks.filter(([, c]) => !c.ok).map(([n]) => n)), subgraphs });
  });
  app.use(rateLimiter.general());
  app.use(proxyTo(new URL(urls.reports).origin, logger));
  mountOpen311(app, { apollo, agenciesUrl: urls.agencies, logger, limiterFactory: rateLimiter.factory });
  app.use(
    '/graphql',
    exactPath(),
    requireJsonBody(),
    express.json({ limit: '1mb' }),
    rateLimiter.graphql(),
    sourceGuard(limits),
    operationTimeout(limits),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        // Refuse a bad token here with a clear message (401) instead of letting every subgraph refuse it;
        // the subgraphs still verify the token themselves.
        await viewerFromAuthorization(req.headers.authorization);
        return { authorization: req.headers.authorization, acceptLanguage: req.headers['accept-language'], clientIp: req.ip };
      },
    }),
  );

  const dashboardDir = opts.dashboardDir === undefined ? path.resolve(__dirname, '../../dashboard/dist') : opts.dashboardDir;
  if (dashboardDir && fs.existsSync(path.join(dashboardDir, 'index.html'))) {
    // hashed assets cached as immutable, precompressed copies when accepted (static-assets.ts)
    app.use(dashboardStatic(dashboardDir));
    // Client-side routing: browser navigations to plain non-API paths get the app shell.
    app.get(/.*/, (req, res, next) => {
      if (!wantsDashboardShell(req)) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(path.join(dashboardDir, 'index.html'));
    });
  }
  // Everything else (unknown routes, /internal/*, traversal attempts): JSON 404; every error: the JSON shape.
  app.use(notFoundHandler());
  app.use(jsonErrorHandler(logger));

  const host = opts.host ?? process.env.HOST ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  logger.info({ url: `${origin}/graphql`, subgraphs: urls }, 'listening');
  return {
    url: `${origin}/graphql`,
    origin,
    port,
    async close() {
      await apollo.stop();
      await rateLimiter.close();
    },
  };
}
