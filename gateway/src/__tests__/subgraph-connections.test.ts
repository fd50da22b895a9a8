import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { keepAliveTimeouts } from '@pantau/common';
import { ResilientDataSource, errorsForFailedFetch, scrubFormattedError, subgraphCallSettings } from '../subgraph-data-source';

/**
 * Gateway → subgraph connections over real HTTP. The subgraph runs in its own process so that it closes an
 * idle keep-alive socket on its own timer while the gateway's event loop is busy — exactly the race that
 * made ~3% of dashboard loads fail with `socket hang up` / `ECONNRESET`.
 */

const request = (query: string, variables?: Record<string, unknown>) =>
  ({
    kind: 'incoming operation',
    request: { query, variables },
    context: {},
    incomingRequestContext: {},
  }) as unknown as GraphQLDataSourceProcessOptions;

const busyWait = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    /* the gateway is busy (query planning, JSON): it cannot see the subgraph's FIN */
  }
};

/** When the server really closes an idle keep-alive socket (Node adds a buffer to keepAliveTimeout). */
async function measureIdleClose(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}'));
    let answeredAt = 0;
    s.on('data', () => (answeredAt ||= Date.now()));
    s.on('close', () => resolve(Date.now() - answeredAt));
    s.on('error', reject);
  });
}

describe('idle keep-alive sockets between gateway and subgraph', () => {
  let child: ChildProcess;
  let url: string;
  let closeMs: number;

  beforeAll(async () => {
    child = fork(path.join(__dirname, 'support/idle-subgraph.cjs'), [], {
      // short keep-alive so the test idles seconds, not minutes; the same setting code as every subgraph
      env: { ...process.env, PANTAU_KEEP_ALIVE_TIMEOUT_MS: '2000' },
      stdio: 'inherit',
    });
    const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', resolve as never));
    url = `http://127.0.0.1:${port}/graphql`;
    closeMs = await measureIdleClose(port);
  }, 20000);
  afterAll(() => {
    child?.kill();
  });

  /**
   * A request, then idle until just past the moment the subgraph closes the socket, then a request. The busy
   * window around the close moment is wide because the subgraph's timer fires late on a loaded machine.
   */
  async function idlePastServerClose(send: () => Promise<unknown>) {
    await send();
    await new Promise((r) => setTimeout(r, closeMs - 150));
    busyWait(500);
    return send();
  }

  it('reproduces the reset with the fetcher @apollo/gateway uses by default (make-fetch-happen, idle sockets kept forever)', async () => {
    expect(closeMs).toBeGreaterThanOrEqual(2000);
    const ds = new RemoteGraphQLDataSource({ url });
    const send = () => ds.process(request('{ ok }'));
    // a loaded machine can delay the subgraph's close past the window: up to three rounds, one reset is enough
    let failure: unknown = null;
    for (let round = 0; round < 3 && !failure; round++) {
      failure = await idlePastServerClose(send).then(() => null, (err: unknown) => err);
    }
    expect(String((failure as Error | null)?.message)).toMatch(/socket hang up|ECONNRESET/);
  }, 30000);

  it('the gateway data source closes idle sockets first: no reset, and no retry needed', async () => {
    // queryAttempts 1: this passes because the agent closed the socket, not because of the retry
    const ds = new ResilientDataSource({ url, name: 'analytics', settings: { queryAttempts: 1 } });
    try {
      const send = () => ds.process(request('{ ok n connections }'));
      for (let round = 0; round < 3; round++) {
        const res: any = await idlePastServerClose(send);
        expect(res.errors).toBeUndefined();
        expect(res.data.ok).toBe(true);
      }
    } finally {
      ds.destroy();
    }
  }, 40000);

  it('subgraph servers keep idle sockets longer than the gateway agent by default', () => {
    const server = keepAliveTimeouts({});
    expect(server.keepAliveTimeout).toBeGreaterThan(subgraphCallSettings({}).idleMs);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });
});

