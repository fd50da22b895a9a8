// Starts the whole Pantau system as four processes (agencies, reports, analytics, gateway) from the
// built workspaces, waits for readiness, and stops them cleanly. Used by `npm start` (start.mjs) and by
// the end-to-end tests and fault drills, so all of them exercise the same real processes.
//
// - Before starting anything it checks that every port is free and refuses, naming the service and the
//   port, when one is taken (so it never says "ready" and then dies with EADDRINUSE).
// - Each service runs in its own process group (spawned detached) and is stopped as a group (SIGTERM,
//   then SIGKILL after a grace period) on stop(), on a failed start and when the launcher exits. Each
//   child also holds an IPC channel to the launcher (scripts/child-guard.cjs): if the launcher is
//   SIGKILLed the channel closes and the services stop themselves. No orphans either way.
// - With `supervise: true` (what `npm start` uses) a service that exits after start-up is restarted
//   with exponential backoff (0.5 s doubling to 15 s; reset once it has stayed up for 60 s) instead of
//   taking the others down. Without it, `onExit` is called and nothing is restarted (tests that want a
//   service to stay down).
// - A failed start says which service failed and why: its exit code or signal and its last log lines.
'use strict';
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const GUARD = path.join(__dirname, 'child-guard.cjs');
const DEFAULT_PORTS = { gateway: 4000, agencies: 4001, reports: 4002, analytics: 4003 };
/** Start order: the registry first (reports checks topics and regions against it), the gateway last. */
const ORDER = ['agencies', 'reports', 'analytics', 'gateway'];
const ENTRY = {
  agencies: 'services/agencies/dist/main.js',
  reports: 'services/reports/dist/main.js',
  analytics: 'services/analytics/dist/main.js',
  gateway: 'gateway/dist/main.js',
};
const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 15000, resetAfterMs: 60000 };
const TAIL_LINES = 12;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class StackError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = 'StackError';
    Object.assign(this, details);
  }
}

/** One readable line from a log line: pino JSON → "msg: err.message", anything else as is. */
function readableLine(line) {
  const t = line.trim();
  if (!t.startsWith('{')) return t;
  try {
    const o = JSON.parse(t);
    const err = o.err && (o.err.message || o.err.type);
    const msg = [o.msg, err].filter(Boolean).join(': ');
    return msg ? `[${o.level ?? 'log'}] ${msg}` : t;
  } catch {
    return t;
  }
}

/** The last lines a process wrote (stdout and stderr), for "why did it fail". */
class Tail {
  constructor(max = TAIL_LINES) {
    this.max = max;
    this.lines = [];
    this.partial = '';
  }
  push(chunk) {
    const parts = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = parts.pop() ?? '';
    if (this.partial.length > 8192) this.partial = this.partial.slice(-8192);
    for (const p of parts) if (p.trim()) this.lines.push(readableLine(p).slice(0, 500));
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  text() {
    const all = this.partial.trim() ? [...this.lines, readableLine(this.partial).slice(0, 500)] : this.lines;
    return all.slice(-this.max).join('\n');
  }
}

/** Resolves when `port` can be bound on `host`; rejects with the OS error otherwise. */
function checkPortFree(port, host) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve()));
  });
}

/** Refuses (StackError with `service` and `port`) when a port is taken or two services share one. */
async function checkPorts(ports, host = '127.0.0.1', names = ORDER) {
  const seen = new Map();
  for (const name of names) {
    const port = ports[name];
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      throw new StackError(`Invalid port for ${name}: ${port} (set ${name.toUpperCase()}_PORT to 1-65535).`, { service: name, port });
    }
    if (seen.has(port)) {
      throw new StackError(`${name} and ${seen.get(port)} are both configured for port ${port}; give each its own (${name.toUpperCase()}_PORT).`, { service: name, port });
    }
    seen.set(port, name);
    try {
      await checkPortFree(port, host);
    } catch (err) {
      const why = err.code === 'EADDRINUSE' ? 'is already in use by another process' : `cannot be used (${err.code || err.message})`;
      throw new StackError(
        `Cannot start ${name}: port ${port} on ${host} ${why}. Stop that process or choose another port, e.g. ${name.toUpperCase()}_PORT=${port + 100}.`,
        { service: name, port, code: err.code },
      );
    }
  }
}

