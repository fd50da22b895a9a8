import { serviceHeaders } from '@pantau/common';
import { storeKinds } from '@pantau/testing';
import { outboxRetentionMs, pruneOutbox } from '../service/outbox-retention';
import { reportInput, startRegistry, startReports, SUBMIT, type TestRegistry, type TestReports } from './helpers';

/**
 * Issue 11: outbox events are deleted once every consumer has them and they are older than the
 * retention; a pull for pruned events is refused (410 OUTBOX_PRUNED), never answered with a silent hole.
 */
let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry?.close();
});

it('reads PANTAU_OUTBOX_RETENTION_DAYS (default 30 days, off keeps everything)', () => {
  expect(outboxRetentionMs({})).toBe(30 * 86_400_000);
  expect(outboxRetentionMs({ PANTAU_OUTBOX_RETENTION_DAYS: '7' })).toBe(7 * 86_400_000);
  expect(outboxRetentionMs({ PANTAU_OUTBOX_RETENTION_DAYS: '0' })).toBe(0);
  expect(outboxRetentionMs({ PANTAU_OUTBOX_RETENTION_DAYS: 'off' })).toBeNull();
});

describe.each(storeKinds())('outbox retention on %s', (kind) => {
  let t: TestReports;
  let now = new Date('2025-03-03T02:00:00Z');
  beforeAll(async () => {
    t = await startReports(kind, registry.client, { clock: () => now, outboxPruneIntervalMs: 0 });
    for (let i = 0; i < 4; i++) {
      now = new Date(Date.UTC(2025, 2, 3 + i, 2));
      const res = await t.gql(SUBMIT, { input: reportInput({ title: `Jalan rusak nomor ${i + 1}` }) });
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const pull = async (after: number, service = 'analytics') =>
    fetch(new URL(`/internal/outbox?after=${after}&limit=100`, t.server.url), { headers: await serviceHeaders(service) });
  const seqs = async () => (await t.server.ds.query('SELECT seq FROM outbox_event ORDER BY seq')).map((r: any) => Number(r.seq));

  it('keeps everything until a consumer has pulled, then only what every consumer has and the retention allows', async () => {
    const later = new Date('2025-03-20T00:00:00Z');
    expect(await pruneOutbox(t.server.ds, { retentionMs: 0, now: later })).toEqual({ deleted: 0, throughSeq: 0 });
    expect(await seqs()).toEqual([1, 2, 3, 4]);
    // analytics has applied 1..3 (it asks for after=3); a second consumer only 1
    expect((await pull(3)).status).toBe(200);
    expect((await pull(1, 'search-indexer')).status).toBe(200);
    expect(await pruneOutbox(t.server.ds, { retentionMs: 0, now: later })).toEqual({ deleted: 1, throughSeq: 1 });
    expect((await pull(3, 'search-indexer')).status).toBe(200);
    // retention: events occurred 3, 4, 5, 6 March; keep the last 15.5 days from 20 March → seq 2 (4 March) goes, 3 (5 March) stays
    expect(await pruneOutbox(t.server.ds, { retentionMs: 15.5 * 86_400_000, now: later })).toEqual({ deleted: 1, throughSeq: 2 });
    expect(await seqs()).toEqual([3, 4]);
    expect(await pruneOutbox(t.server.ds, { retentionMs: null, now: later })).toEqual({ deleted: 0, throughSeq: 2 });
  });

  it('refuses a pull from before the pruned horizon with 410 OUTBOX_PRUNED and serves the rest', async () => {
    const gone = await pull(0);
    expect(gone.status).toBe(410);
    const body: any = await gone.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'OUTBOX_PRUNED', prunedThrough: 2 });
    const ok: any = await (await pull(2)).json();
    expect(ok.events.map((e: any) => e.seq)).toEqual([3, 4]);
  });
});
