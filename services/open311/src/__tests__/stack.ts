import net from 'node:net';
import path from 'node:path';

/**
 * The shared launcher (scripts/stack.cjs, also used by `npm start` and the gateway's system tests): the four real
 * processes. Imported here by path, like gateway/src/__tests__/stack-helpers.ts does, so this workspace's tests
 * type-check within their own rootDir.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { startStack } = require(path.resolve(__dirname, '../../../../scripts/stack.cjs')) as {
  startStack(opts: { env?: Record<string, string>; ports?: Record<string, number>; stdio?: 'inherit' | 'pipe' | 'ignore'; readyTimeoutMs?: number }): Promise<{
    origin: string;
    graphqlUrl: string;
    stop(): Promise<void>;
  }>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Free ports for the four processes (never the defaults 4000–4003). */
export async function freePorts() {
  return { gateway: await freePort(), agencies: await freePort(), reports: await freePort(), analytics: await freePort() };
}

export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await fn();
  while (!ok(last)) {
    if (Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 200));
    last = await fn();
  }
  return last;
}

/** fetch with an untyped JSON body, for assertions. */
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };
export const http = (url: string, init?: RequestInit) => fetch(url, init) as Promise<TestResponse>;
