import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { graphql, type GraphQLSchema } from 'graphql';
import { countStatements, httpTokenStateLookup, setDefaultTokenStateChecker, TokenStateChecker, type StatementCounter } from '@pantau/common';
import { createTestStore, postGraphQL, type StoreKind, type TestStore } from '@pantau/testing';
import { createServer as createAgencies, buildAgenciesSchema, type AgenciesServer } from '@pantau/agencies';
import { createServer as createReports, buildReportsSchema, HttpRegistryClient, LocalDiskStorage, seedDemo, type ReportsServer } from '@pantau/reports';
import { createServer as createAnalytics, buildAnalyticsSchema, HttpOutboxSource, type AnalyticsServer } from '@pantau/analytics';
import { createGateway, SUPERGRAPH_PATH, type RunningGateway } from '@pantau/gateway';

// as in the gateway: no usage export to Apollo from the in-process gateways either
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

/**
 * The whole system in one process for the benchmark and the statement budgets: the three subgraphs on
 * their own stores (SQLite files or fresh MariaDB databases), analytics consuming the reports outbox over
 * HTTP, the real gateway over HTTP, and an in-process gateway (the same @apollo/gateway executing the
 * subgraph schemas directly, no HTTP: the floor of federation cost).
 */
export interface BenchStack {
  kind: StoreKind;
  agencies: AgenciesServer;
  reports: ReportsServer;
  analytics: AnalyticsServer;
  gateway: RunningGateway;
  /** The in-process gateway (LocalGraphQLDataSource-style: subgraph schemas executed in this process). */
  local: ApolloServer<LocalContext>;
  counters: Record<'agencies' | 'reports' | 'analytics', StatementCounter>;
  staffToken: string;
  /** When the analytics consumer started on its empty store (performance.now()): its catch-up is a replay from zero. */
  analyticsStartedAt: number;
  /** Seconds each setup step took (bulk load, analytics start, gateway start). */
  setupSteps: Array<[string, number]>;
  close(): Promise<void>;
}

interface LocalContext {
  authorization?: string;
}

/** Keys, lifted rate limits and quiet logs for a benchmark process (tests set their own keys). */
export function benchEnvironment() {
  process.env.PANTAU_JWT_SECRET ||= crypto.randomBytes(48).toString('base64url');
  process.env.PANTAU_SERVICE_SECRET ||= crypto.randomBytes(48).toString('base64url');
  process.env.LOG_LEVEL ||= 'warn';
  process.env.PANTAU_TEST_MYSQL_URL ??= process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306';
  // the benchmark is one client sending thousands of requests: lift the per-address limits
  for (const name of ['GENERAL', 'SUBJECT', 'SUBMIT_REPORT', 'TRACKING', 'SIGNIN', 'UPLOAD']) {
    process.env[`PANTAU_RATE_LIMIT_${name}`] ||= '100000000/60';
  }
}

/** A subgraph executed in this process with the context its own server would build for the request. */
class InProcessDataSource implements GraphQLDataSource<LocalContext> {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly context: (headers: Record<string, string | undefined>) => Promise<unknown>,
  ) {}

  async process({ request, context }: Parameters<GraphQLDataSource<LocalContext>['process']>[0]) {
    const contextValue = await this.context({ authorization: context.authorization });
    return (await graphql({ schema: this.schema, source: request.query!, variableValues: request.variables, contextValue })) as any;
  }
}

