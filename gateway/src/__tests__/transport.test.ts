import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serviceHeaders } from '@pantau/common';
import { createTestStore, type TestStore } from '@pantau/testing';
import { createServer as createAgencies, type AgenciesServer } from '@pantau/agencies';
import { createServer as createAnalytics, type AnalyticsServer } from '@pantau/analytics';
import { createServer as createReports, HttpRegistryClient, LocalDiskStorage, type ReportsServer } from '@pantau/reports';
import { createGateway, type RunningGateway } from '../server';
import { matchPublicRoute } from '../public-routes';
import { pdfOfSize } from './hostile-support';

/**
 * Transport rules of the four real servers (in-process, real HTTP, embedded store): the gateway's route
 * allow-list, the one JSON error shape on every process, security headers, CORS. A pass-through in front
 * of the reports service records every request the gateway makes to it.
 */

const ID = '0b0e9d1c-2f6a-4c1e-9a63-0f3b8a1d2c4e';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request with the target sent byte for byte (fetch and URL would normalise `..` and `%2e`). */
function raw(origin: string, method: string, target: string, headers: Record<string, string> = {}, body = ''): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let data = Buffer.alloc(0);
    socket.on('data', (d) => (data = Buffer.concat([data, d])));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = data.toString('utf8');
      const sep = text.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = text.slice(0, sep).split('\r\n');
      const h: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        h[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      let b = text.slice(sep + 4);
      if (h['transfer-encoding'] === 'chunked') {
        let out = '';
        for (;;) {
          const nl = b.indexOf('\r\n');
          const n = parseInt(b.slice(0, nl), 16);
          if (!n) break;
          out += b.slice(nl + 2, nl + 2 + n);
          b = b.slice(nl + 2 + n + 2);
        }
        b = out;
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers: h, body: b });
    });
    const head = [`${method} ${target} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    if (body) head.push(`Content-Length: ${Buffer.byteLength(body)}`);
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  });
}

/** What every error answer must look like. */
function expectErrorShape(a: RawAnswer, status: number, code: string) {
  expect([a.status, a.headers['content-type']?.split(';')[0]]).toEqual([status, 'application/json']);
  const body = JSON.parse(a.body);
  expect(body).toEqual({ errors: [expect.objectContaining({ message: expect.any(String), extensions: expect.objectContaining({ code, messageId: expect.any(String) }) })] });
  expect(a.body).not.toMatch(/<html|<pre|\bat [\w.<>]+ \(|\/work\/|node_modules|127\.0\.0\.1:\d+/i);
}

let store: TestStore;
let agencies: AgenciesServer;
let reports: ReportsServer;
let analytics: AnalyticsServer;
let gateway: RunningGateway;
let recorder: http.Server;
let filesDir: string;
const reached: string[] = [];

beforeAll(async () => {
  store = createTestStore('sqlite');
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-transport-'));
  agencies = await createAgencies({ store: store.config('agencies'), port: 0 });
  reports = await createReports({
    store: store.config('reports'),
    port: 0,
    registry: new HttpRegistryClient(agencies.url),
    storage: new LocalDiskStorage(filesDir),
    orphanSweepIntervalMs: 0,
  });
  analytics = await createAnalytics({ store: store.config('analytics'), port: 0 });
  const reportsOrigin = new URL(reports.url);
  recorder = http.createServer((req, res) => {
    reached.push(`${req.method} ${req.url}`);
    const up = http.request({ host: reportsOrigin.hostname, port: reportsOrigin.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', () => r()));
  const recorderUrl = `http://127.0.0.1:${(recorder.address() as net.AddressInfo).port}/graphql`;
  gateway = await createGateway({
    port: 0,
    subgraphUrls: { agencies: agencies.url, reports: recorderUrl, analytics: analytics.url },
    dashboardDir: path.resolve(__dirname, '../../../dashboard/dist'),
  });
}, 120000);

