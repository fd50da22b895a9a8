// Starts the real stack for the browser test when BASE_URL is not given: the same launcher as
// `npm start`, on a fresh embedded store (temporary data dir) with demo data, on free ports. The
// gateway serves this workspace's built dashboard. Teardown stops the processes and removes the data.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { startStack } = require('../../scripts/stack.cjs');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitCaughtUp(analyticsPort, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${analyticsPort}/ready`);
      last = await r.json();
      const lag = last?.outbox?.lag;
      const pulled = last?.outbox?.headSeq > 0;
      if (r.ok && pulled && lag === 0) return;
    } catch {
      /* keep waiting */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`analytics did not catch up with the outbox: ${JSON.stringify(last)}`);
}

/** A fresh stack with demo data on free ports, analytics caught up; `stop()` also removes its data. */
async function startE2eStack() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-e2e-'));
  const ports = { gateway: await freePort(), agencies: await freePort(), reports: await freePort(), analytics: await freePort() };
  const stack = await startStack({
    ports,
    env: { PANTAU_DATA_DIR: dataDir, DATABASE_URL: '', PANTAU_DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  try {
    await waitCaughtUp(ports.analytics, 120000);
  } catch (err) {
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return { stack, dataDir, ports, origin: stack.origin };
}

async function globalSetup() {
  if (process.env.BASE_URL) return;
  if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH && process.env.REQUIRE_BROWSER !== '1') return;
  const { stack, dataDir, ports } = await startE2eStack();
  globalThis.__PANTAU_STACK__ = { stack, dataDir };
  process.env.BASE_URL = stack.origin;
  process.env.PANTAU_E2E_ANALYTICS_PORT = String(ports.analytics);
  process.env.PANTAU_E2E_ANALYTICS_PID = String(stack.children.analytics.pid);
}

module.exports = globalSetup;
module.exports.startE2eStack = startE2eStack;
