import net from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { classifyClientError } from '../http-errors';
import { createLogger } from '../logger';
import { startSubgraphServer, type RunningServer } from '../server';

/** Sends raw bytes and reads until the server closes: status line, headers, body. */
function raw(port: number, data: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const c = net.connect(port, '127.0.0.1', () => c.write(data));
    c.on('data', (d) => chunks.push(d));
    c.on('error', reject);
    c.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body: rest.join('\r\n\r\n') });
    });
    setTimeout(() => c.destroy(new Error('no answer within 5 s')), 5000).unref();
  });
}

describe('requests the HTTP parser refuses get the JSON error shape', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const typeDefs = parse('type Query { ok: String }');
    server = await startSubgraphServer({ name: 'probe', schema: buildSubgraphSchema([{ typeDefs, resolvers: { Query: { ok: () => 'ok' } } }]), logger: createLogger('probe'), context: async () => ({}) }, 0);
  });
  afterAll(async () => {
    await server?.close();
  });

  const shape = (body: string) => JSON.parse(body).errors[0];

  it('headers over 16 kB: 431 REQUEST_HEADER_FIELDS_TOO_LARGE', async () => {
    const r = await raw(server.port, `POST /graphql HTTP/1.1\r\nHost: x\r\nX-Padding: ${'p'.repeat(40000)}\r\n\r\n`);
    expect(r.status).toBe(431);
    expect(r.headers).toMatch(/content-type: application\/json/i);
    expect(shape(r.body)).toMatchObject({ message: expect.any(String), extensions: { code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', messageId: expect.any(String) } });
  });

  it('a URL over 16 kB: 414 BAD_USER_INPUT', async () => {
    const r = await raw(server.port, `GET /graphql?query=${'a'.repeat(60000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(r.status).toBe(414);
    expect(shape(r.body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageId: expect.any(String) });
  });

  it('malformed HTTP: 400 BAD_USER_INPUT', async () => {
    for (const bad of ['GARBAGE\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n']) {
      const r = await raw(server.port, bad);
      expect(r.status).toBe(400);
      expect(shape(r.body).extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('keeps answering afterwards', async () => {
    const res = await fetch(new URL('/health', server.url));
    expect(res.status).toBe(200);
  });

  it('classifies a continuation packet of an overflowing header as 431', () => {
    expect(classifyClientError({ code: 'HPE_HEADER_OVERFLOW' }, Buffer.from('pppppppp')).status).toBe(431);
    expect(classifyClientError({ code: 'HPE_HEADER_OVERFLOW' }, Buffer.from(`GET /${'a'.repeat(9000)}`)).status).toBe(414);
    expect(classifyClientError({ code: 'HPE_INVALID_METHOD' }).status).toBe(400);
  });
});
