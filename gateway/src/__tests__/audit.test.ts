import fs from 'node:fs';
import path from 'node:path';
import { createTestStore, postGraphQL, postSubgraph, type TestStore } from '@pantau/testing';
import { eventually, freePorts, startStack } from './stack-helpers';

/**
 * The declarative gateway audit (in the style of graphql-hive's federation-gateway-audit): every folder of
 * gateway/audit/ is one case, an operation and the exact answer expected from the gateway:
 *
 *   gateway/audit/<case>/query.graphql    the operation
 *   gateway/audit/<case>/variables.json   its variables (optional)
 *   gateway/audit/<case>/role             who asks: public | admin | ombudsman | leadership | liaison-<agency id>
 *   gateway/audit/<case>/expected.json    the whole response body ({ data, errors? })
 *
 * The four real processes (the launcher of `npm start`) run on free ports over a fixed data set: the embedded
 * store with the demo registry and demo histories generated from a fixed seed, ending at a fixed instant
 * (PANTAU_DEMO_SEED, PANTAU_DEMO_NOW, PANTAU_DEMO_REPORTS below). Everything the cases read is a function
 * of those; figures that depend on the clock (overdue now) are stable because every deadline of the data
 * set lies before the run. AUDIT_UPDATE=1 rewrites expected.json from the answers (review the diff).
 */
const AUDIT_DIR = path.resolve(__dirname, '../../audit');
const DATA_SET = { PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '600', PANTAU_DEMO_SEED: 'pantau-audit-1', PANTAU_DEMO_NOW: '2026-03-01T02:00:00.000Z' };
const PASSWORD = 'pantau-demo-2026';
const ACCOUNTS: Record<string, string> = {
  admin: 'admin@kukarkab.go.id',
  ombudsman: 'ombudsman@ombudsman.go.id',
  leadership: 'pimpinan@kukarkab.go.id',
};
/** Named demo liaisons; any other Kukar OPD `kukar-<slug>` has its secretary, sekretaris.<slug>@kukarkab.go.id. */
const LIAISONS: Record<string, string> = {
  'bbpjn-kaltim': 'narahubung@pu.go.id',
  'kaltim-pupr': 'sekretaris.pupr@kaltimprov.go.id',
  'kukar-kec-640218': 'sekcam.muarawis@kukarkab.go.id',
  'kukar-desa-6402182002': 'sekdes.sebemban@kukarkab.go.id',
};

interface AuditCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  role: string;
  expected?: unknown;
}

function loadCases(): AuditCase[] {
  return fs
    .readdirSync(AUDIT_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = (f: string) => path.join(AUDIT_DIR, name, f);
      const read = (f: string) => (fs.existsSync(file(f)) ? fs.readFileSync(file(f), 'utf8') : undefined);
      const variables = read('variables.json');
      const expected = read('expected.json');
      return {
        name,
        query: read('query.graphql') ?? '',
        variables: variables ? JSON.parse(variables) : undefined,
        role: (read('role') ?? 'public').trim(),
        expected: expected ? JSON.parse(expected) : undefined,
      };
    });
}

const cases = loadCases();
const update = process.env.AUDIT_UPDATE === '1';

describe('gateway audit (declarative cases over a fixed data set)', () => {
  let store: TestStore;
  let stack: Awaited<ReturnType<typeof startStack>>;
  const tokens = new Map<string, string>();

  async function tokenFor(role: string): Promise<Record<string, string>> {
    if (role === 'public') return {};
    if (!tokens.has(role)) {
      const agency = role.startsWith('liaison-') ? role.slice('liaison-'.length) : undefined;
      const email = agency ? (LIAISONS[agency] ?? `sekretaris.${agency.replace(/^kukar-/, '')}@kukarkab.go.id`) : ACCOUNTS[role];
      if (!email) throw new Error(`audit: unknown role ${JSON.stringify(role)}`);
      const res = await postGraphQL(stack.graphqlUrl, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', { e: email, p: PASSWORD });
      if (!res.data?.signIn?.token) throw new Error(`audit: sign-in of ${email} failed: ${JSON.stringify(res.errors)}`);
      tokens.set(role, res.data.signIn.token);
    }
    return { authorization: `Bearer ${tokens.get(role)}` };
  }

  beforeAll(async () => {
    store = createTestStore('sqlite');
    stack = await startStack({
      env: { ...store.env, ...DATA_SET, PANTAU_TRUST_PROXY: 'loopback', LOG_LEVEL: 'warn' },
      ports: await freePorts(),
      stdio: 'inherit',
    });
    // the demo histories are written after start, then analytics pulls them from the outbox: wait until
    // every report is in analytics (staff view, all time)
    const admin = await tokenFor('admin');
    const counts = async () => {
      const res = await postGraphQL(stack.graphqlUrl, '{ reports(first: 1) { totalCount } analyticsOverview { volume } }', undefined, admin);
      return { reports: res.data?.reports?.totalCount ?? -1, analytics: res.data?.analyticsOverview?.volume ?? -2 };
    };
    const done = await eventually(counts, (c) => c.reports > 0 && c.reports === c.analytics, 90_000);
    expect(done.reports).toBe(Number(DATA_SET.PANTAU_DEMO_REPORTS));
    expect(done.analytics).toBe(done.reports);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await store?.cleanup();
  });

  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const res = await postGraphQL(stack.graphqlUrl, c.query, c.variables, await tokenFor(c.role));
    if (update) {
      fs.writeFileSync(path.join(AUDIT_DIR, c.name, 'expected.json'), `${JSON.stringify(res, null, 2)}\n`);
      return;
    }
    expect(c.expected).toBeDefined();
    expect(res).toEqual(c.expected);
  });

  describe('inline traces (ftv1)', () => {
    it('every subgraph answers a trace to a credentialed caller that asks for one', async () => {
      for (const name of ['agencies', 'reports', 'analytics']) {
        const res = await postSubgraph(`http://127.0.0.1:${stack.ports[name]}/graphql`, '{ __typename }', undefined, {
          'apollo-federation-include-trace': 'ftv1',
        });
        expect(res.data).toEqual({ __typename: 'Query' });
        expect(typeof (res as { extensions?: Record<string, unknown> }).extensions?.ftv1).toBe('string');
      }
    });

    it('the gateway never passes one to its clients, even when asked', async () => {
      const query = '{ agency(id: "kukar-diskominfo") { name performance { suppressed } reports(first: 1) { totalCount } } }';
      for (const role of ['public', 'admin']) {
        const res = await fetch(stack.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1', ...(await tokenFor(role)) },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { data?: unknown; extensions?: Record<string, unknown> };
        expect(body.data).toBeDefined();
        expect(body.extensions?.ftv1).toBeUndefined();
        expect(JSON.stringify(body)).not.toContain('ftv1');
      }
    });
  });
});
