import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, testSession } from '../../test/renderApp';
import { AGENCIES, analyticsDown, analyticsHandlers, PERFORMANCE, REPORT, registryHandlers, reportsPage } from '../../test/fixtures';
import { gqlError } from '../../test/urqlTestClient';

beforeEach(() => window.localStorage.clear());

const panel = async (name: string | RegExp) => (await screen.findByRole('heading', { name, level: 2 })).closest('section') as HTMLElement;
const all = { ...registryHandlers, ...analyticsHandlers };

describe('maladministration', () => {
  test('ten types ranked with shares of the classified, unclassified apart as a backlog, each opening its report list', async () => {
    await renderApp('/maladministration?period=90d&region=64.02', all);
    const ranked = await panel('Jenis maladministrasi (peringkat)');
    const table = within(ranked).getAllByRole('table').find((t) => !t.closest('.chart-table'))!;
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['1Penundaan berlarut4072,7%', '2Permintaan imbalan1018,2%', '3Diskriminasi59,1%']);
    const apart = within(ranked).getByTestId('unclassified-apart');
    expect(apart.textContent).toContain('Belum diklasifikasi (di luar sepuluh jenis): 45 (45% dari semua laporan)');
    expect(within(table).getByRole('link', { name: /Penundaan berlarut/ }).getAttribute('href')).toBe(
      '/reports?period=90d&region=64.02&type=PENUNDAAN_BERLARUT',
    );
    expect(within(apart).getByRole('link').getAttribute('href')).toBe('/reports?period=90d&region=64.02&type=UNCLASSIFIED');
    expect(within(ranked).getByText('Total laporan: 100')).toBeTruthy();
  });

  test('trend per type: one maladministrationTrend field, one breakdown per period of the trend interval', async () => {
    const { callsTo } = await renderApp('/maladministration?period=custom&from=2026-01-01&to=2026-03-31', all);
    const trend = await panel('Tren per jenis');
    await waitFor(() => expect(trend.getAttribute('data-state')).toBe('ready'));
    const vars = callsTo('MaladministrationTrend')[0].variables;
    // the page's own period (days of the deployment's zone: 1 January 00:00 WITA is 31 December 16:00 UTC), weeks for 90 days
    expect(vars).toMatchObject({ interval: 'WEEK', filter: { from: '2025-12-31T16:00:00.000Z' } });
    expect(trend.querySelector('figure')!.getAttribute('aria-label')).toBe('Tren per jenis: Penundaan berlarut 6');
  });
});

describe('per-agency breakdowns', () => {
  test('maladministration per agency: one request for the agencies and their breakdowns, worst backlog first', async () => {
    const { callsTo } = await renderApp('/maladministration?period=90d', all);
    const byAgency = await panel('Rincian per instansi');
    await waitFor(() => expect(byAgency.getAttribute('data-state')).toBe('ready'));
    expect(callsTo('AgencyMaladministration').length).toBeGreaterThan(0);
    expect(callsTo('AgencyMaladministration')[0].variables).toMatchObject({ first: 25 });
    expect(callsTo('AgencyLeaderboard')).toHaveLength(0);
    const rows = within(byAgency).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(AGENCIES.length);
    expect(rows[0].textContent).toContain(AGENCIES[0].name);
  });

  test('first response per agency: one request', async () => {
    const { callsTo } = await renderApp('/response-times?period=90d', all);
    const byAgency = await panel('p50/p90 respons pertama per instansi');
    await waitFor(() => expect(byAgency.getAttribute('data-state')).toBe('ready'));
    expect(callsTo('AgencyFirstResponse').length).toBeGreaterThan(0);
    expect(within(byAgency).getByRole('table').textContent).toContain(AGENCIES[0].name);
  });
});

