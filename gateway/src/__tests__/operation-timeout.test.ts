import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createLogger, startSubgraphServer, type RunningServer } from '@pantau/common';
import { createGateway, type RunningGateway } from '../server';

/**
 * The gateway's execution time limit, in process: a subgraph that takes longer than
 * PANTAU_OPERATION_TIMEOUT_MS gets the client OPERATION_TIMEOUT (HTTP 503, extensions.limitMs) on time; the
 * late answer is dropped without a crash and the gateway goes on answering.
 */
describe('gateway operation timeout', () => {
  let subgraph: RunningServer;
  let gateway: RunningGateway;
  const saved = { ...process.env };

  beforeAll(async () => {
    const typeDefs = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { slow(ms: Int!): String fast: String }
    `);
    const schema = buildSubgraphSchema([
      {
        typeDefs,
        resolvers: {
          Query: {
            slow: async (_: unknown, { ms }: { ms: number }) => {
              await new Promise((r) => setTimeout(r, ms));
              return 'late';
            },
            fast: () => 'fast',
          },
        } as any,
      },
    ]);
    // the subgraph's own limit is longer: the gateway's is the one under test
    process.env.PANTAU_OPERATION_TIMEOUT_MS = '5000';
    subgraph = await startSubgraphServer({ name: 'slow', schema, logger: createLogger('slow'), context: async () => ({}) }, 0);
    const composed = composeServices([{ name: 'reports', url: subgraph.url, typeDefs }]);
    if (composed.errors?.length) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    process.env.PANTAU_OPERATION_TIMEOUT_MS = '300';
    gateway = await createGateway({ port: 0, supergraphSdl: composed.supergraphSdl!, subgraphUrls: { reports: subgraph.url }, dashboardDir: null });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraph?.close();
    process.env = saved;
  });

  const post = async (query: string) => {
    const started = Date.now();
    const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { status: res.status, body: (await res.json()) as any, ms: Date.now() - started };
  };

  it('answers OPERATION_TIMEOUT (503) after the limit and keeps serving', async () => {
    expect((await post('{ fast }')).body).toEqual({ data: { fast: 'fast' } });
    const r = await post('{ slow(ms: 1200) }');
    expect(r.status).toBe(503);
    expect(r.ms).toBeLessThan(1100);
    expect(r.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/longer than 300 ms/),
          extensions: { code: 'OPERATION_TIMEOUT', limitMs: 300, messageId: expect.any(String) },
        },
      ],
    });
    await new Promise((res) => setTimeout(res, 1200)); // the subgraph answers late; nothing is written twice
    expect((await post('{ fast }')).body).toEqual({ data: { fast: 'fast' } });
  });
});
