import { ReportStatus } from '@pantau/common';
import { startRegistry, startReports, tokens, type TestRegistry, type TestReports } from './helpers';

/** Input lists with their own caps (class-validator ArrayMaxSize) below the generic PANTAU_MAX_LIST_INPUT. */
describe('input list caps on the reports subgraph', () => {
  let registry: TestRegistry;
  let reports: TestReports;
  let admin: string;

  beforeAll(async () => {
    registry = await startRegistry();
    reports = await startReports('sqlite', registry.client);
    admin = (await tokens()).admin;
  });
  afterAll(async () => {
    await reports?.close();
    await registry?.close();
  });

  const LIST = 'query($f: ReportFilter) { reports(filter: $f, first: 1) { totalCount } }';

  it('takes every status once, refuses more values than there are statuses as BAD_USER_INPUT', async () => {
    const all = Object.values(ReportStatus);
    const ok = await reports.gql(LIST, { f: { status: all } }, admin);
    expect(ok.errors).toBeUndefined();
    const r = await reports.gql(LIST, { f: { status: [...all, ReportStatus.SUBMITTED] } }, admin);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions).toMatchObject({ reason: 'TOO_MANY_ITEMS', field: 'status', max: all.length, found: all.length + 1 });
    expect(r.errors?.[0]?.message).toMatch(new RegExp(`at most ${all.length}\\b`));
  });

  it('refuses a 101-item list by the generic cap and 11 attachment ids by their own', async () => {
    const many = await reports.gql(LIST, { f: { status: Array.from({ length: 101 }, () => 'SUBMITTED') } }, admin);
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 100, found: 101 });
    const ids = Array.from({ length: 11 }, () => '3f1c2b9e-8d4a-4f6b-9c2d-1a2b3c4d5e6f');
    const submit = await reports.gql(
      'mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id } } }',
      { input: { title: 'Jalan berlubang di depan pasar', body: 'Jalan berlubang besar di depan pasar, berbahaya bagi pengendara motor.', topic: 'JALAN', classification: 'PENGADUAN', regionCode: '64.02.18', attachmentIds: ids } },
    );
    expect(submit.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(submit.errors?.[0]?.extensions).toMatchObject({ reason: 'TOO_MANY_ITEMS', field: 'attachmentIds', max: 10, found: 11 });
    expect(submit.errors?.[0]?.message).toMatch(/at most 10\b/);
  });
});
