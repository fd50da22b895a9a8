import { getIntrospectionQuery, print } from 'graphql';
import { DEFAULT_LIMITS, serviceHeaders } from '@pantau/common';
import { createTestStore, type TestStore } from '@pantau/testing';
import { MALADMINISTRATION_TREND, REPORT_LIST } from '../../../dashboard/src/graphql/operations';
import { freePorts, startStack } from './stack-helpers';

/**
 * The operation limits on the real processes (the launcher of `npm start`, SQLite): hostile shapes are
 * refused with the limit's code and HTTP 400 through the gateway and directly on a subgraph; the
 * gateway's own fetches and the dashboard's heaviest operations pass.
 */
describe('operation limits on the running system', () => {
  let store: TestStore;
  let stack: Awaited<ReturnType<typeof startStack>>;
  let liaison: string;

  const post = async (url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const started = Date.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as any, text, ms: Date.now() - started };
  };
  const gateway = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    post(stack.graphqlUrl, query, variables, headers);
  const reports = async (query: string, variables?: Record<string, unknown>) =>
    post(`http://127.0.0.1:${stack.ports.reports}/graphql`, query, variables, await serviceHeaders('test'));

  const expectRefused = (r: Awaited<ReturnType<typeof post>>, code: string, limit: number) => {
    expect({ status: r.status, code: r.body.errors?.[0]?.extensions?.code, limit: r.body.errors?.[0]?.extensions?.limit }).toEqual({
      status: 400,
      code,
      limit,
    });
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors[0].extensions.messageId).toEqual(expect.any(String));
    expect(r.text).not.toMatch(/stack|\/work\/|node_modules|127\.0\.0\.1|Did you mean/);
  };

  beforeAll(async () => {
    store = createTestStore('sqlite');
    stack = await startStack({
      env: { ...store.env, PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn' },
      ports: await freePorts(),
      stdio: 'inherit',
    });
    const signIn = await gateway('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', {
      e: 'narahubung@pu.go.id',
      p: 'pantau-demo-2026',
    });
    liaison = signIn.body.data.signIn.token;
  }, 120000);
  afterAll(async () => {
    await stack?.stop();
    await store?.cleanup();
  });

  // reports → agency → reports, four levels of reports (drove the reports service to 3.5 GB before)
  const nested = (levels: number) => {
    let q = '';
    for (let i = 0; i < levels; i++) q = `reports(first: 100) { edges { node { id agency { id ${q} } } } }`;
    return `{ ${q} }`;
  };

  it("refuses a LIAISON's reports → agency → reports nesting, four deep, through the gateway and directly", async () => {
    const q = nested(4);
    const auth = { authorization: `Bearer ${liaison}` };
    expectRefused(await gateway(q, undefined, auth), 'MAX_DEPTH_EXCEEDED', DEFAULT_LIMITS.maxDepth);
    expectRefused(await reports(q), 'MAX_DEPTH_EXCEEDED', DEFAULT_LIMITS.maxDepth);
    // two deep fits the depth limit; the cost limit refuses it (100 × 100 reports)
    const two = '{ reports(first: 100) { edges { node { agency { reports(first: 100) { edges { node { id title } } } } } } } }';
    expectRefused(await gateway(two, undefined, auth), 'COST_LIMIT_EXCEEDED', DEFAULT_LIMITS.maxCost);
    expectRefused(await reports(two), 'COST_LIMIT_EXCEEDED', DEFAULT_LIMITS.maxCost);
    // the service still answers
    expect((await gateway('{ topics { code } }')).status).toBe(200);
  });

  it('refuses 1,000 aliased analytics fields without a token at once, and 31 by the alias limit', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_v, i) => `a${i}: analyticsOverview { volume }`).join(' ')} }`;
    const many = await gateway(aliased(1000));
    expectRefused(many, 'MAX_TOKENS_EXCEEDED', DEFAULT_LIMITS.maxTokens);
    expect(many.ms).toBeLessThan(1000);
    expectRefused(await gateway(aliased(DEFAULT_LIMITS.maxAliases + 1)), 'MAX_ALIASES_EXCEEDED', DEFAULT_LIMITS.maxAliases);
    expectRefused(await post(`http://127.0.0.1:${stack.ports.analytics}/graphql`, aliased(DEFAULT_LIMITS.maxAliases + 1), undefined, await serviceHeaders('test')), 'MAX_ALIASES_EXCEEDED', DEFAULT_LIMITS.maxAliases);
  });

  it('refuses a 60,000-token document and 50 directives', async () => {
    const tokens = `{ topics { ${'code '.repeat(60000)}} }`;
    expectRefused(await gateway(tokens), 'MAX_TOKENS_EXCEEDED', DEFAULT_LIMITS.maxTokens);
    expectRefused(await reports(tokens), 'MAX_TOKENS_EXCEEDED', DEFAULT_LIMITS.maxTokens * 2);
    const directives = `{ topics { code ${'@include(if: true) '.repeat(50)}} }`;
    expectRefused(await gateway(directives), 'MAX_DIRECTIVES_EXCEEDED', DEFAULT_LIMITS.maxDirectives);
  });

  it('answers a 50,000-item status list with BAD_USER_INPUT (400), through the gateway and directly', async () => {
    const status = Array.from({ length: 50000 }, () => 'SUBMITTED');
    const q = 'query($f: ReportFilter) { reports(filter: $f, first: 1) { totalCount } }';
    for (const r of [await gateway(q, { f: { status } }, { authorization: `Bearer ${liaison}` }), await reports(q, { f: { status } })]) {
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: DEFAULT_LIMITS.maxListInput, found: 50000 });
      expect(r.body.errors[0].message).toMatch(/has 50000 items; at most 100 are allowed/);
    }
  });

  it("never refuses the gateway's own fetches: _entities with 600 representations, _service", async () => {
    const representations = Array.from({ length: 600 }, () => ({ __typename: 'Agency', id: 'bbpjn-kaltim' }));
    const r = await reports('query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Agency { id } } }', {
      representations,
    });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data._entities).toHaveLength(600);
    const sdl = await reports('{ _service { sdl } }');
    expect(sdl.status).toBe(200);
  });

  it("answers introspection (GraphiQL's query) and the dashboard's heaviest operations, with no field suggestions", async () => {
    const intro = await gateway(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true }));
    expect(intro.status).toBe(200);
    expect(intro.body.data.__schema.queryType.name).toBe('Query');

    // served (whatever the data holds): no limit refuses them
    const LIMIT_CODES = /MAX_|COST_LIMIT|OPERATION_TIMEOUT|BAD_USER_INPUT/;
    const list = await gateway(print(REPORT_LIST), { first: 100 }, { authorization: `Bearer ${liaison}` });
    expect(list.status).toBe(200);
    expect(list.body.data.reports).toBeDefined();
    expect(JSON.stringify(list.body.errors ?? [])).not.toMatch(LIMIT_CODES);
    const trend = await gateway(print(MALADMINISTRATION_TREND), { interval: 'MONTH', filter: { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' } });
    expect(trend.status).toBe(200);
    expect(trend.body.data.maladministrationTrend).toHaveLength(12);
    expect(JSON.stringify(trend.body.errors ?? [])).not.toMatch(LIMIT_CODES);

    const typo = await gateway('{ topicz { code } }');
    expect(typo.status).toBe(400);
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
  });
});
