import { errorCode, storeKinds } from '@pantau/testing';
import { parseTrackingId } from '../domain/tracking-id';
import { HttpRegistryClient } from '../registry/client';
import { reportInput, startRegistry, startReports, SUBMIT, tokens, type TestRegistry, type TestReports } from './helpers';

const REPORT_FIELDS = `id trackingId status version agency { id } forwardCount rating examination maladministrationType
  dispositionedAt firstResponseAt completedAt verificationDueAt responseDueAt completionDueAt overdue availableActions
  timeline { type actorRole actorId fromStatus toStatus fromAgency { id } toAgency { id } note }
  responses { body agency { id } attachments { id contentType } }`;

const M = {
  disposition: `mutation($input: DispositionReportInput!) { dispositionReport(input: $input) { report { ${REPORT_FIELDS} } } }`,
  hold: `mutation($input: HoldReportInput!) { holdReport(input: $input) { report { ${REPORT_FIELDS} } } }`,
  archive: `mutation($input: ArchiveReportInput!) { archiveReport(input: $input) { report { ${REPORT_FIELDS} } } }`,
  forward: `mutation($input: ForwardReportInput!) { forwardReport(input: $input) { report { ${REPORT_FIELDS} } } }`,
  respond: `mutation($input: RespondToReportInput!) { respondToReport(input: $input) { report { ${REPORT_FIELDS} } } }`,
  complete: `mutation($input: CompleteReportInput!) { completeReport(input: $input) { report { ${REPORT_FIELDS} } } }`,
  classify: `mutation($input: ClassifyReportInput!) { classifyReport(input: $input) { report { ${REPORT_FIELDS} } } }`,
  rate: `mutation($input: RateReportInput!) { rateReport(input: $input) { report { ${REPORT_FIELDS} } } }`,
  reopen: `mutation($input: ReopenReportInput!) { reopenReport(input: $input) { report { ${REPORT_FIELDS} } } }`,
};

let registry: TestRegistry;
let tok: Awaited<ReturnType<typeof tokens>>;
beforeAll(async () => {
  registry = await startRegistry();
  tok = await tokens();
});
afterAll(async () => {
  await registry?.close();
});