afterAll(async () => {
  await gateway?.close();
  await new Promise((r) => recorder?.close(r));
  await analytics?.close();
  await reports?.close();
  await agencies?.close();
  await store?.cleanup();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('public route matching', () => {
  it('accepts exactly POST /attachments and GET|HEAD /attachments/<uuid>', () => {
    expect(matchPublicRoute('POST', '/attachments')).toEqual({ kind: 'upload', path: '/attachments' });
    expect(matchPublicRoute('GET', `/attachments/${ID}`)).toEqual({ kind: 'download', path: `/attachments/${ID}`, id: ID });
    expect(matchPublicRoute('HEAD', `/attachments/${ID.toUpperCase()}`)).toEqual({ kind: 'download', path: `/attachments/${ID}`, id: ID });
    for (const [m, t] of [
      ['GET', '/attachments'],
      ['POST', `/attachments/${ID}`],
      ['PUT', '/attachments'],
      ['POST', '/attachments/'],
      ['POST', '/Attachments'],
      ['POST', '/attachments?x=1'],
      ['GET', `/attachments/${ID}?trackingId=LPR`],
      ['GET', `/attachments/${ID}/`],
      ['GET', `/attachments/${ID}/../../internal/outbox`],
      ['GET', '/attachments/../internal/outbox'],
      ['GET', '/attachments/%2e%2e/internal/outbox'],
      ['GET', '/attachments/..%2finternal%2foutbox'],
      ['GET', '//attachments/' + ID],
      ['GET', '/attachments//' + ID],
      ['GET', `/attachments\\${ID}`],
      ['GET', `/attachments/${ID}%00`],
      ['GET', `http://evil/attachments/${ID}`],
    ] as const) {
      expect([m, t, matchPublicRoute(m, t)]).toEqual([m, t, null]);
    }
  });
});

describe('gateway route allow-list', () => {
  const traversals = [
    ['GET', '/attachments/../internal/outbox'],
    ['GET', '/attachments/..%2finternal%2foutbox'],
    ['GET', '/attachments/%2e%2e/internal/outbox'],
    ['GET', '/attachments/%2E%2E/%2E%2E/internal/outbox?after=0'],
    ['GET', '/attachments/.%2e/graphql?query=%7B_service%7Bsdl%7D%7D'],
    ['GET', '/attachments/%252e%252e/internal/outbox'],
    ['GET', '/attachments/..\\internal\\outbox'],
    ['GET', '/attachments/%5c..%5cinternal/outbox'],
    ['GET', '//attachments/../internal/outbox'],
    ['GET', '/attachments//internal/outbox'],
    ['GET', `/attachments/${ID}/../../internal/outbox`],
    ['GET', `/attachments/${ID}?/../../internal/outbox`],
    ['GET', `/attachments/${ID}?trackingId=LPR-0000-0000-0000-0`],
    ['GET', `/attachments/${ID}%2f..%2f..%2finternal%2foutbox`],
    ['GET', '/attachments/not-a-uuid'],
    ['GET', '/attachments'],
    ['POST', '/attachments/../graphql'],
    ['POST', '/attachments/%2e%2e/graphql'],
    ['POST', '/attachments?/../graphql'],
    ['POST', '/attachments/'],
    ['DELETE', `/attachments/${ID}`],
    ['PUT', '/attachments'],
    ['GET', '/internal/outbox'],
    ['GET', '/internal/outbox?after=0'],
    ['GET', '/internal/token-state/u-admin'],
    ['GET', '/%69nternal/outbox'],
    ['POST', '/internal/outbox'],
    ['GET', '/_service'],
    ['GET', '/reports/graphql'],
    ['GET', '/subgraphs/reports/graphql'],
    ['GET', '/graphql/../internal/outbox'],
    ['GET', '/no/such/route'],
  ] as const;

  it.each(traversals)('%s %s → JSON 404, nothing reaches the reports service', async (method, target) => {
    reached.length = 0;
    // a browser navigation to a path with dots or escapes gets the same (the dashboard shell is tested below)
    const plain = !/\.\.|%|\\|\/\//.test(target) && !/^\/(attachments|internal|graphql|_)/.test(target);
    const accept = plain ? 'application/json' : 'text/html,application/xhtml+xml,*/*;q=0.8';
    const headers: Record<string, string> = { accept, 'x-pantau-service': 'forged' };
    const body = method === 'POST' ? '{"query":"{ _service { sdl } }"}' : '';
    if (body) headers['content-type'] = 'application/json';
    const a = await raw(gateway.origin, method, target, headers, body);
    expectErrorShape(a, 404, 'NOT_FOUND');
    expect(reached).toEqual([]);
  });

  it('serves the dashboard shell only to browser navigations on plain paths', async () => {
    const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    for (const p of ['/', '/reports', '/agencies/kukar-pupr', '/playground']) {
      const a = await raw(gateway.origin, 'GET', p, html);
      expect([p, a.status, a.headers['content-type']]).toEqual([p, 200, 'text/html; charset=utf-8']);
    }
    // a client that does not accept HTML, or a path that is not a plain one, gets JSON
    expectErrorShape(await raw(gateway.origin, 'GET', '/reports', { accept: 'application/json' }), 404, 'NOT_FOUND');
    expectErrorShape(await raw(gateway.origin, 'GET', '/reports/%2e%2e/x', html), 404, 'NOT_FOUND');
    expectErrorShape(await raw(gateway.origin, 'GET', '/assets/../../package.json', html), 404, 'NOT_FOUND');
    expectErrorShape(await raw(gateway.origin, 'GET', '/assets/%2e%2e/%2e%2e/package.json', html), 404, 'NOT_FOUND');
    expectErrorShape(await raw(gateway.origin, 'POST', '/reports', { ...html, 'content-type': 'application/json' }, '{}'), 404, 'NOT_FOUND');
  });

  it('forwards uploads and downloads with only the headers the reports service needs', async () => {
    let seen: http.IncomingHttpHeaders = {};
    const onRequest = (req: http.IncomingMessage) => {
      if (req.url?.startsWith('/attachments')) seen = req.headers;
    };
    recorder.on('request', onRequest);
    try {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdfOfSize(1200))]), 'bukti.pdf');
      const res = await fetch(`${gateway.origin}/attachments`, {
        method: 'POST',
        body: form,
        headers: { 'x-pantau-service': 'forged', 'x-pantau-client-ip': '10.9.9.9', cookie: 'a=b', 'x-forwarded-host': 'evil', 'accept-language': 'en' },
      });
      expect(res.status).toBe(201);
      const up = (await res.json()) as { id: string };
      expect(Object.keys(seen).sort()).toEqual(
        ['accept-language', 'connection', 'content-length', 'content-type', 'host', 'x-pantau-client-ip', 'x-pantau-service'].filter((h) => h in seen).sort(),
      );
      expect(seen.cookie).toBeUndefined();
      expect(seen['x-forwarded-host']).toBeUndefined();
      expect(seen['x-pantau-service']).not.toBe('forged');
      expect(seen['x-pantau-client-ip']).not.toBe('10.9.9.9');
      // unlinked uploads are visible to nobody but admins and their staff uploader
      const dl = await raw(gateway.origin, 'GET', `/attachments/${up.id}`);
      expectErrorShape(dl, 404, 'NOT_FOUND');
      expect(dl.headers['content-security-policy']).toContain("default-src 'none'");
    } finally {
      recorder.off('request', onRequest);
    }
  });

  it('answers SUBGRAPH_UNAVAILABLE in JSON when the reports service is down, without its address', async () => {
    const down = await createGateway({
      port: 0,
      subgraphUrls: { agencies: agencies.url, reports: 'http://127.0.0.1:9/graphql', analytics: analytics.url },
      dashboardDir: null,
    });
    try {
      expectErrorShape(await raw(down.origin, 'GET', `/attachments/${ID}`), 503, 'SUBGRAPH_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});

describe('gateway GraphQL surface', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    raw(gateway.origin, 'POST', '/graphql', { 'content-type': 'application/json', ...headers }, body);

  it('has no _entities or _service in its API schema', async () => {
    for (const q of ['{ _service { sdl } }', '{ _entities(representations: [{__typename: "Report", id: "x"}]) { __typename } }']) {
      const a = await post(JSON.stringify({ query: q }));
      expect(a.status).toBe(400);
      expect(JSON.parse(a.body).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const types = JSON.parse((await post(JSON.stringify({ query: '{ __schema { queryType { fields { name } } } }' }))).body);
    const names = types.data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    expect(names).not.toContain('_entities');
    expect(names).not.toContain('_service');
  });

  it('answers client mistakes with 4xx in the JSON shape', async () => {
    const unknownOp = await post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }));
    expectErrorShape(unknownOp, 400, 'BAD_USER_INPUT');
    expectErrorShape(await post(JSON.stringify({ query: 'query A { __typename } query B { __typename }' })), 400, 'BAD_USER_INPUT');
    expectErrorShape(await post('{"query": '), 400, 'BAD_USER_INPUT');
    expectErrorShape(await post('"x"'), 400, 'BAD_USER_INPUT');
    expectErrorShape(await post('{}', { 'content-type': 'application/json; charset=latin9' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectErrorShape(await post('{"query":"{__typename}"}', { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectErrorShape(await post('query=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectErrorShape(await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` })), 413, 'PAYLOAD_TOO_LARGE');
    expectErrorShape(await raw(gateway.origin, 'GET', '/graphql', { 'apollo-require-preflight': '1' }), 400, 'BAD_USER_INPUT');
    expectErrorShape(await raw(gateway.origin, 'GET', '/graphql', { accept: 'text/html' }), 400, 'BAD_USER_INPUT');
    expectErrorShape(await raw(gateway.origin, 'PUT', '/graphql', { 'content-type': 'application/json' }, '{}'), 405, 'BAD_USER_INPUT');
    expectErrorShape(await raw(gateway.origin, 'DELETE', '/graphql', { 'content-type': 'application/json' }), 405, 'BAD_USER_INPUT');
    // without a content type Apollo's CSRF prevention answers first: still a clear JSON 400
    expectErrorShape(await raw(gateway.origin, 'DELETE', '/graphql'), 400, 'BAD_USER_INPUT');
    expectErrorShape(await raw(gateway.origin, 'GET', '/graphql/../internal/outbox'), 404, 'NOT_FOUND');
    expectErrorShape(await raw(gateway.origin, 'GET', '/graphql/x?query=%7B__typename%7D', { 'apollo-require-preflight': '1' }), 404, 'NOT_FOUND');
  });

  it('sends security headers: CSP with frame-ancestors none, nosniff, referrer policy; no CORS by default', async () => {
    const a = await raw(gateway.origin, 'GET', '/', { accept: 'text/html', origin: 'https://evil.example' });
    expect(a.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(a.headers['content-security-policy']).toContain("script-src 'self'");
    expect(a.headers['content-security-policy']).toContain('worker-src');
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['x-frame-options']).toBe('DENY');
    expect(a.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(a.headers['x-powered-by']).toBeUndefined();
    expect(a.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await raw(gateway.origin, 'OPTIONS', '/graphql', { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    expectErrorShape(preflight, 403, 'FORBIDDEN');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows only the origins in PANTAU_CORS_ORIGINS', async () => {
    process.env.PANTAU_CORS_ORIGINS = 'https://dasbor.kukarkab.go.id, https://lapor.example.id/';
    const g = await createGateway({ port: 0, subgraphUrls: { agencies: agencies.url, reports: reports.url, analytics: analytics.url }, dashboardDir: null });
    delete process.env.PANTAU_CORS_ORIGINS;
    try {
      const ok = await raw(g.origin, 'OPTIONS', '/graphql', { origin: 'https://lapor.example.id', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' });
      expect(ok.status).toBe(204);
      expect(ok.headers['access-control-allow-origin']).toBe('https://lapor.example.id');
      const other = await raw(g.origin, 'OPTIONS', '/graphql', { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
      expect(other.status).toBe(403);
      const simple = await raw(g.origin, 'POST', '/graphql', { origin: 'https://dasbor.kukarkab.go.id', 'content-type': 'application/json' }, '{"query":"{__typename}"}');
      expect(simple.headers['access-control-allow-origin']).toBe('https://dasbor.kukarkab.go.id');
    } finally {
      await g.close();
    }
  });
});

describe.each([
  ['agencies', () => agencies.url],
  ['reports', () => reports.url],
  ['analytics', () => analytics.url],
])('%s subgraph error shapes', (_name, urlOf) => {
  let svc: Record<string, string>;
  beforeAll(async () => {
    svc = await serviceHeaders();
  });
  const origin = () => new URL(urlOf()).origin;
  const post = (body: string, headers: Record<string, string> = {}) =>
    raw(origin(), 'POST', '/graphql', { ...svc, 'content-type': 'application/json', ...headers }, body);

  it('answers JSON errors for malformed JSON, large bodies, charsets, unknown routes and operation names', async () => {
    expectErrorShape(await post('{"query": '), 400, 'BAD_USER_INPUT');
    expectErrorShape(await post('{}', { 'content-type': 'application/json; charset=latin9' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectErrorShape(await post('{"query":"{__typename}"}', { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectErrorShape(await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` })), 413, 'PAYLOAD_TOO_LARGE');
    expectErrorShape(await post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' })), 400, 'BAD_USER_INPUT');
    expectErrorShape(await raw(origin(), 'GET', '/graphql', { ...svc, 'apollo-require-preflight': '1' }), 400, 'BAD_USER_INPUT');
    expectErrorShape(await raw(origin(), 'PUT', '/graphql', { ...svc, 'content-type': 'application/json' }, '{}'), 405, 'BAD_USER_INPUT');
    expectErrorShape(await raw(origin(), 'GET', '/no/such/route', { accept: 'text/html' }), 404, 'NOT_FOUND');
    expectErrorShape(await raw(origin(), 'GET', '/%E0%A4%A', {}), 404, 'NOT_FOUND');
    const a = await raw(origin(), 'GET', '/health');
    expect(a.headers['content-security-policy']).toContain("default-src 'none'");
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['x-powered-by']).toBeUndefined();
  });
});
