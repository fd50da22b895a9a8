import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { serviceHeaders } from '@pantau/common';
import { postGraphQL, storeKinds } from '@pantau/testing';
import { sniffContentType } from '../attachments/magic';
import { PDFDocument } from 'pdf-lib';
import { reportInput, SAMPLE_FILES, startRegistry, startReports, SUBMIT, tokens, upload, type TestRegistry, type TestReports } from './helpers';
import { APPLE_LOCATION_KEY, DEVICE, GPS, handPdf, mp4OfSize, phoneMp4 } from './media-fixtures';

// short enough to test the timeout, long enough for every honest upload here
const UPLOAD_TIMEOUT_MS = 1500;
const LIMIT = 64 * 1024;

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

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
/** A PDF of exactly `size` bytes (well-formed: PDFs are parsed and written afresh without metadata). */
const pdfOfSize = (size: number) => handPdf({ size });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Descriptors of this process (the server runs in it) that point into `dir`. */
function openFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const target = fs.readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) out.push(target);
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

let registry: TestRegistry;
let tok: Awaited<ReturnType<typeof tokens>>;
let svc: Record<string, string>;
beforeAll(async () => {
  registry = await startRegistry();
  tok = await tokens();
  svc = await serviceHeaders();
});
afterAll(async () => {
  await registry?.close();
});

