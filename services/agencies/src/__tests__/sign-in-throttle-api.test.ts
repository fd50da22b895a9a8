import { LimiterFactory } from '@pantau/common';
import { createTestStore, errorCode, postGraphQL, postSubgraph, storeKinds, type TestStore } from '@pantau/testing';
import { SignInThrottle } from '../domain/sign-in-throttle';
import { createServer, type AgenciesServer } from '../server';
import { createAccount, demoAccountsFile } from '../storage/seed-registry';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token account { email } } }';

describe.each(storeKinds())('sign-in abuse control on %s', (kind) => {
  let store: TestStore;
  let server: AgenciesServer;
  const demo = demoAccountsFile();
  const admin = demo.accounts.find((a) => a.role === 'ADMIN')!.email;

  /** A sign-in as the gateway would forward it: service credential plus the end client's address. */
  const signIn = (email: string, password: string, ip: string) => postSubgraph(server.url, SIGN_IN, { e: email, p: password }, { 'x-pantau-client-ip': ip });

  beforeAll(async () => {
    store = createTestStore(kind);
    server = await createServer({
      store: store.config('agencies'),
      port: 0,
      demoAccounts: true,
      signInThrottle: new SignInThrottle(new LimiterFactory({ redisUrl: null }), {
        perAddressAccount: { points: 5, durationSeconds: 900 },
        perAddress: { points: 8, durationSeconds: 3600 },
      }),
    });
  });
  afterAll(async () => {
    await server?.close();
    await store?.cleanup();
  });

  it('stores emails normalised (NFKC, trimmed, lower case)', async () => {
    await createAccount(server.ds, { email: ' Ｓiti.Aminah@KukarKab.go.id\u3000', name: 'Siti', role: 'LIAISON' as any, agencyId: 'kukar-pupr', password: 'a-long-password-2026' });
    const [row] = await server.ds.query("SELECT email FROM staff_accounts WHERE name = 'Siti'");
    expect(row.email).toBe('siti.aminah@kukarkab.go.id');
    const res = await signIn('SITI.AMINAH@kukarkab.go.id ', 'a-long-password-2026', '10.9.0.1');
    expect(res.errors).toBeUndefined();
    expect(res.data.signIn.account.email).toBe('siti.aminah@kukarkab.go.id');
  });

  it('lets no more than the budget of 20 parallel wrong guesses reach the password check', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => signIn(admin, 'wrong-password-1', '10.1.0.1')));
    const codes = results.map(errorCode);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(15);
    const refused = results.find((r) => errorCode(r) === 'RATE_LIMITED')!;
    expect(refused.errors![0].extensions).toMatchObject({ limit: 'signIn', messageId: expect.stringMatching(/Coba lagi/) });
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(800);
    // the right password from that address is refused too; the owner elsewhere signs in
    expect(errorCode(await signIn(admin, demo.password, '10.1.0.1'))).toBe('RATE_LIMITED');
    const owner = await signIn(admin, demo.password, '10.1.0.2');
    expect(owner.errors).toBeUndefined();
    expect(owner.data.signIn.account.email).toBe(admin);
  });

  it('counts case, width and accent variants of one email as one account', async () => {
    const [local, domain] = admin.split('@');
    const variants = [
      admin.toUpperCase(),
      `  ${local}@${domain.toUpperCase()} `,
      [...local].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('') + `@${domain}`, // full-width
      `${local[0]}\u0301${local.slice(1)}@${domain}`, // accent added to the first letter
      `${local.toUpperCase()}\u0300@${domain}`,
    ];
    for (const v of variants) expect(errorCode(await signIn(v, 'wrong-password-1', '10.2.0.1'))).toBe('UNAUTHENTICATED');
    for (const v of [admin, ...variants]) expect(errorCode(await signIn(v, demo.password, '10.2.0.1'))).toBe('RATE_LIMITED');
    expect((await signIn(admin, demo.password, '10.2.0.2')).errors).toBeUndefined();
  });

  it('stops one password sprayed over many accounts from one address', async () => {
    const rows: Array<{ email: string }> = await server.ds.query("SELECT email FROM staff_accounts WHERE role = 'LIAISON' ORDER BY email");
    expect(rows.length).toBeGreaterThan(12);
    const codes: Array<string | undefined> = [];
    for (const { email } of rows.slice(0, 12)) codes.push(errorCode(await signIn(email, 'Rahasia123!', '10.3.0.1')));
    expect(codes.slice(0, 8).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(8).every((c) => c === 'RATE_LIMITED')).toBe(true);
    // the sprayed accounts still sign in from their owners' addresses
    expect((await signIn(rows[0].email, demo.password, '10.3.0.2')).errors).toBeUndefined();
  });

  it('does not let a caller without the service credential choose its address', async () => {
    const res = await postGraphQL(server.url, SIGN_IN, { e: admin, p: 'wrong-password-1' }, { 'x-pantau-client-ip': '10.4.0.1' });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/service credential/);
  });
});
