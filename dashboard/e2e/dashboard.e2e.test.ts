/**
 * End-to-end test of the dashboard in headless Debian Chromium (playwright-core, no downloaded
 * browser) against a running stack: the gateway serving the built dashboard and /graphql on one
 * origin, with demo data.
 *
 *   BASE_URL         stack to test (default http://127.0.0.1:4000)
 *   DEMO_EMAIL       demo admin (default admin@kukarkab.go.id)
 *   DEMO_PASSWORD    its password (default pantau-demo-2026)
 *   CHROMIUM_PATH    browser binary (default /usr/bin/chromium; `apt-get install chromium`)
 *   SCREENSHOT_DIR   where each page's screenshot goes (default dashboard/screenshots)
 *   REQUIRE_BROWSER  1 = fail instead of skipping when the stack or the browser is missing
 *
 * Flow: overview with data → sign in → change filters (and reopen the shared URL) → drill from the
 * maladministration chart into the report list and one report → switch language (and reopen the
 * shared URL) → every page's screenshot → playground runs a query → a citizen (own browser context,
 * not signed in) submits a report with a photo on Lapor and follows it on Lacak → the admin finds it
 * and dispositions it from the report page → the citizen sees the new status → (last) analytics down.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
const EMAIL = process.env.DEMO_EMAIL ?? 'admin@kukarkab.go.id';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'pantau-demo-2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve(process.env.SCREENSHOT_DIR ?? join(__dirname, '..', 'screenshots'));
const REQUIRED = process.env.REQUIRE_BROWSER === '1';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Synchronous probe (so the suite can be skipped at definition time): does BASE_URL answer? */
function stackAnswers(): boolean {
  const probe = spawnSync(
    process.execPath,
    ['-e', `fetch(${JSON.stringify(BASE_URL + '/')}, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 2), () => process.exit(1))`],
    { timeout: 6000 },
  );
  return probe.status === 0;
}

const browserPresent = existsSync(CHROMIUM);
const stackUp = stackAnswers();
const problem = !browserPresent ? `Chromium not found at ${CHROMIUM} (apt-get install chromium)` : !stackUp ? `${BASE_URL} does not answer` : null;
if (problem && !REQUIRED) {
  console.log(`[dashboard e2e] SKIPPED: ${problem}. Start the stack (npm start) or set BASE_URL; REQUIRE_BROWSER=1 makes this a failure.`);
}
const suite = problem && !REQUIRED ? describe.skip : describe;

jest.setTimeout(180_000);

