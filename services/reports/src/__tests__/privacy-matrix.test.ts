import { errorCode, storeKinds } from '@pantau/testing';
import { reportInput, SAMPLE_FILES, startRegistry, startReports, SUBMIT, tokens, upload, type StaffName, type TestRegistry, type TestReports, fetchSubgraph } from './helpers';

/**
 * Roles × sensitive fields × (anonymous, confidential), with the subgraph called directly over HTTP.
 * Expectations are written out here, independently of the privacy module.
 */
const FIELDS = `id trackingId title body roadId reporter { name email phone } routingReasons suggestedAgency { id }
  attachments { id } responses { body attachments { id } } timeline { type note actorId }`;

type Viewer = 'public' | 'reporter' | StaffName;
const VIEWERS: Viewer[] = ['public', 'reporter', 'admin', 'ombudsman', 'leadership', 'liaisonPupr', 'liaisonDinkes'];

// content (title, body, road, attachments, response text, notes) and identity, per (anonymous, confidential)
function expected(viewer: Viewer, anonymous: boolean, confidential: boolean): { content: boolean; reporter: boolean } {
  const all = { content: true, reporter: true };
  switch (viewer) {
    case 'reporter':
    case 'admin':
    case 'ombudsman':
      return all;
    case 'liaisonPupr': // the report is routed to DPUPR
      return { content: true, reporter: !anonymous };
    case 'leadership':
    case 'public':
    case 'liaisonDinkes':
    default:
      return { content: !confidential, reporter: false };
  }
}

let registry: TestRegistry;
let tok: Awaited<ReturnType<typeof tokens>>;
beforeAll(async () => {
  registry = await startRegistry();
  tok = await tokens();
});
afterAll(async () => {
  await registry?.close();
});

