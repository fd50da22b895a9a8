/**
 * Weight and speed of a first view, measured in headless Chromium on the real stack (reported, never
 * asserted as timings): for the overview (and a few other pages) in a fresh browser context (empty
 * cache), the bytes received over the wire (CDP encodedDataLength, headers included), how many of the
 * responses were compressed, and when the first chart drew (performance.now() when the first recharts
 * surface entered the DOM). Two profiles: desktop (no throttling) and a slow phone (390 × 844,
 * 1.6 Mbit/s down, 150 ms round trip, CPU 4× slower).
 *
 * The figures are printed and written to $PERF_OUT (default dashboard/screenshots/perf.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the shared CommonJS e2e launcher
const { startE2eStack } = require('./global-setup.cjs') as {
  startE2eStack(): Promise<{ origin: string; dataDir: string; stack: { stop(): Promise<void> } }>;
};

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = resolve(process.env.PERF_OUT ?? join(__dirname, '..', 'screenshots', 'perf.json'));
const REQUIRED = process.env.REQUIRE_BROWSER === '1';
/** PERF_RUNS=n measures every page and profile n times (the machine is shared: one run is noisy). */
const RUNS = Math.max(1, Number(process.env.PERF_RUNS ?? 1) || 1);
/** PERF_PATHS=/,/maladministration limits the pages measured. */
const PATHS = (process.env.PERF_PATHS ?? '/,/maladministration,/response-times').split(',').filter(Boolean);

function stackAnswers(): boolean {
  const probe = spawnSync(
    process.execPath,
    ['-e', `fetch(${JSON.stringify(BASE_URL + '/')}, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 2), () => process.exit(1))`],
    { timeout: 6000 },
  );
  return probe.status === 0;
}
const problem = !existsSync(CHROMIUM) ? `Chromium not found at ${CHROMIUM}` : !stackAnswers() ? `${BASE_URL} does not answer` : null;
if (problem && !REQUIRED) console.log(`[dashboard perf] SKIPPED: ${problem}.`);
const suite = problem && !REQUIRED ? describe.skip : describe;

jest.setTimeout(240_000);

interface Profile {
  name: 'desktop' | 'phone-slow';
  viewport: { width: number; height: number };
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  cpu?: number;
}
const PROFILES: Profile[] = [
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
  {
    name: 'phone-slow',
    viewport: { width: 390, height: 844 },
    network: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
    cpu: 4,
  },
];

/** One response of a first view: times in ms from the document request, as Chromium's network stack saw them. */
export interface WaterfallEntry {
  /** path of the URL, or `graphql:<operationName>` for an API request */
  what: string;
  type: string;
  /** request sent / first byte of the answer / last byte (ms after the document request) */
  start: number;
  firstByte: number | null;
  end: number | null;
  bytes: number;
  encoding: string;
}

export interface FirstView {
  profile: string;
  path: string;
  firstChartMs: number | null;
  /** first-contentful-paint (ms after navigation start) */
  fcpMs: number | null;
  bytes: number;
  requests: number;
  compressed: number;
  byType: Record<string, number>;
  waterfall: WaterfallEntry[];
}

/** One line per response: "  start–end ms  (ttfb)  kB  what". */
function formatWaterfall(w: WaterfallEntry[]): string {
  const ms = (n: number | null) => (n == null ? '   —' : String(Math.round(n)).padStart(5));
  return w
    .map((e) => `    ${ms(e.start)} ${ms(e.firstByte)} ${ms(e.end)} ms ${(e.bytes / 1024).toFixed(1).padStart(6)} kB ${(e.encoding || '-').padEnd(4)} ${e.what}`)
    .join('\n');
}

