import { csvField, fetchAllReports, reportsToCsv, toCsv } from '../csv';
import { makeTestClient } from '../../test/urqlTestClient';
import { REPORT } from '../../test/fixtures';
import { translate } from '../../i18n/I18n';

describe('CSV', () => {
  test('RFC 4180 quoting', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', null, 3]])).toBe('a,"b,c","say ""hi""","two\nlines",,3\r\n');
  });

  test('report text can never run as a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+62 812')).toBe("'+62 812");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  test('rows carry labels in the UI language plus the raw codes', () => {
    const csv = reportsToCsv([REPORT], { lang: 'id', t: (k) => translate('id', k), topicLabel: () => 'Jalan' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = csv.slice(1).trim().split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual(['Nomor pelacakan', 'Masuk', 'Judul', 'Topik', 'topic_code']);
    expect(row).toContain('KK7Q-M2XP-4');
    expect(row).toContain('Penundaan berlarut');
    expect(row).toContain('Terdisposisi');
    expect(row).toContain(',JALAN,');
  });
});

describe('fetching every page of the current query', () => {
  const pages = (total: number) => (vars: { first: number; after: string | null }) => {
    const start = vars.after ? Number(vars.after) : 0;
    const nodes = Array.from({ length: Math.min(vars.first, total - start) }, (_, i) => ({ ...REPORT, id: `r${start + i}`, trackingId: `T${start + i}` }));
    const end = start + nodes.length;
    return { reports: { totalCount: total, pageInfo: { hasNextPage: end < total, endCursor: String(end) }, edges: nodes.map((node) => ({ node })) } };
  };

  test('follows the cursors with the same filter, search and order', async () => {
    const { client, callsTo } = makeTestClient({ ReportList: pages(250) });
    const progress: number[] = [];
    const query = { filter: { topic: 'JALAN', overdue: true }, search: 'jalan', orderBy: 'SUBMITTED_AT_ASC' as const };
    const { rows, truncated } = await fetchAllReports(client, query, (n) => progress.push(n));
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 250 }, (_, i) => `r${i}`));
    expect(truncated).toBe(false);
    expect(progress).toEqual([100, 200, 250]);
    const calls = callsTo('ReportList');
    expect(calls.map((c) => c.variables.after)).toEqual([null, '100', '200']);
    for (const c of calls) expect(c.variables).toMatchObject({ ...query, first: 100 });
  });

  test('stops at the row limit and says so', async () => {
    const { client } = makeTestClient({ ReportList: pages(1000) });
    const { rows, truncated } = await fetchAllReports(client, { filter: {}, search: null, orderBy: 'SUBMITTED_AT_DESC' }, undefined, 300);
    expect(rows).toHaveLength(300);
    expect(truncated).toBe(true);
  });

  test('a server error fails the export', async () => {
    const { client } = makeTestClient({ ReportList: () => new Error('boom') });
    await expect(fetchAllReports(client, { filter: {}, search: null, orderBy: 'SUBMITTED_AT_DESC' })).rejects.toBeTruthy();
  });
});

test('report timestamps and the file name are in the deployment time zone (Asia/Makassar by default)', async () => {
  const { reportsToCsv, exportFilename } = await import('../csv');
  const row = { trackingId: 'LPR-1', submittedAt: '2026-11-30T16:30:00.000Z', completedAt: null } as never;
  const csv = reportsToCsv([row], { lang: 'id', t: (k: string) => k, topicLabel: (c: string) => c } as never);
  expect(csv).toContain('2026-12-01 00:30 +08:00');
  expect(exportFilename(new Date('2026-11-30T16:30:00.000Z'))).toBe('pantau-laporan-20261201-0030.csv');
});
