import { countStatements } from '@pantau/common';
import { createTestStore, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { createServer, type AnalyticsServer } from '../server';
import { SCENARIO_NOW, scenarioEvents } from './support/scenario';

/**
 * Issue 11: Region.reportStats is batched per filter: the regions of one request cost the same number
 * of statements whether there are 2 or 60 of them (reads grouped by district key), with the answers each
 * region gets on its own. (The property tests check the figures against the brute-force reference.)
 */
const REGIONS = ['64', '64.02', '63', '64.71', ...Array.from({ length: 20 }, (_, i) => `64.02.${String(i + 1).padStart(2, '0')}`)];
const QUERY = `query($reps: [_Any!]!, $f: AnalyticsFilter) { _entities(representations: $reps) {
  ... on Region { code reportStats(filter: $f) { reportCount open overdue completionRate transparencyIndex } } } }`;

describe.each(storeKinds())('batched Region.reportStats on %s', (kind) => {
  let store: TestStore;
  let server: AnalyticsServer;
  beforeAll(async () => {
    store = createTestStore(kind);
    server = await createServer({ store: store.config('analytics'), port: 0, clock: () => SCENARIO_NOW, smallCellK: 1 });
    await server.store.applyBatch(scenarioEvents());
  });
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  const ask = async (codes: string[], f: Record<string, unknown> | null = null) => {
    const res = await postSubgraph(server.url, QUERY, { reps: codes.map((code) => ({ __typename: 'Region', code })), f });
    expect(res.errors).toBeUndefined();
    return res.data._entities;
  };

  for (const [name, f] of [
    ['no filter', null],
    ['a period with partial days', { from: '2025-01-02T05:00:00Z', to: '2025-01-20T00:00:00Z' }],
    ['a region filter', { regionCode: '64.02.18' }],
    ['an agency filter', { agencyId: 'X' }],
  ] as const) {
    it(`answers each region as it would alone (${name}), in key order`, async () => {
      const all = await ask([...REGIONS, '64.02.18.2001'], f as any);
      expect(all.map((e: any) => e.code)).toEqual([...REGIONS, '64.02.18.2001']);
      for (const [i, code] of [...REGIONS, '64.02.18.2001'].entries()) {
        if (i % 3 && code !== '64.02.18') continue; // a sample is enough: the same function answers one region
        expect(all[i]).toEqual((await ask([code], f as any))[0]);
      }
    });
  }

  it('costs the same statements for 2 regions as for 24', async () => {
    const counter = countStatements(server.store.ds);
    try {
      const cost = async (codes: string[]) => {
        counter.take();
        await ask(codes, { from: '2025-01-02T05:00:00Z' });
        return counter.take().filter((s) => /^\s*select/i.test(s)).length;
      };
      const two = await cost(REGIONS.slice(0, 2));
      expect(await cost(REGIONS)).toBe(two);
      expect(two).toBeLessThanOrEqual(6);
    } finally {
      counter.stop();
    }
  });
});
