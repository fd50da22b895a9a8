#!/usr/bin/env node
// First chart and bytes of the overview for two dashboard builds on ONE stack, measured alternately so both
// see the same machine load (the machine is shared: figures taken minutes apart are not comparable).
// Starts the e2e stack (global-setup.cjs), then two gateways in this process (gateway/dist, built) that
// serve build A and build B, and measures `/` with the perf e2e's profiles (desktop; phone: 390 px,
// 1.6 Mbit/s, 150 ms, CPU 4×) in fresh contexts with the cache off. Prints each run and the medians.
//
//   node e2e/perf-ab.cjs <dist A> <dist B>        (RUNS=5 by default; PERF_AB_OUT=file.json to keep them)
// e.g. a build of the previous commit:  git worktree add /tmp/prev HEAD~1 && … vite build --outDir /tmp/dist-prev
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startE2eStack } = require('./global-setup.cjs');

const [distA, distB] = process.argv.slice(2).map((d) => path.resolve(d));
const RUNS = Number(process.env.RUNS || 5);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PROFILES = [
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
  {
    name: 'phone-slow',
    viewport: { width: 390, height: 844 },
    network: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
    cpu: 4,
  },
];

async function measure(browser, base, profile) {
  const context = await browser.newContext({ viewport: profile.viewport, locale: 'id-ID', isMobile: profile.name !== 'desktop' });
  await context.addInitScript(() => {
    const check = () => {
      if (window.__firstChart === undefined && document.querySelector('.recharts-surface')) window.__firstChart = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  await page.goto(`${base}/`);
  let firstChartMs = null;
  try {
    await page.waitForFunction(() => window.__firstChart !== undefined, undefined, { timeout: 60_000 });
    firstChartMs = await page.evaluate(() => window.__firstChart);
  } catch {
    /* no chart within a minute: reported as — */
  }
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await context.close();
  return { firstChartMs, bytes };
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

async function main() {
  for (const d of [distA, distB]) {
    if (!d || !fs.existsSync(path.join(d, 'index.html'))) throw new Error(`usage: node e2e/perf-ab.cjs <dist A> <dist B> (no index.html in ${d})`);
  }
  const own = await startE2eStack();
  const gateways = [];
  let browser;
  try {
    process.env.PANTAU_DATA_DIR = own.dataDir; // the stack's keys (embedded store)
    const { createGateway } = require('../../gateway/dist/server.js');
    const subgraphUrls = Object.fromEntries(['agencies', 'reports', 'analytics'].map((s) => [s, `http://127.0.0.1:${own.ports[s]}/graphql`]));
    const builds = [
      ['A', distA],
      ['B', distB],
    ];
    for (const [, dir] of builds) gateways.push(await createGateway({ port: 0, subgraphUrls, dashboardDir: dir }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const results = {};
    for (let run = 0; run < RUNS; run++) {
      for (const profile of PROFILES) {
        const order = run % 2 ? [1, 0] : [0, 1];
        for (const i of order) {
          const r = await measure(browser, gateways[i].origin, profile);
          const key = `${profile.name} ${builds[i][0]}`;
          (results[key] ??= []).push(r);
          console.log(`run ${run} ${key}: first chart ${r.firstChartMs == null ? '—' : Math.round(r.firstChartMs)} ms, ${(r.bytes / 1024).toFixed(1)} kB`);
        }
      }
    }
    console.log(`\nA = ${distA}\nB = ${distB}\nmedians:`);
    for (const [key, rs] of Object.entries(results)) {
      const runs = rs.map((r) => (r.firstChartMs == null ? '—' : Math.round(r.firstChartMs))).join(', ');
      console.log(`${key.padEnd(14)} first chart ${Math.round(median(rs.map((r) => r.firstChartMs)))} ms (${runs}), ${(median(rs.map((r) => r.bytes)) / 1024).toFixed(1)} kB`);
    }
    if (process.env.PERF_AB_OUT) fs.writeFileSync(process.env.PERF_AB_OUT, JSON.stringify({ at: new Date().toISOString(), distA, distB, results }, null, 2));
  } finally {
    await browser?.close();
    for (const g of gateways) await g.close();
    await own.stack.stop();
    fs.rmSync(own.dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