describe.each(storeKinds())('attachments on %s', (kind) => {
  let t: TestReports;
  let tmpDir: string;
  const gql = (query: string, variables?: Record<string, unknown>, token?: string) =>
    postGraphQL(t.server.url, query, variables, { ...svc, ...(token ? { authorization: `Bearer ${token}` } : {}) });
  const up = (content: Buffer, filename: string, headers: Record<string, string> = {}) => upload(t.server.url, content, filename, { ...svc, ...headers });
  const get = (id: string, headers: Record<string, string> = {}) => fetch(new URL(`/attachments/${id}`, t.server.url), { headers: { ...svc, ...headers } });
  /** Unlinked uploads are visible to admins (and their staff uploader) only. */
  const getAsAdmin = (id: string) => get(id, { authorization: `Bearer ${tok.admin}` });

  beforeAll(async () => {
    process.env.PANTAU_UPLOAD_TIMEOUT_MS = String(UPLOAD_TIMEOUT_MS);
    t = await startReports(kind, registry.client, { maxAttachmentBytes: LIMIT });
    delete process.env.PANTAU_UPLOAD_TIMEOUT_MS;
    tmpDir = path.join(t.dir, 'tmp');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores accepted files by content with their SHA-256, and refuses others in the one JSON error shape', async () => {
    for (const [name, content] of Object.entries(SAMPLE_FILES)) {
      const res = await up(content, `bukti.${name}`);
      expect(res.status).toBe(201);
      const stored = Buffer.from(await (await getAsAdmin(res.body.id)).arrayBuffer());
      expect(res.body.sha256).toBe(sha(stored));
      expect(res.body.size).toBe(stored.length);
      // an MP4 without metadata is stored as sent; a PDF is written afresh (below), images are re-encoded (below)
      if (name === 'mp4') expect(stored.equals(content)).toBe(true);
      if (name === 'pdf') expect((await PDFDocument.load(stored)).getPageCount()).toBe(1);
      expect(sniffContentType(stored)).toBe(res.body.contentType);
    }
    const html = await up(Buffer.from('<html>not an image</html>'), 'foto.jpg');
    expect(html.status).toBe(415);
    expect(html.body).toEqual({
      errors: [{ message: expect.stringContaining('checked by content'), extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'FILE_TYPE', allowed: ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'application/pdf'], messageId: expect.any(String) } }],
    });
    const fakeJpeg = await up(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a jpeg')]), 'palsu.jpg');
    expect(fakeJpeg.status).toBe(415);
    expect(fakeJpeg.body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await up(pdfOfSize(70 * 1024), 'besar.pdf');
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: LIMIT });
    const empty = await up(Buffer.alloc(0), 'kosong.png');
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const notMultipart = await fetch(new URL('/attachments', t.server.url), { method: 'POST', body: 'x', headers: svc });
    expect(notMultipart.status).toBe(415);
    expect(((await notMultipart.json()) as any).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await fetch(new URL('/attachments', t.server.url), {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-',
      headers: { ...svc, 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const rows = await t.server.ds.query('SELECT COUNT(*) AS n FROM attachment');
    expect(Number(rows[0].n)).toBe(5);
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it('accepts a file of exactly the limit and refuses one byte more', async () => {
    // an MP4 keeps its size through metadata removal: the stored file is exactly the limit too
    const exact = await up(mp4OfSize(LIMIT), 'pas.mp4');
    expect(exact.status).toBe(201);
    expect(exact.body.size).toBe(LIMIT);
    const exactPdf = await up(pdfOfSize(LIMIT), 'pas.pdf');
    expect(exactPdf.status).toBe(201);
    for (const over of [await up(mp4OfSize(LIMIT + 1), 'lebih.mp4'), await up(pdfOfSize(LIMIT + 1), 'lebih.pdf')]) {
      expect(over.status).toBe(413);
      expect(over.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it('removes location, device and time metadata from MP4 videos without moving a byte, for every uploader', async () => {
    const video = phoneMp4();
    for (const headers of [{}, { authorization: `Bearer ${tok.liaisonPupr}` }] as Record<string, string>[]) {
      const res = await up(video, 'VID_20261130_180000.mp4', headers);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ contentType: 'video/mp4', size: video.length });
      const stored = Buffer.from(await (await getAsAdmin(res.body.id)).arrayBuffer());
      expect(stored.equals(phoneMp4({ clean: true }))).toBe(true);
      for (const s of [GPS, APPLE_LOCATION_KEY, DEVICE, 'xmpmeta']) expect(stored.includes(s)).toBe(false);
      expect(res.body.sha256).toBe(sha(stored));
    }
  });

  it('removes document information, XMP and earlier revisions from PDFs', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage([100, 100]);
    doc.addPage([100, 100]);
    doc.setAuthor('Budi Santoso');
    doc.setCreator('PemindaiRahasia');
    const input = Buffer.from(await doc.save({ useObjectStreams: false }));
    const res = await up(input, 'surat.pdf');
    expect(res.status).toBe(201);
    const stored = Buffer.from(await (await getAsAdmin(res.body.id)).arrayBuffer());
    expect(res.body).toMatchObject({ contentType: 'application/pdf', size: stored.length, sha256: sha(stored) });
    expect(stored.includes('/Info')).toBe(false);
    expect(stored.includes('/Author')).toBe(false);
    const reloaded = await PDFDocument.load(stored, { updateMetadata: false });
    expect(reloaded.context.trailerInfo.Info).toBeUndefined();
    expect(reloaded.getPageCount()).toBe(2);
  });

  it('refuses an MP4 or PDF that cannot be read (damaged, truncated, encrypted) and stores nothing', async () => {
    const count = async () => Number((await t.server.ds.query('SELECT COUNT(*) AS n FROM attachment'))[0].n);
    const before = await count();
    const video = phoneMp4();
    for (const [file, name] of [
      [video.subarray(0, video.length - 5), 'potong.mp4'],
      [Buffer.from('%PDF-1.7\n% bukan PDF sungguhan\n'), 'palsu.pdf'],
    ] as const) {
      const res = await up(file, name, { 'accept-language': 'id' });
      expect(res.status).toBe(415);
      expect(res.body.errors[0]).toEqual({
        message: 'Berkas tidak dapat dibaca (rusak, terpotong, atau terenkripsi).',
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'UNREADABLE_FILE', messageId: expect.any(String) },
      });
    }
    expect(await count()).toBe(before);
    // the temp file goes right after the answer
    expect(await until(() => fs.readdirSync(tmpDir).length === 0)).toBe(true);
  });

  it('removes EXIF (author, GPS), XMP and ICC metadata from images and applies the orientation', async () => {
    const photo = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 10, g: 120, b: 200 } } })
      .withExif({
        IFD0: { Artist: 'Budi Santoso', Copyright: 'Budi Santoso 2026', Make: 'PantauCam' },
        IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '0/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 9/1 0/1' },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Budi Santoso</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
      .withIccProfile('p3')
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.exif).toBeDefined();
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();
    expect(before.orientation).toBe(6);
    expect(photo.includes('Budi Santoso')).toBe(true);

    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const input = format === 'jpeg' ? photo : await sharp(photo).keepMetadata().toFormat(format).toBuffer();
      expect(input.includes('Budi Santoso')).toBe(true);
      const res = await up(input, `foto.${format}`);
      expect(res.status).toBe(201);
      const stored = Buffer.from(await (await getAsAdmin(res.body.id)).arrayBuffer());
      const meta = await sharp(stored).metadata();
      expect(meta.format).toBe(format);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      // orientation 6 (rotate 90°) applied to the pixels
      expect([meta.width, meta.height]).toEqual([20, 40]);
      expect(stored.includes('Budi Santoso')).toBe(false);
      expect(stored.includes('PantauCam')).toBe(false);
      expect(res.body.sha256).toBe(sha(stored));
    }
  });

  it('keeps non-ASCII file names as valid NFC UTF-8 and drops control and bidi characters', async () => {
    const nfd = 'Jalan Rusak Desa Sebe\u0301mban – 日本 ñ.pdf';
    const res = await up(SAMPLE_FILES.pdf, nfd);
    expect(res.status).toBe(201);
    expect(res.body.filename).toBe(nfd.normalize('NFC'));
    const served = await getAsAdmin(res.body.id);
    const disposition = served.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(nfd.normalize('NFC'));
    const view = await gql(`{ reports(first: 1) { totalCount } }`, {}, tok.admin);
    expect(view.errors).toBeUndefined();

    const tricky = await up(SAMPLE_FILES.pdf, 'laporan\u202Efdp.exe');
    expect(tricky.body.filename).toBe('laporanfdp.exe.pdf');
    const pathy = await up(SAMPLE_FILES.pdf, '..\\..\\windows\\system32\\berkas.pdf');
    expect(pathy.body.filename).toBe('berkas.pdf');
  });

  it('links attachments to a report and serves them only to viewers who may see its content', async () => {
    const u = await up(SAMPLE_FILES.jpeg, '../../etc/foto jalan.jpg');
    expect(u.body.filename).toBe('foto jalan.jpg');
    const sub = await gql(SUBMIT, { input: reportInput({ confidential: true, attachmentIds: [u.body.id] }) });
    expect(sub.errors).toBeUndefined();
    const { id, trackingId } = sub.data.submitReport.report;
    // an attachment cannot be claimed twice
    const again = await gql(SUBMIT, { input: reportInput({ attachmentIds: [u.body.id] }) });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const asReporter = await get(u.body.id, { 'x-tracking-id': trackingId });
    expect(asReporter.status).toBe(200);
    expect(asReporter.headers.get('content-type')).toBe('image/jpeg');
    expect(asReporter.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sha(Buffer.from(await asReporter.arrayBuffer()))).toBe(u.body.sha256);
    expect((await get(u.body.id, { authorization: `Bearer ${tok.admin}` })).status).toBe(200);
    expect((await get(u.body.id, { authorization: `Bearer ${tok.ombudsman}` })).status).toBe(200);
    // confidential: not the public, not leadership, not an unrelated liaison
    const hidden = await get(u.body.id);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await get(u.body.id, { authorization: `Bearer ${tok.leadership}` })).status).toBe(404);
    expect((await get(u.body.id, { authorization: `Bearer ${tok.liaisonPupr}` })).status).toBe(404);
    expect((await get(u.body.id, { 'x-tracking-id': 'LPR-0000-0000-0000-0' })).status).toBe(404);
    const forged = await get(u.body.id, { authorization: 'Bearer forged' });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // once routed to DPUPR its liaison sees it
    await gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: id, agencyId: 'kukar-pupr' } }, tok.admin);
    expect((await get(u.body.id, { authorization: `Bearer ${tok.liaisonPupr}` })).status).toBe(200);

    const view = await gql(`query($t: String!) { reportByTrackingId(trackingId: $t) { attachments { id filename contentType sha256 url } } }`, { t: trackingId });
    expect(view.data.reportByTrackingId.attachments).toEqual([
      { id: u.body.id, filename: 'foto jalan.jpg', contentType: 'image/jpeg', sha256: u.body.sha256, url: `/attachments/${u.body.id}` },
    ]);
  });

  it('stores and serves the files of an anonymous report under neutral names, to everyone', async () => {
    const ktp = await up(SAMPLE_FILES.jpeg, 'KTP Budi Santoso.jpg');
    const surat = await up(SAMPLE_FILES.pdf, 'surat-pengaduan-budi-santoso.pdf');
    expect(ktp.body.filename).toBe('KTP Budi Santoso.jpg'); // the uploader sees their own name
    const sub = await gql(SUBMIT, { input: reportInput({ anonymous: true, attachmentIds: [ktp.body.id, surat.body.id] }) });
    expect(sub.errors).toBeUndefined();
    const { id, trackingId } = sub.data.submitReport.report;
    await gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: id, agencyId: 'kukar-pupr' } }, tok.admin);

    const served = await get(ktp.body.id, { authorization: `Bearer ${tok.liaisonPupr}` });
    expect(served.status).toBe(200);
    const name = decodeURIComponent((served.headers.get('content-disposition') ?? '').split("UTF-8''")[1]);
    expect(name).toMatch(/^lampiran-[12]\.jpg$/);
    for (const token of [tok.liaisonPupr, tok.admin]) {
      const view = await gql(`query($id: ID!) { report(id: $id) { attachments { id filename } } }`, { id }, token);
      const names = (view.data?.report?.attachments ?? []).map((a: { filename: string }) => a.filename).sort();
      expect(names).toEqual(['lampiran-1.jpg', 'lampiran-2.pdf']);
    }
    const asReporter = await gql(`query($t: String!) { reportByTrackingId(trackingId: $t) { attachments { filename } } }`, { t: trackingId });
    expect(asReporter.data.reportByTrackingId.attachments.map((a: { filename: string }) => a.filename).sort()).toEqual(['lampiran-1.jpg', 'lampiran-2.pdf']);
    // the original names are kept nowhere
    const left = await t.server.ds.query("SELECT COUNT(*) AS n FROM attachment WHERE filename LIKE '%Budi%' OR filename LIKE '%budi%'");
    expect(Number(left[0].n)).toBe(0);

    // evidence added later continues the numbering
    const ev = await up(SAMPLE_FILES.pdf, 'berita acara pak Budi.pdf', { authorization: `Bearer ${tok.liaisonPupr}` });
    const res = await gql(
      `mutation($i: RespondToReportInput!) { respondToReport(input: $i) { report { id } } }`,
      { i: { reportId: id, body: 'Berita acara perbaikan terlampir.', attachmentIds: [ev.body.id] } },
      tok.liaisonPupr,
    );
    expect(res.errors).toBeUndefined();
    const evName = decodeURIComponent(((await get(ev.body.id, { authorization: `Bearer ${tok.admin}` })).headers.get('content-disposition') ?? '').split("UTF-8''")[1]);
    expect(evName).toBe('lampiran-3.pdf');
  });

  it('carries evidence on responses (counted for the evidence rate)', async () => {
    const sub = await gql(SUBMIT, { input: reportInput() });
    const id = sub.data.submitReport.report.id;
    await gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: id, agencyId: 'kukar-pupr' } }, tok.admin);
    const ev = await up(SAMPLE_FILES.pdf, 'berita-acara.pdf', { authorization: `Bearer ${tok.liaisonPupr}` });
    expect(ev.status).toBe(201);
    // before it is attached only its uploader and admins may fetch it
    expect((await get(ev.body.id, { authorization: `Bearer ${tok.liaisonPupr}` })).status).toBe(200);
    expect((await get(ev.body.id, { authorization: `Bearer ${tok.liaisonDinkes}` })).status).toBe(404);
    const res = await gql(
      `mutation($i: RespondToReportInput!) { respondToReport(input: $i) { report { responses { body attachments { id contentType } } } } }`,
      { i: { reportId: id, body: 'Berita acara perbaikan terlampir.', attachmentIds: [ev.body.id] } },
      tok.liaisonPupr,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.respondToReport.report.responses[0].attachments).toEqual([{ id: ev.body.id, contentType: 'application/pdf' }]);
    const payload = JSON.parse((await t.server.ds.query("SELECT payload FROM outbox_event WHERE reportId = ? AND type = 'ReportResponded'", [id]))[0].payload);
    expect(payload).toMatchObject({ responseCount: 1, evidenceResponseCount: 1 });
  });

  it("attaches only the requester's own unattached uploads (staff: same account; signed out: public uploads); else nothing is written", async () => {
    const count = async (table: string) => Number((await t.server.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    const attachedTo = async (id: string) => (await t.server.ds.query('SELECT reportId FROM attachment WHERE id = ?', [id]))[0].reportId;
    const expectUnknown = (res: any, id: string) => {
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', attachmentId: id, messageId: expect.any(String) });
      expect(res.errors[0].message).toContain(`Unknown attachment "${id}"`);
      expect(res.data?.submitReport ?? res.data?.respondToReport ?? res.data?.addReportDetail ?? null).toBeNull();
    };
    const adminUpload = (await up(SAMPLE_FILES.pdf, 'admin.pdf', { authorization: `Bearer ${tok.admin}` })).body.id;
    const publicUpload = (await up(SAMPLE_FILES.pdf, 'warga.pdf')).body.id;
    const dinkesUpload = (await up(SAMPLE_FILES.pdf, 'dinkes.pdf', { authorization: `Bearer ${tok.liaisonDinkes}` })).body.id;
    const before = { report: await count('report'), timeline: await count('timeline_event'), outbox: await count('outbox_event') };

    // a signed-out submission cannot take an admin's upload, alone or next to its own
    expectUnknown(await gql(SUBMIT, { input: reportInput({ attachmentIds: [adminUpload] }) }), adminUpload);
    expectUnknown(await gql(SUBMIT, { input: reportInput({ attachmentIds: [publicUpload, adminUpload] }) }), adminUpload);
    // a signed-in account cannot take a public upload or another account's
    expectUnknown(await gql(SUBMIT, { input: reportInput({ attachmentIds: [publicUpload] }) }, tok.admin), publicUpload);
    expect({ report: await count('report'), timeline: await count('timeline_event'), outbox: await count('outbox_event') }).toEqual(before);
    expect(await attachedTo(adminUpload)).toBeNull();
    expect(await attachedTo(publicUpload)).toBeNull();

    // respondToReport: the responding liaison's own uploads only
    const sub = await gql(SUBMIT, { input: reportInput() });
    const { id } = sub.data.submitReport.report;
    await gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: id, agencyId: 'kukar-pupr' } }, tok.admin);
    const respond = (ids: string[]) =>
      gql(`mutation($i: RespondToReportInput!) { respondToReport(input: $i) { report { id } } }`, { i: { reportId: id, body: 'Sudah ditangani petugas lapangan.', attachmentIds: ids } }, tok.liaisonPupr);
    for (const other of [dinkesUpload, publicUpload, adminUpload]) expectUnknown(await respond([other]), other);
    const responses = await count('response');

    // addReportDetail by tracking ID, signed out: public uploads only
    const held = await gql(`mutation($i: HoldReportInput!) { holdReport(input: $i) { report { status } } }`, { i: { reportId: (await gql(SUBMIT, { input: reportInput() })).data.submitReport.report.id, note: 'Mohon lengkapi lokasi rinci dan foto pendukung.' } }, tok.admin);
    expect(held.errors).toBeUndefined();
    const heldTracking = (await t.server.ds.query("SELECT trackingId FROM report WHERE status = 'ON_HOLD' ORDER BY submittedAt DESC LIMIT 1"))[0].trackingId;
    const detail = (ids: string[]) =>
      gql(`mutation($i: AddReportDetailInput!) { addReportDetail(input: $i) { report { status } } }`, { i: { trackingId: heldTracking, detail: 'Lokasi tepat di depan balai desa.', attachmentIds: ids } });
    const details = await count('report_detail');
    expectUnknown(await detail([adminUpload]), adminUpload);
    expect(await count('response')).toBe(responses);
    expect(await count('report_detail')).toBe(details);
    expect(await attachedTo(adminUpload)).toBeNull();
    expect(await attachedTo(dinkesUpload)).toBeNull();

    // each owner can still attach their own
    expect((await detail([publicUpload])).errors).toBeUndefined();
    expect(await attachedTo(publicUpload)).not.toBeNull();
    const own = (await up(SAMPLE_FILES.pdf, 'pupr.pdf', { authorization: `Bearer ${tok.liaisonPupr}` })).body.id;
    expect((await respond([own])).errors).toBeUndefined();
  });

  it('releases the partial file and its descriptor when the client aborts', async () => {
    const port = new URL(t.server.url).port;
    const boundary = 'pantau-abort';
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const head = [
      'POST /attachments HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      ...Object.entries(svc).map(([k, v]) => `${k}: ${v}`),
      `Content-Type: multipart/form-data; boundary=${boundary}`,
      `Content-Length: ${LIMIT}`,
      '',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="setengah.pdf"',
      'Content-Type: application/pdf',
      '',
      '',
    ].join('\r\n');
    socket.write(head);
    socket.write(pdfOfSize(20 * 1024));
    expect(await until(() => fs.readdirSync(tmpDir).length === 1 && openFilesUnder(t.dir).length === 1)).toBe(true);
    socket.destroy();
    expect(await until(() => fs.readdirSync(tmpDir).length === 0 && openFilesUnder(t.dir).length === 0)).toBe(true);
    // the server still answers
    expect((await up(SAMPLE_FILES.pdf, 'setelah.pdf')).status).toBe(201);
  });

  it('drops an upload that takes longer than PANTAU_UPLOAD_TIMEOUT_MS, with its partial file', async () => {
    const port = new URL(t.server.url).port;
    const boundary = 'pantau-slow';
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('utf8')));
    const closed = new Promise((r) => socket.once('close', r));
    socket.write(
      [
        'POST /attachments HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        ...Object.entries(svc).map(([k, v]) => `${k}: ${v}`),
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        `Content-Length: ${LIMIT}`,
        '',
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="lambat.pdf"',
        '',
        '%PDF-1.7\n',
      ].join('\r\n'),
    );
    expect(await until(() => fs.readdirSync(tmpDir).length === 1)).toBe(true);
    const started = Date.now();
    await Promise.race([closed, sleep(UPLOAD_TIMEOUT_MS + 3000)]);
    socket.destroy();
    expect(Date.now() - started).toBeLessThan(UPLOAD_TIMEOUT_MS + 2500);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body.errors[0].extensions).toMatchObject({ code: 'UPLOAD_TIMEOUT', limitMs: UPLOAD_TIMEOUT_MS });
    expect(await until(() => fs.readdirSync(tmpDir).length === 0 && openFilesUnder(t.dir).length === 0)).toBe(true);
  });
});
