import { countStatements, type ReportSnapshot } from '@pantau/common';
import { storeKinds } from '@pantau/testing';
import { ReportEntity } from '../entities';
import { snapshotOf } from '../service/mapping';
import { CachedRegistry } from '../service/registry-cache';
import { reportInput, startRegistry, startReports, SUBMIT, type TestRegistry, type TestReports } from './helpers';

/**
 * Issue 11, intake: one transaction with the fewest statements (no read-back of the report, the outbox
 * seq taken and returned by one statement), no registry round trip per submission for a place already
 * routed, and the outbox still gapless, in commit order and carrying exactly the stored row.
 */
let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.close();
});

describe.each(storeKinds())('the intake path on %s', (kind) => {
  let t: TestReports;
  beforeAll(async () => {
    t = await startReports(kind, registry.client);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes a submission in one transaction of seven statements, and the outbox event carries the stored row', async () => {
    await t.gql(SUBMIT, { input: reportInput() }); // routes this place (registry answer cached)
    const counter = countStatements(t.server.ds);
    try {
      const res = await t.gql(SUBMIT, { input: reportInput({ title: 'Lampu jalan padam di depan sekolah' }) });
      expect(res.errors).toBeUndefined();
      const sql = counter.take();
      // BEGIN, report, timeline, outbox seq, outbox event, burst counters, COMMIT
      expect(sql.map((s) => s.split(/[\s(]/)[0].toUpperCase())).toEqual(['START', 'INSERT', 'INSERT', 'UPDATE', 'INSERT', 'INSERT', 'COMMIT'].map((w) => (kind === 'sqlite' && w === 'START' ? 'BEGIN' : w)));
      const id = res.data.submitReport.report.id;
      const stored = await t.server.ds.getRepository(ReportEntity).findOneByOrFail({ id });
      const [event] = await t.server.ds.query('SELECT seq, payload FROM outbox_event WHERE reportId = ?', [id]);
      expect(JSON.parse(event.payload) as ReportSnapshot).toEqual(snapshotOf(stored));
    } finally {
      counter.stop();
    }
  });

  it('keeps the outbox gapless and in order under 40 concurrent submissions', async () => {
    const [{ s: before }] = await t.server.ds.query('SELECT seq AS s FROM outbox_head WHERE id = 1');
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => t.gql(SUBMIT, { input: reportInput({ title: `Laporan serentak nomor ${i}` }) })));
    for (const r of results) expect(r.errors).toBeUndefined();
    const [{ s: after }] = await t.server.ds.query('SELECT seq AS s FROM outbox_head WHERE id = 1');
    expect(Number(after) - Number(before)).toBe(40);
    const rows: Array<{ seq: unknown }> = await t.server.ds.query('SELECT seq FROM outbox_event WHERE seq > ? ORDER BY seq', [Number(before)]);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 40 }, (_, i) => Number(before) + 1 + i));
  });
});

describe('CachedRegistry', () => {
  it('asks the registry once per place and minute, never caches a refusal, and passes agency lookups through', async () => {
    let now = 0;
    const calls: string[] = [];
    const inner = {
      topics: async () => ['JALAN'],
      resolveJurisdiction: async (i: { topic: string; regionCode: string }) => {
        calls.push(`${i.topic}|${i.regionCode}`);
        if (i.regionCode === 'nowhere') throw new Error('unknown region');
        return { agency: { id: 'kukar-pupr', name: 'PUPR' }, reasons: ['r'] };
      },
      agency: async (id: string) => (calls.push(`agency ${id}`), { id, name: id, active: true }),
      regionChildren: async () => [],
    };
    const cached = new CachedRegistry(inner, { now: () => now });
    const a = { topic: 'JALAN', regionCode: '64.02.06' };
    await Promise.all([cached.resolveJurisdiction(a), cached.resolveJurisdiction(a)]);
    await cached.resolveJurisdiction(a);
    expect(calls).toEqual(['JALAN|64.02.06']);
    await expect(cached.resolveJurisdiction({ topic: 'JALAN', regionCode: 'nowhere' })).rejects.toThrow('unknown region');
    await expect(cached.resolveJurisdiction({ topic: 'JALAN', regionCode: 'nowhere' })).rejects.toThrow('unknown region');
    now = 60_000;
    await cached.resolveJurisdiction(a);
    await cached.agency('x');
    await cached.agency('x');
    expect(calls).toEqual(['JALAN|64.02.06', 'JALAN|nowhere', 'JALAN|nowhere', 'JALAN|64.02.06', 'agency x', 'agency x']);
  });
});
