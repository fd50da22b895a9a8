import fs from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  Kind,
  parse,
  print,
  type DefinitionNode,
  type FieldDefinitionNode,
  type GraphQLSchema,
  type InputValueDefinitionNode,
} from 'graphql';
import { httpTokenStateLookup, Role, setDefaultTokenStateChecker, signStaffToken, TokenStateChecker } from '@pantau/common';
import { createTestStore, errorCode, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { buildAnalyticsSchema } from '../schema';
import { createServer, type AnalyticsServer } from '../server';
import { closeDiff } from './support/histories';
import { SCENARIO_EXPECTED, SCENARIO_NOW, scenarioEvents } from './support/scenario';

const CONTRACT = path.resolve(__dirname, '../../../../docs/api-contract.graphql');

const ANALYTICS_TYPES = [
  'AnalyticsFilter',
  'MaladministrationCategory',
  'TopicCount',
  'StatusCount',
  'AnalyticsOverview',
  'MaladministrationSlice',
  'MaladministrationBreakdown',
  'MaladministrationTrendPoint',
  'HistogramBucket',
  'DurationStats',
  'ResponseTimeStats',
  'SlaStep',
  'SlaStepCompliance',
  'SlaCompliance',
  'TransparencyMetrics',
  'TrendInterval',
  'TrendPoint',
  'LeaderboardOrder',
  'LeaderboardEntry',
  'AgencyPerformance',
  'RegionReportStats',
];

type Sig = Record<string, string>;
const argSig = (args: readonly InputValueDefinitionNode[] | undefined) =>
  (args ?? []).map((a) => `${a.name.value}: ${print(a.type)}`).sort().join(', ');
const fieldSig = (f: FieldDefinitionNode | InputValueDefinitionNode) =>
  `${print(f.type)}${'arguments' in f && f.arguments?.length ? ` (${argSig(f.arguments)})` : ''}`;

function contractSigs(): Map<string, Sig> {
  const doc = parse(fs.readFileSync(CONTRACT, 'utf8'));
  const out = new Map<string, Sig>();
  const add = (name: string, sig: Sig) => out.set(name, { ...(out.get(name) ?? {}), ...sig });
  for (const d of doc.definitions as DefinitionNode[]) {
    if (d.kind === Kind.ENUM_TYPE_DEFINITION) add(d.name.value, Object.fromEntries((d.values ?? []).map((v) => [v.name.value, 'value'])));
    if (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION || d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      const name = d.kind === Kind.OBJECT_TYPE_EXTENSION ? `extend ${d.name.value}` : d.name.value;
      add(name, Object.fromEntries(((d.fields ?? []) as Array<FieldDefinitionNode | InputValueDefinitionNode>).map((f) => [f.name.value, fieldSig(f)])));
    }
  }
  return out;
}

function schemaSig(schema: GraphQLSchema, name: string): Sig {
  const t = schema.getType(name);
  if (t instanceof GraphQLEnumType) return Object.fromEntries(t.getValues().map((v) => [v.name, 'value']));
  if (t instanceof GraphQLInputObjectType) return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, String(f.type)]));
  if (t instanceof GraphQLObjectType) {
    return Object.fromEntries(
      Object.values(t.getFields()).map((f) => [
        f.name,
        `${String(f.type)}${f.args.length ? ` (${f.args.map((a) => `${a.name}: ${String(a.type)}`).sort().join(', ')})` : ''}`,
      ]),
    );
  }
  throw new Error(`type ${name} missing`);
}

describe('the analytics schema', () => {
  it('is exactly the analytics part of docs/api-contract.graphql', async () => {
    const schema = await buildAnalyticsSchema();
    const contract = contractSigs();
    for (const name of ANALYTICS_TYPES) expect({ name, sig: schemaSig(schema, name) }).toEqual({ name, sig: contract.get(name) });
    const query = schemaSig(schema, 'Query');
    delete query._entities;
    delete query._service;
    const contractQuery = Object.fromEntries(Object.entries(contract.get('Query')!).filter(([k]) => k in query || /analytics|maladministration|responseTime|sla|transparency|reportTrend|agencyLeaderboard/i.test(k)));
    expect(query).toEqual(contractQuery);
    expect(schemaSig(schema, 'Agency')).toEqual({ id: 'ID!', ...contract.get('extend Agency') });
    expect(schemaSig(schema, 'Region')).toEqual({ code: 'String!', ...contract.get('extend Region') });
  });
});