suite('dashboard end to end (headless Chromium)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const shot = async (name: string) => {
    await page.waitForTimeout(300); // let charts finish their layout
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  /** Waits until a panel (by its heading) has left the loading state; returns its state. */
  const panelState = async (heading: RegExp | string) => {
    const panel = page.locator('section.panel').filter({ has: page.getByRole('heading', { name: heading }) }).first();
    await panel.waitFor();
    await page.waitForFunction((el) => el && el.getAttribute('data-state') !== 'loading', await panel.elementHandle(), { timeout: 30_000 });
    return panel.getAttribute('data-state');
  };

  beforeAll(async () => {
    if (problem) throw new Error(`REQUIRE_BROWSER=1 but ${problem}`);
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('overview draws the counts-by-topic chart from the gateway', async () => {
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('heading', { level: 1, name: 'Ikhtisar' }).waitFor();
    expect(await panelState('Jumlah laporan per topik')).toBe('ready');
    await page.locator('.panel-topics .recharts-bar-rectangle').first().waitFor();
    expect(await page.locator('.panel-topics .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await panelState('Indikator utama')).toBe('ready');
    await shot('01-overview');
  });

  test('signs in with the demo admin account', async () => {
    await page.getByRole('link', { name: 'Masuk' }).first().click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await shot('02-sign-in');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor({ timeout: 20_000 });
    expect(page.url()).not.toMatch(/sign-in/);
  });

  test('changes filters, and the shared URL reproduces them', async () => {
    await page.goto(`${BASE_URL}/`);
    await page.getByLabel('Periode', { exact: true }).selectOption('90d');
    await page.waitForURL(/period=90d/);
    await page.getByLabel('Provinsi').selectOption('64');
    await page.waitForURL(/region=64(&|$)/);
    await page.getByLabel('Kabupaten/kota').selectOption('64.02');
    await page.waitForURL(/region=64\.02/);
    expect(await panelState('Indikator utama')).toBe('ready');
    const shared = page.url();
    expect(shared).toContain('period=90d');

    const other = await context.newPage();
    await other.goto(shared);
    await expect(other.getByLabel('Periode', { exact: true }).inputValue()).resolves.toBe('90d');
    await other.getByLabel('Kabupaten/kota').waitFor();
    await expect(other.getByLabel('Kabupaten/kota').inputValue()).resolves.toBe('64.02');
    await other.close();
    await shot('03-overview-filtered');
  });

  test('drills from the maladministration chart to the report list and a report', async () => {
    await page.goto(`${BASE_URL}/maladministration`);
    expect(await panelState('Jenis maladministrasi (peringkat)')).toBe('ready');
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shot('04-maladministration');
    await page.locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect').first().click();
    await page.waitForURL(/\/reports\?.*type=/);
    const typeParam = new URL(page.url()).searchParams.get('type');
    expect(typeParam).toBeTruthy();
    await page.locator('table.reports-table tbody tr').first().waitFor({ timeout: 30_000 });
    await shot('05-reports-drilldown');

    // The same drill-down from a shared URL.
    const other = await context.newPage();
    await other.goto(page.url());
    await other.locator('table.reports-table tbody tr').first().waitFor({ timeout: 30_000 });
    await other.close();

    await page.locator('table.reports-table tbody tr a.mono').first().click();
    await page.waitForURL(/\/reports\/[^/?]+/);
    expect(await panelState('Rincian laporan')).toBe('ready');
    await panelState('Linimasa');
    await shot('06-report');
  });

  test('switches language to English, kept by the shared URL', async () => {
    await page.getByTestId('lang-switch').click();
    await page.waitForURL(/lang=en/);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Overview' }).waitFor();
    await page.getByRole('heading', { name: 'Report details' }).first().waitFor();
    await shot('07-report-en');

    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Overview' }).waitFor();
    await other.close();

    await page.goto(`${BASE_URL}/?lang=en`);
    expect(await panelState('Reports by topic')).toBe('ready');
    await shot('08-overview-en');
    await page.getByTestId('lang-switch').click(); // back to Bahasa Indonesia
    await page.waitForURL((url) => !url.searchParams.has('lang'));
  });

  test('every page renders populated', async () => {
    const pages: [string, string, RegExp | string][] = [
      ['09-response-times', '/response-times', 'Kepatuhan SLA per tahap'],
      ['10-transparency', '/transparency', 'Peringkat instansi'],
      ['11-agencies', '/agencies', 'Instansi'],
      ['12-regions-kukar', '/regions/64.02', 'Wilayah di bawahnya'],
      ['13-reports', '/reports', /laporan$/],
    ];
    for (const [name, path, heading] of pages) {
      await page.goto(`${BASE_URL}${path}`);
      expect([name, await panelState(heading)]).toEqual([name, 'ready']);
      await shot(name);
    }
    // An agency page: the first agency of the registry.
    await page.goto(`${BASE_URL}/agencies`);
    await page.locator('table.data-table tbody th a').first().click();
    await page.waitForURL(/\/agencies\/[^/?]+/);
    expect(await panelState('Kinerja')).toBe('ready');
    await shot('14-agency');
  });

  test('opens the playground and runs a query', async () => {
    await page.goto(`${BASE_URL}/playground`);
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-query-editor .view-lines').first().waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(
      () => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('byTopic'),
      undefined,
      { timeout: 30_000 },
    );
    const response = await page.locator('.graphiql-response').innerText();
    expect(response).toContain('"data"');
    await shot('15-playground');
  });

  // ---------------------------------------------------------------- citizen pages and staff actions
  /** A unique word in the report's title so the admin's full-text search finds exactly this report. */
  const marker = `ujie2e${Date.now().toString(36)}`;
  const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  let citizen: BrowserContext;
  let cpage: Page;
  let trackingId = '';
  const citizenShot = async (name: string) => {
    await cpage.waitForTimeout(200);
    await cpage.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  const citizenPanelState = async (heading: RegExp | string) => {
    const panel = cpage.locator('section.panel').filter({ has: cpage.getByRole('heading', { name: heading }) }).first();
    await panel.waitFor();
    await cpage.waitForFunction((el) => el && el.getAttribute('data-state') !== 'loading', await panel.elementHandle(), { timeout: 30_000 });
    return panel.getAttribute('data-state');
  };

  test('a citizen submits a report with a photo on Lapor and gets a tracking ID', async () => {
    citizen = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    cpage = await citizen.newPage();
    cpage.on('pageerror', (e) => pageErrors.push(`citizen: ${e.message}`));
    await cpage.goto(`${BASE_URL}/`);
    await cpage.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Lapor', exact: true }).click();
    await cpage.getByRole('heading', { level: 1, name: 'Laporkan masalah pelayanan publik' }).waitFor();
    await cpage.getByLabel(/^Judul laporan/).fill(`Jalan berlubang di depan sekolah ${marker}`);
    await cpage.getByLabel(/^Uraian laporan/).fill('Lubang besar di jalan depan SD sejak awal bulan; dua pengendara motor sudah jatuh di sana.');
    await cpage.getByLabel(/^Topik/).selectOption('JALAN');
    await cpage.getByLabel('Provinsi').selectOption('64');
    await cpage.getByLabel('Kabupaten/kota').selectOption('64.02');
    await cpage.getByLabel('Kecamatan').locator('option').nth(1).waitFor({ state: 'attached' });
    await cpage.getByLabel('Kecamatan').selectOption({ index: 1 });
    await cpage.getByLabel('Desa/kelurahan').locator('option').nth(1).waitFor({ state: 'attached' });
    await cpage.getByLabel('Desa/kelurahan').selectOption({ index: 1 });
    // JALAN is an asset topic: the road picker lists the registry's roads for the region.
    await cpage.getByLabel(/^Ruas jalan/).waitFor();
    await cpage.getByLabel('Pilih berkas').setInputFiles({ name: 'lubang.png', mimeType: 'image/png', buffer: PNG_1x1 });
    await cpage.getByText('Terunggah').waitFor({ timeout: 20_000 });
    await cpage.getByLabel(/^Nama/).fill('Warga Uji');
    await cpage.getByLabel(/^Nomor ponsel/).fill('0812-3456-7890');
    await cpage.getByRole('checkbox', { name: /Rahasia/ }).check();
    await citizenShot('18-lapor');

    await cpage.getByRole('button', { name: 'Kirim laporan' }).dblclick();
    await cpage.getByRole('heading', { name: 'Laporan Anda sudah kami terima' }).waitFor({ timeout: 30_000 });
    trackingId = (await cpage.getByTestId('tracking-id').innerText()).trim();
    expect(trackingId).toMatch(/^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.$/);
    await expect(cpage.getByRole('note').innerText()).resolves.toContain('Simpan nomor ini sekarang.');
    expect(cpage.url()).not.toContain(trackingId);
    await citizenShot('19-lapor-success');
    // on a phone the ID breaks only at a hyphen: its last group and check character stay on one line
    await cpage.setViewportSize({ width: 390, height: 844 });
    expect(await cpage.getByTestId('tracking-id').locator('.nowrap').evaluate((el) => el.getClientRects().length)).toBe(1);
    expect((await cpage.getByTestId('tracking-id').locator('.nowrap').innerText()).slice(-1)).toBe(trackingId.slice(-1));
    await citizenShot('phone-lapor-success-id');
    await cpage.setViewportSize({ width: 1366, height: 900 });
  });

  test('the citizen follows the report on Lacak: status, timeline, own attachment', async () => {
    await cpage.getByRole('link', { name: 'Lacak laporan ini' }).click();
    await cpage.waitForURL(/\/lacak/);
    expect(await citizenPanelState('Status laporan')).toBe('ready');
    const status = cpage.locator('section.panel-tracked');
    await expect(status.innerText()).resolves.toContain('Belum terverifikasi');
    await expect(status.innerText()).resolves.toContain(marker);
    await cpage.getByRole('heading', { name: 'Linimasa' }).waitFor();
    await expect(cpage.locator('ol.timeline').innerText()).resolves.toContain('Laporan masuk');
    // The reporter's own file downloads with X-Tracking-Id.
    const [download] = await Promise.all([cpage.waitForEvent('download'), cpage.getByRole('button', { name: 'Unduh: lubang.png' }).click()]);
    expect(download.suggestedFilename()).toBe('lubang.png');
    expect(cpage.url()).not.toContain(trackingId);

    // Typed by hand (lower case, spaces) after forgetting it.
    await cpage.getByRole('button', { name: 'Lupakan nomor ini' }).click();
    await cpage.getByLabel(/^Nomor pelacakan/).fill(` ${trackingId.toLowerCase()} `);
    await cpage.getByRole('button', { name: 'Lacak', exact: true }).click();
    expect(await citizenPanelState('Status laporan')).toBe('ready');
    await citizenShot('20-lacak');
  });

  test('the signed-in admin finds the new report and dispositions it; the citizen sees the new status', async () => {
    await page.goto(`${BASE_URL}/reports?q=${marker}`);
    expect(await panelState(/laporan$/)).toBe('ready');
    const rows = page.locator('table.reports-table tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await rows.first().locator('a.mono').click();
    await page.waitForURL(/\/reports\/[^/?]+/);
    expect(await panelState('Tindakan')).toBe('ready');
    const actions = page.locator('section.panel-actions-staff');
    await actions.getByRole('button', { name: 'Verifikasi dan disposisi' }).click();
    const form = actions.getByRole('form', { name: 'Verifikasi dan disposisi' });
    await form.getByTestId('agency-chip').waitFor();
    await expect(form.getByRole('checkbox', { name: /Rahasia/ }).isDisabled()).resolves.toBe(true);
    await form.getByLabel('Maladministrasi').selectOption('PENUNDAAN_BERLARUT');
    await shot('21-report-actions');
    await form.getByRole('button', { name: 'Disposisikan' }).click();
    await actions.getByText('Laporan sudah didisposisikan.').waitFor({ timeout: 20_000 });
    await page.locator('.page-header .badge', { hasText: 'Terdisposisi' }).waitFor({ timeout: 20_000 });
    await page.locator('ol.timeline', { hasText: 'Diverifikasi dan didisposisikan' }).waitFor({ timeout: 20_000 });
    await shot('22-report-dispositioned');

    await cpage.reload();
    expect(await citizenPanelState('Status laporan')).toBe('ready');
    await cpage.locator('section.panel-tracked', { hasText: 'Terdisposisi' }).waitFor({ timeout: 20_000 });
    await citizen.close();
  });

  // ------------------------------------------------------------------ issue 12: honest figures, worst first, phone, paper, axe
  test('honest KPIs: like-with-like basis on focus, definitions one click away, overdue now vs of this period', async () => {
    await page.goto(`${BASE_URL}/?period=30d`);
    expect(await panelState('Indikator utama')).toBe('ready');
    const volume = page.getByTestId('kpi.volume');
    await volume.locator('.kpi-basis').focus();
    const tip = volume.locator('.kpi-tip');
    await expect(tip.isVisible()).resolves.toBe(true);
    const tipText = await tip.innerText();
    expect(tipText).toMatch(/Dasar perbandingan: (Dibandingkan .* panjang sama, 29 hari penuh|Periode pembanding .* sebelum laporan pertama)/);
    await page.getByTestId('kpi.completionRate').locator('.kpi-basis').hover();
    await expect(page.getByTestId('kpi.completionRate').locator('.kpi-tip').innerText()).resolves.toContain('bergantung pada umur laporan');
    await expect(page.getByTestId('kpi.overdueNow').innerText()).resolves.toContain('Terlambat saat ini');
    await expect(page.getByTestId('kpi.overduePeriod').innerText()).resolves.toContain('Terlambat dari laporan periode ini');
    const toggle = page.getByRole('button', { name: 'Definisi Tingkat penyelesaian' });
    await toggle.click();
    await expect(page.getByTestId('kpi.completionRate').locator('.kpi-def').innerText()).resolves.toContain('didisposisikan');
    await shot('23-kpi-basis-definition');
    // all time (chosen in the filter bar): no previous period
    await page.getByLabel('Periode', { exact: true }).selectOption('all');
    await page.waitForURL(/period=all/);
    await page.getByTestId('kpi.volume').waitFor({ timeout: 60_000 });
    expect(await panelState('Indikator utama')).toBe('ready');
    await expect(page.getByTestId('kpi.volume').innerText()).resolves.toContain('Tidak ada perbandingan');
  });

  test('trend: no future bucket, partial buckets marked, lag band; SLA target lines on response times', async () => {
    await page.goto(`${BASE_URL}/`);
    expect(await panelState('Tren volume laporan')).toBe('ready');
    const trend = page.locator('section.panel-trend');
    await trend.locator('.recharts-surface').first().waitFor();
    const labels = await trend.locator('.chart-table tbody th').allInnerTexts();
    const thisMonth = new Intl.DateTimeFormat('id-ID', { month: 'short', year: 'numeric', timeZone: 'Asia/Makassar' }).format(new Date());
    expect(labels[labels.length - 1]).toBe(`${thisMonth} ◐`);
    await expect(trend.locator('.chart-notes').innerText()).resolves.toContain('Area berarsir');
    expect(await trend.locator('.recharts-reference-area').count()).toBe(1);
    await page.goto(`${BASE_URL}/response-times`);
    expect(await panelState('Distribusi waktu')).toBe('ready');
    await page.locator('.sla-target-line').first().waitFor({ state: 'attached' });
    expect(await page.locator('.sla-target-line').count()).toBeGreaterThan(0);
    await expect(page.locator('.chart-notes').first().innerText()).resolves.toContain('Target SLA');
  });

  test('worst first: rankings both ways, top and bottom, unclassified apart', async () => {
    await page.goto(`${BASE_URL}/transparency?min=1`);
    expect(await panelState('Peringkat instansi')).toBe('ready');
    const firstIndex = async () => Number((await page.locator('section.panel').filter({ hasText: 'Peringkat instansi' }).locator('table.data-table tbody tr').first().locator('td').nth(2).innerText()).replace(',', '.'));
    const worst = await firstIndex();
    await page.getByRole('radio', { name: 'Terbaik dulu' }).check();
    await page.waitForURL(/dir=best/);
    const best = await firstIndex();
    expect(best).toBeGreaterThanOrEqual(worst);
    await shot('24-transparency-best-first');
    await page.goto(`${BASE_URL}/maladministration`);
    expect(await panelState('Jenis maladministrasi (peringkat)')).toBe('ready');
    await expect(page.getByTestId('unclassified-apart').innerText()).resolves.toContain('Belum diklasifikasi');
    expect(await panelState('Rincian per instansi')).toBe('ready');
    await expect(page.locator('section.panel', { hasText: 'Rincian per instansi' }).locator('thead').innerText()).resolves.toContain('Belum diklasifikasi');
  });

  test('scope and state: the URL survives sign-in; readable agency pages; numbers at every region level', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
    const p = await fresh.newPage();
    p.on('pageerror', (e) => pageErrors.push(`fresh: ${e.message}`));
    await p.goto(`${BASE_URL}/reports?q=jalan&status=SUBMITTED&sort=SUBMITTED_AT_ASC`);
    await p.getByText('Halaman ini khusus staf').waitFor();
    await p.locator('main').getByRole('link', { name: 'Masuk' }).click();
    await p.getByLabel('Email').fill(EMAIL);
    await p.getByLabel('Kata sandi').fill(PASSWORD);
    await p.getByRole('button', { name: 'Masuk' }).click();
    await p.waitForURL(/\/reports\?/);
    const url = new URL(p.url());
    expect([url.searchParams.get('q'), url.searchParams.get('status'), url.searchParams.get('sort')]).toEqual(['jalan', 'SUBMITTED', 'SUBMITTED_AT_ASC']);
    await fresh.close();

    await page.goto(`${BASE_URL}/agencies`);
    await page.locator('table.data-table tbody tr').first().waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/PUBLIC_WORKS|VILLAGE_GOVERNMENT/);
    await page.goto(`${BASE_URL}/agencies/kukar-pupr`);
    expect(await panelState('Kinerja')).toBe('ready');
    expect(await panelState('Maladministrasi')).toMatch(/ready|empty/);
    expect(await panelState('Kepatuhan SLA per tahap')).toBe('ready');
    expect(await page.locator('main').innerText()).not.toContain('PUBLIC_WORKS');
    await shot('25-agency-performance');
    await page.goto(`${BASE_URL}/regions`);
    const kaltim = page.getByTestId('province-table').locator('tr', { hasText: 'Kalimantan Timur' });
    await kaltim.waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="province-table"]')?.textContent?.includes('…'));
    expect(Number((await kaltim.locator('td').first().innerText()).replace(/\./g, ''))).toBeGreaterThan(0);
    await shot('26-regions-provinces');
  });

  test('monthly report prints to a PDF whose pages render', async () => {
    const month = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Asia/Makassar' }).format(new Date(Date.now() - 31 * 86_400_000)).slice(0, 7);
    await page.goto(`${BASE_URL}/laporan-bulanan?month=${month}`);
    expect(await panelState('Angka utama')).toBe('ready');
    await page.locator('.page-monthly .recharts-surface').first().waitFor();
    await page.waitForTimeout(500);
    await shot('27-monthly-report');
    const pdf = join(SHOTS, 'laporan-bulanan.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pdftoppm = spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(SHOTS, 'laporan-bulanan-page')]);
    expect(pdftoppm.status).toBe(0);
    const pngs = readdirSync(SHOTS).filter((f) => /^laporan-bulanan-page-\d+\.png$/.test(f));
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    expect(statSync(join(SHOTS, pngs[0])).size).toBeGreaterThan(10_000);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-']).stdout.toString();
    expect(text).toContain('Laporan bulanan');
    expect(text).toContain('Terlambat saat ini');
    expect(text).toContain('Definisi');
    expect(text).not.toContain('Salin tautan'); // no buttons on paper
  });

  const AXE_PAGES: [string, string][] = [
    ['overview', '/'],
    ['maladministration', '/maladministration'],
    ['response-times', '/response-times'],
    ['transparency', '/transparency'],
    ['agencies', '/agencies'],
    ['agency', '/agencies/kukar-pupr'],
    ['regions', '/regions'],
    ['regions-kukar', '/regions/64.02'],
    ['reports', '/reports'],
    ['monthly', '/laporan-bulanan'],
    ['lapor', '/lapor'],
    ['lacak', '/lacak'],
    ['sign-in', '/sign-in'],
  ];
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  /** Waits for every panel to leave "loading" and every chart of a ready panel to draw. */
  const settle = async (p: Page) => {
    await p.waitForFunction(
      () => {
        if (!document.querySelector('main h1')) return false;
        const panels = document.querySelectorAll('main section.panel');
        if (!panels.length) return performance.now() > 1500; // a form page
        if (document.querySelector('section.panel[data-state="loading"], .chart-loading')) return false;
        return [...document.querySelectorAll('section.panel[data-state="ready"] .chart-canvas')].every((c) => c.querySelector('.recharts-wrapper'));
      },
      undefined,
      { timeout: 45_000, polling: 250 },
    );
    await p.waitForTimeout(300);
  };

  test('phone (390 px): every chart draws, Lapor/Lacak one tap away; screenshots in both languages', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    p.on('pageerror', (e) => pageErrors.push(`phone: ${e.message}`));
    for (const lang of ['id', 'en'] as const) {
      for (const [name, path] of AXE_PAGES.slice(0, 8)) {
        await p.goto(`${BASE_URL}${path}${lang === 'en' ? '?lang=en' : ''}`);
        await settle(p);
        const empty = await p.evaluate(() =>
          [...document.querySelectorAll('section.panel[data-state="ready"] .chart-canvas')]
            .filter((c) => {
              // the drawing is the widest surface (legend icons are small surfaces of their own)
              const widths = [...c.querySelectorAll('svg.recharts-surface')].map((svg) => svg.getBoundingClientRect().width);
              return !widths.length || Math.max(...widths) < 200;
            })
            .map((c) => c.closest('section')?.querySelector('h2,h3')?.textContent ?? '?'),
        );
        expect([name, lang, empty]).toEqual([name, lang, []]);
        await p.screenshot({ path: join(SHOTS, `phone-${name}-${lang}.png`), fullPage: true });
      }
      const lapor = p.locator('.citizen-quick').getByRole('link', { name: lang === 'en' ? 'Report' : 'Lapor', exact: true });
      const box = await lapor.boundingBox();
      expect(box && box.y + box.height <= 844 && box.x + box.width <= 390).toBe(true);
    }
    // the first chart on the overview is near the top on a phone
    await p.goto(`${BASE_URL}/`);
    await p.locator('.recharts-surface').first().waitFor();
    const top = await p.locator('.recharts-surface').first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    console.log(`[dashboard e2e] phone: first chart at ${Math.round(top)} px from the top`);
    expect(top).toBeLessThan(760); // was ~1,000 px before issue 12
    await phone.close();
  });

  test('axe: no serious or critical violation on any page, both languages, desktop and phone', async () => {
    const found: string[] = [];
    let checked = 0;
    for (const [vw, vh, label] of [[1366, 900, 'desktop'], [390, 844, 'phone']] as const) {
      // axe is injected as an inline script, which the gateway's CSP (rightly) refuses: bypass it for this check only
      const ctx = await browser.newContext({ viewport: { width: vw, height: vh }, locale: 'id-ID', bypassCSP: true });
      const p = await ctx.newPage();
      for (const lang of ['id', 'en'] as const) {
        for (const [name, path] of AXE_PAGES) {
          await p.goto(`${BASE_URL}${path}${lang === 'en' ? '?lang=en' : ''}`);
          await settle(p).catch(() => undefined);
          await p.addScriptTag({ content: axeSource });
          const violations = await p.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
            const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
            if (!(r as unknown as { passes: unknown[] }).passes.length) return ['axe did not run'];
            return r.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
          });
          for (const v of violations) found.push(`${label} ${lang} ${name}: ${v}`);
          checked += 1;
        }
      }
      await ctx.close();
    }
    if (found.length) console.log(`[dashboard e2e] axe:\n${found.join('\n')}`);
    expect(checked).toBe(AXE_PAGES.length * 4);
    expect(found).toEqual([]);
  }, 600_000);

  test('no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });

  // Runs last: it stops the analytics process of the stack this suite started (global-setup.cjs).
  const analyticsPid = Number(process.env.PANTAU_E2E_ANALYTICS_PID ?? 0);
  (analyticsPid ? test : test.skip)('with analytics stopped, registry and report views work and analytics panels say so', async () => {
    process.kill(analyticsPid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await page.goto(`${BASE_URL}/`);
    expect(await panelState('Indikator utama')).toBe('error');
    await page.locator('section.panel[data-state="error"]').first().waitFor();
    await shot('16-analytics-down-overview');
    await page.goto(`${BASE_URL}/reports`);
    expect(await panelState(/laporan$/)).toBe('ready');
    await page.goto(`${BASE_URL}/regions/64.02`);
    expect(await panelState('Wilayah di bawahnya')).toBe('ready');
    await shot('17-analytics-down-regions');
  });
});
