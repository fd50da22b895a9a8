import crypto from 'node:crypto';
import { errorCode, storeKinds } from '@pantau/testing';
import { AttachmentEntity } from '../entities';
import { KeyLock } from '../attachments/key-lock';
import { ORPHAN_MAX_AGE_MS, sweepOrphanAttachments } from '../attachments/sweep';
import { reportInput, startRegistry, startReports, SUBMIT, tokens, upload, type TestRegistry, type TestReports, fetchSubgraph } from './helpers';
import { box, ftyp } from './media-fixtures';

const HOUR = 3_600_000;
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
/**
 * Different bytes of an accepted type each time (content-addressed storage would merge equal files); a
 * PDF, because images are re-encoded on upload and then stored under the hash of the new bytes.
 */
// unique content, stored as sent (an MP4 without metadata: its bytes are its SHA-256's; a PDF is rewritten)
const uniquePng = (tag: string) => Buffer.concat([ftyp(), box('mdat', Buffer.from(`${tag}-${crypto.randomUUID()}`))]);

describe('KeyLock', () => {
  it('runs work on one key one at a time, in call order, and other keys in parallel', async () => {
    const lock = new KeyLock();
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([lock.run('a', step('a1', 30)), lock.run('a', step('a2', 1)), lock.run('b', step('b1', 1))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a2:start')).toBeGreaterThan(log.indexOf('a1:end'));
    expect(log.indexOf('b1:end')).toBeLessThan(log.indexOf('a1:end'));
    // a failure releases the key
    await expect(lock.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run('a', async () => 'after')).toBe('after');
  });
});

let registry: TestRegistry;
let tok: Awaited<ReturnType<typeof tokens>>;
beforeAll(async () => {
  registry = await startRegistry();
  tok = await tokens();
});
afterAll(async () => {
  await registry?.close();
});

describe.each(storeKinds())('orphan upload sweep on %s', (kind) => {
  let t: TestReports;
  beforeAll(async () => {
    t = await startReports(kind, registry.client, { orphanSweepIntervalMs: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const age = (id: string, ms: number) => t.server.ds.getRepository(AttachmentEntity).update({ id }, { uploadedAt: new Date(Date.now() - ms) });
  const rowExists = async (id: string) => (await t.server.ds.getRepository(AttachmentEntity).countBy({ id })) === 1;

  it('deletes unlinked uploads older than 24 h with their files, keeping files other rows still reference', async () => {
    const oldBytes = uniquePng('old');
    const sharedBytes = uniquePng('shared');
    const freshBytes = uniquePng('fresh');
    const linkedBytes = uniquePng('linked');
    const old = (await upload(t.server.url, oldBytes, 'lama.png')).body;
    // the same content twice: one copy claimed by a report, the other abandoned
    const sharedOrphan = (await upload(t.server.url, sharedBytes, 'salinan.png')).body;
    const sharedLinked = (await upload(t.server.url, sharedBytes, 'dipakai.png')).body;
    const fresh = (await upload(t.server.url, freshBytes, 'baru.png')).body;
    const linked = (await upload(t.server.url, linkedBytes, 'terlampir.png')).body;
    const sub = await t.gql(SUBMIT, { input: reportInput({ attachmentIds: [sharedLinked.id, linked.id] }) });
    expect(sub.errors).toBeUndefined();
    const trackingId = sub.data.submitReport.report.trackingId;
    for (const a of [old, sharedOrphan, sharedLinked, linked]) await age(a.id, ORPHAN_MAX_AGE_MS + HOUR);
    await age(fresh.id, ORPHAN_MAX_AGE_MS - HOUR);
    for (const b of [oldBytes, sharedBytes, freshBytes, linkedBytes]) expect(await t.server.storage.exists(sha(b))).toBe(true);

    const res = await sweepOrphanAttachments({ ds: t.server.ds, storage: t.server.storage });
    expect(res).toEqual({ rows: 2, files: 1 });
    expect([await rowExists(old.id), await rowExists(sharedOrphan.id), await rowExists(sharedLinked.id), await rowExists(fresh.id), await rowExists(linked.id)]).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(await t.server.storage.exists(sha(oldBytes))).toBe(false);
    expect(await t.server.storage.exists(sha(sharedBytes))).toBe(true); // still the report's file
    expect(await t.server.storage.exists(sha(freshBytes))).toBe(true);
    expect(await t.server.storage.exists(sha(linkedBytes))).toBe(true);

    // the report's files are still served; the swept one is gone and can no longer be attached
    const file = await fetchSubgraph(new URL(`/attachments/${sharedLinked.id}`, t.server.url), { headers: { 'x-tracking-id': trackingId } });
    expect(Buffer.from(await file.arrayBuffer()).equals(sharedBytes)).toBe(true);
    expect((await fetchSubgraph(new URL(`/attachments/${old.id}`, t.server.url), { headers: { authorization: `Bearer ${tok.admin}` } })).status).toBe(404);
    expect(errorCode(await t.gql(SUBMIT, { input: reportInput({ attachmentIds: [old.id] }) }))).toBe('BAD_USER_INPUT');

    // nothing left to do; a later clock takes the fresh one too
    expect(await sweepOrphanAttachments({ ds: t.server.ds, storage: t.server.storage })).toEqual({ rows: 0, files: 0 });
    expect(await sweepOrphanAttachments({ ds: t.server.ds, storage: t.server.storage, now: new Date(Date.now() + 2 * HOUR) })).toEqual({ rows: 1, files: 1 });
    expect(await t.server.storage.exists(sha(freshBytes))).toBe(false);
  });

  it('keeps files attached to responses and details, and works through more orphans than one batch', async () => {
    const sub = await t.gql(SUBMIT, { input: reportInput() });
    const { id, trackingId } = sub.data.submitReport.report;
    await t.gql(`mutation($i: HoldReportInput!) { holdReport(input: $i) { report { id } } }`, { i: { reportId: id, note: 'Mohon foto lokasi.' } }, tok.admin);
    const detailBytes = uniquePng('detail');
    const forDetail = (await upload(t.server.url, detailBytes, 'detail.png')).body;
    const add = await t.gql(`mutation($i: AddReportDetailInput!) { addReportDetail(input: $i) { report { id } } }`, {
      i: { trackingId, detail: 'Foto lokasi yang diminta terlampir.', attachmentIds: [forDetail.id] },
    });
    expect(add.errors).toBeUndefined();
    await t.gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: id, agencyId: 'kukar-pupr' } }, tok.admin);
    const evidenceBytes = uniquePng('evidence');
    const evidence = (await upload(t.server.url, evidenceBytes, 'bukti.png', { authorization: `Bearer ${tok.liaisonPupr}` })).body;
    const resp = await t.gql(`mutation($i: RespondToReportInput!) { respondToReport(input: $i) { report { id } } }`, {
      i: { reportId: id, body: 'Berita acara peninjauan terlampir.', attachmentIds: [evidence.id] },
    }, tok.liaisonPupr);
    expect(resp.errors).toBeUndefined();
    const orphans: Array<{ id: string; bytes: Buffer }> = [];
    for (let i = 0; i < 7; i++) {
      const bytes = uniquePng(`batch-${i}`);
      orphans.push({ id: (await upload(t.server.url, bytes, `o${i}.png`)).body.id, bytes });
    }
    for (const a of [forDetail, evidence, ...orphans]) await age(a.id, 3 * ORPHAN_MAX_AGE_MS);

    const res = await sweepOrphanAttachments({ ds: t.server.ds, storage: t.server.storage, batch: 3 });
    expect(res).toEqual({ rows: 7, files: 7 });
    for (const o of orphans) expect([await rowExists(o.id), await t.server.storage.exists(sha(o.bytes))]).toEqual([false, false]);
    expect([await rowExists(forDetail.id), await rowExists(evidence.id)]).toEqual([true, true]);
    expect([await t.server.storage.exists(sha(detailBytes)), await t.server.storage.exists(sha(evidenceBytes))]).toEqual([true, true]);
  });

  it('is started by createServer and runs periodically', async () => {
    const s = await startReports(kind, registry.client, { orphanSweepIntervalMs: 100 });
    try {
      const bytes = uniquePng('periodic');
      const up = (await upload(s.server.url, bytes, 'periodik.png')).body;
      await s.server.ds.getRepository(AttachmentEntity).update({ id: up.id }, { uploadedAt: new Date(Date.now() - 2 * ORPHAN_MAX_AGE_MS) });
      const deadline = Date.now() + 10_000;
      while ((await s.server.ds.getRepository(AttachmentEntity).countBy({ id: up.id })) > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await s.server.ds.getRepository(AttachmentEntity).countBy({ id: up.id })).toBe(0);
      expect(await s.server.storage.exists(sha(bytes))).toBe(false);
    } finally {
      await s.close();
    }
  });
});
