import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import helmet from 'helmet';
import type { ErrorKey, ErrorKeyParams, Lang } from '@pantau/contract';
import { AppError, currentLang, errorExtensions, errorText, localizeError, requestLang } from './errors';
import type { Logger } from './logger';

/**
 * The one JSON error shape of every Pantau route, GraphQL or not:
 * `{"errors":[{"message","extensions":{"code","reason"?,...params,"messageId"}}]}` with the message from the
 * contract's catalogue in the request's language (./errors). Plain HTTP routes (attachments, internal
 * endpoints, 404s, body-parser failures) answer with it through the helpers below, so no Express HTML
 * page, stack trace or file path ever reaches a client.
 */
export interface JsonErrorBody {
  errors: Array<{ message: string; extensions: { code: string; messageId: string; [k: string]: unknown } }>;
}

export function jsonErrorBody<K extends ErrorKey>(key: K, params: ErrorKeyParams<K>, lang: Lang = currentLang(), extra?: Record<string, unknown>): JsonErrorBody {
  const ext = { ...errorExtensions(key, params), ...(extra ?? {}) };
  const { message, messageId } = errorText(ext, lang);
  return { errors: [{ message, extensions: { ...ext, messageId } }] };
}

/** The request's language for a plain route (its Accept-Language). */
export function langOf(req: { headers: http.IncomingHttpHeaders } | undefined): Lang {
  return req ? requestLang(req.headers['accept-language']) : currentLang();
}

export function sendJsonError<K extends ErrorKey>(
  res: express.Response,
  status: number,
  key: K,
  params: ErrorKeyParams<K>,
  extra?: Record<string, unknown>,
): void {
  if (res.headersSent) {
    // too late for a clean answer: cut the response rather than append an error to a partial body
    res.destroy();
    return;
  }
  res.status(status);
  res.setHeader('Cache-Control', 'no-store');
  res.json(jsonErrorBody(key, params, langOf(res.req), extra));
}

/** Sends an AppError (already carrying its code, reason and parameters) as the JSON shape, in the request's language. */
export function sendAppError(res: express.Response, err: AppError, fallbackStatus = 500): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const { http: _http, ...ext } = err.extensions as Record<string, unknown>;
  const localized = localizeError({ message: err.message, extensions: ext }, langOf(res.req));
  res.status(err.httpStatus ?? fallbackStatus);
  res.setHeader('Cache-Control', 'no-store');
  res.json({ errors: [localized] });
}

/**
 * Apollo's request-level codes that are client mistakes, mapped to the Pantau code (HTTP status
 * stays Apollo's 4xx): a missing query, a wrong method, batching, an unknown or missing operationName.
 */
export const APOLLO_CODE_MAP: Record<string, string> = {
  BAD_REQUEST: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
};

/**
 * Mounted at a path with `app.use(path, exactPath(), …)`: only the path itself (with or without a
 * trailing slash) goes on; `/graphql/../internal/x` or `/graphql/anything` is a JSON 404.
 */
export function exactPath(): express.RequestHandler {
  return (req, res, next) => {
    if (req.path === '/' && !/\/\/|\\|%/.test(req.originalUrl.split('?')[0])) return next();
    sendJsonError(res, 404, 'NOT_FOUND.ROUTE', {});
  };
}

/** Express 404 for everything no route claimed. */
export function notFoundHandler(): express.RequestHandler {
  return (_req, res) => {
    sendJsonError(res, 404, 'NOT_FOUND.ROUTE', {});
  };
}

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  limit?: number;
  charset?: string;
  encoding?: string;
}

export interface ClassifiedError {
  status: number;
  key: ErrorKey;
  params: Record<string, unknown>;
}

const classified = <K extends ErrorKey>(status: number, key: K, params: ErrorKeyParams<K>): ClassifiedError => ({ status, key, params: params as Record<string, unknown> });

/**
 * What a thrown error means for the client. body-parser (express.json) errors carry a `type`;
 * http-errors style errors (serve-static, router) a `status`. Unknown errors are 500s.
 */
