import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropMysqlDatabase, serviceHeaders, type StoreConfig } from '@pantau/common';

/**
 * @pantau/testing (dev-only): helpers for the tests of every workspace. Never imported by production code.
 *
 * Test stores: every storage test runs on the embedded SQLite store and, where MariaDB/MySQL answers
 * (see jest.global-setup.js), on it too — each under a unique database name, dropped afterwards.
 */
export type StoreKind = 'sqlite' | 'mysql';

export function testMysqlUrl(): string | null {
  return process.env.PANTAU_TEST_MYSQL_URL || null;
}

export function storeKinds(): StoreKind[] {
  return testMysqlUrl() ? ['sqlite', 'mysql'] : ['sqlite'];
}

export interface TestStore {
  kind: StoreKind;
  /** For services started in-process. */
  config(service: string): StoreConfig;
  /** For services started as child processes: the env that selects this store. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export function uniqueName(prefix = 'pt'): string {
  return `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
}

export function createTestStore(kind: StoreKind): TestStore {
  const name = uniqueName();
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-test-'));
    return {
      kind,
      config: (service) => ({ kind: 'sqlite', path: path.join(dir, `${service}.sqlite`) }),
      env: { PANTAU_DATA_DIR: dir, DATABASE_URL: '' },
      async cleanup() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = testMysqlUrl();
  if (!server) throw new Error('MySQL is not available for tests');
  const base = new URL(server.replace(/^mariadb:/, 'mysql:'));
  base.pathname = '/';
  const used = new Set<string>();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-test-'));
  return {
    kind,
    config: (service) => {
      used.add(service);
      return { kind: 'mysql', url: base.toString(), database: `${name}_${service}` };
    },
    env: { DATABASE_URL: new URL(name, base).toString(), PANTAU_DATA_DIR: dir },
    async cleanup() {
      for (const service of ['agencies', 'reports', 'analytics', ...used]) {
        await dropMysqlDatabase(base.toString(), `${name}_${service}`);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/** POSTs a GraphQL operation over real HTTP. */
export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

/**
 * POSTs a GraphQL operation straight to a subgraph, with the service credential the gateway would add
 * (subgraphs refuse requests without it).
 */
export async function postSubgraph<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(url, query, variables, { ...(await serviceHeaders('test')), ...headers });
}

/** The first error's extensions.code, for assertions. */
export function errorCode(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/** Redis for tests (TEST_REDIS_URL, default the local one); tests skip with a notice when it does not answer. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
}
