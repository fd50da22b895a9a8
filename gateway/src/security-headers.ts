import cors from 'cors';
import type express from 'express';
import helmet from 'helmet';
import { sendJsonError } from '@pantau/common';

/**
 * Content security policy of the gateway's port (dashboard, bundled GraphiQL playground, API).
 * Everything is same-origin; GraphiQL 5 (Monaco) needs inline styles and blob: workers; charts and the
 * playground use data: images and fonts. Checked in headless Chromium (no CSP violations on any page).
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  frameSrc: ["'self'", 'blob:'],
  scriptSrcAttr: ["'none'"],
} as const;

/** helmet for the gateway: CSP above, frame-ancestors 'none' + X-Frame-Options DENY, nosniff, referrer policy. */
export function gatewaySecurityHeaders(): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])),
    },
    // the demo is plain HTTP on 127.0.0.1; a TLS front end adds HSTS itself
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // the dashboard loads nothing cross-origin; keeps GraphiQL's blob: workers working
    crossOriginEmbedderPolicy: false,
  });
}

/** `PANTAU_CORS_ORIGINS`: comma-separated exact origins allowed to call the API from a browser (default: none). */
export function corsOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.PANTAU_CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/**
 * CORS limited to the configured origins. With none configured no CORS headers are sent at all (the
 * dashboard is same-origin); a preflight from an unlisted origin gets a JSON 403 instead of reaching a route.
 */
export function gatewayCors(origins: string[] = corsOrigins()): express.RequestHandler {
  const allowed = new Set(origins);
  const handler = cors({
    origin: (origin, cb) => cb(null, !!origin && allowed.has(origin)),
    methods: ['GET', 'POST', 'HEAD', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'accept-language', 'x-tracking-id', 'apollo-require-preflight'],
    maxAge: 600,
  });
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (req.method === 'OPTIONS' && origin && req.headers['access-control-request-method'] && !allowed.has(origin)) {
      sendJsonError(res, 403, 'FORBIDDEN.CROSS_ORIGIN', {});
      return;
    }
    handler(req, res, next);
  };
}
