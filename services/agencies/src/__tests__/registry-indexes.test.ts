import { countStatements, isMysql } from '@pantau/common';
import { createTestStore, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { createServer, type AgenciesServer } from '../server';

/**
 * Issue 11: registry lists are served from indexes. The province list (`regions(search: "", level:
 * PROVINCE)`, 38 of 91,599 rows) and the agency list read page-size index entries: no scan, no sort,
 * checked with EXPLAIN on both stores; COUNT runs only when totalCount is selected.
 */
describe.each(storeKinds())('registry list indexes on %s', (kind) => {
  let store: TestStore;
  let server: AgenciesServer;
  beforeAll(async () => {
    store = createTestStore(kind);
    server = await createServer({ store: store.config('agencies'), port: 0, demoAccounts: false });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  /** The plan of a statement: SQLite's EXPLAIN QUERY PLAN details, or MariaDB's EXPLAIN rows. */
  async function plan(sql: string, parameters: unknown[]): Promise<{ text: string; rows: Record<string, unknown>[] }> {
    const rows: Record<string, unknown>[] = await server.ds.query(`${isMysql(server.ds) ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`, parameters);
    return { rows, text: rows.map((r) => (isMysql(server.ds) ? `${r.type} ${r.key} ${r.Extra}` : String(r.detail))).join(' | ') };
  }

  async function statementsOf(query: string) {
    const counter = countStatements(server.ds);
    try {
      const res = await postSubgraph(server.url, query);
      expect(res.errors).toBeUndefined();
      return { data: res.data, statements: counter.takeWithParameters().filter((s) => /^\s*select/i.test(s.sql)) };
    } finally {
      counter.stop();
    }
  }

  it('serves the province list from (level, name, code) without a scan or sort', async () => {
    const { data, statements } = await statementsOf('{ regions(search: "", level: PROVINCE, first: 50) { edges { node { code name } } } }');
    expect(data.regions.edges).toHaveLength(38);
    const names = data.regions.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(statements).toHaveLength(1); // the page only: no COUNT
    const p = await plan(statements[0].sql, statements[0].parameters);
    expect(p.text).toMatch(/idx_regions_level_name/);
    if (isMysql(server.ds)) expect(p.text).not.toMatch(/filesort|ALL/);
    else expect(p.text).not.toMatch(/TEMP B-TREE|^SCAN|\| SCAN/);
  });

  it('counts only when totalCount is selected, and the count reads the index too', async () => {
    const { data, statements } = await statementsOf('{ regions(search: "", level: PROVINCE, first: 5) { totalCount edges { node { code } } } }');
    expect(data.regions.totalCount).toBe(38);
    expect(statements).toHaveLength(2);
    const count = statements.find((s) => /count\(/i.test(s.sql))!;
    const p = await plan(count.sql, count.parameters);
    expect(p.text).toMatch(/idx_regions_level_name/);
  });

  it('serves the agency list from (active, name, id)', async () => {
    const { data, statements } = await statementsOf('{ agencies(first: 20) { edges { node { id name } } } }');
    expect(data.agencies.edges.length).toBe(20);
    expect(statements).toHaveLength(1);
    const p = await plan(statements[0].sql, statements[0].parameters);
    if (isMysql(server.ds)) expect(p.text).not.toMatch(/filesort/);
    else expect(p.text).not.toMatch(/TEMP B-TREE/);
  });
});
