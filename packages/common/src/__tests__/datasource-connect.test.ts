import net from 'node:net';
import { connectWithRetry, DatabaseConnectError, describeConnectError, dropMysqlDatabase, isDatabaseUnavailableError, probeMysqlServer } from '../datasource';
import { createLogger } from '../logger';
import { testMysqlUrl, uniqueName } from '@pantau/testing';

/** Connecting to MariaDB/MySQL: retry with backoff where waiting helps, a clear message either way. */

const quiet = createLogger('test');

async function listen(onConnection: (s: net.Socket) => void): Promise<{ port: number; close(): void }> {
  const server = net.createServer(onConnection);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

async function closedPort(): Promise<number> {
  const s = await listen(() => undefined);
  s.close();
  return s.port;
}

describe('connectWithRetry', () => {
  it('says a silent server (Redis, PostgreSQL) did not answer like MySQL, without retrying', async () => {
    const sockets: net.Socket[] = [];
    const silent = await listen((s) => sockets.push(s));
    try {
      const err = await connectWithRetry({ url: `mysql://root:secret-pw@127.0.0.1:${silent.port}`, database: 'x_y' }, quiet, { timeoutMs: 1200 }).catch((e) => e);
      expect(err).toBeInstanceOf(DatabaseConnectError);
      expect(err.code).toBe('NOT_MYSQL');
      expect(err.message).toContain(`The server at 127.0.0.1:${silent.port} did not answer like MySQL/MariaDB`);
      expect(err.message).not.toContain('secret-pw');
      expect(sockets).toHaveLength(1);
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });

  it('says a server that speaks something else is not MySQL', async () => {
    const http = await listen((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    try {
      await expect(probeMysqlServer('127.0.0.1', http.port, 2000)).rejects.toMatchObject({ code: 'NOT_MYSQL', message: expect.stringContaining('HTTP/1.1') });
    } finally {
      http.close();
    }
  });

  it('retries a refused port with backoff, then gives up with a clear message', async () => {
    const port = await closedPort();
    const started = Date.now();
    const err = await connectWithRetry({ url: `mysql://root@127.0.0.1:${port}`, database: 'x_y' }, quiet, { timeoutMs: 1500 }).catch((e) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(err.code).toBe('ECONNREFUSED');
    expect(err.message).toMatch(new RegExp(`Nothing accepts connections at 127.0.0.1:${port} \\(ECONNREFUSED\\).*Gave up after 2 s`));
  });

  it('names an unknown host', async () => {
    const err = await connectWithRetry({ url: 'mysql://root@no-such-host.invalid:3306', database: 'x_y' }, quiet, { timeoutMs: 500 }).catch((e) => e);
    expect(err.code).toMatch(/ENOTFOUND|EAI_AGAIN/);
    expect(err.message).toContain('The database host "no-such-host.invalid" was not found');
  });

  it('connects once the server appears during the wait', async () => {
    const url = testMysqlUrl();
    if (!url) return console.warn('[pantau] NOTICE: no MySQL/MariaDB; late-start case skipped');
    // a proxy that refuses for 600 ms, then forwards to the real server
    const target = new URL(url.replace(/^mariadb:/, 'mysql:'));
    const port = await closedPort();
    let proxy: { close(): void } | null = null;
    setTimeout(async () => {
      const server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 3306), target.hostname);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      server.listen(port, '127.0.0.1');
      proxy = { close: () => server.close() };
    }, 600);
    const database = uniqueName();
    const base = `mysql://${target.username || 'root'}${target.password ? `:${target.password}` : ''}@127.0.0.1:${port}`;
    try {
      await expect(connectWithRetry({ url: base, database }, quiet, { timeoutMs: 10000 })).resolves.toHaveProperty('mariadb');
    } finally {
      await dropMysqlDatabase(url, database);
      (proxy as { close(): void } | null)?.close();
    }
  });

  it('fails at once on a wrong password, without printing it', async () => {
    const url = testMysqlUrl();
    if (!url) return console.warn('[pantau] NOTICE: no MySQL/MariaDB; wrong-password case skipped');
    const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
    u.password = 'definitely-wrong-pw';
    const started = Date.now();
    const err = await connectWithRetry({ url: u.toString(), database: 'x_y' }, quiet, { timeoutMs: 20000 }).catch((e) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err.code).toBe('ER_ACCESS_DENIED_ERROR');
    expect(err.message).toContain('wrong user name or password');
    expect(err.message).not.toContain('definitely-wrong-pw');
  });
});

describe('isDatabaseUnavailableError', () => {
  it('tells an unreachable database from a bad query, through wrappers', () => {
    const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' });
    expect(isDatabaseUnavailableError(lost)).toBe(true);
    expect(isDatabaseUnavailableError({ message: 'query failed', driverError: { code: 'ECONNREFUSED' } })).toBe(true);
    expect(isDatabaseUnavailableError(new Error("Can't add new command when connection is in closed state"))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY' }))).toBe(false);
    expect(isDatabaseUnavailableError(new Error('boom'))).toBe(false);
    expect(describeConnectError(Object.assign(new Error('x'), { code: 'ER_DBACCESS_DENIED_ERROR' }), 'h', 1, 'u').retryable).toBe(false);
  });
});
