import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createLogger, rateLimitedError, serviceHeaders, startSubgraphServer, type RunningServer } from '@pantau/common';
import { createGateway, type RunningGateway } from '../server';

/**
 * A subgraph's rate-limit refusal of a whole operation (the sign-in throttle is a field error in agencies)
 * answers HTTP 429 with Retry-After and extensions.retryAfterSeconds, called directly and through the
 * gateway; an answer with other data in it stays HTTP 200 with the field error.
 */
describe('RATE_LIMITED refusal of a whole operation: HTTP 429 + Retry-After', () => {
  let subgraph: RunningServer;
  let gateway: RunningGateway;

  beforeAll(async () => {
    const typeDefs = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { ok: String limited: String }
      type Mutation { signIn(email: String!): String! }
    `);
    const refuse = () => {
      throw rateLimitedError({ limit: 'signIn', retryAfterSeconds: 42 });
    };
    const schema = buildSubgraphSchema([{ typeDefs, resolvers: { Query: { ok: () => 'ok', limited: refuse }, Mutation: { signIn: refuse } } as any }]);
    subgraph = await startSubgraphServer({ name: 'agencies', schema, logger: createLogger('agencies'), context: async () => ({}) }, 0);
    const composed = composeServices([{ name: 'agencies', url: subgraph.url, typeDefs }]);
    if (composed.errors?.length) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    gateway = await createGateway({ port: 0, supergraphSdl: composed.supergraphSdl!, subgraphUrls: { agencies: subgraph.url }, dashboardDir: null });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraph?.close();
  });

  const post = async (url: string, query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
  };

  it.each([
    ['through the gateway', () => post(gateway.url, 'mutation { signIn(email: "a@b.c") }')],
    ['directly on the subgraph', async () => post(subgraph.url, 'mutation { signIn(email: "a@b.c") }', await serviceHeaders())],
  ])('a refused sign-in %s is HTTP 429 with Retry-After', async (_how, send) => {
    const r = await send();
    expect(r.status).toBe(429);
    expect(r.retryAfter).toBe('42');
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 42, messageId: expect.any(String) });
  });

  it('keeps HTTP 200 when other fields of the operation were answered', async () => {
    for (const r of [await post(gateway.url, '{ ok limited }'), await post(subgraph.url, '{ ok limited }', await serviceHeaders())]) {
      expect(r.status).toBe(200);
      expect(r.retryAfter).toBeNull();
      expect(r.body.data).toEqual({ ok: 'ok', limited: null });
      expect(r.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    }
  });

  it('leaves answers without a rate-limit refusal alone', async () => {
    const r = await post(gateway.url, '{ ok }');
    expect(r).toMatchObject({ status: 200, retryAfter: null, body: { data: { ok: 'ok' } } });
  });
});
