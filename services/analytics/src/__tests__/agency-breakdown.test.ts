import { countStatements, Role, setDefaultTokenStateChecker, signStaffToken, TokenStateChecker } from '@pantau/common';
import { createTestStore, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import type { OutboxEvent } from '@pantau/common';
import { SyntheticReports } from '../bench/synthetic';
import { createServer, type AnalyticsServer } from '../server';

/**
 * Issue 13: the per-agency breakdown (AgencyPerformance.maladministration and .firstResponseAgency) in one
 * query. Each agency's breakdown equals maladministrationBreakdown / responseTimeStats.firstResponseAgency
 * asked with the filter's agency set to it (exact figures), for staff and for the public (same small-cell
 * rules); the agencies of one request are one batch: 3 agencies cost the same statements as 25.
 */
const END = Date.parse('2025-06-30T17:00:00Z');
const N = 2500;

const BREAKDOWN = 'total suppressed suppressedBelow suppressedFields slices { type count share suppressed suppressedBelow suppressedFields }';
const DURATION = 'count p50Hours p90Hours meanHours suppressed suppressedBelow suppressedFields histogram { fromHours toHours count suppressed suppressedFields }';
const LEADERS = `query($f: AnalyticsFilter, $first: Int) { agencyLeaderboard(filter: $f, orderBy: REPORT_COUNT, minReports: 1, first: $first) {
  agency { id } performance { reportCount maladministration { ${BREAKDOWN} } firstResponseAgency { ${DURATION} } } } }`;
const ALONE = `query($f: AnalyticsFilter) { maladministrationBreakdown(filter: $f) { ${BREAKDOWN} } responseTimeStats(filter: $f) { firstResponseAgency { ${DURATION} } } }`;
const ENTITIES = `query($reps: [_Any!]!, $f: AnalyticsFilter) { _entities(representations: $reps) {
  ... on Agency { id performance(filter: $f) { maladministration { ${BREAKDOWN} } firstResponseAgency { ${DURATION} } } } } }`;

function syntheticEvents(): OutboxEvent[] {
  const gen = new SyntheticReports(END, N, 1313);
  return Array.from({ length: N }, (_, i) => {
    const report = gen.report(i);
    return { seq: i + 1, id: `ev-${i + 1}`, type: 'ReportSubmitted' as OutboxEvent['type'], reportId: report.id, occurredAt: report.submittedAt, actorRole: 'SYSTEM', report };
  });
}

describe.each(storeKinds())('per-agency breakdown on %s', (kind) => {
  let store: TestStore;
  let server: AnalyticsServer;
  let staff: Record<string, string>;
  const ask = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await postSubgraph(server.url, query, variables, headers);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    store = createTestStore(kind);
    server = await createServer({ store: store.config('analytics'), port: 0, clock: () => END, smallCellK: 5 });
    await server.store.applyBatch(syntheticEvents());
    setDefaultTokenStateChecker(new TokenStateChecker(async () => ({ active: true, tokenVersion: 0, role: Role.LEADERSHIP, agencyId: 'X' })));
    staff = { authorization: `Bearer ${await signStaffToken({ id: 'u1', email: 'l@example.go.id', name: 'L', role: Role.LEADERSHIP, agencyId: 'X' })}` };
  }, 120_000);
  afterAll(async () => {
    setDefaultTokenStateChecker(null);
    await server?.close();
    await store?.cleanup();
  });

  for (const [name, f] of [
    ['all time', null],
    ['a period with partial days and months', { from: '2024-03-10T05:00:00Z', to: '2025-02-20T11:00:00Z' }],
    ['a region', { regionCode: '64.02', from: '2024-02-01T00:00:00Z' }],
    ['a region and a topic (staff: the public sees no agency with 5 reports here)', { regionCode: '64.02', topic: 'ROADS' }],
  ] as const) {
    for (const viewer of name.includes('topic') ? (['staff'] as const) : (['staff', 'public'] as const)) {
      it(`each agency's breakdown equals the figures asked for that agency alone (${name}, ${viewer})`, async () => {
        const headers = viewer === 'staff' ? staff : {};
        const leaders = (await ask(LEADERS, { f, first: 25 }, headers)).agencyLeaderboard as any[];
        expect(leaders.length).toBeGreaterThan(3);
        for (const { agency, performance } of leaders) {
          const alone = await ask(ALONE, { f: { ...(f ?? {}), agencyId: agency.id } }, headers);
          expect(performance.maladministration).toEqual(alone.maladministrationBreakdown);
          expect(performance.firstResponseAgency).toEqual(alone.responseTimeStats.firstResponseAgency);
        }
        // Agency.performance carries the same breakdown; an agency without reports gets zeros
        const ids = [leaders[0].agency.id, 'nobody'];
        const entities = (await ask(ENTITIES, { reps: ids.map((id) => ({ __typename: 'Agency', id })), f }, headers))._entities;
        expect(entities[0].performance.maladministration).toEqual(leaders[0].performance.maladministration);
        expect(entities[0].performance.firstResponseAgency).toEqual(leaders[0].performance.firstResponseAgency);
        expect(entities[1].performance.maladministration.total).toBe(0);
        expect(entities[1].performance.firstResponseAgency).toMatchObject({ count: 0, p50Hours: null, suppressed: false });
      }, 60_000);
    }
  }

  it('withholds small cells from the public, not from staff', async () => {
    const f = null;
    const pub = (await ask(LEADERS, { f, first: 25 })).agencyLeaderboard as any[];
    const st = (await ask(LEADERS, { f, first: 25 }, staff)).agencyLeaderboard as any[];
    expect(pub.some((e) => e.performance.maladministration.suppressed)).toBe(true);
    for (const e of pub) {
      for (const s of e.performance.maladministration.slices) if (s.count !== null) expect(s.count === 0 || s.count >= 5).toBe(true);
      const d = e.performance.firstResponseAgency;
      if (d.count !== null && d.count > 0 && d.count < 5) throw new Error('a small first-response count reached the public');
    }
    expect(st.every((e) => !e.performance.maladministration.suppressed && !e.performance.firstResponseAgency.suppressed)).toBe(true);
  });

  it('is one batch: 3 agencies cost the same statements as 25', async () => {
    const counter = countStatements(server.store.ds);
    try {
      const cost = async (first: number) => {
        counter.take(); // (the answer cache is off with an injected clock: every request reads)
        await ask(LEADERS, { f: { from: '2024-03-10T05:00:00Z', to: '2025-02-20T11:00:00Z' }, first }, staff);
        return counter.take().filter((s) => /^\s*select/i.test(s)).length;
      };
      const few = await cost(3);
      expect(await cost(25)).toBe(few);
    } finally {
      counter.stop();
    }
  });
});
