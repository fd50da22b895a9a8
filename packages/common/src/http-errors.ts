import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { GraphQLError } from 'graphql';
import helmet from 'helmet';
import type { Logger } from './logger';

/**
 * The one JSON error shape of every Pantau route, GraphQL or not:
 * `{"errors":[{"message":"<English>","extensions":{"code":"<CODE>","messageId":"<Indonesian>",...}}]}`.
 * Plain HTTP routes (attachments, internal endpoints, 404s, body-parser failures) answer with it through
 * the helpers below, so no Express HTML page, stack trace or file path ever reaches a client.
 */
export interface JsonErrorBody {
  errors: Array<{ message: string; extensions: { code: string; messageId: string; [k: string]: unknown } }>;
}

export function jsonErrorBody(code: string, message: string, messageId: string, details?: Record<string, unknown>): JsonErrorBody {
  return { errors: [{ message, extensions: { code, messageId, ...(details ?? {}) } }] };
}

export function sendJsonError(
  res: express.Response,
  status: number,
  code: string,
  message: string,
  messageId: string,
  details?: Record<string, unknown>,
): void {
  if (res.headersSent) {
    // too late for a clean answer: cut the response rather than append an error to a partial body
    res.destroy();
    return;
  }
  res.status(status);
  res.setHeader('Cache-Control', 'no-store');
  res.json(jsonErrorBody(code, message, messageId, details));
}

export const NOT_FOUND_MESSAGE = {
  message: 'No such route.',
  messageId: 'Alamat tidak ditemukan.',
};

export const INTERNAL_ERROR_MESSAGE = {
  message: 'Internal error. It has been logged.',
  messageId: 'Terjadi kesalahan internal dan telah dicatat.',
};

/** Indonesian text for codes that Apollo or a library raises without one. */
export const DEFAULT_MESSAGE_IDS: Record<string, string> = {
  BAD_USER_INPUT: 'Permintaan tidak sah.',
  GRAPHQL_PARSE_FAILED: 'Kueri GraphQL tidak dapat diurai.',
  GRAPHQL_VALIDATION_FAILED: 'Kueri GraphQL tidak sesuai dengan skema.',
  PERSISTED_QUERY_NOT_FOUND: 'Kueri tersimpan tidak ditemukan.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Kueri tersimpan tidak didukung.',
  NOT_FOUND: 'Tidak ditemukan.',
  UNAUTHENTICATED: 'Anda harus masuk terlebih dahulu.',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini.',
  PAYLOAD_TOO_LARGE: 'Isi permintaan terlalu besar.',
  UNSUPPORTED_MEDIA_TYPE: 'Jenis isi permintaan tidak didukung.',
  INTERNAL_SERVER_ERROR: INTERNAL_ERROR_MESSAGE.messageId,
};

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
    sendJsonError(res, 404, 'NOT_FOUND', NOT_FOUND_MESSAGE.message, NOT_FOUND_MESSAGE.messageId);
  };
}

