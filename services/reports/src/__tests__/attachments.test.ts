import crypto from 'node:crypto';
import { storeKinds } from '@pantau/common';
import { sniffContentType } from '../attachments/magic';
import { reportInput, SAMPLE_FILES, startRegistry, startReports, SUBMIT, tokens, upload, type TestRegistry, type TestReports } from './helpers';

describe('magic bytes', () => {
  it('detects the accepted types and nothing else', () => {
    expect(sniffContentType(SAMPLE_FILES.png)).toBe('image/png');
    expect(sniffContentType(SAMPLE_FILES.jpeg)).toBe('image/jpeg');
    expect(sniffContentType(SAMPLE_FILES.webp)).toBe('image/webp');
    expect(sniffContentType(SAMPLE_FILES.mp4)).toBe('video/mp4');
    expect(sniffContentType(SAMPLE_FILES.pdf)).toBe('application/pdf');
    expect(sniffContentType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffContentType(Buffer.from('MZ\x90\x00executable'))).toBeNull();
    expect(sniffContentType(Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from('ftypqt  ')]))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
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

describe.each(storeKinds())('attachments on %s', (kind) => {
  let t: TestReports;
  beforeAll(async () => {
    t = await startReports(kind, registry.client, { maxAttachmentBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores accepted files by content with their SHA-256, and refuses others', async () => {
    for (const [name, content] of Object.entries(SAMPLE_FILES)) {
      const res = await upload(t.server.url, content, `bukti.${name}`);
      expect(res.status).toBe(201);
      expect(res.body.sha256).toBe(crypto.createHash('sha256').update(content).digest('hex'));
      expect(res.body.size).toBe(content.length);
    }
    const html = await upload(t.server.url, Buffer.from('<html>not an image</html>'), 'foto.jpg');
    expect(html.status).toBe(415);
    expect(html.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await upload(t.server.url, Buffer.concat([SAMPLE_FILES.png, Buffer.alloc(70 * 1024)]), 'besar.png');
    expect(big.status).toBe(413);
    const empty = await upload(t.server.url, Buffer.alloc(0), 'kosong.png');
    expect(empty.status).toBe(400);
    const notMultipart = await fetch(new URL('/attachments', t.server.url), { method: 'POST', body: 'x' });
    expect(notMultipart.status).toBe(415);
    const rows = await t.server.ds.query('SELECT COUNT(*) AS n FROM attachment');
    expect(Number(rows[0].n)).toBe(5);
  });

  it('links attachments to a report and serves them only to viewers who may see its content', async () => {
    const up = await upload(t.server.url, SAMPLE_FILES.jpeg, '../../etc/foto jalan.jpg');
    expect(up.body.filename).toBe('foto jalan.jpg');
    const sub = await t.gql(SUBMIT, { input: reportInput({ confidential: true, attachmentIds: [up.body.id] }) });
    expect(sub.errors).toBeUndefined();
    const { id, trackingId } = sub.data.submitReport.report;
    // an attachment cannot be claimed twice
    const again = await t.gql(SUBMIT, { input: reportInput({ attachmentIds: [up.body.id] }) });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const get = (headers: Record<string, string> = {}) => fetch(new URL(`/attachments/${up.body.id}`, t.server.url), { headers });
    const asReporter = await get({ 'x-tracking-id': trackingId });
    expect(asReporter.status).toBe(200);
    expect(asReporter.headers.get('content-type')).toBe('image/jpeg');
    expect(asReporter.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await asReporter.arrayBuffer()).equals(SAMPLE_FILES.jpeg)).toBe(true);
    expect((await get({ authorization: `Bearer ${tok.admin}` })).status).toBe(200);
    expect((await get({ authorization: `Bearer ${tok.ombudsman}` })).status).toBe(200);
    // confidential: not the public, not leadership, not an unrelated liaison
    expect((await get()).status).toBe(404);
    expect((await get({ authorization: `Bearer ${tok.leadership}` })).status).toBe(404);
    expect((await get({ authorization: `Bearer ${tok.liaisonPupr}` })).status).toBe(404);
    expect((await get({ 'x-tracking-id': 'LPR-0000-0000-0000-0' })).status).toBe(404);
    expect((await get({ authorization: 'Bearer forged' })).status).toBe(401);
    // once routed to DPUPR its liaison sees it
    await t.gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: id, agencyId: 'kukar-pupr' } }, tok.admin);
    expect((await get({ authorization: `Bearer ${tok.liaisonPupr}` })).status).toBe(200);

    const view = await t.gql(`query($t: String!) { reportByTrackingId(trackingId: $t) { attachments { id filename contentType sha256 url } } }`, { t: trackingId });
    expect(view.data.reportByTrackingId.attachments).toEqual([
      { id: up.body.id, filename: 'foto jalan.jpg', contentType: 'image/jpeg', sha256: up.body.sha256, url: `/attachments/${up.body.id}` },
    ]);
  });

  it('carries evidence on responses (counted for the evidence rate)', async () => {
    const sub = await t.gql(SUBMIT, { input: reportInput() });
    const id = sub.data.submitReport.report.id;
    await t.gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: id, agencyId: 'kukar-pupr' } }, tok.admin);
    const ev = await upload(t.server.url, SAMPLE_FILES.pdf, 'berita-acara.pdf', { authorization: `Bearer ${tok.liaisonPupr}` });
    expect(ev.status).toBe(201);
    // before it is attached only its uploader and admins may fetch it
    const raw = (h: Record<string, string>) => fetch(new URL(`/attachments/${ev.body.id}`, t.server.url), { headers: h }).then((r) => r.status);
    expect(await raw({ authorization: `Bearer ${tok.liaisonPupr}` })).toBe(200);
    expect(await raw({ authorization: `Bearer ${tok.liaisonDinkes}` })).toBe(404);
    const res = await t.gql(
      `mutation($i: RespondToReportInput!) { respondToReport(input: $i) { report { responses { body attachments { id contentType } } } } }`,
      { i: { reportId: id, body: 'Berita acara perbaikan terlampir.', attachmentIds: [ev.body.id] } },
      tok.liaisonPupr,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.respondToReport.report.responses[0].attachments).toEqual([{ id: ev.body.id, contentType: 'application/pdf' }]);
    const payload = JSON.parse((await t.server.ds.query("SELECT payload FROM outbox_event WHERE reportId = ? AND type = 'ReportResponded'", [id]))[0].payload);
    expect(payload).toMatchObject({ responseCount: 1, evidenceResponseCount: 1 });
  });
});
