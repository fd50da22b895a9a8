import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { httpTokenStateLookup, Role, serviceHeaders, signServiceToken, signStaffToken, TokenStateChecker, viewerFromAuthorization } from '@pantau/common';
import { createTestStore, errorCode, postGraphQL, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { createServer, type AgenciesServer } from '../server';
import { demoAccountsFile } from '../storage/seed-registry';

const demo = demoAccountsFile();
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token account { id } } }';

describe.each(storeKinds())('staff tokens and the service credential on %s', (kind) => {
  let store: TestStore;
  let server: AgenciesServer;
  let origin = '';
  const q = (query: string, variables?: Record<string, unknown>, token?: string) =>
    postSubgraph(server.url, query, variables, token ? { authorization: `Bearer ${token}` } : {});
  const signIn = async (email: string) => {
    const res = await q(SIGN_IN, { e: email, p: demo.password });
    expect(res.errors).toBeUndefined();
    return res.data.signIn as { token: string; account: { id: string } };
  };

  beforeAll(async () => {
    store = createTestStore(kind);
    server = await createServer({ store: store.config('agencies'), port: 0, demoAccounts: true });
    origin = new URL(server.url).origin;
  });
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  it('refuses /graphql without the service credential with a 401 JSON error', async () => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].extensions.messageId).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/\/work|\bat \w+ \(|node_modules/);
    expect((await fetch(`${origin}/health`)).status).toBe(200);
  });

  it('refuses a staff token as the service credential', async () => {
    const { token } = await signIn('admin@kukarkab.go.id');
    const res = await postGraphQL(server.url, '{ __typename }', {}, { 'x-pantau-service': token });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    const internal = await fetch(`${origin}/internal/token-state/x`, { headers: { 'x-pantau-service': token, authorization: `Bearer ${token}` } });
    expect(internal.status).toBe(401);
  });

  it('refuses a service token used as a staff Bearer token', async () => {
    const res = await q('{ me { email } }', {}, await signServiceToken('gateway'));
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.data).toBeUndefined();
  });

  it('refuses a well-signed token for an account that does not exist', async () => {
    const ghost = await signStaffToken({ id: 'no-such-account', email: 'ghost@kukarkab.go.id', name: 'Ghost', role: Role.ADMIN, agencyId: 'kukar-diskominfo' });
    const res = await q('{ me { email } }', {}, ghost);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toBe('Your session is no longer valid. Sign in again.');
  });

  it('answers token states to services only', async () => {
    const { account } = await signIn('pimpinan@kukarkab.go.id');
    expect((await fetch(`${origin}/internal/token-state/${account.id}`)).status).toBe(401);
    const res = await fetch(`${origin}/internal/token-state/${account.id}`, { headers: await serviceHeaders('reports') });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ active: true, tokenVersion: 0, role: 'LEADERSHIP', agencyId: 'kukar' });
    const missing = await fetch(`${origin}/internal/token-state/nobody`, { headers: await serviceHeaders('reports') });
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('lets only an admin change accounts, never their own', async () => {
    const admin = await signIn('admin@kukarkab.go.id');
    const liaison = await signIn('narahubung@pu.go.id');
    const m = 'mutation($id: ID!) { deactivateStaffAccount(id: $id) { active } }';
    expect(errorCode(await q(m, { id: admin.account.id }, liaison.token))).toBe('FORBIDDEN');
    expect(errorCode(await q(m, { id: admin.account.id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await q(m, { id: admin.account.id }, admin.token))).toBe('FORBIDDEN');
    expect(errorCode(await q(m, { id: 'nobody' }, admin.token))).toBe('NOT_FOUND');
  });

  it('ends the sessions of a deactivated account: at once in agencies, within the recheck window elsewhere', async () => {
    const admin = await signIn('admin@kukarkab.go.id');
    const target = await signIn('sekcam.muarawis@kukarkab.go.id');
    // another process's view of the same account, over HTTP with the service credential, rechecked every second
    const remote = new TokenStateChecker(httpTokenStateLookup(server.url), { recheckMs: 1000 });
    const header = `Bearer ${target.token}`;
    expect(await viewerFromAuthorization(header, { tokenState: remote })).toMatchObject({ id: target.account.id, tokenVersion: 0 });

    const off = await q('mutation($id: ID!) { deactivateStaffAccount(id: $id) { active } }', { id: target.account.id }, admin.token);
    expect(off.errors).toBeUndefined();
    expect(off.data.deactivateStaffAccount.active).toBe(false);
    const me = await q('{ me { email } }', {}, target.token);
    expect(errorCode(me)).toBe('UNAUTHENTICATED');
    expect(me.errors![0].extensions!.messageId).toBe('Sesi Anda tidak berlaku lagi. Silakan masuk kembali.');

    await new Promise((r) => setTimeout(r, 1100));
    await expect(viewerFromAuthorization(header, { tokenState: remote })).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(errorCode(await q(SIGN_IN, { e: 'sekcam.muarawis@kukarkab.go.id', p: demo.password }))).toBe('UNAUTHENTICATED');

    // reactivated: may sign in again, the old token stays dead
    const on = await q('mutation($id: ID!) { reactivateStaffAccount(id: $id) { active } }', { id: target.account.id }, admin.token);
    expect(on.data.reactivateStaffAccount.active).toBe(true);
    expect(errorCode(await q('{ me { email } }', {}, target.token))).toBe('UNAUTHENTICATED');
    const again = await signIn('sekcam.muarawis@kukarkab.go.id');
    expect((await q('{ me { email } }', {}, again.token)).data.me.email).toBe('sekcam.muarawis@kukarkab.go.id');
  });

  it('ends the sessions of an account whose role changed', async () => {
    const admin = await signIn('admin@kukarkab.go.id');
    const target = await signIn('sekdes.sebemban@kukarkab.go.id');
    const remote = new TokenStateChecker(httpTokenStateLookup(server.url), { recheckMs: 1000 });
    await viewerFromAuthorization(`Bearer ${target.token}`, { tokenState: remote });
    const res = await q('mutation($id: ID!) { changeStaffRole(id: $id, role: ADMIN) { role } }', { id: target.account.id }, admin.token);
    expect(res.data.changeStaffRole.role).toBe('ADMIN');
    expect(errorCode(await q('{ me { email } }', {}, target.token))).toBe('UNAUTHENTICATED');
    await new Promise((r) => setTimeout(r, 1100));
    await expect(viewerFromAuthorization(`Bearer ${target.token}`, { tokenState: remote })).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const [row] = await server.ds.query('SELECT tokenVersion FROM staff_accounts WHERE id = ?', [target.account.id]);
    expect(Number(row.tokenVersion)).toBe(1);
    const fresh = await signIn('sekdes.sebemban@kukarkab.go.id');
    expect((await q('{ me { role } }', {}, fresh.token)).data.me.role).toBe('ADMIN');
  });
});

describe('starting without keys', () => {
  const main = path.resolve(__dirname, '../../dist/main.js');
  it('refuses to start on MariaDB without configured keys and says what to set', async () => {
    const env = { ...process.env, DATABASE_URL: 'mysql://root@127.0.0.1:3306/pantau_nokeys', PANTAU_JWT_SECRET: '', PANTAU_SERVICE_SECRET: '', AGENCIES_PORT: '0' };
    const err = await promisify(execFile)(process.execPath, [main], { env, timeout: 20000 }).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(err).not.toBeNull();
    expect(err!.code).toBe(1);
    const output = err!.stdout + err!.stderr;
    expect(output).toMatch(/PANTAU_JWT_SECRET and PANTAU_SERVICE_SECRET must be set when DATABASE_URL points to MySQL\/MariaDB/);
    expect(output).toMatch(/randomBytes\(48\)/);
  });
});
