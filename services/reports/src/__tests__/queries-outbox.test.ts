import { signServiceToken, signStaffToken, type OutboxPage } from '@pantau/common';
import { errorCode, storeKinds } from '@pantau/testing';
import { reportInput, startRegistry, startReports, SUBMIT, tokens, type TestRegistry, type TestReports } from './helpers';

let registry: TestRegistry;
let tok: Awaited<ReturnType<typeof tokens>>;
beforeAll(async () => {
  registry = await startRegistry();
  tok = await tokens();
});
afterAll(async () => {
  await registry?.close();
});

describe.each(storeKinds())('staff queries and the internal outbox on %s', (kind) => {
  let t: TestReports;
  let now = new Date('2025-03-03T02:00:00Z'); // Monday 10:00 WITA
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startReports(kind, registry.client, { clock: () => now });
    const add = async (key: string, over: Record<string, unknown>, at: string) => {
      now = new Date(at);
      const res = await t.gql(SUBMIT, { input: reportInput(over) });
      expect(res.errors).toBeUndefined();
      ids[key] = res.data.submitReport.report.id;
    };
    await add('road', { title: 'Jalan poros Muara Wis berlubang', body: 'Lubang besar di jalan poros dekat dermaga Muara Wis membahayakan pengendara.' }, '2025-03-03T02:00:00Z');
    await add('health', { topic: 'KESEHATAN', regionCode: '64.02.06', title: 'Puskesmas tutup saat jam layanan', body: 'Puskesmas di Tenggarong tutup pada jam layanan pagi, pasien menunggu lama.' }, '2025-03-04T02:00:00Z');
    await add('water', { topic: 'AIR_BERSIH', regionCode: '64.02.18.2001', title: 'Air PDAM keruh berminggu-minggu', body: 'Air dari PDAM di desa kami keruh dan berbau selama tiga minggu terakhir.' }, '2025-03-05T02:00:00Z');
    now = new Date('2025-03-05T03:00:00Z');
    await t.gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: ids.road, maladministrationType: 'PENUNDAAN_BERLARUT' } }, tok.admin);
    now = new Date('2025-03-20T03:00:00Z');
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (args: string, token = tok.admin) => {
    const res = await t.gql(`{ reports(${args}) { totalCount edges { cursor node { id overdue overdueSteps } } pageInfo { hasNextPage endCursor } } }`, {}, token);
    expect(res.errors).toBeUndefined();
    return res.data.reports;
  };
  const idsOf = (conn: any) => conn.edges.map((e: any) => Object.entries(ids).find(([, v]) => v === e.node.id)?.[0]);

  it('filters, orders and pages', async () => {
    expect(idsOf(await list('first: 10'))).toEqual(['water', 'health', 'road']);
    expect(idsOf(await list('first: 10, orderBy: SUBMITTED_AT_ASC'))).toEqual(['road', 'health', 'water']);
    expect(idsOf(await list('first: 10, orderBy: UPDATED_AT_DESC'))).toEqual(['road', 'water', 'health']);
    expect(idsOf(await list('filter: { regionCode: "64.02.18" }'))).toEqual(['water', 'road']);
    expect(idsOf(await list('filter: { regionCode: "64.02.06" }'))).toEqual(['health']);
    expect(errorCode(await t.gql('{ reports(filter: { regionCode: "64.02.1" }) { totalCount } }', {}, tok.admin))).toBe('BAD_USER_INPUT');
    expect(idsOf(await list('filter: { topic: "KESEHATAN" }'))).toEqual(['health']);
    expect(idsOf(await list('filter: { status: [DISPOSITIONED] }'))).toEqual(['road']);
    expect(idsOf(await list('filter: { agencyId: "kukar-pupr" }'))).toEqual(['road']);
    expect(idsOf(await list('filter: { maladministrationType: PENUNDAAN_BERLARUT }'))).toEqual(['road']);
    expect(idsOf(await list('filter: { unclassified: true }'))).toEqual(['water', 'health']);
    expect(idsOf(await list('filter: { from: "2025-03-04T00:00:00Z", to: "2025-03-05T00:00:00Z" }'))).toEqual(['health']);
    const p1 = await list('first: 2');
    expect(p1.totalCount).toBe(3);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = await list(`first: 2, after: "${p1.pageInfo.endCursor}"`);
    expect(idsOf(p2)).toEqual(['road']);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect(errorCode(await t.gql('{ reports(first: 101) { totalCount } }', {}, tok.admin))).toBe('BAD_USER_INPUT');
  });

  it('derives overdue from the working-day due dates', async () => {
    // at 20 March: the two undispositioned reports are past their 3-working-day verification; the road report's
    // first response (5 wd after 5 March) is past due as well; completion (14 wd) is not yet due
    const all = await list('first: 10');
    const byKey = Object.fromEntries(all.edges.map((e: any) => [idsOf({ edges: [e] })[0], e.node.overdueSteps]));
    expect(byKey).toEqual({ water: ['VERIFICATION'], health: ['VERIFICATION'], road: ['FIRST_RESPONSE'] });
    expect((await list('filter: { overdue: true }')).totalCount).toBe(3);
    now = new Date('2025-03-06T00:00:00Z');
    expect(idsOf(await list('filter: { overdue: true }'))).toEqual([]);
    expect(idsOf(await list('filter: { overdue: false }'))).toEqual(['water', 'health', 'road']);
    now = new Date('2025-03-20T03:00:00Z');
  });

  it('searches title and body with full-text (prefixes, all words)', async () => {
    expect(idsOf(await list('search: "jalan lubang"'))).toEqual(['road']);
    expect(idsOf(await list('search: "puskes"'))).toEqual(['health']);
    expect(idsOf(await list('search: "keruh berbau"'))).toEqual(['water']);
    expect(idsOf(await list('search: "Muara"'))).toEqual(['road']);
    expect(idsOf(await list('search: "jalan puskesmas"'))).toEqual([]);
    expect(idsOf(await list('search: "\\"* OR 1=1 --"'))).toEqual([]);
    expect(idsOf(await list('search: "air", filter: { topic: "AIR_BERSIH" }'))).toEqual(['water']);
  });

  it('contributes Agency.reports to the registry entity (staff only)', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id reports { totalCount edges { node { id } } } } } }`;
    const r = [{ __typename: 'Agency', id: 'kukar-pupr' }];
    const res = await t.gql(q, { r }, tok.leadership);
    expect(res.data._entities[0].reports.totalCount).toBe(1);
    expect(res.data._entities[0].reports.edges[0].node.id).toBe(ids.road);
    expect(errorCode(await t.gql(q, { r }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(q, { r }, tok.liaisonDinkes))).toBe('FORBIDDEN');
    expect((await t.gql(q, { r }, tok.liaisonPupr)).data._entities[0].reports.totalCount).toBe(1);
  });

  it('serves the outbox in seq order to service tokens only', async () => {
    const url = new URL('/internal/outbox', t.server.url);
    const get = (query: string, token?: string) =>
      fetch(`${url}${query}`, { headers: token ? { 'x-pantau-service': token } : {} });
    const refused = await get('');
    expect(refused.status).toBe(401);
    expect((await refused.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await get('', tok.admin)).status).toBe(401); // a staff token is not a service token
    const service = await signServiceToken('analytics');
    // the service credential is not a Bearer token either
    expect((await fetch(`${url}`, { headers: { authorization: `Bearer ${service}` } })).status).toBe(401);
    const page = (await (await get('?after=0&limit=2', service)).json()) as OutboxPage;
    expect(page.headSeq).toBe(4);
    expect(page.events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'ReportSubmitted'],
      [2, 'ReportSubmitted'],
    ]);
    const rest = (await (await get('?after=2', service)).json()) as OutboxPage;
    expect(rest.events.map((e) => e.seq)).toEqual([3, 4]);
    expect(rest.events[1]).toMatchObject({ type: 'ReportDispositioned', reportId: ids.road, actorRole: 'ADMIN' });
    expect(rest.events[1].report).toMatchObject({ id: ids.road, status: 'DISPOSITIONED', agencyId: 'kukar-pupr', topic: 'JALAN', regionCode: '64.02.18.2002', maladministrationType: 'PENUNDAAN_BERLARUT' });
    expect(typeof rest.events[1].report.dispositionedAt).toBe('string');
    expect((await get('?after=-1', service)).status).toBe(400);
    expect((await get('?limit=5001', service)).status).toBe(400);
    const expired = await signStaffToken({ id: 'x', email: '', name: '', role: 'ADMIN' as any, agencyId: 'x' }, { ttlSeconds: -10 });
    expect((await get('', expired)).status).toBe(401);
  });
});
