import { errorCode, storeKinds } from '@pantau/testing';
import { reportInput, SAMPLE_FILES, startRegistry, startReports, SUBMIT, tokens, upload, type StaffName, type TestRegistry, type TestReports, fetchSubgraph } from './helpers';

const FIELDS = `id status version verificationDueAt submittedAt availableActions attachments { id }
  details { id body createdAt attachments { id contentType } }
  timeline { type actorRole actorId fromStatus toStatus note }`;

const ADD = `mutation($i: AddReportDetailInput!) { addReportDetail(input: $i) { report { ${FIELDS} } } }`;
const HOLD = `mutation($i: HoldReportInput!) { holdReport(input: $i) { report { id status } } }`;
const DISPOSITION = `mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id status } } }`;
const BY_TRACKING = `query($t: String!) { reportByTrackingId(trackingId: $t) { ${FIELDS} } }`;

const DETAIL = 'Lokasi persisnya di depan SDN 012 Sebemban, lubang selebar dua meter. Foto terbaru terlampir.';

let registry: TestRegistry;
let tok: Awaited<ReturnType<typeof tokens>>;
beforeAll(async () => {
  registry = await startRegistry();
  tok = await tokens();
});
afterAll(async () => {
  await registry?.close();
});

describe.each(storeKinds())('addReportDetail on %s', (kind) => {
  let t: TestReports;
  beforeAll(async () => {
    t = await startReports(kind, registry.client);
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await t.server.ds.query(sql, params))[0].n);

  async function heldReport(over: Record<string, unknown> = {}) {
    const sub = await t.gql(SUBMIT, { input: reportInput(over) });
    expect(sub.errors).toBeUndefined();
    const r = sub.data.submitReport.report;
    const held = await t.gql(HOLD, { i: { reportId: r.id, note: 'Mohon lengkapi lokasi rinci dan foto pendukung.' } }, tok.admin);
    expect(held.data.holdReport.report.status).toBe('ON_HOLD');
    return r as { id: string; trackingId: string; verificationDueAt: string; version: number };
  }

  it('lets the reporter answer a hold: detail + files stored, timeline and outbox event, back to SUBMITTED, clock unchanged', async () => {
    const r = await heldReport();
    const before = (await t.gql(BY_TRACKING, { t: r.trackingId })).data.reportByTrackingId;
    expect(before.availableActions).toEqual(['ADD_DETAIL']);
    const photo = await upload(t.server.url, SAMPLE_FILES.jpeg, 'lokasi.jpg');
    const pdf = await upload(t.server.url, SAMPLE_FILES.pdf, 'surat-rt.pdf');
    const outboxBefore = await count('SELECT COUNT(*) AS n FROM outbox_event');

    // the tracking ID may be typed loosely, like everywhere else
    const res = await t.gql(ADD, { i: { trackingId: r.trackingId.toLowerCase(), detail: `  ${DETAIL}  `, attachmentIds: [photo.body.id, pdf.body.id] } });
    expect(res.errors).toBeUndefined();
    const rep = res.data.addReportDetail.report;
    expect(rep.status).toBe('SUBMITTED');
    expect(rep.version).toBe(before.version + 1);
    expect(rep.verificationDueAt).toBe(r.verificationDueAt); // counts from the original submission
    expect(rep.availableActions).toEqual([]);
    expect(rep.details).toHaveLength(1);
    expect(rep.details[0].body).toBe(DETAIL);
    expect(rep.details[0].attachments.map((a: any) => a.id).sort()).toEqual([photo.body.id, pdf.body.id].sort());
    // the reporter's files (with the report and with details) are listed on the report too
    expect(rep.attachments.map((a: any) => a.id).sort()).toEqual([photo.body.id, pdf.body.id].sort());
    expect(rep.timeline.map((e: any) => e.type)).toEqual(['ReportSubmitted', 'ReportHeld', 'ReportDetailAdded']);
    expect(rep.timeline[2]).toEqual({ type: 'ReportDetailAdded', actorRole: 'REPORTER', actorId: null, fromStatus: 'ON_HOLD', toStatus: 'SUBMITTED', note: DETAIL });

    const outbox = await t.server.ds.query('SELECT type, actorRole, payload FROM outbox_event WHERE reportId = ? ORDER BY seq', [r.id]);
    expect(outbox.map((o: any) => o.type)).toEqual(['ReportSubmitted', 'ReportHeld', 'ReportDetailAdded']);
    expect(outbox[2].actorRole).toBe('REPORTER');
    const snap = JSON.parse(outbox[2].payload);
    expect(snap).toMatchObject({ id: r.id, status: 'SUBMITTED', dispositionedAt: null });
    expect(snap.verificationDueAt).toBe(r.verificationDueAt);
    expect(await count('SELECT COUNT(*) AS n FROM outbox_event')).toBe(outboxBefore + 1);

    // answered once: a second answer needs a new hold
    const again = await t.gql(ADD, { i: { trackingId: r.trackingId, detail: 'Satu keterangan tambahan lagi.' } });
    expect(errorCode(again)).toBe('INVALID_TRANSITION');
    expect(again.errors![0].extensions).toMatchObject({ reason: 'STATUS', action: 'ADD_DETAIL', status: 'SUBMITTED' });
    expect(again.errors![0].message).toBe('Cannot add detail to a report with status SUBMITTED.');

    // the admin sees it in the queue and dispositions it; the detail stays with the report
    const staff = await t.gql(`query($id: ID!) { report(id: $id) { ${FIELDS} } }`, { id: r.id }, tok.admin);
    expect(staff.data.report.availableActions).toEqual(['DISPOSITION', 'HOLD', 'ARCHIVE']);
    expect(staff.data.report.details[0].body).toBe(DETAIL);
    const queue = await t.gql(`{ reports(filter: { status: [SUBMITTED] }, first: 100) { edges { node { id } } } }`, {}, tok.admin);
    expect(queue.data.reports.edges.map((e: any) => e.node.id)).toContain(r.id);
    const d = await t.gql(DISPOSITION, { i: { reportId: r.id, agencyId: 'kukar-pupr' } }, tok.admin);
    expect(d.data.dispositionReport.report.status).toBe('DISPOSITIONED');
  });

  it('works without files and can answer a second hold', async () => {
    const r = await heldReport();
    let res = await t.gql(ADD, { i: { trackingId: r.trackingId, detail: 'Kejadian terakhir Senin pagi pukul 07.00.' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.addReportDetail.report.details[0].attachments).toEqual([]);
    await t.gql(HOLD, { i: { reportId: r.id, note: 'Foto belum terlampir, mohon dilengkapi.' } }, tok.admin);
    const photo = await upload(t.server.url, SAMPLE_FILES.png, 'foto.png');
    res = await t.gql(ADD, { i: { trackingId: r.trackingId, detail: 'Berikut foto lokasi yang diminta.', attachmentIds: [photo.body.id] } });
    expect(res.errors).toBeUndefined();
    const rep = res.data.addReportDetail.report;
    expect(rep.details.map((x: any) => [x.body, x.attachments.length])).toEqual([
      ['Kejadian terakhir Senin pagi pukul 07.00.', 0],
      ['Berikut foto lokasi yang diminta.', 1],
    ]);
    expect(rep.timeline.map((e: any) => e.type)).toEqual(['ReportSubmitted', 'ReportHeld', 'ReportDetailAdded', 'ReportHeld', 'ReportDetailAdded']);
  });

  it('refuses outside ON_HOLD, bad input, unknown or claimed files and wrong tracking IDs, and changes nothing', async () => {
    const r = await heldReport();
    const state = async () => (await t.server.ds.query('SELECT status, version FROM report WHERE id = ?', [r.id]))[0];
    const before = await state();
    const claimed = await upload(t.server.url, SAMPLE_FILES.webp, 'dipakai.webp');
    expect((await t.gql(SUBMIT, { input: reportInput({ attachmentIds: [claimed.body.id] }) })).errors).toBeUndefined();
    const free = await upload(t.server.url, SAMPLE_FILES.jpeg, 'bebas.jpg');

    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ detail: 'pendek' }, 'BAD_USER_INPUT', /detail must be 10–5000/],
      [{ detail: 'x'.repeat(5001) }, 'BAD_USER_INPUT', /detail must be at most 5000 characters/],
      [{ detail: '               ' }, 'BAD_USER_INPUT', /must not be empty or only spaces/],
      [{ attachmentIds: ['not-an-id'] }, 'BAD_USER_INPUT', /ids issued by this API \(e\.g\. by POST \/attachments\)/],
      [{ attachmentIds: ['5b0b7c3e-6d2f-4c55-9d3a-1f2e3d4c5b6a'] }, 'BAD_USER_INPUT', /attachment/i],
      // one free and one already claimed: neither is linked, nothing is written
      [{ attachmentIds: [free.body.id, claimed.body.id] }, 'BAD_USER_INPUT', new RegExp(`Unknown attachment "${claimed.body.id}"`)],
      [{ trackingId: `${r.trackingId.slice(0, -1)}${r.trackingId.endsWith('0') ? '1' : '0'}` }, 'BAD_USER_INPUT', /tracking ID/],
      [{ trackingId: 'LPR-0000-0000-0000-0' }, 'NOT_FOUND', /.+/],
    ];
    for (const [over, code, message] of cases) {
      const res = await t.gql(ADD, { i: { trackingId: r.trackingId, detail: DETAIL, ...over } });
      expect([JSON.stringify(over).slice(0, 80), errorCode(res)]).toEqual([JSON.stringify(over).slice(0, 80), code]);
      expect(res.errors![0].message).toMatch(message);
    }
    expect(await state()).toEqual(before);
    expect(await count('SELECT COUNT(*) AS n FROM report_detail WHERE reportId = ?', [r.id])).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM timeline_event WHERE reportId = ?', [r.id])).toBe(2);
    expect(await count('SELECT COUNT(*) AS n FROM attachment WHERE id = ? AND reportId IS NULL', [free.body.id])).toBe(1);

    // not on hold: submitted, dispositioned, archived
    const fresh = await t.gql(SUBMIT, { input: reportInput() });
    const tid = fresh.data.submitReport.report.trackingId;
    expect(errorCode(await t.gql(ADD, { i: { trackingId: tid, detail: DETAIL } }))).toBe('INVALID_TRANSITION');
    await t.gql(DISPOSITION, { i: { reportId: fresh.data.submitReport.report.id, agencyId: 'kukar-pupr' } }, tok.admin);
    expect(errorCode(await t.gql(ADD, { i: { trackingId: tid, detail: DETAIL } }))).toBe('INVALID_TRANSITION');
    const archived = await heldReport();
    await t.gql(`mutation($i: ArchiveReportInput!) { archiveReport(input: $i) { report { id } } }`, { i: { reportId: archived.id, reason: 'Pelapor tidak melengkapi data.' } }, tok.admin);
    expect(errorCode(await t.gql(ADD, { i: { trackingId: archived.trackingId, detail: DETAIL } }))).toBe('INVALID_TRANSITION');
  });

  describe('privacy', () => {
    type Viewer = 'public' | 'reporter' | StaffName;
    const VIEWERS: Viewer[] = ['public', 'reporter', 'admin', 'ombudsman', 'leadership', 'liaisonPupr', 'liaisonDinkes'];
    // the same rule as the report's other content; the report is routed to DPUPR after the detail
    const seesContent = (v: Viewer, confidential: boolean) =>
      ['reporter', 'admin', 'ombudsman', 'liaisonPupr'].includes(v) || !confidential;

    it('shows the detail, its files and its timeline note exactly to those who may see the report content', async () => {
      for (const anonymous of [false, true]) {
        for (const confidential of [false, true]) {
          const r = await heldReport({ anonymous, confidential });
          const photo = await upload(t.server.url, SAMPLE_FILES.jpeg, 'lokasi.jpg');
          const add = await t.gql(ADD, { i: { trackingId: r.trackingId, detail: DETAIL, attachmentIds: [photo.body.id] } });
          expect(add.errors).toBeUndefined();
          await t.gql(DISPOSITION, { i: { reportId: r.id, agencyId: 'kukar-pupr' } }, tok.admin);
          for (const viewer of VIEWERS) {
            const label = `${viewer} anonymous=${anonymous} confidential=${confidential}`;
            let v: any;
            if (viewer === 'reporter') {
              v = (await t.gql(BY_TRACKING, { t: r.trackingId })).data.reportByTrackingId;
            } else {
              const ent = await t.gql(
                `query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { ${FIELDS} } } }`,
                { r: [{ __typename: 'Report', id: r.id }] },
                viewer === 'public' ? undefined : tok[viewer],
              );
              expect(ent.errors).toBeUndefined();
              v = ent.data._entities[0];
            }
            const added = v.timeline.find((e: any) => e.type === 'ReportDetailAdded');
            const see = seesContent(viewer, confidential);
            // the detail exists for everyone (like responses); its words and files only with content access
            expect([label, v.details.length, v.details[0].body, v.details[0].attachments.length, added.note]).toEqual([
              label,
              1,
              see ? DETAIL : null,
              see ? 1 : 0,
              see ? DETAIL : null,
            ]);
            const headers: Record<string, string> =
              viewer === 'reporter' ? { 'x-tracking-id': r.trackingId } : viewer === 'public' ? {} : { authorization: `Bearer ${tok[viewer]}` };
            const status = (await fetchSubgraph(new URL(`/attachments/${photo.body.id}`, t.server.url), { headers })).status;
            expect([label, status]).toEqual([label, see ? 200 : 404]);
          }
        }
      }
    });
  });
});