const OVERVIEW = `volume open overdue completionRate medianFirstResponseHours slaCompliance satisfaction transparencyIndex
  byTopic { topic count } byStatus { status count }`;
const DUR = 'count p50Hours p90Hours meanHours';
const PERF = 'reportCount open overdue completionRate medianFirstResponseHours slaCompliance satisfaction transparencyIndex forwardingRate';

/**
 * The real agencies registry (in-process, own SQLite store, demo accounts): analytics checks every staff
 * token against the account's state there over HTTP, as in production.
 */
let registry: { url: string; close(): Promise<void>; ds: { query(sql: string, params?: unknown[]): Promise<any> } };
let registryStore: TestStore;
beforeAll(async () => {
  const { createServer: createAgencies } = await import('@pantau/agencies');
  registryStore = createTestStore('sqlite');
  registry = await createAgencies({ store: registryStore.config('agencies'), port: 0, demoAccounts: true });
  setDefaultTokenStateChecker(new TokenStateChecker(httpTokenStateLookup(registry.url)));
});
afterAll(async () => {
  setDefaultTokenStateChecker(null);
  await registry?.close();
  await registryStore?.cleanup();
});

describe.each(storeKinds())('analytics API on %s', (kind) => {
  let store: TestStore;
  let server: AnalyticsServer;
  const q = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => postSubgraph(server.url, query, variables, headers);

  beforeAll(async () => {
    store = createTestStore(kind);
    // the hand-computed scenario has 5 reports: small-cell protection off here (see disclosure-api.test.ts)
    server = await createServer({ store: store.config('analytics'), port: 0, clock: () => SCENARIO_NOW, smallCellK: 1 });
    await server.store.applyBatch(scenarioEvents());
  });
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  it('answers the hand-computed scenario, with numbers (never strings)', async () => {
    const res = await q(`{
      analyticsOverview { ${OVERVIEW} }
      slaCompliance { steps { step onTime late overdueOpen compliance } overall }
      transparencyMetrics { responseRate firstResponseCompliance evidenceRate completionRate satisfaction publicVisibility reopenRate forwardingRate meanHops index }
      responseTimeStats { verification { ${DUR} } firstResponseAgency { ${DUR} } firstResponseCitizen { ${DUR} } completion { ${DUR} } }
      agencyLeaderboard(orderBy: REPORT_COUNT, minReports: 1) { rank agency { id } performance { ${PERF} } }
      maladministrationBreakdown { total slices { type count share } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data;
    expect(closeDiff(d.analyticsOverview, SCENARIO_EXPECTED.overview)).toBeNull();
    expect(closeDiff(d.slaCompliance, SCENARIO_EXPECTED.sla)).toBeNull();
    expect(closeDiff(d.transparencyMetrics, SCENARIO_EXPECTED.transparency)).toBeNull();
    expect(closeDiff(d.responseTimeStats, SCENARIO_EXPECTED.durations)).toBeNull();
    expect(closeDiff(d.agencyLeaderboard, SCENARIO_EXPECTED.leaderboard.map(({ agencyId, ...r }) => ({ ...r, agency: { id: agencyId } })))).toBeNull();
    expect(d.maladministrationBreakdown.slices[0]).toEqual({ type: 'UNCLASSIFIED', count: 4, share: 0.8 });
    expect(typeof d.analyticsOverview.volume).toBe('number');
    expect(typeof d.transparencyMetrics.index).toBe('number');
  });

  it('ranks only agencies with at least minReports (default 10)', async () => {
    const res = await q('{ agencyLeaderboard { rank } two: agencyLeaderboard(minReports: 2) { agency { id } } }');
    expect(res.data.agencyLeaderboard).toEqual([]);
    expect(res.data.two).toEqual([{ agency: { id: 'X' } }]);
  });

  it('contributes Agency.performance and Region.reportStats to the registry entities', async () => {
    const res = await q(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Agency { id performance { reportCount overdue transparencyIndex } jan: performance(filter: { to: "2025-01-03T00:00:00Z" }) { reportCount } }
        ... on Region { code reportStats { reportCount open } narrowed: reportStats(filter: { regionCode: "64.02.18" }) { reportCount }
          disjoint: reportStats(filter: { regionCode: "64.71" }) { reportCount } } } }`,
      { reps: [{ __typename: 'Agency', id: 'X' }, { __typename: 'Agency', id: 'nobody' }, { __typename: 'Region', code: '64.02' }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      { id: 'X', performance: { reportCount: 2, overdue: 1, transparencyIndex: 64.5 }, jan: { reportCount: 1 } },
      { id: 'nobody', performance: { reportCount: 0, overdue: 0, transparencyIndex: null }, jan: { reportCount: 0 } },
      { code: '64.02', reportStats: { reportCount: 4, open: 2 }, narrowed: { reportCount: 3 }, disjoint: { reportCount: 0 } },
    ]);
  });

  it('serves trends per day, week and month in the reporting time zone', async () => {
    const res = await q(`{ month: reportTrend(interval: MONTH) { periodStart submitted completed }
      week: reportTrend(interval: WEEK, filter: { from: "2024-12-31T16:00:00Z", to: "2025-01-13T16:00:00Z" }) { periodStart submitted } }`);
    expect(res.data.month).toEqual([{ periodStart: '2025-01-01', submitted: 5, completed: 1 }]);
    expect(res.data.week).toEqual([
      { periodStart: '2024-12-30', submitted: 3 },
      { periodStart: '2025-01-06', submitted: 1 },
      { periodStart: '2025-01-13', submitted: 0 },
    ]);
  });

  it('is public, but rejects forged tokens and accepts real ones', async () => {
    expect((await q('{ analyticsOverview { volume } }')).data.analyticsOverview.volume).toBe(5);
    const forged = await new SignJWT({ role: 'ADMIN', agencyId: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('pantau-agencies')
      .setAudience('pantau')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-key-another-key-another-key-0123'));
    expect(errorCode(await q('{ analyticsOverview { volume } }', {}, { authorization: `Bearer ${forged}` }))).toBe('UNAUTHENTICATED');
    const [account] = await registry.ds.query("SELECT id, email, name, role, agencyId FROM staff_accounts WHERE email = 'pimpinan@kukarkab.go.id'");
    expect(account.role).toBe(Role.LEADERSHIP);
    const token = await signStaffToken(account);
    expect((await q('{ analyticsOverview { volume } }', {}, { authorization: `Bearer ${token}` })).data.analyticsOverview.volume).toBe(5);
    // a well-signed token whose account does not exist is refused (checked against the registry)
    const ghost = await signStaffToken({ id: 'u1', email: 'l@example.go.id', name: 'L', role: Role.LEADERSHIP, agencyId: 'X' });
    expect(errorCode(await q('{ analyticsOverview { volume } }', {}, { authorization: `Bearer ${ghost}` }))).toBe('UNAUTHENTICATED');
    // the subgraph answers services only
    const direct = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(direct.status).toBe(401);
  });

  it('answers bad input with BAD_USER_INPUT, its reason and a message in the asked language', async () => {
    const bad = await q('{ analyticsOverview(filter: { regionCode: "Kukar" }) { volume } }');
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions).toMatchObject({ reason: 'INVALID_REGION_CODE', field: 'regionCode' });
    expect(bad.errors![0].extensions!.messageId).toMatch(/^Kode wilayah harus berupa kode wilayah Kemendagri/);
    expect(errorCode(await q('{ agencyLeaderboard(first: 101) { rank } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await q('{ agencyLeaderboard(minReports: -1) { rank } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await q('{ reportTrend(interval: DAY, filter: { from: "1990-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z" }) { submitted } }'))).toBe('BAD_USER_INPUT');
    const empty = await q('{ analyticsOverview(filter: { from: "2025-02-01T00:00:00Z", to: "2025-01-01T00:00:00Z" }) { volume completionRate } }');
    expect(empty.data.analyticsOverview).toEqual({ volume: 0, completionRate: null });
  });

  it('has /health and /ready', async () => {
    const base = server.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok', service: 'analytics' });
    expect(await (await fetch(`${base}/ready`)).json()).toMatchObject({ status: 'ready', timeZone: 'Asia/Makassar', outbox: { cursor: 5, consuming: false } });
  });
});