describe('reports explorer (staff)', () => {
  test('asks to sign in first', async () => {
    await renderApp('/reports?type=PENUNDAAN_BERLARUT', all);
    expect(await screen.findByText('Halaman ini khusus staf. Silakan masuk terlebih dahulu.')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Masuk' }).some((a) => a.getAttribute('href') === '/sign-in?next=%2Freports%3Ftype%3DPENUNDAAN_BERLARUT')).toBe(true);
  });

  test('the drill-down URL becomes the report filter; search, status and sort update the URL', async () => {
    const { callsTo, currentUrl } = await renderApp('/reports?period=30d&type=UNCLASSIFIED&region=64.02', { ...all, ReportList: () => reportsPage() }, { session: testSession() });
    const list = await panel('1 laporan');
    const row = within(list).getAllByRole('row')[1];
    expect(within(row).getByRole('link', { name: 'KK7Q-M2XP-4' }).getAttribute('href')).toBe('/reports/rep-1?period=30d&region=64.02');
    expect(row.textContent).toContain('Terdisposisi');
    expect(row.textContent).toContain('Melewati tenggat');
    expect(row.textContent).toContain('Penundaan berlarut');
    expect(callsTo('ReportList')[0].variables).toMatchObject({ filter: { unclassified: true, regionCode: '64.02' }, orderBy: 'SUBMITTED_AT_DESC', first: 25, after: null });

    fireEvent.change(screen.getByLabelText('Pencarian teks'), { target: { value: 'jalan rusak' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cari' }));
    expect(currentUrl()).toBe('/reports?period=30d&type=UNCLASSIFIED&region=64.02&q=jalan+rusak');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sedang diproses' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Belum terverifikasi' }));
    expect(new URL(currentUrl(), 'http://x').searchParams.get('status')).toBe('SUBMITTED,IN_PROGRESS');
    fireEvent.click(await screen.findByRole('button', { name: 'Urutkan menurut tanggal masuk' }));
    await waitFor(() => expect(callsTo('ReportList').at(-1)!.variables).toMatchObject({ search: 'jalan rusak', orderBy: 'SUBMITTED_AT_ASC', filter: { status: ['SUBMITTED', 'IN_PROGRESS'] } }));
  });

  test('paging follows the cursor and comes back', async () => {
    const { callsTo, currentUrl } = await renderApp(
      '/reports',
      { ...all, ReportList: (v) => (v.after ? reportsPage([{ ...REPORT, id: 'rep-2', trackingId: 'ZZZZ-2' }]) : reportsPage([REPORT], true, 'cursor-1')) },
      { session: testSession() },
    );
    await screen.findByRole('link', { name: 'KK7Q-M2XP-4' });
    fireEvent.click(screen.getByRole('button', { name: /Berikutnya/ }));
    await screen.findByRole('link', { name: 'ZZZZ-2' });
    expect(currentUrl()).toBe('/reports?after=cursor-1');
    expect(callsTo('ReportList').at(-1)!.variables.after).toBe('cursor-1');
    expect(screen.getByText('Halaman 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Sebelumnya/ }));
    await screen.findByRole('link', { name: 'KK7Q-M2XP-4' });
    expect(currentUrl()).toBe('/reports');
  });

  test('a reports outage is reported on the list; the filters keep working', async () => {
    await renderApp('/reports', { ...all, ReportList: () => gqlError('INTERNAL_SERVER_ERROR', 'reports is down') }, { session: testSession() });
    const list = await panel('Penjelajah laporan');
    await waitFor(() => expect(list.getAttribute('data-state')).toBe('error'));
    expect(list.textContent).toContain('Layanan yang menyediakan data ini sedang bermasalah.');
    expect(await screen.findByRole('option', { name: 'Kalimantan Timur' })).toBeTruthy();
  });
});

describe('report page', () => {
  const handlers = {
    ...all,
    ReportDetail: () => ({ report: REPORT }),
    ReportTimeline: () => ({
      report: {
        id: 'rep-1',
        timeline: [
          { id: 'e2', type: 'ReportDispositioned', at: '2026-03-03T02:00:00.000Z', actorRole: 'ADMIN', toStatus: 'DISPOSITIONED', note: 'Diteruskan ke DPUPR' },
          { id: 'e1', type: 'ReportSubmitted', at: '2026-03-02T01:00:00.000Z', actorRole: 'REPORTER', toStatus: 'SUBMITTED', note: null },
        ],
      },
    }),
    ReportResponses: () => ({
      report: {
        id: 'rep-1',
        responses: [
          {
            id: 'x1',
            body: 'Sedang kami tindak lanjuti.',
            createdAt: '2026-03-04T02:00:00.000Z',
            agency: { id: 'kukar-pupr', name: 'DPUPR Kukar' },
            attachments: [{ id: 'a1', filename: 'foto.jpg', contentType: 'image/jpeg', size: 20480, url: '/attachments/a1' }],
          },
        ],
        details: [
          {
            id: 'd1',
            body: 'Lokasinya 200 m setelah jembatan Muara Wis, sisi kiri.',
            createdAt: '2026-03-02T05:00:00.000Z',
            attachments: [{ id: 'a2', filename: 'peta.pdf', contentType: 'application/pdf', size: 10240, url: '/attachments/a2' }],
          },
        ],
        attachments: [],
      },
    }),
    ReportReporter: () => ({ report: { id: 'rep-1', reporter: null } }),
  };

  test('details, due dates, timeline in order, responses with evidence; hidden reporter explained', async () => {
    await renderApp('/reports/rep-1', handlers, { session: testSession({ role: 'LEADERSHIP' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Laporan KK7Q-M2XP-4' })).toBeTruthy();
    const details = await panel('Rincian laporan');
    expect(details.textContent).toContain('Jalan poros Muara Wis rusak berat');
    expect(details.textContent).toContain('Pengaduan');
    expect(details.textContent).toContain('Identitas pelapor tidak ditampilkan');
    const timeline = await panel('Linimasa');
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(2));
    expect(within(timeline).getAllByRole('listitem').map((li) => li.querySelector('strong')!.textContent)).toEqual([
      'Laporan masuk',
      'Diverifikasi dan didisposisikan',
    ]);
    const responses = await panel('Tanggapan');
    expect(await within(responses).findByRole('button', { name: 'Unduh: foto.jpg' })).toBeTruthy();
    expect(responses.textContent).toContain('image/jpeg · 20 KB');
    expect(responses.textContent).toContain('DPUPR Kukar');
    expect(responses.textContent).toContain('Tidak ada lampiran.');
    // What the reporter added to the held report, with its file.
    expect(within(responses).getByRole('heading', { level: 3, name: 'Kelengkapan dari pelapor' })).toBeTruthy();
    expect(responses.textContent).toContain('Lokasinya 200 m setelah jembatan Muara Wis, sisi kiri.');
    expect(within(responses).getByRole('button', { name: 'Unduh: peta.pdf' })).toBeTruthy();
  });

  test('a timeline the server cannot give affects only its own panel', async () => {
    await renderApp('/reports/rep-1', { ...handlers, ReportTimeline: () => gqlError('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "at"') }, { session: testSession() });
    const timeline = await panel('Linimasa');
    await waitFor(() => expect(timeline.getAttribute('data-state')).toBe('error'));
    expect((await panel('Rincian laporan')).getAttribute('data-state')).toBe('ready');
  });
});

describe('sign-in', () => {
  test('signs in, keeps the token, and returns to where the user was', async () => {
    const token = (await import('../../test/renderApp')).testToken({ name: 'Asisten Ombudsman', role: 'OMBUDSMAN' });
    const { callsTo, currentUrl } = await renderApp('/sign-in?next=%2Freports&lang=en', { ...all, SignIn: () => ({ signIn: { token } }), ReportList: () => reportsPage() });
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: ' ombudsman@ombudsman.go.id ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pantau-demo-2026' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    await waitFor(() => expect(currentUrl()).toBe('/reports?lang=en'));
    expect(callsTo('SignIn')[0].variables).toEqual({ email: 'ombudsman@ombudsman.go.id', password: 'pantau-demo-2026' });
    expect(await screen.findByText('Signed in as Asisten Ombudsman (Ombudsman)')).toBeTruthy();
    expect(window.localStorage.getItem('pantau.session')).toBe(token);
  });

  test('a wrong password is explained in Indonesian by its code and reason, with focus on the message', async () => {
    await renderApp('/sign-in', { ...all, SignIn: () => gqlError('UNAUTHENTICATED', 'server text', null, { reason: 'WRONG_CREDENTIALS' }) });
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'admin@kukarkab.go.id' } });
    fireEvent.change(screen.getByLabelText('Kata sandi'), { target: { value: 'salah' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Masuk' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Gagal masuk: Email atau kata sandi salah.');
    expect(document.activeElement).toBe(alert);
  });

  test('the whole URL survives sign-in: list filters, search and sort come back', async () => {
    const { nextAfterSignIn } = await import('../SignInPage');
    const next = '/reports?period=90d&q=jalan&status=SUBMITTED,IN_PROGRESS&type=UNCLASSIFIED&sort=SUBMITTED_AT_ASC';
    expect(nextAfterSignIn(next, new URLSearchParams(`next=${encodeURIComponent(next)}&lang=en`))).toBe(`${next.replace(',', '%2C')}&lang=en`);
    expect(nextAfterSignIn('//evil.example', new URLSearchParams(''))).toBe('/');
    // the sign-in link carries the page's whole query
    await renderApp('/reports?period=90d&q=jalan&sort=SUBMITTED_AT_ASC', { ...all });
    const links = await screen.findAllByRole('link', { name: 'Masuk' });
    const href = links.map((a) => a.getAttribute('href')!).find((h) => h.includes('next='))!;
    expect(new URLSearchParams(href.split('?')[1]).get('next')).toBe('/reports?period=90d&q=jalan&sort=SUBMITTED_AT_ASC');
  });

  test('a liaison is told that lists cover their agency only, and can narrow the figures the same way', async () => {
    const { testSession } = await import('../../test/renderApp');
    const { currentUrl } = await renderApp('/', { ...all }, { session: testSession({ name: 'Sekretaris PUPR', role: 'LIAISON', agencyId: 'kukar-pupr' }) });
    const banner = await screen.findByTestId('scope-banner');
    await waitFor(() => expect(banner.textContent).toContain('Cakupan: hanya Dinas Pekerjaan Umum'));
    expect(banner.textContent).toContain('daftar laporan hanya memuat laporan instansi Anda');
    await act(async () => fireEvent.click(within(banner).getByRole('button')));
    await waitFor(() => expect(currentUrl()).toBe('/?agency=kukar-pupr'));
    expect((await screen.findByTestId('scope-banner')).textContent).toContain('hanya mencakup instansi Anda');
  });

  test('never redirects off-site after sign-in', async () => {
    const { safeNext } = await import('../SignInPage');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/reports/rep-1')).toBe('/reports/rep-1');
  });
});

describe('agencies and regions', () => {
  test('the registry keeps working while analytics is down', async () => {
    await renderApp('/agencies', { ...registryHandlers, ...analyticsDown });
    const list = await panel(/^Instansi$/);
    await within(list).findByRole('link', { name: AGENCIES[0].name });
    expect(list.textContent).toContain('2 instansi');
  });

  test('agency page: registry facts, performance for the period, reports for staff', async () => {
    const { callsTo } = await renderApp('/agencies/kukar-pupr?period=30d', { ...all, ReportList: () => reportsPage() }, { session: testSession() });
    expect(await screen.findByRole('heading', { level: 1, name: AGENCIES[0].name })).toBeTruthy();
    const perf = await panel('Kinerja');
    expect(await within(perf).findByRole('group', { name: /^Indeks transparansi: 77,5/ })).toBeTruthy();
    expect(callsTo('AgencyPerformance')[0].variables.filter.agencyId).toBe('kukar-pupr');
    const reports = await panel('Laporan instansi ini');
    await within(reports).findByRole('link', { name: 'KK7Q-M2XP-4' });
    expect(callsTo('ReportList')[0].variables.filter.agencyId).toBe('kukar-pupr');
  });

  test('region drill-down: breadcrumb, children with their statistics, links one level down', async () => {
    await renderApp('/regions/64.02', {
      ...all,
      RegionStats: () => ({
        region: {
          code: '64.02',
          reportStats: { reportCount: 50, open: 10, overdue: 2, completionRate: 0.6, transparencyIndex: 66 },
          children: { edges: [{ node: { code: '64.02.18', reportStats: { reportCount: 12, open: 3, overdue: 1, completionRate: 0.5, transparencyIndex: 61.5 } } }] },
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kutai Kartanegara' })).toBeTruthy();
    const crumbs = screen.getByRole('navigation', { name: 'Jejak wilayah' });
    expect(within(crumbs).getByRole('link', { name: 'Kalimantan Timur' }).getAttribute('href')).toBe('/regions/64');
    const children = await panel('Wilayah di bawahnya');
    const table = within(children).getAllByRole('table').find((t) => !t.closest('.chart-table'))!;
    await waitFor(() => expect(within(table).getByRole('link', { name: 'Muara Wis' }).closest('tr')!.textContent).toContain('61,5'));
    expect(within(table).getByRole('link', { name: 'Semboja' }).closest('tr')!.textContent).toContain('—');
    expect((await panel('Statistik laporan')).textContent).toContain('50');
  });
});

describe('transparency', () => {
  test('leaderboard honours the minimum-reports rule from the URL', async () => {
    const { callsTo, currentUrl } = await renderApp('/transparency?min=25', {
      ...all,
      TransparencyMetrics: () => ({
        transparencyMetrics: { responseRate: 0.9, firstResponseCompliance: 0.8, evidenceRate: 0.5, completionRate: 0.6, satisfaction: null, publicVisibility: 0.95, reopenRate: 0.02, forwardingRate: 0.1, meanHops: 1.25, index: 72.4 },
      }),
    });
    const board = await panel('Peringkat instansi');
    await within(board).findByRole('link', { name: AGENCIES[1].name });
    expect(board.textContent).toContain('Hanya instansi dengan sedikitnya 25 laporan dalam cakupan yang diperingkat.');
    expect(callsTo('AgencyLeaderboard')[0].variables).toMatchObject({ minReports: 25, orderBy: 'TRANSPARENCY_INDEX' });
    const min = within(board).getByLabelText('Minimal laporan');
    fireEvent.change(min, { target: { value: '5' } });
    fireEvent.keyDown(min, { key: 'Enter' });
    expect(currentUrl()).toBe('/transparency?min=5');
    const index = await panel('Indeks transparansi');
    expect(await within(index).findByRole('group', { name: 'Indeks transparansi: 72,4' })).toBeTruthy();
    expect(index.textContent).toContain('1,25');
    expect(PERFORMANCE.transparencyIndex).toBe(77.5);
  });
});

describe('overview trend: spikes with their cause', () => {
  test('a burst of near-identical reports (reportBursts, counts only) annotates its bucket', async () => {
    const { callsTo } = await renderApp('/?period=custom&from=2026-01-01&to=2026-03-31', {
      ...all,
      ReportTrend: () => ({
        reportTrend: ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09'].map((periodStart, i) => ({
          periodStart,
          submitted: i === 4 ? 230 : 40,
          completed: 10,
          suppressedBelow: null,
        })),
      }),
      ReportBursts: () => ({ reportBursts: [{ day: '2026-02-03', kind: 'SAME_TEXT', count: 190 }] }),
    });
    const trend = await panel('Tren volume laporan');
    await waitFor(() => expect(trend.textContent).toMatch(/190 laporan serupa dalam satu hari \(teks sama, /));
    // the same scope as the trend: the period's whole days in the deployment's zone
    expect(callsTo('ReportBursts')[0].variables).toMatchObject({ from: '2025-12-31T16:00:00.000Z' });
  });
});
