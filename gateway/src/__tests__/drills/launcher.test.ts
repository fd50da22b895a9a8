import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, freePorts, startStack } from '../stack-helpers';
import { DRILL_LIMITS } from './drill-kit';

/** The launcher behind `npm start` (scripts/stack.cjs): refusals before start, named failures, no orphans, /ready. */

const STACK = path.resolve(__dirname, '../../../../scripts/stack.cjs');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitGone(pids: number[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-launcher-'));
}

describe('launcher', () => {
  it('refuses to start, naming the service and the port, when a port is taken', async () => {
    const ports = await freePorts();
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(ports.reports, '127.0.0.1', () => r()));
    const dir = tempDir();
    try {
      await expect(startStack({ ports, env: { PANTAU_DATA_DIR: dir, DATABASE_URL: '' }, stdio: 'ignore' })).rejects.toMatchObject({
        service: 'reports',
        port: ports.reports,
        message: expect.stringMatching(new RegExp(`Cannot start reports: port ${ports.reports} .* already in use`)),
      });
      // refused before anything was started: nothing answers on the other ports
      for (const p of [ports.agencies, ports.gateway]) {
        await expect(fetch(`http://127.0.0.1:${p}/health`)).rejects.toThrow();
      }
    } finally {
      blocker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which service failed and why, and stops the ones already started', async () => {
    // a TCP server that never greets (like Redis or PostgreSQL) posing as analytics' database
    const silent = net.createServer(() => undefined);
    const silentPort = await freePort();
    await new Promise<void>((r) => silent.listen(silentPort, '127.0.0.1', () => r()));
    const dir = tempDir();
    const ports = await freePorts();
    try {
      const err: any = await startStack({
        ports,
        env: {
          PANTAU_DATA_DIR: dir,
          DATABASE_URL: '',
          PANTAU_DEMO_REPORTS: '0',
          ANALYTICS_DATABASE_URL: `mysql://root@127.0.0.1:${silentPort}`,
          PANTAU_DB_CONNECT_TIMEOUT_MS: '1500',
          LOG_LEVEL: 'warn',
          ...DRILL_LIMITS,
        },
        stdio: 'ignore',
      }).catch((e) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err.service).toBe('analytics');
      expect(err.message).toMatch(/^analytics failed to start: it exited \(code 1\)/);
      expect(err.message).toContain(`The server at 127.0.0.1:${silentPort} did not answer like MySQL/MariaDB`);
      expect(err.message).not.toMatch(/\n\s+at /); // the reason, not a stack trace
      // agencies and reports had started; they were stopped
      for (const p of [ports.agencies, ports.reports]) await expect(fetch(`http://127.0.0.1:${p}/health`)).rejects.toThrow();
    } finally {
      silent.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90000);

  // One stack serves two checks (start-ups are the slow part): /ready while services are killed one by
  // one, then the launcher itself SIGKILLed.
  it('names what is missing in /ready, and leaves no orphans when the launcher itself is SIGKILLed', async () => {
    const dir = tempDir();
    const ports = await freePorts();
    const env = { PANTAU_DATA_DIR: dir, DATABASE_URL: '', PANTAU_DEMO_REPORTS: '0', LOG_LEVEL: 'warn', ...DRILL_LIMITS };
    const script = `
      const { startStack } = require(${JSON.stringify(STACK)});
      startStack({ ports: ${JSON.stringify(ports)}, stdio: 'ignore', env: ${JSON.stringify(env)} })
        .then((s) => console.log('PIDS ' + ['agencies', 'reports', 'analytics', 'gateway'].map((n) => s.children[n].pid).join(' ')), (e) => { console.error(e.message); process.exit(1); });`;
    const launcher = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const ready = async (port: number) => {
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text), text };
    };
    try {
      const pids = await new Promise<number[]>((resolve, reject) => {
        let out = '';
        launcher.stdout.on('data', (d) => {
          out += d;
          const m = /PIDS ([\d ]+)/.exec(out);
          if (m) resolve(m[1].trim().split(' ').map(Number));
        });
        launcher.once('exit', (code) => reject(new Error(`launcher exited with ${code}`)));
      });
      expect(pids).toHaveLength(4);
      expect(pids.every(alive)).toBe(true);
      const [agenciesPid, reportsPid] = pids;
      expect((await ready(ports.gateway)).status).toBe(200);

      process.kill(agenciesPid, 'SIGKILL');
      await waitGone([agenciesPid], 5000);
      const reports = await ready(ports.reports);
      expect(reports.status).toBe(503);
      expect(reports.body).toMatchObject({ status: 'not ready', service: 'reports', missing: ['registry'] });
      expect(reports.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', missing: ['registry'] });

      process.kill(reportsPid, 'SIGKILL');
      let analytics = await ready(ports.analytics);
      for (let i = 0; i < 30 && analytics.status === 200; i++) {
        await new Promise((r) => setTimeout(r, 200)); // until the consumer's next pull fails
        analytics = await ready(ports.analytics);
      }
      expect(analytics.status).toBe(503);
      expect(analytics.body.missing).toEqual(['outbox']);

      const gateway = await ready(ports.gateway);
      expect(gateway.status).toBe(503);
      expect(gateway.body.missing).toEqual(['agencies', 'reports', 'analytics']);
      expect(gateway.body.subgraphs.analytics).toMatchObject({ ok: false, missing: ['outbox'] });
      expect(gateway.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      for (const r of [reports, analytics, gateway]) expect(r.text).not.toMatch(/127\.0\.0\.1|localhost|http:|ECONN/);

      launcher.kill('SIGKILL');
      // each service notices its launcher is gone (the IPC channel closes) and stops itself
      expect(await waitGone(pids, 15000)).toEqual([]);
    } finally {
      if (launcher.exitCode === null) launcher.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
});
