import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import express from 'express';
import compression from 'compression';
import { dashboardStatic, IMMUTABLE, precompressedFiles } from '../static-assets';

/** The dashboard's files as the gateway serves them: precompressed copies by Accept-Encoding, immutable hashed assets. */

const JS = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;
let dir: string;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-static-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app-AbC123.js'), JS);
  fs.writeFileSync(path.join(dir, 'assets', 'app-AbC123.js.br'), zlib.brotliCompressSync(JS));
  fs.writeFileSync(path.join(dir, 'assets', 'app-AbC123.js.gz'), zlib.gzipSync(JS));
  fs.writeFileSync(path.join(dir, 'assets', 'plain-XyZ789.css'), `body{color:#000}${' '.repeat(3000)}`);
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const app = express();
  app.use(compression({ threshold: 1024 }));
  app.use(dashboardStatic(dir));
  server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(target: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${origin}${target}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

test('finds the precompressed copies', () => {
  expect([...precompressedFiles(dir)].sort()).toEqual(['/assets/app-AbC123.js.br', '/assets/app-AbC123.js.gz']);
});

test('brotli copy when accepted, else gzip, else the file; always the script type, immutable and Vary', async () => {
  const br = await get('/assets/app-AbC123.js', 'gzip, deflate, br');
  expect(br.status).toBe(200);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['content-type']).toMatch(/^text\/javascript/);
  expect(br.headers['cache-control']).toBe(IMMUTABLE);
  expect(br.headers.vary).toMatch(/Accept-Encoding/i);
  expect(zlib.brotliDecompressSync(br.body).toString()).toBe(JS);

  const gz = await get('/assets/app-AbC123.js', 'gzip');
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(zlib.gunzipSync(gz.body).toString()).toBe(JS);

  const refusesBr = await get('/assets/app-AbC123.js', 'br;q=0, gzip');
  expect(refusesBr.headers['content-encoding']).toBe('gzip');

  const plain = await get('/assets/app-AbC123.js', 'identity');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString()).toBe(JS);
  expect(plain.headers['cache-control']).toBe(IMMUTABLE);
});

test('an asset without copies is compressed on the fly; files outside /assets are cached for an hour only', async () => {
  const css = await get('/assets/plain-XyZ789.css', 'br');
  expect(css.headers['content-encoding']).toBe('br');
  expect(css.headers['content-type']).toMatch(/^text\/css/);
  expect(css.headers['cache-control']).toBe(IMMUTABLE);
  const icon = await get('/favicon.svg', 'br');
  expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  expect((await get('/assets/missing-000.js', 'br')).status).toBe(404);
});
