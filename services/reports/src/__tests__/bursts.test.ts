import { randomUUID } from 'node:crypto';
import { countStatements, openDataSource } from '@pantau/common';
import { createTestStore, errorCode, storeKinds, type TestStore } from '@pantau/testing';
import type { DataSource } from 'typeorm';
import { ENTITIES, ReportEntity } from '../entities';
import { Rng } from '../demo/prng';
import { burstKeys, bursts, orderBursts, reporterKey, textKey } from '../domain/bursts';
import { WorkingCalendar } from '../domain/sla';
import { cachedBurstFinder, findBursts, type BurstScope } from '../service/bursts';
import { MIGRATIONS, openReportsStore } from '../storage/datasource';
import { withTransaction } from '../service/transactions';
import { countBurstKeys, insertReports } from '../storage/report-rows';
import { startRegistry, startReports, type TestRegistry, type TestReports } from './helpers';

/**
 * reportBursts on the real stores: bursts of near-identical reports per local day (WITA), counted for
 * anyone, with nothing that identifies a report or a reporter in the answer.
 */
let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.close();
});

const QUERY = `query($from: DateTime!, $to: DateTime!, $regionCode: String, $topic: String) {
  reportBursts(from: $from, to: $to, regionCode: $regionCode, topic: $topic) { day kind count }
}`;

let n = 0;
function row(at: string, over: Partial<ReportEntity> = {}): ReportEntity {
  const submittedAt = new Date(at);
  n++;
  return Object.assign(new ReportEntity(), {
    id: randomUUID(),
    trackingId: `T${String(n).padStart(10, '0')}`,
    idempotencyKey: null,
    requestHash: null,
    title: `Laporan ${n}`,
    body: `Isi laporan nomor ${n}`,
    topic: 'JALAN',
    classification: 'PENGADUAN',
    status: 'SUBMITTED',
    anonymous: false,
    confidential: false,
    examination: false,
    regionCode: '64.02.06.2003',
    roadId: null,
    agencyId: null,
    suggestedAgencyId: null,
    routingReasons: null,
    maladministrationType: null,
    reporterName: `Warga ${n}`,
    reporterEmail: `warga${n}@example.id`,
    reporterPhone: null,
    submittedAt,
    dispositionedAt: null,
    firstResponseAt: null,
    completedAt: null,
    archivedAt: null,
    ratedAt: null,
    verificationDueAt: new Date(submittedAt.getTime() + 3 * 86_400_000),
    responseDueAt: null,
    completionDueAt: null,
    forwardCount: 0,
    responseCount: 0,
    evidenceResponseCount: 0,
    reopenCount: 0,
    rating: null,
    updatedAt: submittedAt,
    version: 1,
    ...over,
  } as Partial<ReportEntity>);
}

const times = (count: number, at: (i: number) => string, over: (i: number) => Partial<ReportEntity> = () => ({})) =>
  Array.from({ length: count }, (_, i) => row(at(i), over(i)));

