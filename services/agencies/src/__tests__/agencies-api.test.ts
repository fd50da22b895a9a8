import { SignJWT } from 'jose';
import { Role, signStaffToken } from '@pantau/common';
import { createTestStore, errorCode, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { createServer, type AgenciesServer } from '../server';
import { demoAccountsFile } from '../storage/seed-registry';

describe.each(storeKinds())('agencies subgraph on %s', (kind) => {
  let store: TestStore;
  let server: AgenciesServer;
  const q = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    postSubgraph(server.url, query, variables, headers);

  beforeAll(async () => {
    store = createTestStore(kind);
    server = await createServer({ store: store.config('agencies'), port: 0, demoAccounts: true });
  });
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  it('imports every Indonesian region from idn-area-data', async () => {
    const rows: Array<{ level: string; n: unknown }> = await server.ds.query('SELECT level, COUNT(*) AS n FROM regions GROUP BY level');
    const counts = Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
    expect(counts).toEqual({ PROVINCE: 38, REGENCY: 514, DISTRICT: 7285, VILLAGE: 83762 });
  });

  it('answers Muara Wis with its parent and paginated children', async () => {
    const res = await q(`{ region(code: "64.02.18") { name level parent { name } ancestors { code }
      children(first: 5) { totalCount edges { node { code name } } pageInfo { hasNextPage endCursor } } } }`);
    expect(res.errors).toBeUndefined();
    const region = res.data.region;
    expect(region.name).toBe('Muara Wis');
    expect(region.parent.name).toBe('Kabupaten Kutai Kartanegara');
    expect(region.ancestors.map((a: any) => a.code)).toEqual(['64', '64.02']);
    expect(region.children.totalCount).toBe(7);
    expect(region.children.edges).toHaveLength(5);
    expect(region.children.pageInfo.hasNextPage).toBe(true);
    const next = await q(`query($after: String) { region(code: "64.02.18") { children(first: 5, after: $after) {
      edges { node { code } } pageInfo { hasNextPage } } } }`, { after: region.children.pageInfo.endCursor });
    expect(next.data.region.children.edges.map((e: any) => e.node.code)).toEqual(['64.02.18.2006', '64.02.18.2007']);
    expect(next.data.region.children.pageInfo.hasNextPage).toBe(false);
  });

  it('caps page size at 100 with a clear error', async () => {
    const res = await q('{ region(code: "64") { children(first: 101) { totalCount } } }');
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('searches regions by name prefix within a region', async () => {
    const res = await q('{ regions(search: "Sebem", within: "64.02") { edges { node { code name level } } } }');
    expect(res.data.regions.edges.map((e: any) => e.node.code)).toEqual(['64.02.18.2002']);
  });

  it('filters and searches agencies', async () => {
    const res = await q(`{ agencies(filter: { regionCode: "64.02", level: DISTRICT }, first: 100) { totalCount }
      search: agencies(filter: { search: "pekerjaan umum" }) { edges { node { id region { code } parent { id } } } } }`);
    expect(res.data.agencies.totalCount).toBe(20);
    expect(res.data.search.edges.map((e: any) => e.node.id).sort()).toEqual(['kaltim-pupr', 'kemenpu', 'kukar-pupr']);
  });

  describe('resolveJurisdiction (Muara Wis)', () => {
    const resolve = (input: Record<string, unknown>, lang = 'id') =>
      q('query($input: JurisdictionInput!) { resolveJurisdiction(input: $input) { agency { id name } reasons } }', { input }, {
        'accept-language': lang,
      });

    it.each([
      ['kukar-r003', '64.02.18', 'kaltim-pupr', 'PROVINSI'],
      ['kukar-r006', '64.02.18', 'kukar-pupr', 'KABUPATEN'],
      ['kukar-r008', '64.02.18.2002', 'kukar-desa-6402182002', 'DESA'],
      ['kukar-r001', '64.02.06', 'bbpjn-kaltim', 'NASIONAL'],
    ])('routes road %s in %s to %s', async (roadId, regionCode, agency, status) => {
      const res = await resolve({ topic: 'JALAN', regionCode, roadId }, 'en');
      expect(res.errors).toBeUndefined();
      expect(res.data.resolveJurisdiction.agency.id).toBe(agency);
      expect(res.data.resolveJurisdiction.reasons[0]).toContain(`has status ${status}`);
    });

    it('routes a health complaint in a Kukar village to the regency health agency', async () => {
      const res = await resolve({ topic: 'KESEHATAN', regionCode: '64.02.18.2003' });
      expect(res.data.resolveJurisdiction.agency.id).toBe('kukar-dinkes');
      expect(res.data.resolveJurisdiction.reasons).toHaveLength(3);
    });

    it('routes a topic with no village-level owner to the nearest level above', async () => {
      const res = await resolve({ topic: 'DANA_DESA', regionCode: '64.02.18.2005' }, 'en');
      expect(res.data.resolveJurisdiction.agency.id).toBe('kukar-dpmd');
      expect(res.data.resolveJurisdiction.reasons[0]).toMatch(/village level/);
    });

    it('routes village administration to the village government', async () => {
      const res = await resolve({ topic: 'ADMINISTRASI_DESA', regionCode: '64.02.18.2001' });
      expect(res.data.resolveJurisdiction.agency.id).toBe('kukar-desa-6402182001');
    });

    it.each([
      [{ topic: 'NOPE', regionCode: '64.02.18' }, 'topic'],
      [{ topic: 'JALAN', regionCode: '64.02.99' }, 'regionCode'],
      [{ topic: 'JALAN', regionCode: '64.02.18', roadId: 'no-such-road' }, 'roadId'],
    ])('rejects %j with BAD_USER_INPUT', async (input, field) => {
      const res = await resolve(input);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe(field);
    });

    it('rejects a road that does not pass through the region', async () => {
      const res = await resolve({ topic: 'JALAN', regionCode: '64.02.18', roadId: 'kukar-r001' }, 'en');
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions).toMatchObject({ reason: 'ROAD_OUTSIDE_REGION', field: 'roadId', roadId: 'kukar-r001', regionCode: '64.02.18' });
      expect(res.errors![0].message).toBe('Road "kukar-r001" does not pass through region 64.02.18.');
      const id = await resolve({ topic: 'JALAN', regionCode: '64.02.18', roadId: 'kukar-r001' }, 'id');
      expect(id.errors![0].message).toBe('Jalan "kukar-r001" tidak melewati wilayah 64.02.18.');
    });
  });

  describe('sign-in and tokens', () => {
    const demo = demoAccountsFile();
    it.each(Object.values(Role))('signs in a demo %s and the token is accepted', async (role) => {
      const account = demo.accounts.find((a) => a.role === role)!;
      const res = await q('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token account { role agency { id } } } }', {
        e: account.email,
        p: demo.password,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data.signIn.account).toEqual({ role, agency: { id: account.agency } });
      const me = await q('{ me { email role } }', {}, { authorization: `Bearer ${res.data.signIn.token}` });
      expect(me.data.me).toEqual({ email: account.email, role });
    });

    it('refuses a wrong password without saying which part was wrong', async () => {
      const res = await q('mutation { signIn(email: "admin@kukarkab.go.id", password: "wrong-password-1") { token } }');
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expect(res.errors![0].message).toBe('Email or password is wrong.');
      const unknown = await q('mutation { signIn(email: "nobody@kukarkab.go.id", password: "wrong-password-1") { token } }');
      expect(unknown.errors![0].message).toBe('Email or password is wrong.');
    });

    const viewer = { id: 'x', email: 'x@y.id', name: 'X', role: Role.ADMIN, agencyId: 'kukar' };
    it.each([
      ['forged', async () => (await signStaffToken(viewer)).replace(/\.[^.]+$/, '.AAAA')],
      ['expired', async () => signStaffToken(viewer, { ttlSeconds: -10 })],
      ['wrong-key', async () => signStaffToken(viewer, { secret: new TextEncoder().encode('another-secret-another-secret-another') })],
      [
        'unsigned',
        async () =>
          new SignJWT({ role: 'ADMIN', agencyId: 'kukar' }).setProtectedHeader({ alg: 'HS512' }).setSubject('x').sign(new Uint8Array(64)),
      ],
      ['garbage', async () => 'not-a-jwt'],
    ])('rejects a %s token with UNAUTHENTICATED', async (_label, make) => {
      const res = await q('{ topics { code } }', {}, { authorization: `Bearer ${await make()}` });
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expect(res.data).toBeUndefined();
    });

    it('shows an agency liaison to staff only', async () => {
      const query = '{ agency(id: "kukar-pupr") { liaison { email role } duties { topic { code } } } }';
      expect((await q(query)).data.agency.liaison).toBeNull();
      const [account] = await server.ds.query("SELECT id, email, name, role, agencyId FROM staff_accounts WHERE email = 'pimpinan@kukarkab.go.id'");
      const token = await signStaffToken(account);
      const res = await q(query, {}, { authorization: `Bearer ${token}` });
      expect(res.data.agency.liaison).toEqual({ email: 'sekretaris.pupr@kukarkab.go.id', role: 'LIAISON' });
      expect(res.data.agency.duties.map((d: any) => d.topic.code)).toEqual(['DRAINASE', 'JALAN', 'AIR_BERSIH'].sort());
    });
  });

  it('resolves federation references in batches', async () => {
    const res = await q(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { name } ... on Agency { name } } }`,
      {
        reps: [
          { __typename: 'Agency', id: 'kukar-pupr' },
          { __typename: 'Region', code: '64.02.18' },
          { __typename: 'Agency', id: 'missing' },
        ],
      },
    );
    expect(res.data._entities).toEqual([
      { name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kutai Kartanegara' },
      { name: 'Muara Wis' },
      null,
    ]);
  });
});

describe('sign-in throttling', () => {
  let store: TestStore;
  let server: AgenciesServer;
  beforeAll(async () => {
    store = createTestStore('sqlite');
    server = await createServer({ store: store.config('agencies'), port: 0, demoAccounts: true });
  });
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  it('refuses further attempts after five failures, even with the right password', async () => {
    const attempt = (p: string) =>
      postSubgraph(server.url, 'mutation($p: String!) { signIn(email: "pimpinan@kukarkab.go.id", password: $p) { token } }', { p });
    for (let i = 0; i < 5; i++) expect(errorCode(await attempt('wrong-password-1'))).toBe('UNAUTHENTICATED');
    const locked = await attempt('pantau-demo-2026');
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  });
});
