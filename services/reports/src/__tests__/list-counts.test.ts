import { countStatements } from '@pantau/common';
import { storeKinds } from '@pantau/testing';
import { ReportEntity } from '../entities';
import { startRegistry, startReports, reportInput, SUBMIT, tokens, type TestRegistry, type TestReports } from './helpers';

/**
 * The staff list's totalCount is counted once per view and write generation (service/list-counts.ts):
 * paging and repeated views reuse it, a write through this process is seen at once, a write by another
 * process (here: straight into the table) after the cache time, and no two viewer scopes share a count.
 */
const LIST = `query($after: String, $search: String) { reports(first: 2, after: $after, search: $search) { totalCount pageInfo { endCursor } } }`;

let registry: TestRegistry;
const saved = process.env.PANTAU_LIST_COUNT_CACHE_MS;
beforeAll(async () => {
  process.env.PANTAU_LIST_COUNT_CACHE_MS = '800';
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.close();
  if (saved === undefined) delete process.env.PANTAU_LIST_COUNT_CACHE_MS;
  else process.env.PANTAU_LIST_COUNT_CACHE_MS = saved;
});

describe.each(storeKinds())('staff list counts on %s', (kind) => {
  let t: TestReports;
  let tok: Awaited<ReturnType<typeof tokens>>;
  beforeAll(async () => {
    t = await startReports(kind, registry.client);
    tok = await tokens();
    for (let i = 0; i < 5; i++) expect((await t.gql(SUBMIT, { input: reportInput() })).errors).toBeUndefined();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const count = async (token: string, vars: Record<string, unknown> = {}) => {
    const res = await t.gql(LIST, vars, token);
    expect(res.errors).toBeUndefined();
    return res.data.reports as { totalCount: number; pageInfo: { endCursor: string } };
  };

  it('counts a view once while nothing is written, pages included', async () => {
    const statements = countStatements(t.server.ds);
    try {
      const first = await count(tok.admin);
      expect(first.totalCount).toBe(5);
      const counted = statements.take().filter((s) => /SELECT COUNT\(/i.test(s));
      expect(counted).toHaveLength(1);
      expect((await count(tok.admin, { after: first.pageInfo.endCursor })).totalCount).toBe(5);
      expect((await count(tok.admin)).totalCount).toBe(5);
      expect(statements.take().filter((s) => /SELECT COUNT\(/i.test(s))).toEqual([]);
    } finally {
      statements.stop();
    }
  });

  it('sees a submission through this process at once', async () => {
    expect((await count(tok.admin)).totalCount).toBe(5);
    expect((await t.gql(SUBMIT, { input: reportInput() })).errors).toBeUndefined();
    expect((await count(tok.admin)).totalCount).toBe(6);
  });

  it("sees another process's write after the cache time", async () => {
    const before = (await count(tok.admin)).totalCount;
    const [one] = await t.server.ds.getRepository(ReportEntity).find({ take: 1 });
    await t.server.ds.getRepository(ReportEntity).insert({ ...one, id: '00000000-0000-4000-8000-00000000c0de', trackingId: 'LAP-TESTCOUNT1', idempotencyKey: null });
    expect((await count(tok.admin)).totalCount).toBe(before);
    await new Promise((r) => setTimeout(r, 900));
    expect((await count(tok.admin)).totalCount).toBe(before + 1);
  });

  it('never shares a count between viewer scopes or searches', async () => {
    const admin = (await count(tok.admin)).totalCount;
    expect((await count(tok.liaisonDinkes)).totalCount).toBe(0); // the reports are routed to DPUPR
    expect((await count(tok.admin, { search: 'tidak-ada-kata-ini' })).totalCount).toBe(0);
    expect((await count(tok.admin)).totalCount).toBe(admin);
  });
});
