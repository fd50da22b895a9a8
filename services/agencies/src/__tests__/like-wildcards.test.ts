import { createTestStore, errorCode, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { createServer, type AgenciesServer } from '../server';

/**
 * Client values never act as LIKE wildcards: region-code filters must be Kemendagri codes
 * (BAD_USER_INPUT otherwise), and search text is matched literally (`%`, `_`, `!`, `\` match only themselves).
 */
describe.each(storeKinds())('LIKE wildcards in agencies filters on %s', (kind) => {
  let store: TestStore;
  let server: AgenciesServer;
  const q = (query: string, variables?: Record<string, unknown>) => postSubgraph(server.url, query, variables);

  beforeAll(async () => {
    store = createTestStore(kind);
    server = await createServer({ store: store.config('agencies'), port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  it.each(['%', '64%', '6_', '64.__', '64.02.%', '64.02\\', 'x'])('refuses regionCode/within %j as BAD_USER_INPUT naming the argument', async (code) => {
    const roads = await q('query($c: String) { roads(regionCode: $c, first: 5) { totalCount } }', { c: code });
    expect(errorCode(roads)).toBe('BAD_USER_INPUT');
    expect(roads.errors![0]).toMatchObject({ message: expect.stringMatching(/^Region code must be a Kemendagri region code/), extensions: { reason: 'INVALID_REGION_CODE', field: 'regionCode', messageId: expect.any(String) } });
    expect(roads.data?.roads ?? null).toBeNull();
    const regions = await q('query($c: String) { regions(search: "a", within: $c, first: 5) { totalCount } }', { c: code });
    expect(errorCode(regions)).toBe('BAD_USER_INPUT');
    expect(regions.errors![0].extensions).toMatchObject({ field: 'within' });
  });

  it('still filters by a real code (and an empty one is no filter)', async () => {
    const all = await q('{ roads(first: 1) { totalCount } }');
    const kukar = await q('{ roads(regionCode: "64.02", first: 1) { totalCount } }');
    const empty = await q('{ roads(regionCode: "", first: 1) { totalCount } }');
    expect(kukar.errors).toBeUndefined();
    expect(kukar.data.roads.totalCount).toBeGreaterThan(0);
    expect(empty.data.roads.totalCount).toBe(all.data.roads.totalCount);
    const within = await q('{ regions(search: "Sebem", within: "64.02") { edges { node { code } } } }');
    expect(within.data.regions.edges.map((e: any) => e.node.code)).toEqual(['64.02.18.2002']);
  });

  it.each(['%', '_', '%_%_%', '\\%', '\\', '!', '!%'])('regions(search: %j) matches names literally (none)', async (search) => {
    const res = await q('query($s: String!) { regions(search: $s, first: 5) { totalCount } }', { s: search });
    expect(res.errors).toBeUndefined();
    expect(res.data.regions.totalCount).toBe(0);
  });

  it.each(['%', '_', '!'])('agencies(filter: { search: %j }) matches literally (none)', async (search) => {
    const res = await q('query($s: String) { agencies(filter: { search: $s }, first: 5) { totalCount } }', { s: search });
    expect(res.errors).toBeUndefined();
    expect(res.data.agencies.totalCount).toBe(0);
  });
});
