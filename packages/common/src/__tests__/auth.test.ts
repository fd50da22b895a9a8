import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import express from 'express';
import { SignJWT, UnsecuredJWT } from 'jose';
import { signStaffToken, verifyStaffToken, viewerFromAuthorization } from '../auth';
import { ensureKeysFile, jwtSecret, KeyConfigError, loadKeys, serviceSecret } from '../keys';
import { clientIp, requireServiceCredential, serviceHeaders, signServiceToken, verifyServiceToken } from '../service-auth';
import { TokenStateChecker, type TokenState } from '../token-state';
import { Role } from '../vocabulary';

const viewer = { id: 'u1', email: 'a@b.id', name: 'A', role: Role.LIAISON, agencyId: 'kukar-pupr' };
const now = () => Math.floor(Date.now() / 1000);
const claims = { email: 'a@b.id', name: 'A', role: 'ADMIN', agencyId: 'kukar', ver: 0 };

/** A staff token with every claim right, then one thing changed. */
function craft(edit: (jwt: SignJWT) => SignJWT = (j) => j, payload: Record<string, unknown> = claims) {
  return edit(new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setSubject('u1'));
}
const full = (j: SignJWT) => j.setIssuer('pantau-agencies').setAudience('pantau').setIssuedAt().setExpirationTime(now() + 600);

