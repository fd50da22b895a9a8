import { errorCode, storeKinds } from '@pantau/testing';
import { reportInput, startRegistry, startReports, SUBMIT, tokens, type TestRegistry, type TestReports } from './helpers';

const DISPOSITION = `mutation($input: DispositionReportInput!) { dispositionReport(input: $input) { report { id version } } }`;
const FORWARD = `mutation($input: ForwardReportInput!) { forwardReport(input: $input) { report { id version agency { id } } } }`;
const RESPOND = `mutation($input: RespondToReportInput!) { respondToReport(input: $input) { report { id version } } }`;

let registry: TestRegistry;
let tok: Awaited<ReturnType<typeof tokens>>;
beforeAll(async () => {
  registry = await startRegistry();
  tok = await tokens();
});
afterAll(async () => {
  await registry?.close();
});

describe.each(storeKinds())('concurrency and idempotency on %s', (kind) => {
  let t: TestReports;
  beforeAll(async () => {
    t = await startReports(kind, registry.client);
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (sql: string, params: unknown[]) => Number((await t.server.ds.query(sql, params))[0].n);

  async function dispositioned(agencyId: string) {
    const sub = await t.gql(SUBMIT, { input: reportInput() });
    const id = sub.data.submitReport.report.id;
    const d = await t.gql(DISPOSITION, { input: { reportId: id, agencyId } }, tok.admin);
    expect(d.errors).toBeUndefined();
    return d.data.dispositionReport.report as { id: string; version: number };
  }

  it('50 concurrent conflicting actions on one report: one wins, the rest get CONFLICT, one consistent history', async () => {
    const r = await dispositioned('kukar-dinkes');
    const targets = ['kukar-pupr', 'kukar-disdikbud', 'kukar-dlhk', 'kukar-dinsos', 'kukar-dishub'];
    const calls = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? t.gql(FORWARD, { input: { reportId: r.id, expectedVersion: r.version, toAgencyId: targets[i % targets.length], reason: `Bukan wewenang kami (${i})` } }, i % 4 === 0 ? tok.liaisonDinkes : tok.admin)
        : t.gql(RESPOND, { input: { reportId: r.id, expectedVersion: r.version, body: `Tanggapan petugas nomor ${i} untuk laporan ini.` } }, tok.liaisonDinkes),
    );
    const results = await Promise.all(calls);
    const ok = results.filter((x) => !x.errors);
    const codes = results.filter((x) => x.errors).map(errorCode);
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(49).fill('CONFLICT'));

    const row = (await t.server.ds.query('SELECT version, status, agencyId, forwardCount, responseCount FROM report WHERE id = ?', [r.id]))[0];
    expect(Number(row.version)).toBe(r.version + 1);
    const winner = ok[0].data.forwardReport ?? ok[0].data.respondToReport;
    expect(winner.report.version).toBe(r.version + 1);
    expect(await count('SELECT COUNT(*) AS n FROM timeline_event WHERE reportId = ?', [r.id])).toBe(3);
    expect(await count('SELECT COUNT(*) AS n FROM outbox_event WHERE reportId = ?', [r.id])).toBe(3);
    expect(await count('SELECT COUNT(*) AS n FROM response WHERE reportId = ?', [r.id])).toBe(Number(row.responseCount));
    expect(Number(row.forwardCount) + Number(row.responseCount)).toBe(1);
  });

  it('50 concurrent actions without a version: each either applies on the latest state or conflicts; nothing lost or doubled', async () => {
    const r = await dispositioned('kukar-pupr');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.gql(RESPOND, { input: { reportId: r.id, body: `Tanggapan lanjutan nomor ${i} dari DPUPR.` } }, tok.liaisonPupr),
      ),
    );
    const ok = results.filter((x) => !x.errors).length;
    const codes = new Set(results.filter((x) => x.errors).map(errorCode));
    expect([...codes].every((c) => c === 'CONFLICT')).toBe(true);
    expect(ok).toBeGreaterThanOrEqual(1);
    const row = (await t.server.ds.query('SELECT version, responseCount FROM report WHERE id = ?', [r.id]))[0];
    expect(Number(row.responseCount)).toBe(ok);
    expect(Number(row.version)).toBe(r.version + ok);
    expect(await count('SELECT COUNT(*) AS n FROM response WHERE reportId = ?', [r.id])).toBe(ok);
    expect(await count("SELECT COUNT(*) AS n FROM timeline_event WHERE reportId = ? AND type = 'ReportResponded'", [r.id])).toBe(ok);
    expect(await count("SELECT COUNT(*) AS n FROM outbox_event WHERE reportId = ? AND type = 'ReportResponded'", [r.id])).toBe(ok);
    // the outbox stays gapless and ordered
    const seqs = (await t.server.ds.query('SELECT seq FROM outbox_event ORDER BY seq')).map((x: any) => Number(x.seq));
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
  });

  it('retried submissions with one idempotency key create exactly one report (sequential and concurrent)', async () => {
    const input = reportInput({ idempotencyKey: `retry-${kind}-0001` });
    const first = await t.gql(SUBMIT, { input });
    expect(first.data.submitReport.created).toBe(true);
    const again = await t.gql(SUBMIT, { input });
    expect(again.data.submitReport).toMatchObject({ created: false, report: { id: first.data.submitReport.report.id, trackingId: first.data.submitReport.report.trackingId } });

    const burstInput = reportInput({ idempotencyKey: `burst-${kind}-0002`, anonymous: true });
    const burst = await Promise.all(Array.from({ length: 20 }, () => t.gql(SUBMIT, { input: burstInput })));
    expect(burst.filter((x) => x.errors)).toEqual([]);
    const ids = new Set(burst.map((x) => x.data.submitReport.report.id));
    expect(ids.size).toBe(1);
    expect(burst.filter((x) => x.data.submitReport.created)).toHaveLength(1);
    const [id] = [...ids];
    expect(await count('SELECT COUNT(*) AS n FROM report WHERE idempotencyKey = ?', [`burst-${kind}-0002`])).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM timeline_event WHERE reportId = ?', [id])).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM outbox_event WHERE reportId = ?', [id])).toBe(1);
  });

  it('refuses a reused idempotency key with different content', async () => {
    await t.gql(SUBMIT, { input: reportInput({ idempotencyKey: `reuse-${kind}-0003` }) });
    const other = await t.gql(SUBMIT, { input: reportInput({ idempotencyKey: `reuse-${kind}-0003`, title: 'Laporan yang sama sekali lain' }) });
    expect(errorCode(other)).toBe('CONFLICT');
  });
});