describe('retry, timeout and unavailable subgraphs', () => {
  /** A server that drops the connection of the first request it receives, then answers normally. */
  async function flakyServer(behaviour: 'reset-first' | 'never-answer') {
    let requests = 0;
    const server = http.createServer((req, res) => {
      requests += 1;
      if (behaviour === 'never-answer') return; // hangs until the client gives up
      if (requests === 1) {
        req.socket.destroy();
        return;
      }
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { ok: true, submit: true } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    return {
      url: `http://127.0.0.1:${port}/graphql`,
      requests: () => requests,
      close: () => {
        server.closeAllConnections();
        return new Promise((r) => server.close(r));
      },
    };
  }

  const noAddress = (value: unknown) => expect(JSON.stringify(value)).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\//);

  it('retries a query once on a connection reset', async () => {
    const srv = await flakyServer('reset-first');
    const ds = new ResilientDataSource({ url: srv.url, name: 'analytics', settings: { retryDelayMs: 10 } });
    try {
      const res: any = await ds.process(request('query Q { ok }'));
      expect(res.errors).toBeUndefined();
      expect(res.data.ok).toBe(true);
      expect(srv.requests()).toBe(2);
    } finally {
      ds.destroy();
      await srv.close();
    }
  });

  it('never retries a mutation: the reset becomes SUBGRAPH_UNAVAILABLE with a path and no address', async () => {
    const srv = await flakyServer('reset-first');
    const ds = new ResilientDataSource({ url: srv.url, name: 'reports', settings: { retryDelayMs: 10 } });
    try {
      const res: any = await ds.process(request('mutation M { submit }'));
      expect(srv.requests()).toBe(1);
      expect(res.data).toBeNull();
      expect(res.errors).toEqual([
        expect.objectContaining({ path: ['submit'], extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', service: 'reports', reason: 'connection' }) }),
      ]);
      noAddress(res);
    } finally {
      ds.destroy();
      await srv.close();
    }
  });

  it('bounds every subgraph call by its timeout', async () => {
    const srv = await flakyServer('never-answer');
    const ds = new ResilientDataSource({ url: srv.url, name: 'analytics', settings: { timeoutMs: 300 } });
    try {
      const started = Date.now();
      const res: any = await ds.process(request('{ analyticsOverview { volume } }'));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.errors[0]).toMatchObject({ path: ['analyticsOverview'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'analytics', reason: 'timeout' } });
      expect(srv.requests()).toBe(1); // a slow subgraph is not hit twice
      noAddress(res);
    } finally {
      ds.destroy();
      await srv.close();
    }
  });

  it('a refused connection is retried, then answered per field without the address', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const ds = new ResilientDataSource({ url: `http://127.0.0.1:${port}/graphql`, name: 'analytics', settings: { retryDelayMs: 10 } });
    try {
      const res: any = await ds.process(request('{ a: analyticsOverview { volume } slaCompliance { overall } __typename }'));
      expect(res.errors.map((e: any) => e.path)).toEqual([['a'], ['slaCompliance']]);
      expect(res.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'analytics', reason: 'connection' });
      noAddress(res);
    } finally {
      ds.destroy();
    }
  });

  it('entity fetches get one error per entity and field, in the paths the gateway maps back', () => {
    const query = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Agency { performance { reportCount } } ... on Region { reportStats { volume } } } }';
    const options = request(query, { representations: [{ __typename: 'Agency', id: '1' }, { __typename: 'Region', code: '64' }] });
    const errors = errorsForFailedFetch(options, { message: 'x', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    expect(errors.map((e) => e.path)).toEqual([
      ['_entities', 0, 'performance'],
      ['_entities', 1, 'reportStats'],
    ]);
  });

  it('the gateway error formatter removes internal addresses and upstream response details', () => {
    const scrubbed = scrubFormattedError({
      message: 'request to http://127.0.0.1:4003/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4003',
      extensions: { code: 'INTERNAL_SERVER_ERROR', response: { url: 'http://127.0.0.1:4003/graphql' }, detail: 'localhost:4003' },
    });
    expect(scrubbed.extensions).not.toHaveProperty('response');
    noAddress(scrubbed);
    expect(scrubbed.message).toContain('ECONNREFUSED');
  });
});