async function waitReady(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${url}: process exited (${child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`})`);
    }
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

/** Kills a child's whole process group (it leads one: spawned detached). */
function killGroup(child, signal) {
  if (!child || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

const isAlive = (c) => c && c.exitCode === null && c.signalCode === null;

// Every child of every stack in this process, killed (SIGKILL, as groups) if the launcher exits without
// having stopped them — e.g. an uncaught exception. A SIGKILLed launcher is covered by child-guard.cjs.
const liveChildren = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of liveChildren) if (isAlive(c)) killGroup(c, 'SIGKILL');
  });
}

/**
 * The two signing keys every child gets in its env. On the embedded store a missing key comes from
 * <PANTAU_DATA_DIR>/keys.json (generated once, mode 0600); with MySQL/MariaDB both must be configured and
 * loadKeys() refuses otherwise, with a message that says what to set.
 */
function signingKeys(env) {
  const { loadKeys } = require(path.join(ROOT, 'packages/common/dist/keys.js'));
  const keys = loadKeys(env);
  return { PANTAU_JWT_SECRET: keys.jwtSecret, PANTAU_SERVICE_SECRET: keys.serviceSecret };
}

/**
 * @param {{
 *   env?: Record<string,string>,
 *   ports?: Partial<typeof DEFAULT_PORTS>,
 *   stdio?: 'inherit'|'pipe'|'ignore',
 *   readyTimeoutMs?: number,
 *   supervise?: boolean,
 *   backoff?: Partial<typeof DEFAULT_BACKOFF>,
 *   stopTimeoutMs?: number,
 *   onExit?: (name: string, code: number|null, signal?: string|null) => void,
 *   onEvent?: (event: { type: 'exit'|'restarting'|'restarted'|'ready', service: string, code?: number|null, signal?: string|null, delayMs?: number, restarts?: number, tail?: string }) => void,
 * }} opts
 */
