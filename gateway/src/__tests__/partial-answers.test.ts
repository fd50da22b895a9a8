import { createTestStore, postGraphQL, type TestStore } from '@pantau/testing';
import { freePorts, startStack } from './stack-helpers';

/**
 * An outage of one subgraph costs only its own fields: the four real processes (the `npm start` launcher,
 * not supervised so a killed service stays down), one killed with SIGKILL, then one query across all three.
 */

type Stack = Awaited<ReturnType<typeof startStack>> & { children: Record<string, import('node:child_process').ChildProcess> };

const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id trackingId status } } }`;
const input = (n: number) => ({
  title: `Jalan berlubang di depan sekolah ${n}`,
  body: 'Jalan desa berlubang besar di depan sekolah dasar, membahayakan anak-anak yang berangkat sekolah.',
  topic: 'JALAN',
  classification: 'PENGADUAN',
  regionCode: '64.02.18.2003',
  idempotencyKey: `partial-answers-${n}-${Date.now()}`,
});

async function rawGraphQL(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) };
}

async function kill(stack: Stack, name: string) {
  const child = stack.children[name];
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
}

const NO_ADDRESS = /127\.0\.0\.1|localhost|https?:\/\/|\[::1\]|fetch failed/i;

async function startWithReport(store: TestStore) {
  const stack = (await startStack({
    env: { ...store.env, PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn' },
    ports: await freePorts(),
    stdio: 'ignore',
  })) as Stack;
  const signIn = await postGraphQL(stack.graphqlUrl, 'mutation { signIn(email: "admin@kukarkab.go.id", password: "pantau-demo-2026") { token } }');
  const auth = { authorization: `Bearer ${signIn.data.signIn.token}` };
  const submitted = await postGraphQL(stack.graphqlUrl, SUBMIT, { input: input(1) });
  expect(submitted.errors).toBeUndefined();
  const report = submitted.data.submitReport.report;
  const disposition = await postGraphQL(
    stack.graphqlUrl,
    'mutation($id: ID!) { dispositionReport(input: { reportId: $id }) { report { agency { id } } } }',
    { id: report.id },
    auth,
  );
  expect(disposition.errors).toBeUndefined();
  return { stack, auth, trackingId: report.trackingId as string, agencyId: disposition.data.dispositionReport.report.agency.id as string };
}

describe('partial answers: analytics, then reports, down', () => {
  let store: TestStore;
  let ctx: Awaited<ReturnType<typeof startWithReport>>;

  beforeAll(async () => {
    store = createTestStore('sqlite');
    ctx = await startWithReport(store);
  }, 120000);
  afterAll(async () => {
    await ctx?.stack.stop();
    await store?.cleanup();
  });

  const ACROSS = `query($id: ID!, $t: String!) {
    agency(id: $id) { id name performance { reportCount } reports(first: 5) { totalCount } }
    region(code: "64.02") { name reportStats { reportCount } }
    analyticsOverview { volume }
    reportByTrackingId(trackingId: $t) { status region { name } }
  }`;

  it('with analytics down, registry and report data survive; only analytics fields are null, each with a path and a code', async () => {
    const vars = { id: ctx.agencyId, t: ctx.trackingId };
    const healthy = await rawGraphQL(ctx.stack.graphqlUrl, ACROSS, vars, ctx.auth);
    expect(healthy.body.errors).toBeUndefined();
    expect(healthy.body.data.agency.performance).not.toBeNull();

    await kill(ctx.stack, 'analytics');
    const res = await rawGraphQL(ctx.stack.graphqlUrl, ACROSS, vars, ctx.auth);
    expect(res.status).toBe(200);
    const { data, errors } = res.body;
    expect(data.agency).toMatchObject({ id: ctx.agencyId, name: expect.any(String), performance: null, reports: { totalCount: 1 } });
    expect(data.region).toEqual({ name: 'Kabupaten Kutai Kartanegara', reportStats: null });
    expect(data.analyticsOverview).toBeNull();
    expect(data.reportByTrackingId).toEqual({ status: 'DISPOSITIONED', region: { name: 'Melintang' } });

    expect(errors.map((e: any) => e.path).sort()).toEqual([['agency', 'performance'], ['analyticsOverview'], ['region', 'reportStats']].sort());
    for (const e of errors) {
      expect(e.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'analytics', messageId: expect.any(String) });
    }
    expect(res.text).not.toMatch(NO_ADDRESS);
  });

  it('with reports down as well, the registry still answers; report fields are null; a mutation is refused cleanly', async () => {
    await kill(ctx.stack, 'reports');
    const res = await rawGraphQL(
      ctx.stack.graphqlUrl,
      `query($id: ID!, $t: String!) {
        agency(id: $id) { name reports(first: 5) { totalCount } }
        region(code: "64.02.18") { name parent { name } }
        reportByTrackingId(trackingId: $t) { status }
        reports(first: 5) { totalCount }
      }`,
      { id: ctx.agencyId, t: ctx.trackingId },
      ctx.auth,
    );
    const { data, errors } = res.body;
    expect(data.agency).toEqual({ name: expect.any(String), reports: null });
    expect(data.region).toEqual({ name: 'Muara Wis', parent: { name: 'Kabupaten Kutai Kartanegara' } });
    expect(data.reportByTrackingId).toBeNull();
    expect(data.reports).toBeNull();
    expect(errors.map((e: any) => e.path).sort()).toEqual([['agency', 'reports'], ['reportByTrackingId'], ['reports']].sort());
    for (const e of errors) expect(e.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'reports' });
    expect(res.text).not.toMatch(NO_ADDRESS);

    // a mutation is sent once, never retried, and refused with the same code (the client retries with its idempotency key)
    const submit = await rawGraphQL(ctx.stack.graphqlUrl, SUBMIT, { input: input(2) });
    expect(submit.body.data).toBeNull();
    expect(submit.body.errors).toEqual([expect.objectContaining({ path: ['submitReport'], extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', service: 'reports' }) })]);
    expect(submit.text).not.toMatch(NO_ADDRESS);
  });
});

describe('partial answers: agencies down', () => {
  let store: TestStore;
  let ctx: Awaited<ReturnType<typeof startWithReport>>;

  beforeAll(async () => {
    store = createTestStore('sqlite');
    ctx = await startWithReport(store);
  }, 120000);
  afterAll(async () => {
    await ctx?.stack.stop();
    await store?.cleanup();
  });

  it('report lists still answer, with agency and region null', async () => {
    const LIST = '{ reports(first: 10) { totalCount edges { node { trackingId status agency { name } region { name } } } } }';
    const healthy = await rawGraphQL(ctx.stack.graphqlUrl, LIST, {}, ctx.auth);
    expect(healthy.body.errors).toBeUndefined();
    expect(healthy.body.data.reports.edges[0].node.agency.name).toEqual(expect.any(String));

    await kill(ctx.stack, 'agencies');
    const res = await rawGraphQL(ctx.stack.graphqlUrl, LIST, {}, ctx.auth);
    const { data, errors } = res.body;
    expect(data.reports.totalCount).toBe(1);
    expect(data.reports.edges).toEqual([{ node: { trackingId: expect.stringMatching(/^LPR-/), status: 'DISPOSITIONED', agency: null, region: null } }]);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'agencies' });
      expect(e.path.slice(0, 4)).toEqual(['reports', 'edges', 0, 'node']);
    }
    expect(res.text).not.toMatch(NO_ADDRESS);
  });
});