describe('staff token verification', () => {
  it('accepts a complete token', async () => {
    const token = await craft(full).sign(jwtSecret());
    expect(await verifyStaffToken(token)).toMatchObject({ id: 'u1', role: Role.ADMIN, tokenVersion: 0 });
  });

  const { ver: _ver, ...withoutVer } = claims;
  it.each<[string, () => Promise<string>, RegExp]>([
    ['no exp', () => craft((j) => j.setIssuer('pantau-agencies').setAudience('pantau').setIssuedAt()).sign(jwtSecret()), /exp/],
    ['no iat', () => craft((j) => j.setIssuer('pantau-agencies').setAudience('pantau').setExpirationTime(now() + 600)).sign(jwtSecret()), /iat/],
    ['no ver', () => craft(full, withoutVer).sign(jwtSecret()), /ver/],
    ['wrong aud', () => craft((j) => full(j).setAudience('pantau-internal')).sign(jwtSecret()), /aud/],
    ['wrong iss', () => craft((j) => full(j).setIssuer('someone-else')).sign(jwtSecret()), /iss/],
    ['no sub', () => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('pantau-agencies').setAudience('pantau').setIssuedAt().setExpirationTime(now() + 600).sign(jwtSecret()), /sub/],
    ['alg none', async () => new UnsecuredJWT(claims).setSubject('u1').setIssuer('pantau-agencies').setAudience('pantau').setIssuedAt().setExpirationTime(now() + 600).encode(), /./],
    ['HS512', () => craft(full).setProtectedHeader({ alg: 'HS512' }).sign(new Uint8Array(64).fill(1)), /algorithm/],
    ['another key', () => craft(full).sign(new TextEncoder().encode(crypto.randomBytes(48).toString('base64url'))), /signature/],
    ['the service key', () => craft(full).sign(serviceSecret()), /signature/],
    ['expired', () => signStaffToken(viewer, { ttlSeconds: -30 }), /expired/],
    ['issued in the far past', () => craft((j) => full(j).setIssuedAt(now() - 30 * 86400)).sign(jwtSecret()), /expired/],
    ['a service token', () => signServiceToken('gateway'), /./],
  ])('refuses a token with %s', async (_label, make, why) => {
    const err = await verifyStaffToken(await make()).catch((e) => e);
    expect(err).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    expect(err.message).toMatch(why);
  });

  it('keeps service credentials apart from staff tokens', async () => {
    expect(await verifyServiceToken(await signServiceToken('analytics'))).toEqual({ service: 'analytics' });
    await expect(verifyServiceToken(await signStaffToken(viewer))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // a token with the service audience but signed with the staff key
    const staffKeyed = await new SignJWT({ service: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('service:x')
      .setIssuer('pantau-services')
      .setAudience('pantau-internal')
      .setIssuedAt()
      .setExpirationTime(now() + 60)
      .sign(jwtSecret());
    await expect(verifyServiceToken(staffKeyed)).rejects.toMatchObject({ extensions: { reason: 'SERVICE_CREDENTIAL_REQUIRED', detail: expect.stringMatching(/signature/) } });
  });
});

describe('account state check (revocation)', () => {
  const states = new Map<string, TokenState>();
  let lookups = 0;
  let down = false;
  const checker = (recheckMs: number, staleMs = 300_000) =>
    new TokenStateChecker(
      async (id) => {
        lookups++;
        if (down) throw new Error('agencies does not answer');
        return states.get(id) ?? null;
      },
      { recheckMs, staleMs },
    );
  const header = async (v = viewer, tokenVersion = 0) => `Bearer ${await signStaffToken({ ...v, tokenVersion })}`;
  beforeEach(() => {
    states.clear();
    states.set('u1', { active: true, tokenVersion: 0, role: Role.LIAISON, agencyId: 'kukar-pupr' });
    lookups = 0;
    down = false;
  });

  it('accepts a token that matches its account, and caches the state for the recheck window', async () => {
    const c = checker(60_000);
    expect(await viewerFromAuthorization(await header(), { tokenState: c })).toMatchObject({ id: 'u1' });
    expect(await viewerFromAuthorization(await header(), { tokenState: c })).toMatchObject({ id: 'u1' });
    expect(lookups).toBe(1);
    expect(await viewerFromAuthorization(undefined, { tokenState: c })).toBeNull();
  });

  it.each<[string, (s: TokenState) => void]>([
    ['deactivated', (s) => (s.active = false)],
    ['version bumped', (s) => (s.tokenVersion = 1)],
    ['role changed', (s) => (s.role = Role.ADMIN)],
    ['moved to another agency', (s) => (s.agencyId = 'kukar-dinkes')],
  ])('refuses the token of a %s account once the window has passed', async (_label, change) => {
    const c = checker(1000);
    await viewerFromAuthorization(await header(), { tokenState: c });
    change(states.get('u1')!);
    await new Promise((r) => setTimeout(r, 1100));
    const err = await viewerFromAuthorization(await header(), { tokenState: c }).catch((e) => e);
    expect(err).toMatchObject({ message: 'Your session is no longer valid. Sign in again.', extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    expect(err.extensions.messageId).toMatch(/Sesi Anda/);
  });

  it('refuses a token for an account that does not exist', async () => {
    await expect(viewerFromAuthorization(await header({ ...viewer, id: 'ghost' }), { tokenState: checker(0) })).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('uses a recent state when agencies is down, and answers 503 rather than accept unchecked', async () => {
    const c = checker(0, 60_000);
    await viewerFromAuthorization(await header(), { tokenState: c });
    down = true;
    expect(await viewerFromAuthorization(await header(), { tokenState: c })).toMatchObject({ id: 'u1' });
    const other = await header({ ...viewer, id: 'u2' });
    states.set('u2', { active: true, tokenVersion: 0, role: Role.LIAISON, agencyId: 'kukar-pupr' });
    await expect(viewerFromAuthorization(other, { tokenState: c })).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
    });
    const stale = checker(0, 0);
    down = false;
    await viewerFromAuthorization(await header(), { tokenState: stale });
    down = true;
    await expect(viewerFromAuthorization(await header(), { tokenState: stale })).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });
});

describe('service credential middleware', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    const app = express();
    app.use('/internal', requireServiceCredential());
    app.get('/internal/who', (req, res) => {
      res.json({ service: req.pantauService?.service, ip: clientIp(req) });
    });
    app.get('/open', (req, res) => {
      res.json({ ip: clientIp(req) });
    });
    server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a request without a credential with 401 JSON', async () => {
    const res = await fetch(`${base}/internal/who`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/X-Pantau-Service/);
  });

  it('refuses a staff token as the credential', async () => {
    const res = await fetch(`${base}/internal/who`, { headers: { 'x-pantau-service': await signStaffToken(viewer) } });
    expect(res.status).toBe(401);
  });

  it('lets a service in and trusts its client address, and no one else', async () => {
    const res = await fetch(`${base}/internal/who`, { headers: { ...(await serviceHeaders('gateway')), 'x-pantau-client-ip': '203.0.113.7' } });
    expect(await res.json()).toEqual({ service: 'gateway', ip: '203.0.113.7' });
    const open = await fetch(`${base}/open`, { headers: { 'x-pantau-client-ip': '203.0.113.7' } });
    expect((await open.json()).ip).not.toBe('203.0.113.7');
  });

  it('reuses the cached credential', async () => {
    expect(await serviceHeaders('gateway')).toEqual(await serviceHeaders('gateway'));
  });
});

describe('signing keys', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-keys-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const key = () => crypto.randomBytes(40).toString('base64url');

  it('generates keys.json on the embedded store (mode 0600) and reuses it', () => {
    const dir = tmp();
    const first = loadKeys({ PANTAU_DATA_DIR: dir });
    const file = path.join(dir, 'keys.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.source).toBe('file');
    expect(first.jwtSecret).not.toBe(first.serviceSecret);
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(64);
    expect(loadKeys({ PANTAU_DATA_DIR: dir })).toEqual(first);
    expect(fs.readdirSync(dir)).toEqual(['keys.json']); // no temporary files left behind
  });

  it('agrees on one key file when processes start at the same time', async () => {
    const dir = tmp();
    const dist = path.resolve(__dirname, '../../dist/keys.js');
    const run = () =>
      promisify(execFile)(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(dist)}).ensureKeysFile(${JSON.stringify(dir)}).jwtSecret)`]);
    const outs = await Promise.all(Array.from({ length: 6 }, run));
    expect(new Set(outs.map((o) => o.stdout)).size).toBe(1);
    expect(ensureKeysFile(dir).jwtSecret).toBe(outs[0].stdout);
  });

  it('prefers configured keys', () => {
    const jwt = key();
    const service = key();
    expect(loadKeys({ PANTAU_JWT_SECRET: jwt, PANTAU_SERVICE_SECRET: service, DATABASE_URL: 'mysql://db' })).toMatchObject({ jwtSecret: jwt, serviceSecret: service, source: 'env' });
  });

  it('refuses to start on MySQL/MariaDB without keys, saying what to set and how to generate it', () => {
    for (const env of [
      { DATABASE_URL: 'mysql://root@127.0.0.1:3306' },
      { REPORTS_DATABASE_URL: 'mariadb://db/x', PANTAU_DATA_DIR: tmp() },
      { DATABASE_URL: 'mysql://db', PANTAU_JWT_SECRET: key() },
    ]) {
      let err: unknown;
      try {
        loadKeys(env);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(KeyConfigError);
      expect((err as Error).message).toMatch(/PANTAU_SERVICE_SECRET/);
      expect((err as Error).message).toMatch(/randomBytes\(48\)/);
    }
  });

  it('refuses short or identical keys', () => {
    expect(() => loadKeys({ PANTAU_JWT_SECRET: 'short', PANTAU_SERVICE_SECRET: key() })).toThrow(/at least 32/);
    const same = key();
    expect(() => loadKeys({ PANTAU_JWT_SECRET: same, PANTAU_SERVICE_SECRET: same })).toThrow(/different/);
  });
});