describe.each(storeKinds())('report bursts on %s', (kind) => {
  let reports: TestReports;
  // as intake and the bulk loader store reports: burst keys set, per-day counters added
  const store = (rows: ReportEntity[]) =>
    withTransaction(reports.server.ds, async (em) => {
      await insertReports(em, rows, reports.server.service.calendar);
      await countBurstKeys(em, rows);
    });
  beforeAll(async () => {
    reports = await startReports(kind, registry.client);
    const rows = [
      // 10 March (WITA): 12 copies of one text, written a little differently, by 12 people; one confidential
      ...times(12, (i) => `2026-03-10T0${i % 10}:15:00+08:00`, (i) => ({
        title: i % 2 ? 'Jalan RUSAK di Tenggarong!' : 'jalan rusak di tenggarong',
        body: i % 3 ? 'Lubang besar,  berbahaya.' : 'lubang besar berbahaya',
        confidential: i === 0,
      })),
      // the same day: 11 different reports from one reporter (e-mail in two cases)
      ...times(11, (i) => `2026-03-10T1${i % 10}:00:00+08:00`, (i) => ({ reporterEmail: i % 2 ? 'Sama@Example.id' : 'sama@example.id', reporterName: 'Sama' })),
      // 11 March: 9 copies only (below the threshold) and 10 with one title but different bodies
      ...times(9, (i) => `2026-03-11T09:0${i}:00+08:00`, () => ({ title: 'Air mati', body: 'Air PDAM mati sejak pagi' })),
      ...times(10, (i) => `2026-03-11T10:0${i}:00+08:00`, (i) => ({ title: 'Lampu padam', body: `Lampu padam di RT ${i}` })),
      // 10 copies across local midnight (5 on the 12th, 5 on the 13th in WITA; one UTC day): no burst
      ...times(10, (i) => (i < 5 ? `2026-03-12T15:3${i}:00Z` : `2026-03-12T16:3${i - 5}:00Z`), () => ({ title: 'Banjir', body: 'Banjir setinggi lutut' })),
      // 10 anonymous reports (no reporter) on the 14th: no reporter burst
      ...times(10, (i) => `2026-03-14T08:0${i}:00+08:00`, () => ({ anonymous: true, reporterName: null, reporterEmail: null })),
      // 10 copies elsewhere (another regency, another topic)
      ...times(10, (i) => `2026-03-15T08:0${i}:00+08:00`, () => ({ title: 'Sampah', body: 'Sampah menumpuk', regionCode: '64.01.01.2001', topic: 'SAMPAH' })),
    ];
    await store(rows);
  }, 120_000);
  afterAll(async () => {
    await reports?.close();
  });

  const range = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };

  it('finds same-text and same-reporter bursts per local day, for anyone, as counts only', async () => {
    const res = await reports.gql(QUERY, range);
    expect(res.errors).toBeUndefined();
    expect(res.data.reportBursts).toEqual([
      { day: '2026-03-10', kind: 'SAME_REPORTER', count: 11 },
      { day: '2026-03-10', kind: 'SAME_TEXT', count: 12 },
      { day: '2026-03-15', kind: 'SAME_TEXT', count: 10 },
    ]);
    expect(JSON.stringify(res.data)).not.toMatch(/@|Tenggarong|Sama|-[0-9a-f]{4}-/i);
  });

  it('narrows by region and topic like the trend it annotates', async () => {
    expect((await reports.gql(QUERY, { ...range, regionCode: '64.02' })).data.reportBursts.map((b: { day: string }) => b.day)).toEqual(['2026-03-10', '2026-03-10']);
    expect((await reports.gql(QUERY, { ...range, topic: 'SAMPAH' })).data.reportBursts).toEqual([{ day: '2026-03-15', kind: 'SAME_TEXT', count: 10 }]);
    expect((await reports.gql(QUERY, { ...range, from: '2026-03-11T00:00:00+08:00' })).data.reportBursts).toEqual([{ day: '2026-03-15', kind: 'SAME_TEXT', count: 10 }]);
  });

  it('reuses an answer per scope for the cache time, and concurrent requests share one read', async () => {
    const ds = reports.server.ds;
    const scope = { from: new Date(range.from), to: new Date(range.to), topic: 'SAMPAH' };
    const statements = countStatements(ds);
    try {
      const find = cachedBurstFinder(ds, reports.server.service.calendar, 500);
      const burst = (count: number) => [{ day: '2026-03-15', kind: 'SAME_TEXT', count }];
      expect(await Promise.all([find(scope), find(scope), find(scope)])).toEqual([burst(10), burst(10), burst(10)]);
      const firstRead = statements.take().length;
      expect(firstRead).toBeGreaterThan(0);
      expect(firstRead).toBeLessThanOrEqual(3); // the counters that reached 10, then the candidates per kind: once for all three
      // a new copy arrives: the cached answer stands until the cache time has passed
      await store([row('2026-03-15T09:30:00+08:00', { title: 'Sampah', body: 'Sampah menumpuk', regionCode: '64.01.01.2001', topic: 'SAMPAH' })]);
      statements.take();
      expect(await find(scope)).toEqual(burst(10));
      expect(statements.take()).toEqual([]);
      await new Promise((r) => setTimeout(r, 600));
      expect(await find(scope)).toEqual(burst(11));
    } finally {
      statements.stop();
    }
  });

  it('refuses a range longer than 400 days or reversed, and bad codes', async () => {
    expect(errorCode(await reports.gql(QUERY, { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await reports.gql(QUERY, { from: range.to, to: range.from }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await reports.gql(QUERY, { ...range, regionCode: "64' OR 1=1" }))).toBe('BAD_USER_INPUT');
  });
});

/**
 * The stored keys and counters answer exactly what reading every report would: random reports (few texts
 * written several ways, few reporters, local midnights crossed), half stored before the burst-key migration
 * and keyed by it, half through the intake path after it, compared with the domain functions applied to all
 * the rows in each scope, including scopes that start in the middle of a day.
 */
describe.each(storeKinds())('burst keys and counters on %s', (kind) => {
  const texts = [
    ['Jalan rusak', 'Lubang besar di jalan'],
    ['JALAN RUSAK!', 'lubang  besar di jalan.'],
    ['Air mati', 'PDAM mati'],
    ['Sampah', 'Menumpuk di pasar'],
    ['Lampu padam', 'Lampu jalan padam'],
  ];
  const people: Array<Partial<ReportEntity>> = [
    { reporterEmail: 'a@example.id', reporterPhone: null },
    { reporterEmail: 'A@Example.id', reporterPhone: '+6281234567890' },
    { reporterEmail: null, reporterPhone: '+6281234567890' },
    { reporterEmail: null, reporterPhone: '+6289999999999' },
    { reporterEmail: null, reporterPhone: null },
  ];
  const rng = new Rng(`bursts-${kind}`);
  const all = Array.from({ length: 400 }, () => {
    const [title, body] = rng.pick(texts);
    const at = new Date(Date.parse('2026-05-01T12:00:00Z') + rng.int(0, 4 * 24 * 60) * 60_000).toISOString();
    return row(at, { title, body, ...rng.pick(people), regionCode: rng.pick(['64.02.06.2003', '64.02.01.1001', '64.01.01.2001']), topic: rng.pick(['JALAN', 'SAMPAH']) });
  });
  const calendar = new WorkingCalendar();
  const reference = (s: BurstScope, min: number) => {
    const inScope = all.filter(
      (r) =>
        r.submittedAt >= s.from &&
        r.submittedAt < s.to &&
        (!s.topic || r.topic === s.topic) &&
        (!s.regionCode || r.regionCode === s.regionCode || r.regionCode.startsWith(`${s.regionCode}.`)),
    );
    const day = (r: ReportEntity) => calendar.localDay(r.submittedAt);
    return orderBursts([
      ...bursts(inScope.map((r) => ({ day: day(r), key: textKey(r.title, r.body) })), 'SAME_TEXT', min),
      ...bursts(inScope.map((r) => ({ day: day(r), key: reporterKey(r.reporterEmail, r.reporterPhone) })), 'SAME_REPORTER', min),
    ]);
  };

  let store: TestStore;
  let ds: DataSource;
  beforeAll(async () => {
    store = createTestStore(kind);
    // before the migration: the reports table without the keys, rows as an older version stored them
    const old = await openDataSource({ store: store.config('reports'), entities: ENTITIES, migrations: MIGRATIONS.slice(0, -1) });
    const md = old.getMetadata(ReportEntity);
    const legacy = md.columns.filter((c) => !['localDay', 'textHash', 'reporterHash'].includes(c.propertyName));
    for (const r of all.slice(0, 200)) {
      await old.query(
        `INSERT INTO report (${legacy.map((c) => c.databaseName).join(', ')}) VALUES (${legacy.map(() => '?').join(', ')})`,
        legacy.map((c) => {
          const v = c.getEntityValue(r);
          return v === null || v === undefined ? null : old.driver.preparePersistentValue(v, c);
        }),
      );
    }
    await old.destroy();
    ds = await openReportsStore(store.config('reports'));
    await withTransaction(ds, async (em) => {
      await insertReports(em, all.slice(200), calendar);
      await countBurstKeys(em, all.slice(200));
    });
  }, 120_000);
  afterAll(async () => {
    await ds?.destroy();
    await store?.cleanup();
  });

  it('keys the reports the migration found as intake keys new ones', async () => {
    const stored = await ds.getRepository(ReportEntity).find({ select: { id: true, localDay: true, textHash: true, reporterHash: true }, order: { id: 'ASC' } });
    const expected = all.map((r) => ({ id: r.id, ...burstKeys(r, calendar.localDay(r.submittedAt)) })).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(stored.map((r) => ({ ...r }))).toEqual(expected);
  });

  it.each([
    ['the four days', '2026-05-01T00:00:00+08:00', '2026-05-06T00:00:00+08:00', {}],
    ['from the middle of a day', '2026-05-02T13:17:00+08:00', '2026-05-04T09:00:00+08:00', {}],
    ['one regency', '2026-05-01T00:00:00+08:00', '2026-05-06T00:00:00+08:00', { regionCode: '64.02' }],
    ['one village and topic', '2026-05-01T00:00:00+08:00', '2026-05-06T00:00:00+08:00', { regionCode: '64.02.06.2003', topic: 'SAMPAH' }],
  ])('equals counting every report in scope: %s', async (_name, from, to, over) => {
    const s: BurstScope = { from: new Date(from), to: new Date(to), ...over };
    for (const min of [3, 10, 25]) {
      const expected = reference(s, min);
      expect(await findBursts(ds, calendar, s, min)).toEqual(expected);
      if (min === 3) expect(expected.length).toBeGreaterThan(0);
    }
  });
});
