import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer as createAgencies, type AgenciesServer } from '@pantau/agencies';
import { LimiterFactory, pingRedis, Role, signStaffToken } from '@pantau/common';
import { createTestStore, testRedisUrl, uniqueName, type TestStore } from '@pantau/testing';
import {
  classifyGraphQL,
  DEFAULT_GATEWAY_LIMITS,
  GatewayRateLimiter,
  gatewayLimitsFromEnv,
  trustProxySetting,
  type GatewayRateLimits,
} from '../rate-limit';
import { createGateway, type RunningGateway } from '../server';
import { freePort } from './stack-helpers';

describe('classifyGraphQL', () => {
  const cls = (q: string, op?: string) => Object.fromEntries(classifyGraphQL(q, op) ?? [['PARSE_ERROR', 1]]);
  it('classifies root fields by name', () => {
    expect(cls('mutation { signIn(email: "a", password: "b") { token } }')).toEqual({ signIn: 1 });
    expect(cls('{ reportByTrackingId(trackingId: "X") { id } agencies { totalCount } }')).toEqual({ reportByTrackingId: 1 });
    expect(cls('{ agencies { totalCount } }')).toEqual({});
  });
  it('counts each aliased copy, and a repeated response key once', () => {
    expect(cls('mutation { a: signIn(email: "a", password: "1") { token } b: signIn(email: "a", password: "2") { token } signIn(email: "a", password: "3") { token } }')).toEqual({ signIn: 3 });
    expect(cls('{ reportByTrackingId(trackingId: "X") { id } reportByTrackingId(trackingId: "X") { status } }')).toEqual({ reportByTrackingId: 1 });
  });
  it('sees through inline fragments and fragment spreads at the root (cycles included)', () => {
    expect(
      cls(`mutation { ...A ... on Mutation { c: signIn(email: "a", password: "c") { token } } }
        fragment A on Mutation { a: signIn(email: "a", password: "a") { token } ...B }
        fragment B on Mutation { b: signIn(email: "a", password: "b") { token } ...A }`),
    ).toEqual({ signIn: 3 });
  });
  it('counts the operation named by operationName, or every operation when that is ambiguous', () => {
    const doc = 'query T { reportByTrackingId(trackingId: "X") { id } } mutation S { submitReport(input: {}) { report { id } } }';
    expect(cls(doc, 'T')).toEqual({ reportByTrackingId: 1 });
    expect(cls(doc, 'S')).toEqual({ submitReport: 1 });
    expect(cls(doc)).toEqual({ reportByTrackingId: 1, submitReport: 1 });
  });
  it('leaves a query that does not parse to Apollo', () => {
    expect(classifyGraphQL('mutation { signIn(')).toBeNull();
    expect(classifyGraphQL(undefined)).toEqual(new Map());
  });
});

describe('configuration', () => {
  it('reads limits as "<points>/<seconds>"', () => {
    expect(gatewayLimitsFromEnv({})).toEqual(DEFAULT_GATEWAY_LIMITS);
    const l = gatewayLimitsFromEnv({ PANTAU_RATE_LIMIT_SIGNIN: '3/30', PANTAU_RATE_LIMIT_GENERAL: '1000' });
    expect(l.signIn).toEqual({ points: 3, durationSeconds: 30 });
    expect(l.general).toEqual({ points: 1000, durationSeconds: 60 });
    expect(() => gatewayLimitsFromEnv({ PANTAU_RATE_LIMIT_UPLOAD: '0/60' })).toThrow(/PANTAU_RATE_LIMIT_UPLOAD/);
  });
  it('trusts X-Forwarded-For only when told', () => {
    expect(trustProxySetting({})).toBe(false);
    expect(trustProxySetting({ PANTAU_TRUST_PROXY: 'loopback' })).toBe('loopback');
    expect(trustProxySetting({ PANTAU_TRUST_PROXY: '1' })).toBe(1);
    expect(trustProxySetting({ PANTAU_TRUST_PROXY: 'true' })).toBe(true);
  });
  it('keeps the defaults above what the dashboard and a busy user need', () => {
    // an overview page fires ~10 operations at once; an ombudsman browsing fast loads a page every second for a
    // minute: 600 requests, at most half of the per-address and per-subject budgets
    const perMinute = (l: { points: number; durationSeconds: number }) => (l.points * 60) / l.durationSeconds;
    expect(perMinute(DEFAULT_GATEWAY_LIMITS.general)).toBeGreaterThanOrEqual(2 * 600);
    expect(perMinute(DEFAULT_GATEWAY_LIMITS.subject)).toBeGreaterThanOrEqual(2 * 600);
    expect(DEFAULT_GATEWAY_LIMITS.submitReport.points).toBeGreaterThanOrEqual(5);
  });
});