export function classifyHttpError(err: unknown): ClassifiedError {
  const e = (err && typeof err === 'object' ? err : {}) as HttpishError;
  const status = Number(e.status ?? e.statusCode ?? 500);
  switch (e.type) {
    case 'entity.parse.failed':
      return classified(400, 'BAD_USER_INPUT.INVALID_JSON', {});
    case 'entity.too.large':
      return e.limit ? classified(413, 'PAYLOAD_TOO_LARGE.BODY', { limit: e.limit }) : classified(413, 'PAYLOAD_TOO_LARGE', {});
    case 'charset.unsupported':
      return classified(415, 'UNSUPPORTED_MEDIA_TYPE.CHARSET', {});
    case 'encoding.unsupported':
      return classified(415, 'UNSUPPORTED_MEDIA_TYPE.ENCODING', {});
    case 'request.aborted':
    case 'request.size.invalid':
      return classified(400, 'BAD_USER_INPUT.INCOMPLETE_BODY', {});
    default:
      break;
  }
  if (status === 404 || status === 403 || status === 405) {
    // serve-static answers 403 for paths it refuses (traversal): to the client it is just not there
    return classified(404, 'NOT_FOUND.ROUTE', {});
  }
  if (status === 413) return classified(413, 'PAYLOAD_TOO_LARGE', {});
  if (status === 415) return classified(415, 'UNSUPPORTED_MEDIA_TYPE', {});
  if (status >= 400 && status < 500) {
    // e.g. a malformed percent-escape in the path (URIError with status 400)
    return classified(400, 'BAD_USER_INPUT.MALFORMED_REQUEST', {});
  }
  return classified(500, 'INTERNAL_SERVER_ERROR', {});
}

/**
 * Express error middleware (mount last): every error becomes the JSON shape; unexpected ones are
 * logged with their stack server-side and answered with a neutral 500.
 */
export function jsonErrorHandler(logger?: Logger): express.ErrorRequestHandler {
  return (err, req, res, _next) => {
    const c = classifyHttpError(err);
    if (c.status >= 500) logger?.error({ err, method: req.method, path: req.path }, 'unexpected error');
    else logger?.debug({ code: c.key, method: req.method, path: req.path }, 'request refused');
    sendJsonError(res, c.status, c.key, c.params as never);
  };
}

/**
 * POST bodies of GraphQL endpoints must be JSON: anything else is 415 (instead of Apollo's
 * "req.body is not set" 500). GET/HEAD pass through (Apollo answers them itself).
 */
export function requireJsonBody(): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type === 'application/json') return next();
    sendJsonError(res, 415, 'UNSUPPORTED_MEDIA_TYPE.JSON_REQUIRED', {});
  };
}

/**
 * Security headers for processes that serve only an API (the subgraphs): nothing may be rendered,
 * framed or fetched from their answers (CSP `default-src 'none'; frame-ancestors 'none'`), nosniff,
 * no referrer, no cross-origin reads.
 */
export function apiSecurityHeaders(): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
}

/**
 * @apollo/gateway answers an unknown or missing operationName from its query planner with an HTTP 500
 * (`INVALID_GRAPHQL`). This refuses it first, like Apollo Server does for a plain schema: HTTP 400
 * BAD_USER_INPUT naming the operation.
 */
export function operationNamePlugin(): ApolloServerPlugin<any> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const name = request.operationName;
          throw name
            ? new AppError('BAD_USER_INPUT.UNKNOWN_OPERATION', { operationName: name }, { httpStatus: 400 })
            : new AppError('BAD_USER_INPUT.OPERATION_NAME_REQUIRED', {}, { httpStatus: 400 });
        },
      };
    },
  };
}

