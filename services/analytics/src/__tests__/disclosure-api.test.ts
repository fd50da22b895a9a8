import { Role, setDefaultTokenStateChecker, signStaffToken, TokenStateChecker } from '@pantau/common';
import { createTestStore, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { createServer, type AnalyticsServer } from '../server';
import { SCENARIO_NOW, scenarioEvents } from './support/scenario';

/**
 * Small-cell protection over HTTP on the 5-report scenario (k = 5): a scope with 1–4 reports gives the
 * public nulls and staff the real numbers; narrowing region + topic + day down to one report (the
 * re-identification attempt of issue 9) yields nothing for the public.
 */

const FIGURES = `
  analyticsOverview(filter: $f) { volume open overdue completionRate satisfaction transparencyIndex byTopic { topic count } suppressed suppressedBelow suppressedFields }
  maladministrationBreakdown(filter: $f) { total slices { type count share } suppressed }
  responseTimeStats(filter: $f) { verification { count p50Hours meanHours histogram { count } suppressed } suppressed }
  slaCompliance(filter: $f) { overall steps { step onTime late overdueOpen compliance } suppressed }
  transparencyMetrics(filter: $f) { responseRate satisfaction index suppressed }
  reportTrend(filter: $f, interval: DAY) { periodStart submitted completed suppressed }
  maladministrationTrend(filter: $f, interval: DAY) { periodStart breakdown { total slices { type count share } suppressed } }
  agencyLeaderboard(filter: $f, minReports: 1) { agency { id } performance { reportCount } }
  _entities(representations: [{ __typename: "Agency", id: "X" }, { __typename: "Region", code: "64.02" }]) {
    ... on Agency { performance(filter: $f) { reportCount satisfaction transparencyIndex suppressed suppressedBelow } }
    ... on Region { reportStats(filter: $f) { reportCount open completionRate suppressed suppressedBelow } }
  }`;
const QUERY = `query($f: AnalyticsFilter) { ${FIGURES} }`;

/** Every number in an answer (figures only: not periodStart, thresholds or booleans). */
function numbers(value: unknown, key = ''): number[] {
  if (typeof value === 'number') return key === 'suppressedBelow' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => numbers(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbers(v, k));
  return [];
}

describe.each(storeKinds())('small-cell protection on %s', (kind) => {
  let store: TestStore;
  let server: AnalyticsServer;
  let staff: Record<string, string>;
  const ask = (f: Record<string, unknown> | null, headers: Record<string, string> = {}) => postSubgraph(server.url, QUERY, { f }, headers);

  beforeAll(async () => {
    store = createTestStore(kind);
    server = await createServer({ store: store.config('analytics'), port: 0, clock: () => SCENARIO_NOW, smallCellK: 5 });
    await server.store.applyBatch(scenarioEvents());
    // a real checker whose account source is this test (the agencies service is not running here)
    setDefaultTokenStateChecker(new TokenStateChecker(async () => ({ active: true, tokenVersion: 0, role: Role.LEADERSHIP, agencyId: 'X' })));
    const token = await signStaffToken({ id: 'u1', email: 'l@example.go.id', name: 'L', role: Role.LEADERSHIP, agencyId: 'X' });
    staff = { authorization: `Bearer ${token}` };
  });
  afterAll(async () => {
    setDefaultTokenStateChecker(null);
    await server?.close();
    await store?.cleanup();
  });

  it('a scope with 1–4 reports: nulls for the public, real numbers for staff', async () => {
    const f = { regionCode: '64.02.18' }; // A, C, D
    const pub = await ask(f);
    expect(pub.errors).toBeUndefined();
    expect(pub.data.analyticsOverview).toMatchObject({ volume: null, open: null, completionRate: null, satisfaction: null, suppressed: true, suppressedBelow: 5 });
    expect(pub.data.analyticsOverview.suppressedFields).toEqual(expect.arrayContaining(['volume', 'open', 'completionRate', 'satisfaction']));
    expect(pub.data.maladministrationBreakdown).toMatchObject({ total: null, suppressed: true });
    expect(pub.data.agencyLeaderboard).toEqual([]); // minReports is at least k for the public
    expect(pub.data._entities[1].reportStats).toMatchObject({ reportCount: null, open: null, suppressed: true, suppressedBelow: 5 });
    // nothing from fewer than 5 reports reaches the public: every number left is 0
    expect(numbers(pub.data).filter((n) => n !== 0)).toEqual([]);

    const st = await ask(f, staff);
    expect(st.errors).toBeUndefined();
    expect(st.data.analyticsOverview).toMatchObject({ volume: 3, open: 1, satisfaction: 0.8, suppressed: false, suppressedBelow: null, suppressedFields: [] });
    expect(st.data.maladministrationBreakdown.total).toBe(3);
    expect(st.data.maladministrationTrend.reduce((n: number, p: { breakdown: { total: number } }) => n + p.breakdown.total, 0)).toBe(3);
    expect(pub.data.maladministrationTrend.filter((p: { breakdown: { total: number | null } }) => p.breakdown.total === null).length).toBeGreaterThan(0);
    expect(st.data.agencyLeaderboard).toEqual([{ agency: { id: 'X' }, performance: { reportCount: 1 } }]);
    expect(st.data._entities[1].reportStats).toMatchObject({ reportCount: 3, suppressed: false });
  });

  it('the whole scenario (5 reports) is shown, but a rating mean from one rating is not', async () => {
    const pub = await ask(null);
    expect(pub.data.analyticsOverview).toMatchObject({ volume: 5, satisfaction: null, transparencyIndex: null, suppressed: true });
    expect((await ask(null, staff)).data.analyticsOverview).toMatchObject({ volume: 5, satisfaction: 0.6 });
  });

  it('narrowing region + topic + day until a cell holds one report yields nothing for the public', async () => {
    // B: HEALTH, 64.02.06.2003, submitted 2025-01-05T00:00Z (08:00 WITA), confidential, dispositioned late
    const attempts = [
      { regionCode: '64.02.06' },
      { regionCode: '64.02.06', topic: 'HEALTH' },
      { regionCode: '64.02.06.2003', topic: 'HEALTH', from: '2025-01-05T00:00:00+08:00', to: '2025-01-06T00:00:00+08:00' },
      { topic: 'HEALTH', agencyId: 'X' },
      // a window of one second around the submission: widened to the whole day for the public
      { from: '2025-01-05T00:00:00Z', to: '2025-01-05T00:00:01Z' },
      { from: '2025-01-05T00:00:01Z', to: '2025-01-05T00:00:02Z' },
    ];
    for (const f of attempts) {
      const pub = await ask(f);
      expect(pub.errors).toBeUndefined();
      expect({ f, left: numbers(pub.data).filter((n) => n !== 0) }).toEqual({ f, left: [] });
      const st = await ask(f, staff);
      expect(numbers(st.data).some((n) => n !== 0) || f.from === '2025-01-05T00:00:01Z').toBe(true);
    }
    // the one-second window without the report: staff see 0, the public (whole day, with B) sees "withheld"
    const empty = { from: '2025-01-05T00:00:01Z', to: '2025-01-05T00:00:02Z' };
    expect((await ask(empty, staff)).data.analyticsOverview).toMatchObject({ volume: 0, suppressed: false });
    expect((await ask(empty)).data.analyticsOverview).toMatchObject({ volume: null, suppressed: true });
  });
});