const TEST_LIMITS: GatewayRateLimits = {
  general: { points: 8, durationSeconds: 60 },
  subject: { points: 5, durationSeconds: 60 },
  signIn: { points: 2, durationSeconds: 60 },
  submitReport: { points: 2, durationSeconds: 600 },
  upload: { points: 2, durationSeconds: 600 },
  reportByTrackingId: { points: 3, durationSeconds: 300 },
};

interface Answer {
  status: number;
  retryAfter: string | null;
  body: any;
}

async function call(gw: RunningGateway, path: string, init: { method?: string; ip?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(init.ip ? { 'x-forwarded-for': init.ip } : {}), ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${gw.origin}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: parsed };
}

const gql = (gw: RunningGateway, ip: string, query: string, variables?: unknown) => call(gw, '/graphql', { ip, body: { query, variables } });

function expectRateLimited(a: Answer, limit: string) {
  expect(a.status).toBe(429);
  const seconds = Number(a.retryAfter);
  expect(seconds).toBeGreaterThan(0);
  expect(a.body).toEqual({
    errors: [
      {
        message: expect.stringMatching(/Too many requests/),
        extensions: { code: 'RATE_LIMITED', messageId: expect.stringMatching(/Terlalu banyak/), retryAfterSeconds: seconds, limit },
      },
    ],
  });
}

