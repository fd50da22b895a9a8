/**
 * @jest-environment node
 */
// The real urql client against a real HTTP server on loopback: headers, method and error mapping.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CombinedError } from 'urql';
import { createPantauClient } from '../client';
import { classifyError, errorMessage } from '../errors';
import { TOPICS } from '../operations';

let server: Server;
let url: string;
const seen: { method?: string; headers: IncomingHttpHeaders; body: any }[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: { data: { topics: [] } } };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body: body ? JSON.parse(body) : null });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen.length = 0;
  reply = { status: 200, body: { data: { topics: [{ code: 'JALAN', labelId: 'Jalan', labelEn: 'Roads' }] } } };
});

test('POSTs with the bearer token and the UI language', async () => {
  const client = createPantauClient({ url, token: 'tok-123', lang: 'en' });
  const result = await client.query(TOPICS, {}).toPromise();
  expect(result.data?.topics[0].code).toBe('JALAN');
  expect(seen).toHaveLength(1);
  expect(seen[0].method).toBe('POST');
  expect(seen[0].headers.authorization).toBe('Bearer tok-123');
  expect(seen[0].headers['accept-language']).toBe('en');
  expect(seen[0].body.operationName).toBe('Topics');
});

test('anonymous requests carry no Authorization header', async () => {
  await createPantauClient({ url, token: null, lang: 'id' }).query(TOPICS, {}).toPromise();
  expect(seen[0].headers.authorization).toBeUndefined();
  expect(seen[0].headers['accept-language']).toBe('id');
});

test('a rejected token (401 UNAUTHENTICATED) ends the session', async () => {
  // The server writes `message` in the request's language (Accept-Language: id here).
  reply = { status: 401, body: { errors: [{ message: 'Token tidak sah: kedaluwarsa.', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN', detail: 'expired' } }] } };
  const onTokenRejected = jest.fn();
  const result = await createPantauClient({ url, token: 'old', lang: 'id', onTokenRejected }).query(TOPICS, {}).toPromise();
  expect(onTokenRejected).toHaveBeenCalledTimes(1);
  expect(classifyError(result.error!)).toBe('auth');
  expect(errorMessage(result.error!, 'id')).toBe('Token tidak sah: kedaluwarsa.');
});

test('error kinds', () => {
  const gql = (code: string) => new CombinedError({ graphQLErrors: [{ message: code, extensions: { code } } as any] });
  expect(classifyError(new CombinedError({ networkError: new Error('ECONNREFUSED') }))).toBe('network');
  expect(classifyError(gql('FORBIDDEN'))).toBe('forbidden');
  expect(classifyError(gql('NOT_FOUND'))).toBe('notFound');
  expect(classifyError(gql('SUBREQUEST_HTTP_ERROR'))).toBe('service');
});
