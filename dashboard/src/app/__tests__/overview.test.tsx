import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/renderApp';
import { analyticsDown, analyticsHandlers, registryHandlers } from '../../test/fixtures';

beforeEach(() => window.localStorage.clear());

const panel = async (name: string | RegExp) => (await screen.findByRole('heading', { name, level: 2 })).closest('section') as HTMLElement;

describe('overview', () => {
  test('KPI cards: like-with-like change for volume only, basis on focus, definitions one click away, overdue now vs of the period', async () => {
    await renderApp('/', { ...registryHandlers, ...analyticsHandlers });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ikhtisar' })).toBeTruthy();
    const volume = await screen.findByRole('group', { name: /^Laporan masuk: 120\./ });
    expect(volume.textContent).toContain('+20% dibanding periode sebelumnya');
    // the basis: whole days of equal length, described by a tooltip on the focusable change line
    const basis = within(volume).getByText(/dibanding periode sebelumnya/).closest('[tabindex]') as HTMLElement;
    const tip = document.getElementById(basis.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toMatch(/panjang sama, 364 hari penuh/);
    expect(tip.textContent).toContain('Hari ini belum selesai');
    // age-dependent figures are not compared, and say why
    const completion = screen.getByRole('group', { name: /^Tingkat penyelesaian: 62,5%/ });
    expect(completion.textContent).toContain('Tidak ada perbandingan');
    expect(completion.textContent).toContain('bergantung pada umur laporan');
    // two named overdue figures
    expect(screen.getByRole('group', { name: /^Terlambat saat ini: 25\./ })).toBeTruthy();
    expect(screen.getByRole('group', { name: /^Terlambat dari laporan periode ini: 6\./ })).toBeTruthy();
    // definition one click away
    const toggle = within(completion).getByRole('button', { name: 'Definisi Tingkat penyelesaian' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const def = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(def.hidden).toBe(false);
    expect(def.textContent).toContain('Laporan selesai ÷ laporan yang sudah didisposisikan');
  });

  test('all time: no previous period, no comparison queried', async () => {
    const { callsTo } = await renderApp('/?period=all', { ...registryHandlers, ...analyticsHandlers });
    const volume = await screen.findByRole('group', { name: /^Laporan masuk: 120\./ });
    expect(volume.textContent).toContain('Tidak ada perbandingan');
    expect(volume.textContent).toContain('Semua waktu');
    const v = callsTo('OverviewKpis')[0].variables;
    expect(v.compare).toBe(false);
    expect(v.filter.from).toBeUndefined();
  });

  test('no comparison when the previous period starts before the first report', async () => {
    await renderApp('/?period=30d', {
      ...registryHandlers,
      ...analyticsHandlers,
      OverviewKpis: (v, op) => ({ ...(analyticsHandlers.OverviewKpis(v, op) as object), before: { volume: 0, suppressed: false } }),
    });
    const volume = await screen.findByRole('group', { name: /^Laporan masuk: 120\./ });
    expect(volume.textContent).toContain('Tidak ada perbandingan');
    expect(volume.textContent).toContain('dimulai sebelum laporan pertama');
  });

  test('counts by topic (issue 2): ranked, labelled from `topics`, zero topics left out, drill-down links', async () => {
    await renderApp('/?period=30d&region=64.02', { ...registryHandlers, ...analyticsHandlers });
    const topics = await panel('Jumlah laporan per topik');
    const figure = await within(topics).findByRole('figure');
    expect(figure.getAttribute('aria-label')).toBe('Jumlah laporan per topik: Jalan 75, Kesehatan 20');
    const table = within(topics).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Jalan75', 'Kesehatan20']);
    const link = within(rows[0]).getByRole('link', { name: 'Jalan' });
    expect(link.getAttribute('href')).toBe('/reports?period=30d&region=64.02&topic=JALAN');
  });

  test('queries carry the URL filters as AnalyticsFilter, with whole-day comparison windows and the scope "now"', async () => {
    const { callsTo } = await renderApp('/?period=30d&region=64.02.18&topic=JALAN&agency=kukar-pupr', { ...registryHandlers, ...analyticsHandlers });
    await screen.findByRole('group', { name: /^Laporan masuk/ });
    const { filter, previous, cmpCurrent, now, before, compare } = callsTo('OverviewKpis')[0].variables;
    expect(filter).toMatchObject({ regionCode: '64.02.18', topic: 'JALAN', agencyId: 'kukar-pupr' });
    expect(now).toEqual({ regionCode: '64.02.18', topic: 'JALAN', agencyId: 'kukar-pupr' });
    expect(compare).toBe(true);
    const days = (f: { from: string; to: string }) => (Date.parse(f.to) - Date.parse(f.from)) / 86_400_000;
    expect(Math.round(days(filter))).toBe(30);
    expect(cmpCurrent.from).toBe(filter.from);
    expect(Math.round(days(cmpCurrent))).toBe(29);
    expect(previous.to).toBe(filter.from);
    expect(Math.round(days(previous))).toBe(29);
    expect(before).toEqual({ regionCode: '64.02.18', topic: 'JALAN', agencyId: 'kukar-pupr', to: previous.from });
    // midnights of Asia/Makassar (UTC+8)
    expect(filter.from).toMatch(/T16:00:00\.000Z$/);
    expect(callsTo('ReportTrend')[0].variables.interval).toBe('DAY');
  });

  test('an analytics outage is explained on each analytics panel; the filters (registry) still work', async () => {
    await renderApp('/', { ...registryHandlers, ...analyticsDown });
    const kpis = await panel('Indikator utama');
    await waitFor(() => expect(kpis.getAttribute('data-state')).toBe('error'));
    expect(kpis.textContent).toContain('Layanan analitik sedang tidak tersedia');
    const topics = await panel('Jumlah laporan per topik');
    await waitFor(() => expect(topics.textContent).toContain('Layanan analitik sedang tidak tersedia'));
    // the registry answers: topics and provinces are listed in the filter bar
    expect(await screen.findByRole('option', { name: 'Jalan' })).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Kalimantan Timur' })).toBeTruthy();
  });

  test('retry asks the network again and recovers', async () => {
    let up = false;
    const { callsTo } = await renderApp('/', {
      ...registryHandlers,
      ...analyticsHandlers,
      OverviewKpis: (v, op) => (up ? analyticsHandlers.OverviewKpis(v, op) : analyticsDown.OverviewKpis(v, op)),
    });
    const kpis = await panel('Indikator utama');
    await waitFor(() => expect(kpis.getAttribute('data-state')).toBe('error'));
    up = true;
    await act(async () => fireEvent.click(within(kpis).getByRole('button', { name: 'Coba lagi' })));
    await within(kpis).findByRole('group', { name: /^Laporan masuk: 120/ });
    expect(callsTo('OverviewKpis').length).toBeGreaterThanOrEqual(2);
  });

  test('empty period shows an empty state, not zeros pretending to be a chart', async () => {
    await renderApp('/', {
      ...registryHandlers,
      ...analyticsHandlers,
      OverviewBreakdown: () => ({ analyticsOverview: { byTopic: [], byStatus: [] } }),
    });
    const topics = await panel('Jumlah laporan per topik');
    await waitFor(() => expect(topics.getAttribute('data-state')).toBe('empty'));
    expect(topics.textContent).toContain('Belum ada data untuk filter ini.');
  });
});

describe('language', () => {
  test('switching to English rewrites the URL and every label; a shared ?lang=en opens in English', async () => {
    const { currentUrl } = await renderApp('/maladministration?period=90d', { ...registryHandlers, ...analyticsHandlers });
    const ranked = await panel('Jenis maladministrasi (peringkat)');
    await within(ranked).findByRole('link', { name: /Penundaan berlarut/ });
    fireEvent.click(screen.getByTestId('lang-switch'));
    await screen.findByRole('heading', { level: 1, name: 'Maladministration' });
    expect(currentUrl()).toBe('/maladministration?period=90d&lang=en');
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    const rankedEn = await panel('Maladministration types (ranked)');
    expect(await within(rankedEn).findByRole('link', { name: /Undue delay/ })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  test('English from the URL, numbers in en-GB', async () => {
    await renderApp('/?lang=en', { ...registryHandlers, ...analyticsHandlers });
    expect(await screen.findByRole('group', { name: /^Completion rate: 62.5%/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Overview' }).getAttribute('href')).toBe('/?lang=en');
  });
});
