import http from 'node:http';
import type express from 'express';
import { DRAIN_MAX_BYTES, drainRequest, sendJsonError, type Logger } from '@pantau/common';

/**
 * The only non-GraphQL routes the gateway forwards, matched on the raw request target (never decoded,
 * never normalised by a router, case-sensitive, no query): `POST /attachments` and
 * `GET|HEAD /attachments/<uuid>`. The upstream URL is rebuilt from the validated parts, so `..`,
 * `%2e%2e`, `%2f`, `//`, `\`, a trailing slash or a query can never reach another route of the reports
 * service (its outbox, its subgraph endpoint). Anything else is left to the gateway's own routes and
 * ends in a JSON 404.
 */
export type PublicRoute = { kind: 'upload'; path: '/attachments' } | { kind: 'download'; path: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function matchPublicRoute(method: string, rawTarget: string): PublicRoute | null {
  // a query (or a fragment, which clients never send) is refused outright: nothing to forward
  if (/[?#]/.test(rawTarget)) return null;
  if (method === 'POST' && rawTarget === '/attachments') return { kind: 'upload', path: '/attachments' };
  if (method === 'GET' || method === 'HEAD') {
    const m = /^\/attachments\/([^/]+)$/.exec(rawTarget);
    const id = m?.[1].toLowerCase();
    if (id && UUID.test(id)) return { kind: 'download', path: `/attachments/${id}`, id };
  }
  return null;
}

/** Request headers the reports service needs for attachments; nothing else crosses (no inbound x-pantau-*). */
export const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'authorization', 'x-tracking-id', 'accept-language'] as const;

/** Response headers passed back to the client. */
export const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'etag',
  'cache-control',
  'last-modified',
  'retry-after',
] as const;

export interface AttachmentProxyOptions {
  /** Origin of the reports service, e.g. http://127.0.0.1:4002 */
  target: string;
  logger: Logger;
  /** Headers added to every upstream request (the service credential, the client address). */
  upstreamHeaders?: (req: express.Request) => Promise<Record<string, string>> | Record<string, string>;
}

function pickHeaders(source: http.IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = source[name];
    if (typeof v === 'string') out[name] = v;
  }
  return out;
}

/**
 * Forwards the two public attachment routes to the reports service; calls next() for everything else.
 * Mounted before any router so no path rewriting happens first.
 */
export function attachmentProxy(opts: AttachmentProxyOptions): express.RequestHandler {
  const origin = new URL(opts.target).origin;
  return (req, res, next) => {
    // Express's router has not run yet at the top level: req.url is the raw request target
    const route = matchPublicRoute(req.method, req.originalUrl);
    if (!route) return next();
    void (async () => {
      const extra = (await opts.upstreamHeaders?.(req)) ?? {};
      const url = new URL(route.path, origin);
      const headers: Record<string, string> = { ...pickHeaders(req.headers, FORWARDED_REQUEST_HEADERS), ...extra };
      const upstream = http.request(url, { method: req.method, headers }, (up) => {
        res.status(up.statusCode ?? 502);
        for (const [k, v] of Object.entries(pickHeaders(up.headers, FORWARDED_RESPONSE_HEADERS))) res.setHeader(k, v);
        // files are shown inline: they may never run script or load anything, even opened directly
        if (route.kind === 'download') res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
        if (route.kind === 'upload' && !req.complete) {
          // an early answer (413: the declared length or the file passed the limit) while the client is still
          // sending: stop forwarding, read and drop the rest (bounded) so the client can read the answer, and
          // close the upstream connection once the answer is through
          req.unpipe(upstream);
          drainRequest(req, res, { maxBytes: DRAIN_MAX_BYTES });
          res.once('finish', () => upstream.destroy());
        }
        up.pipe(res);
        up.on('error', () => res.destroy());
      });
      upstream.on('error', (err) => {
        req.unpipe(upstream);
        if (res.writableEnded) return; // the answer went through (an early 413); the upstream closed under the rest
        opts.logger.warn({ err: err.message, route: route.kind }, 'attachment upstream failed');
        if (!res.headersSent) {
          sendJsonError(res, 503, 'SUBGRAPH_UNAVAILABLE', { service: 'reports' });
        } else res.destroy();
      });
      // the client went away mid-upload: tell the reports service, which then drops its partial file
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      if (route.kind === 'upload') req.pipe(upstream);
      else upstream.end();
    })().catch(next);
  };
}

/** Path prefixes that are API surface, never the dashboard's client-side routes. */
const API_PREFIXES = ['/graphql', '/attachments', '/internal', '/health', '/ready', '/open311', '/open-data'];

/**
 * Whether a request may get the dashboard's HTML shell (client-side routing): a GET/HEAD that accepts
 * HTML, on a plain path (letters, digits, `-._~` segments, no dot segments, no escapes, no `//` or `\`)
 * outside the API prefixes. Everything else ends in the JSON 404.
 */
export function wantsDashboardShell(req: express.Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!req.accepts('html')) return false;
  const raw = req.originalUrl.split('?')[0];
  if (!/^(\/[A-Za-z0-9._~-]+)*\/?$/.test(raw)) return false;
  if (raw.split('/').some((seg) => seg === '.' || seg === '..')) return false;
  const lower = raw.toLowerCase();
  if (lower.startsWith('/_')) return false;
  return !API_PREFIXES.some((p) => lower === p || lower.startsWith(`${p}/`));
}