/** Express 404 for everything no route claimed. */
export function notFoundHandler(): express.RequestHandler {
  return (_req, res) => {
    sendJsonError(res, 404, 'NOT_FOUND', NOT_FOUND_MESSAGE.message, NOT_FOUND_MESSAGE.messageId);
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
  code: string;
  message: string;
  messageId: string;
  details?: Record<string, unknown>;
}

/**
 * What a thrown error means for the client. body-parser (express.json) errors carry a `type`;
 * http-errors style errors (serve-static, router) a `status`. Unknown errors are 500s.
 */
export function classifyHttpError(err: unknown): ClassifiedError {
  const e = (err && typeof err === 'object' ? err : {}) as HttpishError;
  const status = Number(e.status ?? e.statusCode ?? 500);
  switch (e.type) {
    case 'entity.parse.failed':
      return {
        status: 400,
        code: 'BAD_USER_INPUT',
        message: 'The request body is not valid JSON (a JSON object is expected).',
        messageId: 'Isi permintaan bukan JSON yang sah (harus berupa objek JSON).',
      };
    case 'entity.too.large':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than the limit${e.limit ? ` of ${e.limit} bytes` : ''}.`,
        messageId: `Isi permintaan melebihi batas ukuran${e.limit ? ` ${e.limit} bita` : ''}.`,
        details: e.limit ? { limit: e.limit } : undefined,
      };
    case 'charset.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Unsupported charset: send the body as UTF-8.',
        messageId: 'Set karakter tidak didukung: kirim isi permintaan dalam UTF-8.',
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Unsupported content encoding: send the body uncompressed, gzip or deflate.',
        messageId: 'Pengodean isi tidak didukung: kirim tanpa kompresi, gzip atau deflate.',
      };
    case 'request.aborted':
    case 'request.size.invalid':
      return {
        status: 400,
        code: 'BAD_USER_INPUT',
        message: 'The request body was incomplete.',
        messageId: 'Isi permintaan tidak lengkap.',
      };
    default:
      break;
  }
  if (status === 404 || status === 403 || status === 405) {
    // serve-static answers 403 for paths it refuses (traversal): to the client it is just not there
    return { status: 404, code: 'NOT_FOUND', ...NOT_FOUND_MESSAGE };
  }
  if (status === 413) return { status, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.', messageId: DEFAULT_MESSAGE_IDS.PAYLOAD_TOO_LARGE };
  if (status === 415) {
    return { status, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported media type.', messageId: DEFAULT_MESSAGE_IDS.UNSUPPORTED_MEDIA_TYPE };
  }
  if (status >= 400 && status < 500) {
    // e.g. a malformed percent-escape in the path (URIError with status 400)
    return { status: 400, code: 'BAD_USER_INPUT', message: 'The request is malformed.', messageId: 'Permintaan tidak sah.' };
  }
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', ...INTERNAL_ERROR_MESSAGE };
}

/**
 * Express error middleware (mount last): every error becomes the JSON shape; unexpected ones are
 * logged with their stack server-side and answered with a neutral 500.
 */
export function jsonErrorHandler(logger?: Logger): express.ErrorRequestHandler {
  return (err, req, res, _next) => {
    const c = classifyHttpError(err);
    if (c.status >= 500) logger?.error({ err, method: req.method, path: req.path }, 'unexpected error');
    else logger?.debug({ code: c.code, method: req.method, path: req.path }, 'request refused');
    sendJsonError(res, c.status, c.code, c.message, c.messageId, c.details);
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
    sendJsonError(
      res,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send GraphQL requests as application/json.',
      'Kirim permintaan GraphQL sebagai application/json.',
    );
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
          throw new GraphQLError(
            name ? `Unknown operation named "${name}".` : 'Must provide operation name if query contains multiple operations.',
            {
              extensions: {
                code: 'BAD_USER_INPUT',
                messageId: name ? `Tidak ada operasi bernama "${name}".` : 'Sebutkan operationName bila kueri berisi beberapa operasi.',
                http: { status: 400 },
              },
            },
          );
        },
      };
    },
  };
}

/** What a request Node's HTTP parser refused gets: status, code and message (see `jsonClientErrors`). */
export function classifyClientError(err: { code?: string }, rawPacket?: Buffer): ClassifiedError {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // the packet starts with the request line: a line that long is the URL, not a header
    const head = rawPacket?.subarray(0, 64).toString('latin1') ?? '';
    const eol = rawPacket?.indexOf('\r\n') ?? -1;
    const requestLineTooLong = /^[A-Z]{3,10} /.test(head) && (eol === -1 || eol > 8192);
    if (requestLineTooLong) {
      return {
        status: 414,
        code: 'BAD_USER_INPUT',
        message: 'The request URL is too long. Send a long GraphQL query in a POST body instead.',
        messageId: 'Alamat permintaan terlalu panjang. Kirim kueri GraphQL yang panjang dalam isi POST.',
      };
    }
    return {
      status: 431,
      code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
      message: 'The request headers are too large.',
      messageId: 'Kepala (header) permintaan terlalu besar.',
    };
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'HPE_HEADER_TIMEOUT') {
    return { status: 408, code: 'BAD_USER_INPUT', message: 'The request was not received in time.', messageId: 'Permintaan tidak diterima tepat waktu.' };
  }
  return { status: 400, code: 'BAD_USER_INPUT', message: 'The request is not valid HTTP.', messageId: 'Permintaan bukan HTTP yang sah.' };
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
    const body = JSON.stringify(jsonErrorBody(c.code, c.message, c.messageId));
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