export async function startBenchStack(opts: {
  kind: StoreKind;
  reports: number;
  seed?: string;
  now?: Date;
  /**
   * Wait until analytics has consumed the whole outbox before returning (default true). The benchmark
   * passes false and times the catch-up itself: on a fresh store it is the replay from zero, so the
   * outbox is consumed once, not twice (at 1M reports each pass is millions of events).
   */
  waitForAnalytics?: boolean;
  /** Progress lines (long runs). */
  log?: (line: string) => void;
}): Promise<BenchStack> {
  const setupSteps: Array<[string, number]> = [];
  let stepStart = performance.now();
  const step = (name: string) => {
    const s = (performance.now() - stepStart) / 1000;
    setupSteps.push([name, s]);
    opts.log?.(`${name}: ${s.toFixed(1)} s`);
    stepStart = performance.now();
  };
  const store: TestStore = createTestStore(opts.kind);
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-files-'));
  const agencies = await createAgencies({ store: store.config('agencies'), port: 0, demoAccounts: true });
  setDefaultTokenStateChecker(new TokenStateChecker(httpTokenStateLookup(agencies.url)));
  const registry = new HttpRegistryClient(agencies.url);
  const reports = await createReports({ store: store.config('reports'), port: 0, registry, storage: new LocalDiskStorage(files), orphanSweepIntervalMs: 0 });
  const now = opts.now ?? new Date();
  step('agencies and reports up');
  await seedDemo({ ds: reports.ds, registry, storage: reports.storage, calendar: reports.service.calendar }, { count: opts.reports, seed: opts.seed ?? 'bench', now });
  step(`${opts.reports} demo reports bulk-loaded`);
  const analyticsStartedAt = performance.now();
  const analytics = await createAnalytics({
    store: store.config('analytics'),
    port: 0,
    outbox: new HttpOutboxSource(new URL(reports.url).origin),
    consumer: { pageSize: 5000, pollMs: 100 }, // the outbox's largest page: a replay from zero moves in as few batches as it can
  });
  if (opts.waitForAnalytics ?? true) {
    await caughtUp(analytics, 600_000);
    step('analytics caught up');
  }
  const gateway = await createGateway({
    port: 0,
    dashboardDir: null,
    subgraphUrls: { agencies: agencies.url, reports: reports.url, analytics: analytics.url },
  });

  // in-process federation: the same supergraph and planner, subgraphs executed here
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const agenciesContext = require('@pantau/agencies/dist/context');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const reportsContext = require('@pantau/reports/dist/context');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const analyticsContext = require('@pantau/analytics/dist/context');
  const req = (headers: Record<string, string | undefined>) => ({ headers, ip: '127.0.0.1', socket: { remoteAddress: '127.0.0.1' } }) as any;
  const schemas = { agencies: await buildAgenciesSchema(), reports: await buildReportsSchema(), analytics: await buildAnalyticsSchema() };
  const sources: Record<string, GraphQLDataSource<LocalContext>> = {
    agencies: new InProcessDataSource(schemas.agencies, (h) => agenciesContext.createContext(agencies.ds, req(h))),
    reports: new InProcessDataSource(schemas.reports, (h) => reportsContext.createContext(reports.service, req(h))),
    analytics: new InProcessDataSource(schemas.analytics, (h) => analyticsContext.createContext(analytics.service, req(h))),
  };
  const local = new ApolloServer<LocalContext>({
    gateway: new ApolloGateway({ supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'), buildService: ({ name }) => sources[name] }),
  });
  await local.start();
  step('gateways up (dashboard plans warmed)');

  const signIn = await postGraphQL(gateway.url, 'mutation { signIn(email: "admin@kukarkab.go.id", password: "pantau-demo-2026") { token } }');
  const staffToken = signIn.data?.signIn?.token;
  if (!staffToken) throw new Error(`bench: demo admin sign-in failed: ${JSON.stringify(signIn.errors)}`);

  const counters = {
    agencies: countStatements(agencies.ds),
    reports: countStatements(reports.ds),
    analytics: countStatements(analytics.store.ds),
  };
  return {
    kind: opts.kind,
    agencies,
    reports,
    analytics,
    gateway,
    local,
    counters,
    staffToken,
    analyticsStartedAt,
    setupSteps,
    async close() {
      for (const c of Object.values(counters)) c.stop();
      await local.stop();
      await gateway.close();
      await analytics.close();
      await reports.close();
      await agencies.close();
      setDefaultTokenStateChecker(null);
      await store.cleanup();
      fs.rmSync(files, { recursive: true, force: true });
    },
  };
}

/** Waits until analytics has applied every outbox event (lag 0). */
/**
 * What the per-entity operations are measured on: the agency with the most reports, and the newest report
 * with the fullest page (routed to an agency, forwarded, answered), so its budget covers agency names in
 * the detail and the timeline whatever day the demo data were generated on (the newest report alone was
 * sometimes still unrouted, and the budgets then depended on the date).
 */
export async function benchSample(stack: BenchStack): Promise<{ agencyId: string; reportId: string }> {
  const ds = stack.reports.ds;
  const [agency] = await ds.query('SELECT agencyId AS a, COUNT(*) AS n FROM report WHERE agencyId IS NOT NULL GROUP BY agencyId ORDER BY n DESC LIMIT 1');
  const [report] = await ds.query(
    'SELECT id FROM report WHERE agencyId IS NOT NULL AND forwardCount > 0 AND responseCount > 0 ORDER BY submittedAt DESC LIMIT 1',
  );
  if (!agency || !report) throw new Error('bench: the demo data have no routed, forwarded and answered report');
  return { agencyId: agency.a, reportId: report.id };
}

export async function caughtUp(analytics: AnalyticsServer, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const s = analytics.consumer?.status() as { lag?: number | null; headSeq?: number | null; cursor?: number } | undefined;
    if (s && s.headSeq !== null && s.headSeq !== undefined && s.lag === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`bench: analytics did not catch up in ${timeoutMs} ms (${JSON.stringify(s)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A citizen submission through the gateway, one per call (numbered titles, three places in Kutai
 * Kartanegara, a distinct client address each so the per-address intake limit does not throttle the load).
 * Throws on a GraphQL error.
 */
export function intakeSubmitter(gatewayUrl: string): () => Promise<void> {
  const places = ['64.02.18.2001', '64.02.06', '64.02.18.2003'];
  let i = 0;
  return async () => {
    const n = i++;
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${(n >> 8) & 255}.${n & 255}` },
      body: JSON.stringify({
        query: 'mutation($i: SubmitReportInput!) { submitReport(input: $i) { report { id } } }',
        variables: { i: { title: `Jalan berlubang nomor ${n}`, body: 'Lubang besar di jalan desa membahayakan pengendara motor setiap malam.', topic: 'JALAN', classification: 'PENGADUAN', regionCode: places[n % places.length] } },
      }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors?.length) throw new Error(`submitReport: ${JSON.stringify(body.errors).slice(0, 300)}`);
  };
}