async function startStack(opts = {}) {
  installExitHook();
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
    PANTAU_SUPERVISED: '1',
  };
  Object.assign(env, signingKeys(env));
  const host = env.HOST || '127.0.0.1';
  const backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  const stdio = opts.stdio || 'inherit';
  const stopTimeoutMs = opts.stopTimeoutMs ?? 10000;
  const timeout = opts.readyTimeoutMs ?? 180000;
  const readyUrl = (name) => `http://127.0.0.1:${ports[name]}/ready`;
  const emit = (event) => {
    try {
      opts.onEvent?.(event);
    } catch {
      /* a listener's mistake must not stop supervision */
    }
  };

  await checkPorts(ports, host === '0.0.0.0' || host === '::' ? host : '127.0.0.1');

  /** @type {Record<string, import('node:child_process').ChildProcess>} */
  const children = {};
  const tails = {};
  const state = {}; // per service: { restarts, failures, startedAt, timer }
  let started = false;
  let stopping = false;

  const spawnService = (name) => {
    const tail = (tails[name] = new Tail());
    const child = spawn(process.execPath, ['--require', GUARD, path.join(ROOT, ENTRY[name])], {
      cwd: ROOT,
      env,
      detached: true, // its own process group: stopped as a group, and Ctrl-C reaches only the launcher
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    liveChildren.add(child);
    child.stdout.on('data', (d) => {
      tail.push(d);
      if (stdio === 'inherit') process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      tail.push(d);
      if (stdio === 'inherit') process.stderr.write(d);
    });
    child.on('error', (err) => tail.push(`spawn error: ${err.message}\n`));
    const st = (state[name] ??= { restarts: 0, failures: 0, startedAt: 0, timer: null });
    st.startedAt = Date.now();
    child.on('exit', (code, signal) => {
      liveChildren.delete(child);
      if (stopping || children[name] !== child) return;
      emit({ type: 'exit', service: name, code, signal, tail: tail.text() });
      if (!started) return; // start-up failures are reported by the start sequence
      opts.onExit?.(name, code, signal);
      if (opts.supervise) scheduleRestart(name, code, signal);
    });
    children[name] = child;
    return child;
  };

  const scheduleRestart = (name, code, signal) => {
    const st = state[name];
    if (Date.now() - st.startedAt >= backoff.resetAfterMs) st.failures = 0;
    const delayMs = Math.min(backoff.maxMs, backoff.initialMs * 2 ** st.failures);
    st.failures += 1;
    emit({ type: 'restarting', service: name, code, signal, delayMs, restarts: st.restarts, tail: tails[name]?.text() });
    st.timer = setTimeout(() => {
      st.timer = null;
      if (stopping) return;
      st.restarts += 1;
      const child = spawnService(name);
      emit({ type: 'restarted', service: name, restarts: st.restarts });
      waitReady(readyUrl(name), timeout, child).then(
        () => {
          if (!stopping && children[name] === child) emit({ type: 'ready', service: name, restarts: st.restarts });
        },
        () => {
          /* it exited again (its exit schedules the next attempt) or stays unready (visible on /ready) */
        },
      );
    }, delayMs);
  };

  const stop = async () => {
    stopping = true;
    for (const st of Object.values(state)) if (st.timer) clearTimeout(st.timer);
    const alive = Object.values(children).filter(isAlive);
    await Promise.all(
      alive.map(
        (c) =>
          new Promise((resolve) => {
            const kill = setTimeout(() => killGroup(c, 'SIGKILL'), stopTimeoutMs);
            c.once('exit', () => {
              clearTimeout(kill);
              // anything the service itself started goes with it
              killGroup(c, 'SIGKILL');
              resolve();
            });
            killGroup(c, 'SIGTERM');
          }),
      ),
    );
  };

  for (const name of ORDER) {
    const child = spawnService(name);
    try {
      await waitReady(readyUrl(name), timeout, child);
    } catch (err) {
      // let the last lines arrive before quoting them
      if (!isAlive(child)) await sleep(100);
      const how = isAlive(child)
        ? `it did not become ready within ${Math.round(timeout / 1000)} s`
        : `it exited (${child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`})`;
      const tail = tails[name].text();
      await stop();
      throw new StackError(
        `${name} failed to start: ${how}.${tail ? `\nLast lines from ${name}:\n${tail.replace(/^/gm, '  ')}` : ''}`,
        { service: name, port: ports[name], cause: err, tail },
      );
    }
  }
  // All ready — and still alive (a process that lost a port race would have exited by now).
  const dead = ORDER.find((n) => !isAlive(children[n]));
  if (dead) {
    const tail = tails[dead].text();
    await stop();
    throw new StackError(`${dead} exited right after start-up.${tail ? `\nLast lines from ${dead}:\n${tail.replace(/^/gm, '  ')}` : ''}`, { service: dead, port: ports[dead], tail });
  }
  started = true;

  const origin = `http://127.0.0.1:${ports.gateway}`;
  return {
    origin,
    graphqlUrl: `${origin}/graphql`,
    ports,
    children,
    stop,
    /** Last log lines of a service (for diagnostics). */
    tail: (name) => tails[name]?.text() ?? '',
    /** How many times each service has been restarted by supervision. */
    restarts: () => Object.fromEntries(Object.entries(state).map(([n, s]) => [n, s.restarts])),
    /** Resolves when the service answers /ready. */
    waitReady: (name, ms = timeout) => waitReady(readyUrl(name), ms),
  };
}

module.exports = { startStack, waitReady, checkPorts, readableLine, StackError, DEFAULT_PORTS, DEFAULT_BACKOFF, ROOT, ORDER };
