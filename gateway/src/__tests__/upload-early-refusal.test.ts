import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serviceHeaders } from '@pantau/common';
import { createTestStore, type TestStore } from '@pantau/testing';
import { createServer as createAgencies, type AgenciesServer } from '@pantau/agencies';
import { createServer as createReports, HttpRegistryClient, LocalDiskStorage, type ReportsServer } from '@pantau/reports';
import { createGateway, type RunningGateway } from '../server';
import { pdfOfSize, rawRequest } from './hostile-support';

/**
 * An upload over the limit is refused early (declared Content-Length, or the file passing the limit) with
 * HTTP 413 PAYLOAD_TOO_LARGE in the JSON shape, and the client can read that answer even when it keeps
 * sending its whole body (as curl does): the reports service and the gateway read and drop the rest
 * (bounded) instead of closing the connection under it (EPIPE), and the gateway passes the early 413
 * through instead of a 503.
 */

const LIMIT = 64 * 1024;
const FIVE_MB = 5 * 1024 * 1024;

let store: TestStore;
let agencies: AgenciesServer;
let reports: ReportsServer;
let gateway: RunningGateway;
let filesDir: string;

beforeAll(async () => {
  store = createTestStore('sqlite');
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-early-413-'));
  agencies = await createAgencies({ store: store.config('agencies'), port: 0 });
  reports = await createReports({
    store: store.config('reports'),
    port: 0,
    registry: new HttpRegistryClient(agencies.url),
    storage: new LocalDiskStorage(filesDir),
    maxAttachmentBytes: LIMIT,
    orphanSweepIntervalMs: 0,
  });
  gateway = await createGateway({ port: 0, subgraphUrls: { agencies: agencies.url, reports: reports.url }, dashboardDir: null });
}, 120000);

afterAll(async () => {
  await gateway?.close();
  await reports?.close();
  await agencies?.close();
  await store?.cleanup();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

/** A PDF header and `size` spaces, or `file` (a stored upload must be a well-formed file: its metadata is removed). */
function multipart(size: number, file?: Buffer): { body: Buffer; contentType: string } {
  const boundary = '----pantau-early-413';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="besar.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const content = file ?? Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20)]);
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends the whole body whatever the server answers meanwhile (no early stop), then reads the answer. */
function uploadAll(origin: string, body: Buffer, headers: Record<string, string>, chunked = false) {
  const { hostname, port } = new URL(origin);
  return new Promise<{ status: number; json: any; error?: string }>((resolve) => {
    const req = http.request({ host: hostname, port, method: 'POST', path: '/attachments', headers: chunked ? headers : { ...headers, 'content-length': String(body.length) }, agent: false });
    let answer: { status: number; json: any } | null = null;
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        answer = { status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
        resolve(answer);
      });
    });
    req.on('error', (err) => {
      if (!answer) resolve({ status: 0, json: null, error: err.message });
    });
    void (async () => {
      for (let off = 0; off < body.length && !req.destroyed; off += 64 * 1024) {
        if (!req.write(body.subarray(off, off + 64 * 1024))) {
          await new Promise<void>((r) => {
            const go = () => {
              req.off('drain', go);
              req.off('close', go);
              r();
            };
            req.on('drain', go);
            req.on('close', go);
          });
        }
      }
      if (!req.destroyed) req.end();
    })();
  });
}

const expect413 = (r: { status: number; json: any; error?: string }) => {
  expect(r.error).toBeUndefined();
  expect(r.status).toBe(413);
  expect(r.json.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: LIMIT, messageId: expect.any(String) });
};

describe('an upload over the limit: 413 PAYLOAD_TOO_LARGE the client can read', () => {
  const { body, contentType } = multipart(FIVE_MB);

  it('through the gateway, declared length (refused before reading)', async () => {
    expect413(await uploadAll(gateway.origin, body, { 'content-type': contentType }));
  });

  it('through the gateway, chunked (refused when the file passes the limit)', async () => {
    expect413(await uploadAll(gateway.origin, body, { 'content-type': contentType }, true));
  });

  it('directly on the reports service, both ways', async () => {
    const svc = await serviceHeaders();
    expect413(await uploadAll(new URL(reports.url).origin, body, { 'content-type': contentType, ...svc }));
    expect413(await uploadAll(new URL(reports.url).origin, body, { 'content-type': contentType, ...svc }, true));
  });

  it('a client that stops sending at the answer (Connection: close) reads it too', async () => {
    for (const port of [gateway.port, Number(new URL(reports.url).port)]) {
      const headers = { 'content-type': contentType, ...(port === gateway.port ? {} : await serviceHeaders()) };
      const r = await rawRequest({ port, method: 'POST', path: '/attachments', headers, body });
      expect413({ status: r.status, json: r.json, error: r.error });
      expect(r.headers.connection).toBe('close');
    }
  });

  it('keeps serving: an upload within the limit is stored', async () => {
    const small = multipart(0, pdfOfSize(1000));
    const r = await uploadAll(gateway.origin, small.body, { 'content-type': small.contentType });
    expect(r.status).toBe(201);
  });
});
