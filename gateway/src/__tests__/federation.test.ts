import { SignJWT } from 'jose';
import { createTestStore, errorCode, postGraphQL, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { eventually, freePorts, startStack } from './stack-helpers';

/**
 * The whole system as separate processes (the same launcher as `npm start`), joined by the gateway
 * over real HTTP, on SQLite and on MariaDB.
 */
describe.each(storeKinds())('federated system on %s', (kind) => {
  let store: TestStore;
  let stack: Awaited<ReturnType<typeof startStack>>;
  const gql = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    postGraphQL(stack.graphqlUrl, query, variables, headers);

  beforeAll(async () => {
    store = createTestStore(kind);
    stack = await startStack({
      env: { ...store.env, PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn' },
      ports: await freePorts(),
      stdio: 'inherit',
    });
  }, 120000);
  afterAll(async () => {
    await stack?.stop();
    await store?.cleanup();
  });

  it('reports health and readiness of every subgraph', async () => {
    expect((await fetch(`${stack.origin}/health`)).status).toBe(200);
    const ready = await fetch(`${stack.origin}/ready`);
    expect(ready.status).toBe(200);
    const body: any = await ready.json();
    expect(Object.keys(body.subgraphs).sort()).toEqual(['agencies', 'analytics', 'reports']);
  });

  it('answers Muara Wis / Kutai Kartanegara', async () => {
    const res = await gql('{ region(code: "64.02.18") { name parent { name } } }');
    expect(res).toEqual({ data: { region: { name: 'Muara Wis', parent: { name: 'Kabupaten Kutai Kartanegara' } } } });
  });

  it('takes a report through the gateway into analytics and across all three subgraphs', async () => {
    // Counted as staff: signed-out figures from fewer than k = 5 reports are withheld (small-cell protection).
    const signIn = await gql('mutation { signIn(email: "admin@kukarkab.go.id", password: "pantau-demo-2026") { token } }');
    const auth = { authorization: `Bearer ${signIn.data.signIn.token}` };
    const countFor = async (topic: string) => {
      const res = await gql('{ analyticsOverview { volume byTopic { topic count } } }', undefined, auth);
      expect(res.errors).toBeUndefined();
      return res.data.analyticsOverview.byTopic.find((t: any) => t.topic === topic)?.count ?? 0;
    };
    const before = await countFor('KESEHATAN');
    const submitted = await gql(
      `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id trackingId status } } }`,
      {
        input: {
          title: 'Puskesmas tutup pada jam pelayanan',
          body: 'Puskesmas di Desa Melintang tutup pada hari kerja pukul 10.00, warga tidak bisa berobat.',
          topic: 'KESEHATAN',
          classification: 'PENGADUAN',
          regionCode: '64.02.18.2003',
        },
      },
    );
    expect(submitted.errors).toBeUndefined();
    const { trackingId, status } = submitted.data.submitReport.report;
    expect(status).toBe('SUBMITTED');

    const after = await eventually(() => countFor('KESEHATAN'), (n) => n === before + 1, 10000);
    expect(after).toBe(before + 1);

    // The citizen follows the report with the tracking ID; the region comes from the registry.
    const mine = await gql('query($t: String!) { reportByTrackingId(trackingId: $t) { status region { name parent { name } } } }', {
      t: trackingId,
    });
    expect(mine.data.reportByTrackingId).toEqual({ status: 'SUBMITTED', region: { name: 'Melintang', parent: { name: 'Muara Wis' } } });

    // The admin routes it to the suggested agency; then one query spans reports, agencies and analytics.
    const id = submitted.data.submitReport.report.id;
    const disposition = await gql(
      'mutation($id: ID!) { dispositionReport(input: { reportId: $id }) { report { status agency { id } } } }',
      { id },
      auth,
    );
    expect(disposition.errors).toBeUndefined();
    expect(disposition.data.dispositionReport.report).toEqual({ status: 'DISPOSITIONED', agency: { id: 'kukar-dinkes' } });

    const res = await eventually(
      () =>
        gql(
          `query($id: ID!) { report(id: $id) { status suggestedAgency { id } agency { id name performance { reportCount } } } }`,
          { id },
          auth,
        ),
      (r) => r.data?.report?.agency?.performance?.reportCount >= 1,
      10000,
    );
    expect(res.errors).toBeUndefined();
    const report = res.data.report;
    expect(report.suggestedAgency).toEqual({ id: 'kukar-dinkes' });
    expect(report.agency.name).toBe('Dinas Kesehatan Kabupaten Kutai Kartanegara');
    expect(report.agency.performance.reportCount).toBe(1);
  });

  it('forwards the Authorization header and every subgraph rejects a bad token', async () => {
    const signIn = await gql('mutation { signIn(email: "admin@kukarkab.go.id", password: "pantau-demo-2026") { token } }');
    const token = signIn.data.signIn.token;
    const me = await gql('{ me { role } }', {}, { authorization: `Bearer ${token}` });
    expect(me.data.me).toEqual({ role: 'ADMIN' });

    const forged = await new SignJWT({ role: 'ADMIN', agencyId: 'kukar' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer('pantau-agencies')
      .setAudience('pantau')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-shared-key-not-the-shared-key'));
    for (const name of ['agencies', 'reports', 'analytics'] as const) {
      const direct = await postSubgraph(`http://127.0.0.1:${stack.ports[name]}/graphql`, '{ __typename }', {}, {
        authorization: `Bearer ${forged}`,
      });
      expect([name, errorCode(direct)]).toEqual([name, 'UNAUTHENTICATED']);
    }
    const viaGateway = await gql('{ region(code: "64") { name } }', {}, { authorization: `Bearer ${forged}` });
    expect(errorCode(viaGateway)).toBe('UNAUTHENTICATED');
  });
});

describe('partial failures', () => {
  let store: TestStore;
  let stack: Awaited<ReturnType<typeof startStack>>;
  beforeAll(async () => {
    store = createTestStore('sqlite');
    stack = await startStack({
      env: { ...store.env, PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn' },
      ports: await freePorts(),
      stdio: 'inherit',
    });
  }, 120000);
  afterAll(async () => {
    await stack?.stop();
    await store?.cleanup();
  });

  it('keeps the data of other subgraphs when one field is refused', async () => {
    const res = await postGraphQL(stack.graphqlUrl, '{ region(code: "64.02") { name } report(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(res.data?.region).toEqual({ name: 'Kabupaten Kutai Kartanegara' });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/Sign in/);
  });

  it('refuses a bad token at the gateway with a message a person understands', async () => {
    const res = await postGraphQL(stack.graphqlUrl, '{ region(code: "64") { name } }', {}, { authorization: 'Bearer nonsense' });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/Invalid token .*Sign in again/);
  });
});