/** A gateway whose subgraphs do not answer: enough to see what the limits let through. */
async function startGateway(rateLimiter: GatewayRateLimiter, env: Record<string, string | undefined> = { PANTAU_TRUST_PROXY: 'loopback' }) {
  const dead = `http://127.0.0.1:${await freePort()}/graphql`;
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await createGateway({ port: 0, dashboardDir: null, rateLimiter, subgraphUrls: { agencies: dead, reports: dead, analytics: dead } });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('gateway limits (memory)', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway(new GatewayRateLimiter({ limits: TEST_LIMITS, factory: new LimiterFactory({ redisUrl: null }) }));
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('answers 429 with Retry-After once an address spends its general budget; other addresses go on', async () => {
    for (let i = 0; i < 8; i++) expect((await call(gw, '/nope', { ip: '203.0.113.1' })).status).toBe(404);
    const refused = await call(gw, '/nope', { ip: '203.0.113.1' });
    expectRateLimited(refused, 'general');
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect((await call(gw, '/nope', { ip: '203.0.113.2' })).status).toBe(404);
    // health checks are not limited
    expect((await call(gw, '/health', { ip: '203.0.113.1' })).status).toBe(200);
  });

  it('limits a signed-in subject across addresses; a forged token does not count as that subject', async () => {
    const token = await signStaffToken({ id: 'acct-1', email: 'a@x.id', name: 'A', role: Role.OMBUDSMAN, agencyId: 'ori' });
    const auth = { authorization: `Bearer ${token}` };
    const forged = { authorization: `Bearer ${token.slice(0, -4)}AAAA` };
    for (let i = 0; i < 5; i++) expect((await call(gw, '/nope', { ip: `198.51.100.${i + 1}`, headers: auth })).status).toBe(404);
    expect((await call(gw, '/nope', { ip: '198.51.100.50', headers: forged })).status).toBe(404);
    expectRateLimited(await call(gw, '/nope', { ip: '198.51.100.51', headers: auth }), 'subject');
  });

  it('limits sign-in per address, counting aliased copies', async () => {
    const q = 'mutation { signIn(email: "a@x.id", password: "p") { token } }';
    for (let i = 0; i < 2; i++) expect((await gql(gw, '192.0.2.1', q)).status).not.toBe(429);
    expectRateLimited(await gql(gw, '192.0.2.1', q), 'signIn');
    // three sign-ins in one request from a fresh address exceed a budget of two at once
    const aliased = 'mutation { a: signIn(email: "a@x.id", password: "1") { token } b: signIn(email: "a@x.id", password: "2") { token } c: signIn(email: "a@x.id", password: "3") { token } }';
    expectRateLimited(await gql(gw, '192.0.2.2', aliased), 'signIn');
    // other operations from the first address still go through
    expect((await gql(gw, '192.0.2.1', '{ agencies { totalCount } }')).status).not.toBe(429);
  });

  it('limits intake and tracking-ID lookups (POST and GET) per address', async () => {
    const submit = 'mutation($i: SubmitReportInput!) { submitReport(input: $i) { report { id } } }';
    for (let i = 0; i < 2; i++) expect((await gql(gw, '192.0.2.10', submit, { i: {} })).status).not.toBe(429);
    expectRateLimited(await gql(gw, '192.0.2.10', submit, { i: {} }), 'submitReport');

    const track = '{ reportByTrackingId(trackingId: "LPR-0000") { id } }';
    expect((await gql(gw, '192.0.2.11', track)).status).not.toBe(429);
    const get = () => call(gw, `/graphql?query=${encodeURIComponent(track)}`, { ip: '192.0.2.11', headers: { 'apollo-require-preflight': '1' } });
    expect((await get()).status).not.toBe(429);
    expect((await get()).status).not.toBe(429);
    expectRateLimited(await get(), 'reportByTrackingId');
  });

  it('limits uploads (POST /attachments) per address', async () => {
    const up = () => call(gw, '/attachments', { ip: '192.0.2.20', method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--\r\n' });
    for (let i = 0; i < 2; i++) expect((await up()).status).not.toBe(429);
    expectRateLimited(await up(), 'upload');
    // downloads are not uploads
    expect((await call(gw, '/attachments/00000000-0000-4000-8000-000000000000', { ip: '192.0.2.20' })).status).not.toBe(429);
  });

  it('refuses automatic persisted queries, whose hash would hide the root fields', async () => {
    const query = 'mutation { signIn(email: "a@x.id", password: "p") { token } }';
    const sha256Hash = require('node:crypto').createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    expect((await call(gw, '/graphql', { ip: '192.0.2.30', body: { query, extensions } })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    const hashOnly = await call(gw, '/graphql', { ip: '192.0.2.31', body: { extensions } });
    expect(hashOnly.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('passes a query that does not parse to Apollo unchanged', async () => {
    const a = await gql(gw, '192.0.2.1', 'mutation { signIn(');
    expect(a.status).toBe(400);
    expect(a.body.errors[0].extensions.code).not.toBe('RATE_LIMITED');
  });
});

describe('sign-in through the gateway (agencies counts by the client address the gateway passes on)', () => {
  let store: TestStore;
  let agencies: AgenciesServer;
  let gw: RunningGateway;
  beforeAll(async () => {
    store = createTestStore('sqlite');
    agencies = await createAgencies({ store: store.config('agencies'), port: 0, demoAccounts: true });
    const dead = `http://127.0.0.1:${await freePort()}/graphql`;
    process.env.PANTAU_TRUST_PROXY = 'loopback';
    try {
      gw = await createGateway({
        port: 0,
        dashboardDir: null,
        rateLimiter: new GatewayRateLimiter({ factory: new LimiterFactory({ redisUrl: null }), limits: { ...TEST_LIMITS, signIn: { points: 100, durationSeconds: 60 }, general: { points: 100, durationSeconds: 60 } } }),
        subgraphUrls: { agencies: agencies.url, reports: dead, analytics: dead },
      });
    } finally {
      delete process.env.PANTAU_TRUST_PROXY;
    }
  });
  afterAll(async () => {
    await gw?.close();
    await agencies?.close();
    await store?.cleanup();
  });

  it('blocks the guessing address while the owner signs in from another one', async () => {
    const signIn = (ip: string, password: string) =>
      gql(gw, ip, 'mutation($p: String!) { signIn(email: "pimpinan@kukarkab.go.id", password: $p) { token } }', { p: password });
    const guesses = await Promise.all(Array.from({ length: 20 }, () => signIn('203.0.113.90', 'wrong-password-1')));
    const codes = guesses.map((g) => g.body.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(15);
    const refused = guesses.find((g) => g.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED')!;
    expect(refused.body.errors[0].extensions).toMatchObject({ limit: 'signIn', retryAfterSeconds: expect.any(Number) });
    expect((await signIn('203.0.113.90', 'pantau-demo-2026')).body.errors[0].extensions.code).toBe('RATE_LIMITED');
    const owner = await signIn('198.51.100.90', 'pantau-demo-2026');
    expect(owner.body.errors).toBeUndefined();
    expect(typeof owner.body.data.signIn.token).toBe('string');
  });
});

describe('without PANTAU_TRUST_PROXY', () => {
  it('ignores X-Forwarded-For and counts the socket address', async () => {
    const gw = await startGateway(new GatewayRateLimiter({ limits: { ...TEST_LIMITS, general: { points: 3, durationSeconds: 60 } }, factory: new LimiterFactory({ redisUrl: null }) }), {
      PANTAU_TRUST_PROXY: undefined,
    });
    try {
      for (let i = 0; i < 3; i++) expect((await call(gw, '/nope', { ip: `203.0.113.${100 + i}` })).status).toBe(404);
      expectRateLimited(await call(gw, '/nope', { ip: '203.0.113.200' }), 'general');
    } finally {
      await gw.close();
    }
  });
});

describe('gateway limits on Redis', () => {
  const url = testRedisUrl();
  let available = false;
  beforeAll(async () => {
    available = await pingRedis(url);
    if (!available && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but Redis does not answer at ${url}`);
    if (!available) console.warn(`Redis does not answer at ${url}: gateway Redis tests skipped`);
  });

  it('shares counts between two gateway instances', async () => {
    if (!available) return;
    const prefix = uniqueName('rl');
    const make = async () => {
      const factory = new LimiterFactory({ redisUrl: url, prefix });
      expect(await factory.whenReady()).toBe(true);
      return startGateway(new GatewayRateLimiter({ limits: TEST_LIMITS, factory }));
    };
    const [a, b] = [await make(), await make()];
    try {
      const codes = [];
      for (let i = 0; i < 8; i++) codes.push((await call(i % 2 ? a : b, '/nope', { ip: '203.0.113.60' })).status);
      expect(codes.every((c) => c === 404)).toBe(true);
      expectRateLimited(await call(a, '/nope', { ip: '203.0.113.60' }), 'general');
      expectRateLimited(await call(b, '/nope', { ip: '203.0.113.60' }), 'general');
      // the keys live in Redis under the prefix
      const probe = new LimiterFactory({ redisUrl: url, prefix });
      await probe.whenReady();
      expect((await probe.redis!.keys(`${prefix}:*`)).length).toBeGreaterThan(0);
      await probe.close();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('keeps answering, with per-process limits, while Redis is down', async () => {
    // A private Redis we can stop.
    if (spawnSync('redis-server', ['--version']).status !== 0) {
      if (process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but redis-server is not installed');
      console.warn('redis-server is not installed: the Redis outage test is skipped');
      return;
    }
    const port = await freePort();
    let redis: ChildProcess | null = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    try {
      const deadline = Date.now() + 5000;
      while (!(await pingRedis(`redis://127.0.0.1:${port}`, 300))) {
        if (Date.now() > deadline) throw new Error('redis-server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
      const factory = new LimiterFactory({ redisUrl: `redis://127.0.0.1:${port}`, prefix: uniqueName('rl') });
      expect(await factory.whenReady()).toBe(true);
      const gw = await startGateway(new GatewayRateLimiter({ limits: TEST_LIMITS, factory }));
      try {
        expect((await call(gw, '/nope', { ip: '203.0.113.70' })).status).toBe(404);
        redis.kill('SIGKILL');
        await new Promise((r) => redis!.once('exit', r));
        redis = null;
        const started = Date.now();
        const codes = [];
        for (let i = 0; i < 8; i++) codes.push((await call(gw, '/nope', { ip: '203.0.113.71' })).status);
        expect(codes.every((c) => c === 404)).toBe(true);
        expectRateLimited(await call(gw, '/nope', { ip: '203.0.113.71' }), 'general');
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        await gw.close();
      }
    } finally {
      redis?.kill('SIGKILL');
    }
  });

  it('answers when Redis is unreachable from the start', async () => {
    const factory = new LimiterFactory({ redisUrl: `redis://127.0.0.1:${await freePort()}`, prefix: uniqueName('rl') });
    const gw = await startGateway(new GatewayRateLimiter({ limits: TEST_LIMITS, factory }));
    try {
      for (let i = 0; i < 8; i++) expect((await call(gw, '/nope', { ip: '203.0.113.80' })).status).toBe(404);
      expectRateLimited(await call(gw, '/nope', { ip: '203.0.113.80' }), 'general');
    } finally {
      await gw.close();
    }
  });
});
