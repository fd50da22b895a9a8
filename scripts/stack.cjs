// Starts the whole Pantau system as four processes (agencies, reports, analytics, gateway) from the
// built workspaces, waits for readiness, and stops them cleanly. Used by `npm start` (start.mjs) and by
// the end-to-end tests, so both exercise the same real processes.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_PORTS = { gateway: 4000, agencies: 4001, reports: 4002, analytics: 4003 };
const ENTRY = {
  agencies: 'services/agencies/dist/main.js',
  reports: 'services/reports/dist/main.js',
  analytics: 'services/analytics/dist/main.js',
  gateway: 'gateway/dist/main.js',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitReady(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: process exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = err.message;
    }
    await sleep(250);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

/**
 * @param {{ env?: Record<string,string>, ports?: Partial<typeof DEFAULT_PORTS>, stdio?: 'inherit'|'pipe'|'ignore', readyTimeoutMs?: number, onExit?: (name: string, code: number|null) => void }} opts
 */
async function startStack(opts = {}) {
  const ports = { ...DEFAULT_PORTS, ...opts.ports };
  const env = {
    ...process.env,
    PANTAU_DATA_DIR: process.env.PANTAU_DATA_DIR || path.join(ROOT, 'data'),
    ...opts.env,
    GATEWAY_PORT: String(ports.gateway),
    AGENCIES_PORT: String(ports.agencies),
    REPORTS_PORT: String(ports.reports),
    ANALYTICS_PORT: String(ports.analytics),
    AGENCIES_URL: `http://127.0.0.1:${ports.agencies}/graphql`,
    REPORTS_URL: `http://127.0.0.1:${ports.reports}/graphql`,
    ANALYTICS_URL: `http://127.0.0.1:${ports.analytics}/graphql`,
  };
  const children = {};
  let stopping = false;
  const start = (name) => {
    const child = spawn(process.execPath, [path.join(ROOT, ENTRY[name])], {
      cwd: ROOT,
      env,
      stdio: ['ignore', opts.stdio || 'inherit', opts.stdio || 'inherit'],
    });
    child.on('exit', (code) => {
      if (!stopping) opts.onExit?.(name, code);
    });
    children[name] = child;
    return child;
  };
  const readyUrl = (name) => `http://127.0.0.1:${ports[name]}/ready`;
  const timeout = opts.readyTimeoutMs ?? 180000;
  const stop = async () => {
    stopping = true;
    const alive = Object.values(children).filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      alive.map(
        (c) =>
          new Promise((resolve) => {
            const kill = setTimeout(() => c.kill('SIGKILL'), 10000);
            c.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    // The registry first: reports checks topics and regions against it (and routes demo data with it).
    await waitReady(readyUrl('agencies'), timeout, start('agencies'));
    await waitReady(readyUrl('reports'), timeout, start('reports'));
    await waitReady(readyUrl('analytics'), timeout, start('analytics'));
    await waitReady(readyUrl('gateway'), timeout, start('gateway'));
  } catch (err) {
    await stop();
    throw err;
  }
  const origin = `http://127.0.0.1:${ports.gateway}`;
  return { origin, graphqlUrl: `${origin}/graphql`, ports, children, stop };
}

module.exports = { startStack, waitReady, DEFAULT_PORTS, ROOT };
