import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createLogger, printSubgraphSdl, serviceHeaders, startSubgraphServer, type RunningServer } from '@pantau/common';
import { parse } from 'graphql';
import { buildProductsSchema } from './products/schema';

/**
 * What the suite's Docker/rover runner sets up, on private loopback ports instead of 4000–4003:
 * - **products**: the fixture, served by @pantau/common's startSubgraphServer exactly like the Pantau
 *   subgraphs (service credential required, operation limits, inline traces);
 * - **inventory** and **users**: the suite's own bundled subgraphs (node processes; a preload pins their
 *   listening address to 127.0.0.1, their port comes from INVENTORY_PORT / USERS_PORT);
 * - **router**: @apollo/gateway over the supergraph composed with @apollo/composition (the suite uses
 *   rover + Apollo Router in Docker), adding the service credential to its calls to products.
 */
export interface CompatStack {
  productsUrl: string;
  routerUrl: string;
  stop(): Promise<void>;
}

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

/** Starts one of the suite's bundled subgraphs; resolves once it reports ready (IPC 'ready', as under pm2). */
function startSuiteSubgraph(suiteDir: string, name: 'inventory' | 'users', port: number): Promise<ChildProcess> {
  const dir = path.join(suiteDir, 'dist', 'subgraphs', name);
  const child = spawn(process.execPath, ['--require', path.join(__dirname, 'loopback.cjs'), path.join(dir, 'index.js')], {
    cwd: dir,
    env: { PATH: process.env.PATH, [`${name.toUpperCase()}_PORT`]: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} subgraph did not start within 30 s:\n${output}`)), 30_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    child.once('exit', (code, signal) => fail(new Error(`${name} subgraph exited (${code ?? signal}):\n${output}`)));
    child.on('message', (m) => {
      if (m !== 'ready') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(child);
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

class ProductsDataSource extends RemoteGraphQLDataSource {
  override async willSendRequest({ request }: Parameters<NonNullable<RemoteGraphQLDataSource['willSendRequest']>>[0]) {
    for (const [k, v] of Object.entries(await serviceHeaders())) request.http?.headers.set(k, v);
  }
}

export async function startCompatStack(suiteDir: string): Promise<CompatStack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const schema = await buildProductsSchema();
    const products: RunningServer = await startSubgraphServer(
      { name: 'products', schema, logger: createLogger('products'), context: async () => ({}) },
      0,
      '127.0.0.1',
    );
    stops.push(() => products.close());

    const [inventoryPort, usersPort] = [await freePort(), await freePort()];
    const inventory = await startSuiteSubgraph(suiteDir, 'inventory', inventoryPort);
    stops.push(() => stopChild(inventory));
    const users = await startSuiteSubgraph(suiteDir, 'users', usersPort);
    stops.push(() => stopChild(users));

    const sdl = (name: string) => fs.readFileSync(path.join(suiteDir, 'dist', 'subgraphs', name, `${name}.graphql`), 'utf8');
    const composed = composeServices([
      { name: 'inventory', url: `http://127.0.0.1:${inventoryPort}/`, typeDefs: parse(sdl('inventory')) },
      { name: 'users', url: `http://127.0.0.1:${usersPort}/`, typeDefs: parse(sdl('users')) },
      { name: 'products', url: products.url, typeDefs: parse(printSubgraphSdl(schema)) },
    ]);
    if (composed.errors?.length) throw new Error(`Composition failed:\n${composed.errors.map((e) => `- ${e.message}`).join('\n')}`);

    // @apollo/gateway otherwise probes cloud metadata addresses and sends usage metrics to Apollo
    process.env.APOLLO_TELEMETRY_DISABLED = '1';
    const gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ name, url }) => (name === 'products' ? new ProductsDataSource({ url }) : new RemoteGraphQLDataSource({ url })),
      logger: silentLogger,
    });
    const router = new ApolloServer({ gateway, logger: silentLogger });
    const { url: routerUrl } = await startStandaloneServer(router, { listen: { port: 0, host: '127.0.0.1' } });
    stops.push(() => router.stop());

    return { productsUrl: products.url, routerUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

const noop = () => undefined;
const silentLogger = { debug: noop, info: noop, warn: noop, error: (...args: unknown[]) => console.error(...args) };