describe.each(storeKinds())('privacy matrix on %s', (kind) => {
  let t: TestReports;
  const reports: Array<{ anonymous: boolean; confidential: boolean; id: string; trackingId: string; attachmentId: string; evidenceId: string }> = [];

  beforeAll(async () => {
    t = await startReports(kind, registry.client);
    for (const anonymous of [false, true]) {
      for (const confidential of [false, true]) {
        const photo = await upload(t.server.url, SAMPLE_FILES.jpeg, 'foto.jpg');
        const sub = await t.gql(SUBMIT, {
          input: reportInput({ anonymous, confidential, roadId: 'kukar-r006', regionCode: '64.02.18', attachmentIds: [photo.body.id], title: `Rahasia-${anonymous}-${confidential} jalan rusak` }),
        });
        expect(sub.errors).toBeUndefined();
        const { id, trackingId } = sub.data.submitReport.report;
        await t.gql(`mutation($i: DispositionReportInput!) { dispositionReport(input: $i) { report { id } } }`, { i: { reportId: id, agencyId: 'kukar-pupr', note: 'Catatan verifikasi' } }, tok.admin);
        const ev = await upload(t.server.url, SAMPLE_FILES.png, 'bukti.png', { authorization: `Bearer ${tok.liaisonPupr}` });
        const resp = await t.gql(
          `mutation($i: RespondToReportInput!) { respondToReport(input: $i) { report { id } } }`,
          { i: { reportId: id, body: 'Tanggapan berisi detail kasus.', attachmentIds: [ev.body.id] } },
          tok.liaisonPupr,
        );
        expect(resp.errors).toBeUndefined();
        reports.push({ anonymous, confidential, id, trackingId, attachmentId: photo.body.id, evidenceId: ev.body.id });
      }
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  async function view(viewer: Viewer, r: (typeof reports)[number]) {
    if (viewer === 'reporter') {
      const res = await t.gql(`query($t: String!) { reportByTrackingId(trackingId: $t) { ${FIELDS} } }`, { t: r.trackingId });
      return res.data.reportByTrackingId;
    }
    const token = viewer === 'public' ? undefined : tok[viewer];
    // the federation entry point works for everyone (the gateway resolves Report references through it)
    const ent = await t.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { ${FIELDS} } } }`, { r: [{ __typename: 'Report', id: r.id }] }, token);
    expect(ent.errors).toBeUndefined();
    if (viewer !== 'public') {
      const byId = await t.gql(`query($id: ID!) { report(id: $id) { ${FIELDS} } }`, { id: r.id }, token);
      expect(byId.data.report).toEqual(ent.data._entities[0]);
    }
    return ent.data._entities[0];
  }

  it('shows each role exactly what the rules allow, for every flag combination', async () => {
    for (const r of reports) {
      for (const viewer of VIEWERS) {
        const v = await view(viewer, r);
        const exp = expected(viewer, r.anonymous, r.confidential);
        const label = `${viewer} anonymous=${r.anonymous} confidential=${r.confidential}`;
        const seen = {
          content: [v.title !== null, v.body !== null, v.roadId !== null, v.attachments.length > 0, v.responses[0].body !== null, v.responses[0].attachments.length > 0, v.timeline[1].note !== null],
          reporter: v.reporter !== null,
          fullTrackingId: !v.trackingId.includes('•'),
        };
        expect([label, seen]).toEqual([
          label,
          { content: Array(7).fill(exp.content), reporter: exp.reporter, fullTrackingId: viewer === 'reporter' },
        ]);
        if (exp.reporter) expect(v.reporter).toEqual({ name: 'Budi Santoso', email: 'budi@example.com', phone: '+6281234567890' });
        // internal routing data and staff ids never reach the public or the reporter
        const internal = viewer !== 'public' && viewer !== 'reporter' && viewer !== 'liaisonDinkes';
        expect([label, v.routingReasons.length > 0, v.suggestedAgency !== null, v.timeline[1].actorId !== null]).toEqual([label, internal, internal, internal]);
        // the status history itself is public
        expect(v.timeline.map((e: any) => e.type)).toEqual(['ReportSubmitted', 'ReportDispositioned', 'ReportResponded']);
        // files over HTTP follow the same rule
        const headers: Record<string, string> =
          viewer === 'reporter' ? { 'x-tracking-id': r.trackingId } : viewer === 'public' ? {} : { authorization: `Bearer ${tok[viewer]}` };
        for (const fileId of [r.attachmentId, r.evidenceId]) {
          const status = (await fetchSubgraph(new URL(`/attachments/${fileId}`, t.server.url), { headers })).status;
          expect([label, status]).toEqual([label, exp.content ? 200 : 404]);
        }
      }
    }
  });

  it('keeps staff queries closed to the public and scopes liaisons to their agency', async () => {
    expect(errorCode(await t.gql(`{ reports { totalCount } }`))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(`query($id: ID!) { report(id: $id) { id } }`, { id: reports[0].id }))).toBe('UNAUTHENTICATED');
    const own = await t.gql(`{ reports(first: 100) { totalCount edges { node { id reporter { name } } } } }`, {}, tok.liaisonPupr);
    expect(own.data.reports.totalCount).toBe(4);
    expect(own.data.reports.edges.filter((e: any) => e.node.reporter).length).toBe(2); // the two non-anonymous ones
    expect((await t.gql(`{ reports { totalCount } }`, {}, tok.liaisonDinkes)).data.reports.totalCount).toBe(0);
    expect(errorCode(await t.gql(`{ reports(filter: { agencyId: "kukar-pupr" }) { totalCount } }`, {}, tok.liaisonDinkes))).toBe('FORBIDDEN');
  });

  it('never lets a search reveal words of confidential reports to leadership', async () => {
    const q = `{ reports(search: "Rahasia") { totalCount edges { node { confidential title } } } }`;
    const lead = await t.gql(q, {}, tok.leadership);
    expect(lead.data.reports.totalCount).toBe(2);
    expect(lead.data.reports.edges.every((e: any) => !e.node.confidential && e.node.title)).toBe(true);
    const admin = await t.gql(q, {}, tok.admin);
    expect(admin.data.reports.totalCount).toBe(4);
    // unfiltered lists still count confidential reports for leadership, with content hidden
    const all = await t.gql(`{ reports(filter: { confidential: true }) { totalCount edges { node { title body reporter { name } } } } }`, {}, tok.leadership);
    expect(all.data.reports.totalCount).toBe(2);
    expect(all.data.reports.edges.every((e: any) => e.node.title === null && e.node.body === null && e.node.reporter === null)).toBe(true);
  });
});
