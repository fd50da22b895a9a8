import { createHash } from 'node:crypto';
import { calendarFromEnv } from '@pantau/reports';
import { createTestStore, errorCode, postGraphQL, storeKinds, type TestStore } from '@pantau/testing';
import { eventually, freePorts, startStack } from './stack-helpers';

/**
 * A scripted walk through the gateway covering every transition and role: a road complaint in Muara
 * Wis misrouted to the district office, forwarded to the regency public-works agency that owns the
 * road, answered with evidence uploaded through the gateway, classified by the ombudsman, completed,
 * rated, reopened by the reporter and completed again; plus the hold and archive side paths.
 */
describe.each(storeKinds())('report lifecycle through the gateway on %s', (kind) => {
  let store: TestStore;
  let stack: Awaited<ReturnType<typeof startStack>>;
  const tokens: Record<string, string> = {};
  const gql = (query: string, variables?: Record<string, unknown>, as?: string) =>
    postGraphQL(stack.graphqlUrl, query, variables, as ? { authorization: `Bearer ${tokens[as]}` } : {});
  const ok = async (query: string, variables?: Record<string, unknown>, as?: string) => {
    const res = await gql(query, variables, as);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    store = createTestStore(kind);
    stack = await startStack({
      env: { ...store.env, PANTAU_DEMO: '1', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn' },
      ports: await freePorts(),
      stdio: 'inherit',
    });
    const accounts = {
      admin: 'admin@kukarkab.go.id',
      ombudsman: 'ombudsman@ombudsman.go.id',
      leadership: 'pimpinan@kukarkab.go.id',
      kecamatan: 'sekcam.muarawis@kukarkab.go.id',
      pupr: 'sekretaris.pupr@kukarkab.go.id',
    };
    for (const [who, email] of Object.entries(accounts)) {
      const res = await postGraphQL(stack.graphqlUrl, 'mutation($e: String!) { signIn(email: $e, password: "pantau-demo-2026") { token } }', {
        e: email,
      });
      tokens[who] = res.data.signIn.token;
    }
  }, 120000);
  afterAll(async () => {
    await stack?.stop();
    await store?.cleanup();
  });

  const REPORT_FIELDS = `id status version agency { id name } forwardCount rating maladministrationType
    submittedAt dispositionedAt firstResponseAt completedAt verificationDueAt responseDueAt completionDueAt overdue
    reporter { name } responses { body attachments { sha256 } }
    timeline { type actorRole fromStatus toStatus fromAgency { id } toAgency { id } note }`;

  it('walks a road complaint from submission to a reopened, re-completed report', async () => {
    // 1. A citizen submits, about a regency road through Muara Wis.
    const submit = await ok(
      `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id trackingId status } } }`,
      {
        input: {
          title: 'Jalan Muara Wis–Melintang rusak berat',
          body: 'Badan jalan berlubang dalam sepanjang dua kilometer, kendaraan roda empat tidak bisa lewat saat hujan.',
          topic: 'JALAN',
          classification: 'PENGADUAN',
          regionCode: '64.02.18.2003',
          roadId: 'kukar-r006',
          reporter: { name: 'Warga Melintang', phone: '0812-3456-7890' },
          idempotencyKey: `walk-${kind}-road-1`,
        },
      },
    );
    const { id, trackingId } = submit.submitReport.report;

    // The routing suggestion is the owner of the road; the admin nevertheless routes it to the district office.
    const suggested = await ok('query($id: ID!) { report(id: $id) { suggestedAgency { id } routingReasons } }', { id }, 'admin');
    expect(suggested.report.suggestedAgency.id).toBe('kukar-pupr');
    expect(suggested.report.routingReasons.join(' ')).toMatch(/KABUPATEN/);

    const disposition = await ok(
      `mutation($id: ID!) { dispositionReport(input: { reportId: $id, agencyId: "kukar-kec-640218", note: "Diteruskan ke kecamatan" }) {
        report { ${REPORT_FIELDS} } } }`,
      { id },
      'admin',
    );
    let r = disposition.dispositionReport.report;
    expect(r.status).toBe('DISPOSITIONED');
    const cal = calendarFromEnv({});
    expect(r.verificationDueAt).toBe(cal.dueAfter(new Date(r.submittedAt), 3).toISOString());
    expect(r.responseDueAt).toBe(cal.dueAfter(new Date(r.dispositionedAt), 5).toISOString());
    expect(r.completionDueAt).toBe(cal.dueAfter(new Date(r.dispositionedAt), 14).toISOString());
    expect(new Date(r.completionDueAt).getTime() - new Date(r.dispositionedAt).getTime()).toBeGreaterThanOrEqual(14 * 86400000);

    // 2. A liaison of another agency may not act; the district office forwards it (bukan wewenang).
    const wrongActor = await gql(
      'mutation($id: ID!) { respondToReport(input: { reportId: $id, body: "Bukan urusan kami sama sekali." }) { report { id } } }',
      { id },
      'pupr',
    );
    expect(errorCode(wrongActor)).toBe('FORBIDDEN');
    const forward = await ok(
      `mutation($id: ID!) { forwardReport(input: { reportId: $id, toAgencyId: "kukar-pupr", reason: "Jalan kabupaten: kewenangan Dinas PUPR Kukar" }) {
        report { status forwardCount agency { id } } } }`,
      { id },
      'kecamatan',
    );
    expect(forward.forwardReport.report).toEqual({ status: 'DISPOSITIONED', forwardCount: 1, agency: { id: 'kukar-pupr' } });

    // 3. PUPR answers with photo evidence uploaded through the gateway.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'perbaikan.png');
    const upload = await fetch(`${stack.origin}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.pupr}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const attachment: any = await upload.json();
    const respond = await ok(
      `mutation($id: ID!, $att: [ID!]) { respondToReport(input: { reportId: $id, body: "Perbaikan dijadwalkan minggu depan; foto survei terlampir.", attachmentIds: $att }) {
        report { status firstResponseAt responses { attachments { sha256 } } } } }`,
      { id, att: [attachment.id] },
      'pupr',
    );
    expect(respond.respondToReport.report.status).toBe('IN_PROGRESS');
    expect(respond.respondToReport.report.responses[0].attachments[0].sha256).toBe(attachment.sha256);
    const download = await fetch(`${stack.origin}${attachment.url}`, { headers: { authorization: `Bearer ${tokens.pupr}` } });
    // images are re-encoded without metadata on upload: what comes back is the stored PNG, byte for byte
    const downloaded = Buffer.from(await download.arrayBuffer());
    expect(downloaded.subarray(0, 8)).toEqual(png.subarray(0, 8));
    expect(downloaded.length).toBe(attachment.size);
    expect(createHash('sha256').update(downloaded).digest('hex')).toBe(attachment.sha256);

    // 4. The ombudsman classifies; leadership may not.
    expect(
      errorCode(await gql('mutation($id: ID!) { classifyReport(input: { reportId: $id, maladministrationType: BERPIHAK }) { report { id } } }', { id }, 'leadership')),
    ).toBe('FORBIDDEN');
    await ok(
      'mutation($id: ID!) { classifyReport(input: { reportId: $id, maladministrationType: PENUNDAAN_BERLARUT }) { report { maladministrationType } } }',
      { id },
      'ombudsman',
    );

    // 5. Completed, rated 2 and reopened by the reporter with the tracking ID, then completed again.
    await ok('mutation($id: ID!) { completeReport(input: { reportId: $id, note: "Jalan telah ditambal." }) { report { status } } }', { id }, 'pupr');
    await ok('mutation($t: String!) { rateReport(input: { trackingId: $t, rating: 2, comment: "Hanya ditambal sebagian" }) { report { rating } } }', {
      t: trackingId,
    });
    const reopened = await ok(
      'mutation($t: String!) { reopenReport(input: { trackingId: $t, reason: "Lubang muncul lagi setelah hujan" }) { report { status completedAt } } }',
      { t: trackingId },
    );
    expect(reopened.reopenReport.report).toEqual({ status: 'IN_PROGRESS', completedAt: null });
    await ok('mutation($id: ID!) { completeReport(input: { reportId: $id, note: "Jalan diaspal ulang." }) { report { status } } }', { id }, 'pupr');

    // The reporter sees the whole history, in order, with actors and notes.
    const mine = await ok(`query($t: String!) { reportByTrackingId(trackingId: $t) { ${REPORT_FIELDS} } }`, { t: trackingId });
    r = mine.reportByTrackingId;
    expect(r.status).toBe('COMPLETED');
    expect(r.reporter).toEqual({ name: 'Warga Melintang' });
    expect(r.timeline.map((e: any) => [e.type, e.actorRole, e.toStatus])).toEqual([
      ['ReportSubmitted', 'REPORTER', 'SUBMITTED'],
      ['ReportDispositioned', 'ADMIN', 'DISPOSITIONED'],
      ['ReportForwarded', 'LIAISON', 'DISPOSITIONED'],
      ['ReportResponded', 'LIAISON', 'IN_PROGRESS'],
      ['ReportClassified', 'OMBUDSMAN', 'IN_PROGRESS'],
      ['ReportCompleted', 'LIAISON', 'COMPLETED'],
      ['ReportRated', 'REPORTER', 'COMPLETED'],
      ['ReportReopened', 'REPORTER', 'IN_PROGRESS'],
      ['ReportCompleted', 'LIAISON', 'COMPLETED'],
    ]);
    const hop = r.timeline[2];
    expect([hop.fromAgency.id, hop.toAgency.id, hop.note]).toEqual(['kukar-kec-640218', 'kukar-pupr', 'Jalan kabupaten: kewenangan Dinas PUPR Kukar']);

    // Analytics sees the final state: the agency that owns the road has the completed, forwarded report.
    // (as leadership: one report is below the public's small-cell threshold, so the public sees it withheld)
    const perfQuery = '{ agency(id: "kukar-pupr") { name performance { reportCount completionRate forwardingRate } } }';
    const perf = await eventually(
      () => gql(perfQuery, undefined, 'leadership'),
      (res) => res.data?.agency?.performance?.completionRate === 1,
    );
    expect(perf.data.agency.performance).toEqual({ reportCount: 1, completionRate: 1, forwardingRate: 1 });
    expect((await gql(perfQuery)).data.agency.performance).toEqual({ reportCount: null, completionRate: null, forwardingRate: null });
  });

  it('holds a report for detail, then dispositions it; archives another with a reason', async () => {
    const submit = (title: string) =>
      ok(`mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id } } }`, {
        input: {
          title,
          body: 'Pengurusan KTP elektronik di kecamatan sudah tiga bulan belum selesai tanpa kejelasan.',
          topic: 'KEPENDUDUKAN',
          regionCode: '64.02.18',
        },
      });
    const held = (await submit('KTP belum jadi')).submitReport.report.id;
    const hold = await ok(
      'mutation($id: ID!) { holdReport(input: { reportId: $id, note: "Mohon lampirkan nomor registrasi." }) { report { status } } }',
      { id: held },
      'admin',
    );
    expect(hold.holdReport.report.status).toBe('ON_HOLD');
    const resumed = await ok('mutation($id: ID!) { dispositionReport(input: { reportId: $id }) { report { status agency { id } } } }', { id: held }, 'admin');
    expect(resumed.dispositionReport.report).toEqual({ status: 'DISPOSITIONED', agency: { id: 'kukar-disdukcapil' } });

    const spam = (await submit('Laporan ganda')).submitReport.report.id;
    expect(errorCode(await gql('mutation($id: ID!) { archiveReport(input: { reportId: $id, reason: "x" }) { report { status } } }', { id: spam }, 'admin'))).toBe(
      'BAD_USER_INPUT',
    );
    const archived = await ok(
      'mutation($id: ID!) { archiveReport(input: { reportId: $id, reason: "Duplikat laporan sebelumnya" }) { report { status } } }',
      { id: spam },
      'admin',
    );
    expect(archived.archiveReport.report.status).toBe('ARCHIVED');
    // An archived report is final: no further transition.
    expect(errorCode(await gql('mutation($id: ID!) { dispositionReport(input: { reportId: $id }) { report { status } } }', { id: spam }, 'admin'))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('hides what the privacy flags protect, through the gateway as well', async () => {
    const res = await ok(`mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id trackingId } } }`, {
      input: {
        title: 'Pungutan liar di puskesmas',
        body: 'Petugas meminta uang tambahan untuk surat rujukan yang seharusnya gratis bagi peserta BPJS.',
        topic: 'KESEHATAN',
        regionCode: '64.02.18.2004',
        anonymous: true,
        confidential: true,
        reporter: { name: 'Pelapor Rahasia', email: 'pelapor@example.id' },
      },
    });
    const { id, trackingId } = res.submitReport.report;
    await ok('mutation($id: ID!) { dispositionReport(input: { reportId: $id }) { report { status } } }', { id }, 'admin');
    const q = `query($id: ID!) { report(id: $id) { title body reporter { name email } } }`;
    expect((await ok(q, { id }, 'admin')).report.reporter).toEqual({ name: 'Pelapor Rahasia', email: 'pelapor@example.id' });
    const leadership = (await gql(q, { id }, 'leadership')).data?.report;
    expect(leadership === null || (leadership.body === null && leadership.reporter === null)).toBe(true);
    const publicView = await gql('query($t: String!) { reportByTrackingId(trackingId: $t) { title body reporter { name } } }', { t: trackingId });
    expect(publicView.data.reportByTrackingId).toEqual({ title: 'Pungutan liar di puskesmas', body: expect.any(String), reporter: { name: 'Pelapor Rahasia' } });
    const list = await ok('{ reports(search: "Pungutan", first: 5) { edges { node { title reporter { name } } } } }', {}, 'leadership');
    expect(list.reports.edges.every((e: any) => e.node.reporter === null)).toBe(true);
  });
});