suite('first-view weight and first-chart time (reported, not asserted)', () => {
  let browser: Browser;
  const results: FirstView[] = [];
  // The shared stack's analytics is stopped on purpose by another e2e file; measured against a stack
  // with a subgraph down no chart would ever draw, so then this file starts a fresh stack of its own.
  let base = BASE_URL;
  let own: Awaited<ReturnType<typeof startE2eStack>> | null = null;

  beforeAll(async () => {
    if (problem) throw new Error(`REQUIRE_BROWSER=1 but ${problem}`);
    const ready = await fetch(`${BASE_URL}/ready`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
    if (!ready) {
      own = await startE2eStack();
      base = own.origin;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    if (own) {
      await own.stack.stop();
      rmSync(own.dataDir, { recursive: true, force: true });
    }
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, JSON.stringify({ at: new Date().toISOString(), baseUrl: base, results }, null, 2));
    console.log(
      '[dashboard perf]\n' +
        results
          .map(
            (r) =>
              `${r.profile.padEnd(10)} ${r.path.padEnd(16)} first chart ${r.firstChartMs == null ? '—' : `${Math.round(r.firstChartMs)} ms`} (FCP ${r.fcpMs == null ? '—' : Math.round(r.fcpMs)} ms), ` +
              `${(r.bytes / 1024).toFixed(1)} kB in ${r.requests} requests (${r.compressed} compressed)` +
              (r.path === '/' ? `\n    start  ttfb   end\n${formatWaterfall(r.waterfall)}` : ''),
          )
          .join('\n'),
    );
  });

  async function measure(profile: Profile, path: string, chartSelector = '.recharts-surface'): Promise<FirstView> {
    const context = await browser.newContext({ viewport: profile.viewport, locale: 'id-ID', isMobile: profile.name !== 'desktop' });
    await context.addInitScript((selector: string) => {
      const w = window as unknown as { __firstChart?: number };
      const check = () => {
        if (w.__firstChart === undefined && document.querySelector(selector)) w.__firstChart = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    }, chartSelector);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    const types = new Map<string, string>();
    const encodings = new Map<string, string>();
    let bytes = 0;
    let requests = 0;
    let compressed = 0;
    const byType: Record<string, number> = {};
    // the waterfall: CDP timestamps are seconds on a monotonic clock; t0 is the document request
    let t0: number | null = null;
    const rows = new Map<string, WaterfallEntry>();
    const since = (ts: number) => (t0 == null ? 0 : (ts - t0) * 1000);
    cdp.on('Network.requestWillBeSent', (e) => {
      if (t0 == null) t0 = e.timestamp;
      let what = new URL(e.request.url).pathname;
      if (what === '/graphql' && e.request.postData) {
        try {
          what = `graphql:${(JSON.parse(e.request.postData) as { operationName?: string }).operationName ?? '?'}`;
        } catch {
          /* not JSON: keep the path */
        }
      }
      rows.set(e.requestId, { what, type: e.type ?? 'Other', start: since(e.timestamp), firstByte: null, end: null, bytes: 0, encoding: '' });
    });
    cdp.on('Network.responseReceived', (e) => {
      types.set(e.requestId, e.type);
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      encodings.set(e.requestId, h['content-encoding'] ?? '');
      const row = rows.get(e.requestId);
      if (row) {
        row.firstByte = e.response.timing ? since(e.response.timing.requestTime) + e.response.timing.receiveHeadersEnd : since(e.timestamp);
        row.encoding = h['content-encoding'] ?? '';
      }
    });
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      requests += 1;
      if (encodings.get(e.requestId)) compressed += 1;
      const type = types.get(e.requestId) ?? 'Other';
      byType[type] = (byType[type] ?? 0) + e.encodedDataLength;
      const row = rows.get(e.requestId);
      if (row) {
        row.end = since(e.timestamp);
        row.bytes = e.encodedDataLength;
      }
    });
    await page.goto(`${base}${path}`);
    let firstChartMs: number | null = null;
    try {
      await page.waitForFunction(() => (window as unknown as { __firstChart?: number }).__firstChart !== undefined, undefined, { timeout: 60_000 });
      firstChartMs = await page.evaluate(() => (window as unknown as { __firstChart: number }).__firstChart);
    } catch {
      firstChartMs = null;
    }
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    await context.close();
    const waterfall = [...rows.values()].sort((a, b) => a.start - b.start);
    return { profile: profile.name, path, firstChartMs, fcpMs, bytes, requests, compressed, byType, waterfall };
  }

  test('assets and API answers are compressed (brotli when asked, gzip otherwise)', async () => {
    const html = await fetch(`${base}/`, { headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' } });
    const body = await html.text();
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(body)?.[1];
    expect(script).toBeTruthy();
    const js = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(js.headers.get('content-encoding')).toBe('br');
    const gz = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const api = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ query: '{ topics { code labelId labelEn } }' }),
    });
    expect(api.status).toBe(200);
    expect(api.headers.get('content-encoding')).toBe('br');
  });

  test('overview, maladministration and response times on desktop and a slow phone', async () => {
    for (let run = 0; run < RUNS; run++) {
      for (const profile of PROFILES) {
        for (const path of PATHS) {
          const r = await measure(profile, path);
          results.push(r);
          expect(r.requests).toBeGreaterThan(0);
        }
      }
    }
  });
});