describe.each(storeKinds())('reports lifecycle over GraphQL on %s', (kind) => {
  let t: TestReports;
  beforeAll(async () => {
    t = await startReports(kind, registry.client);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function submit(over: Record<string, unknown> = {}) {
    const res = await t.gql(SUBMIT, { input: reportInput(over) });
    expect(res.errors).toBeUndefined();
    return res.data.submitReport.report;
  }

  it('submits with a routing suggestion from the registry, a tracking ID and a verification due date', async () => {
    const res = await t.gql(SUBMIT, { input: reportInput() });
    expect(res.errors).toBeUndefined();
    const { report, created } = res.data.submitReport;
    expect(created).toBe(true);
    expect(report.status).toBe('SUBMITTED');
    expect(parseTrackingId(report.trackingId)).toBe(report.trackingId);
    expect(report.suggestedAgency).toBeNull(); // the reporter's view carries no internal routing data
    const stored = await t.server.ds.query('SELECT suggestedAgencyId, routingReasons FROM report WHERE id = ?', [report.id]);
    expect(stored[0].suggestedAgencyId).toBe('kukar-pupr');
    expect(JSON.parse(stored[0].routingReasons).join(' ')).toMatch(/kabupaten/i);
    expect(new Date(report.verificationDueAt).getTime()).toBeGreaterThan(new Date(report.submittedAt).getTime() + 2 * 86_400_000);

    const staffView = await t.gql(`query($id: ID!) { report(id: $id) { trackingId suggestedAgency { id } routingReasons reporter { name phone } } }`, { id: report.id }, tok.admin);
    expect(staffView.data.report.suggestedAgency.id).toBe('kukar-pupr');
    expect(staffView.data.report.routingReasons.length).toBeGreaterThan(0);
    expect(staffView.data.report.reporter).toEqual({ name: 'Budi Santoso', phone: '+6281234567890' });
    expect(staffView.data.report.trackingId).toMatch(/^LPR-[0-9A-Z]{4}-••••-••••-•$/);
  });

  it('validates input with clear errors and checks topic and region against the registry', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ body: 'terlalu pendek' }, /body must be 20–5000/i],
      [{ topic: 'TIDAK_ADA' }, /Unknown topic "TIDAK_ADA"/],
      [{ regionCode: '64.02.99' }, /.+/],
      [{ regionCode: 'Muara Wis' }, /Kemendagri/],
      [{ reporter: { name: 'Budi', phone: '12345' } }, /Indonesian mobile number/],
      [{ reporter: { email: 'bukan-email' } }, /e-mail/],
      [{ roadId: 'no-such-road' }, /.+/],
      [{ attachmentIds: ['5b0b7c3e-6d2f-4c55-9d3a-1f2e3d4c5b6a'] }, /attachment/i],
    ];
    const before = await t.server.ds.query('SELECT COUNT(*) AS n FROM report');
    for (const [over, message] of cases) {
      const res = await t.gql(SUBMIT, { input: reportInput(over) });
      expect([JSON.stringify(over), errorCode(res)]).toEqual([JSON.stringify(over), 'BAD_USER_INPUT']);
      expect(res.errors![0].message).toMatch(message);
    }
    const after = await t.server.ds.query('SELECT COUNT(*) AS n FROM report');
    expect(Number(after[0].n)).toBe(Number(before[0].n));
  });

  it('rejects a mistyped tracking ID and returns null for an unknown valid one', async () => {
    const r = await submit();
    const q = `query($t: String!) { reportByTrackingId(trackingId: $t) { id title } }`;
    const ok = await t.gql(q, { t: r.trackingId.toLowerCase().replace(/-/g, ' ') });
    expect(ok.data.reportByTrackingId.id).toBe(r.id);
    const body = r.trackingId.slice(4);
    const typo = `LPR-${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(errorCode(await t.gql(q, { t: typo }))).toBe('BAD_USER_INPUT');
    expect((await t.gql(q, { t: 'LPR-0000-0000-0000-0' })).data.reportByTrackingId).toBeNull();
  });

  it('walks disposition → forward (hop) → respond → complete → rate → reopen → complete, with timeline, due dates and outbox', async () => {
    const r = await submit();
    const outboxBefore = Number((await t.server.ds.query('SELECT COUNT(*) AS n FROM outbox_event'))[0].n);

    // admin routes it to the health office by mistake
    let res = await t.gql(M.disposition, { input: { reportId: r.id, agencyId: 'kukar-dinkes', expectedVersion: r.version } }, tok.admin);
    expect(res.errors).toBeUndefined();
    let rep = res.data.dispositionReport.report;
    expect(rep).toMatchObject({ status: 'DISPOSITIONED', agency: { id: 'kukar-dinkes' }, version: r.version + 1, overdue: false });
    expect(new Date(rep.responseDueAt) > new Date(rep.dispositionedAt)).toBe(true);
    expect(new Date(rep.completionDueAt) > new Date(rep.responseDueAt)).toBe(true);

    // the public-works liaison cannot act on it yet; the health liaison forwards it ("bukan wewenang")
    expect(errorCode(await t.gql(M.respond, { input: { reportId: r.id, body: 'Kami tindak lanjuti segera.' } }, tok.liaisonPupr))).toBe('FORBIDDEN');
    res = await t.gql(M.forward, { input: { reportId: r.id, toAgencyId: 'kukar-pupr', reason: 'Bukan wewenang Dinkes: jalan kabupaten, tupoksi DPUPR.' } }, tok.liaisonDinkes);
    expect(res.errors).toBeUndefined();
    rep = res.data.forwardReport.report;
    expect(rep).toMatchObject({ status: 'DISPOSITIONED', agency: { id: 'kukar-pupr' }, forwardCount: 1 });
    expect(errorCode(await t.gql(M.forward, { input: { reportId: r.id, toAgencyId: 'no-such-agency', reason: 'salah alamat lagi' } }, tok.liaisonPupr))).toBe('BAD_USER_INPUT');

    res = await t.gql(M.respond, { input: { reportId: r.id, body: 'Tim DPUPR sudah meninjau lokasi dan menjadwalkan perbaikan.' } }, tok.liaisonPupr);
    expect(res.errors).toBeUndefined();
    rep = res.data.respondToReport.report;
    expect(rep.status).toBe('IN_PROGRESS');
    expect(rep.firstResponseAt).not.toBeNull();
    expect(rep.responses).toHaveLength(1);

    expect(errorCode(await t.gql(M.rate, { input: { trackingId: r.trackingId, rating: 4 } }))).toBe('INVALID_TRANSITION');
    res = await t.gql(M.complete, { input: { reportId: r.id, note: 'Jalan sudah ditambal.' } }, tok.liaisonPupr);
    expect(res.data.completeReport.report.status).toBe('COMPLETED');

    res = await t.gql(M.rate, { input: { trackingId: r.trackingId, rating: 2, comment: 'Tambalannya cepat rusak' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.rateReport.report.rating).toBe(2);
    expect(errorCode(await t.gql(M.rate, { input: { trackingId: r.trackingId, rating: 5 } }))).toBe('INVALID_TRANSITION');

    res = await t.gql(M.reopen, { input: { trackingId: r.trackingId, reason: 'Lubang muncul lagi setelah hujan deras.' } });
    expect(res.errors).toBeUndefined();
    rep = res.data.reopenReport.report;
    expect(rep).toMatchObject({ status: 'IN_PROGRESS', completedAt: null, rating: null });

    res = await t.gql(M.complete, { input: { reportId: r.id } }, tok.liaisonPupr);
    expect(res.errors).toBeUndefined();
    res = await t.gql(M.classify, { input: { reportId: r.id, maladministrationType: 'TIDAK_KOMPETEN' } }, tok.ombudsman);
    expect(res.errors).toBeUndefined();
    rep = res.data.classifyReport.report;
    expect(rep.maladministrationType).toBe('TIDAK_KOMPETEN');

    expect(rep.timeline.map((e: any) => e.type)).toEqual([
      'ReportSubmitted',
      'ReportDispositioned',
      'ReportForwarded',
      'ReportResponded',
      'ReportCompleted',
      'ReportRated',
      'ReportReopened',
      'ReportCompleted',
      'ReportClassified',
    ]);
    expect(rep.timeline.map((e: any) => e.actorRole)).toEqual([
      'REPORTER', 'ADMIN', 'LIAISON', 'LIAISON', 'LIAISON', 'REPORTER', 'REPORTER', 'LIAISON', 'OMBUDSMAN',
    ]);
    expect(rep.timeline[2]).toMatchObject({ fromAgency: { id: 'kukar-dinkes' }, toAgency: { id: 'kukar-pupr' }, actorId: 'u-dinkes' });
    expect(rep.timeline[2].note).toMatch(/Bukan wewenang/);
    expect(rep.version).toBe(r.version + 8);

    // one outbox event per transition, in order, each carrying the state after it
    const rows = await t.server.ds.query('SELECT seq, type, payload FROM outbox_event WHERE reportId = ? ORDER BY seq', [r.id]);
    expect(rows.map((x: any) => x.type)).toEqual(rep.timeline.map((e: any) => e.type));
    const total = Number((await t.server.ds.query('SELECT COUNT(*) AS n FROM outbox_event'))[0].n);
    expect(total - outboxBefore).toBe(8);
    const last = JSON.parse(rows[rows.length - 1].payload);
    expect(last).toMatchObject({ id: r.id, status: 'COMPLETED', agencyId: 'kukar-pupr', forwardCount: 1, responseCount: 1, reopenCount: 1, rating: null, maladministrationType: 'TIDAK_KOMPETEN' });
    expect(JSON.parse(rows[1].payload).dispositionedAt).toBe(last.dispositionedAt);
  });

  it('hold, then archive with a reason; archived reports accept nothing', async () => {
    const r = await submit();
    let res = await t.gql(M.hold, { input: { reportId: r.id, note: 'Mohon lampirkan foto lokasi jalan.' } }, tok.admin);
    expect(res.data.holdReport.report.status).toBe('ON_HOLD');
    res = await t.gql(M.archive, { input: { reportId: r.id, reason: 'Pelapor tidak melengkapi data.' } }, tok.admin);
    expect(res.data.archiveReport.report.status).toBe('ARCHIVED');
    expect(res.data.archiveReport.report.availableActions).toEqual([]);
    expect(errorCode(await t.gql(M.disposition, { input: { reportId: r.id } }, tok.admin))).toBe('INVALID_TRANSITION');
  });

  it('refuses wrong actors and anonymous callers and changes nothing', async () => {
    const r = await submit();
    expect(errorCode(await t.gql(M.disposition, { input: { reportId: r.id } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(M.disposition, { input: { reportId: r.id } }, tok.leadership))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(M.disposition, { input: { reportId: r.id } }, tok.ombudsman))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(M.disposition, { input: { reportId: r.id } }, 'forged.token.here'))).toBe('UNAUTHENTICATED');
    const rows = await t.server.ds.query('SELECT version, status FROM report WHERE id = ?', [r.id]);
    expect(rows[0]).toMatchObject({ version: r.version, status: 'SUBMITTED' });
    const tl = await t.server.ds.query('SELECT COUNT(*) AS n FROM timeline_event WHERE reportId = ?', [r.id]);
    expect(Number(tl[0].n)).toBe(1);
    // dispositions default to the registry's suggestion
    const res = await t.gql(M.disposition, { input: { reportId: r.id, examination: true } }, tok.admin);
    expect(res.data.dispositionReport.report).toMatchObject({ agency: { id: 'kukar-pupr' }, examination: true });
    expect(errorCode(await t.gql(M.disposition, { input: { reportId: r.id } }, tok.admin))).toBe('INVALID_TRANSITION');
  });

  it('fails with SERVICE_UNAVAILABLE and stores nothing when the registry is down', async () => {
    const down = await startReports(kind, new HttpRegistryClient('http://127.0.0.1:9/graphql', { timeoutMs: 1000 }));
    try {
      const res = await down.gql(SUBMIT, { input: reportInput({ idempotencyKey: 'down-registry-1' }) });
      expect(errorCode(res)).toBe('SERVICE_UNAVAILABLE');
      expect(res.errors![0].message).toMatch(/registry is not reachable/);
      const n = await down.server.ds.query('SELECT COUNT(*) AS n FROM report');
      expect(Number(n[0].n)).toBe(0);
      const o = await down.server.ds.query('SELECT COUNT(*) AS n FROM outbox_event');
      expect(Number(o[0].n)).toBe(0);
    } finally {
      await down.close();
    }
  });
});