/** What a request Node's HTTP parser refused gets: status, code and reason (see `jsonClientErrors`). */
export function classifyClientError(err: { code?: string }, rawPacket?: Buffer): ClassifiedError {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // the packet starts with the request line: a line that long is the URL, not a header
    const head = rawPacket?.subarray(0, 64).toString('latin1') ?? '';
    const eol = rawPacket?.indexOf('\r\n') ?? -1;
    const requestLineTooLong = /^[A-Z]{3,10} /.test(head) && (eol === -1 || eol > 8192);
    if (requestLineTooLong) return classified(414, 'BAD_USER_INPUT.URL_TOO_LONG', {});
    return classified(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', {});
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'HPE_HEADER_TIMEOUT') {
    return classified(408, 'BAD_USER_INPUT.REQUEST_TIMEOUT', {});
  }
  return classified(400, 'BAD_USER_INPUT.INVALID_HTTP', {});
}

/** The Accept-Language of a raw request packet (a refused request has no parsed headers). */
function rawPacketLang(rawPacket?: Buffer): Lang {
  const m = rawPacket?.subarray(0, 16384).toString('latin1').match(/\r\naccept-language:[ \t]*([^\r\n]{0,256})/i);
  return requestLang(m?.[1]);
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' };

/**
 * Requests Node's HTTP parser refuses before any route sees them (headers or URL over `maxHeaderSize`,
 * 16 kB by default; malformed request lines or headers) get the one JSON error shape instead of Node's
 * bare status line with an empty body, then the connection is closed.
 */
export function jsonClientErrors(server: http.Server, logger?: Logger): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const c = classifyClientError(err, err.rawPacket);
    logger?.debug({ code: err.code, status: c.status }, 'client error');
    const body = JSON.stringify(jsonErrorBody(c.key, c.params as never, rawPacketLang(err.rawPacket)));
    socket.end(
      `HTTP/1.1 ${c.status} ${REASONS[c.status] ?? 'Bad Request'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
    // the client may still be sending: give it a moment to read the answer, then let go of the socket
    setTimeout(() => socket.destroy(), 2000).unref();
  });
}

/** Most bytes of a refused request body read and dropped so the client sees the answer (see `drainRequest`). */
export const DRAIN_MAX_BYTES = 50 * 1024 * 1024;

/**
 * After an early refusal (a declared Content-Length over a limit, a file past the limit), reads and drops
 * the rest of the request body instead of closing the connection under a client that is still sending:
 * a socket closed with unread data answers with a reset, and the client loses the answer (EPIPE).
 *
 * The answer says `Connection: close`. Node ends and destroys such a socket as soon as the answer is
 * written; here the socket lingers instead: our side is ended (the client reads the answer and its FIN),
 * the rest of the body is read and dropped, then the socket is destroyed. Bounded in bytes (`maxBytes`,
 * default 50 MB) and time (`timeoutMs`, default 10 s); past either the socket is destroyed at once.
 * Nothing is buffered.
 */
export function drainRequest(req: http.IncomingMessage, res?: http.ServerResponse, opts: { maxBytes?: number; timeoutMs?: number } = {}): void {
  if (req.complete || req.destroyed) return;
  if (res && !res.headersSent) res.setHeader('Connection', 'close');
  const socket = req.socket as (http.IncomingMessage['socket'] & { destroySoon?: () => void }) | null;
  const maxBytes = opts.maxBytes ?? DRAIN_MAX_BYTES;
  let seen = 0;
  let done = false;
  let lingering = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    req.off('data', onData);
    if (socket && Object.prototype.hasOwnProperty.call(socket, 'destroySoon')) delete (socket as { destroySoon?: () => void }).destroySoon;
    if (lingering) socket?.destroy();
  };
  const stop = () => {
    finish();
    socket?.destroy();
  };
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > maxBytes) stop();
  };
  if (socket && typeof socket.destroySoon === 'function') {
    const original = socket.destroySoon;
    socket.destroySoon = function lingeringClose(this: typeof socket) {
      if (done) return original.call(this);
      lingering = true;
      this?.end();
    };
  }
  const timer = setTimeout(stop, opts.timeoutMs ?? 10_000);
  timer.unref();
  req.on('data', onData);
  req.once('end', finish);
  req.once('close', finish);
  req.resume();
}
