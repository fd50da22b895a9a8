import net from 'node:net';
import path from 'node:path';

/** The shared launcher in scripts/ (CommonJS, also used by `npm start`). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { startStack } = require(path.resolve(__dirname, '../../../scripts/stack.cjs')) as {
  startStack(opts: {
    env?: Record<string, string>;
    ports?: Record<string, number>;
    stdio?: 'inherit' | 'pipe' | 'ignore';
    readyTimeoutMs?: number;
    supervise?: boolean;
    backoff?: { initialMs?: number; maxMs?: number; resetAfterMs?: number };
    onEvent?: (e: { type: string; service: string; code?: number | null; signal?: string | null; delayMs?: number; restarts?: number; tail?: string }) => void;
  }): Promise<{
    origin: string;
    graphqlUrl: string;
    ports: Record<string, number>;
    children: Record<string, import('node:child_process').ChildProcess>;
    stop(): Promise<void>;
    tail(name: string): string;
    restarts(): Record<string, number>;
    waitReady(name: string, ms?: number): Promise<void>;
  }>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

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
