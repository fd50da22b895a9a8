import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * The built dashboard's files (issue 12: first view weight and time).
 *
 * - `/assets/*` carry a content hash in their names (Vite): cached for a year as `immutable`, so a
 *   returning visitor asks nothing again; other files (favicon) for an hour; index.html is not served
 *   here (the app shell route sends it with `no-cache`).
 * - The build writes brotli (quality 11) and gzip (level 9) copies beside each script, style sheet and
 *   SVG (dashboard/vite.config.ts). A client that accepts one gets that copy as it is: no compression
 *   work per request, and smaller than on-the-fly compression (the `compression` middleware, which
 *   still handles everything else, leaves an answer alone once it has a Content-Encoding).
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/** Precompressed copies found under `dir/assets`, as URL paths (`/assets/x.js.br`). */
export function precompressedFiles(dir: string): Set<string> {
  const assets = path.join(dir, 'assets');
  if (!fs.existsSync(assets)) return new Set();
  return new Set(
    fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.br') || f.endsWith('.gz'))
      .map((f) => `/assets/${f}`),
  );
}

export function dashboardStatic(dir: string): express.RequestHandler[] {
  const root = path.resolve(dir);
  const assetsDir = path.join(root, 'assets');
  const copies = precompressedFiles(root);
  // picks the copy the client accepts (brotli first), by rewriting the URL to it before serve-static
  const negotiate: express.RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    res.vary('Accept-Encoding');
    // the server's order (brotli first) among those the client accepts (browsers list gzip first)
    const encoding = ENCODINGS.find((e) => copies.has(req.path + e.ext) && req.acceptsEncodings(e.name) === e.name);
    if (encoding) req.url = req.path + encoding.ext;
    return next();
  };
  const files = express.static(root, {
    index: false,
    redirect: false,
    maxAge: '1h',
    setHeaders(res, file) {
      const encoding = ENCODINGS.find((e) => file.endsWith(e.ext) && path.dirname(file) === assetsDir);
      const original = encoding ? file.slice(0, -encoding.ext.length) : file;
      if (encoding) {
        res.setHeader('Content-Encoding', encoding.name);
        res.type(path.extname(original));
      }
      if (path.dirname(original) === assetsDir) res.setHeader('Cache-Control', IMMUTABLE);
    },
  });
  return [negotiate, files];
}
