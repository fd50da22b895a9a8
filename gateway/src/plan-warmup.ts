import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import { parse, print, type DocumentNode } from 'graphql';
import type { Logger } from '@pantau/common';

/**
 * Warm query-plan cache (issue 11): at start the gateway plans the dashboard's own operations
 * (dashboard/src/graphql/operations.graphql, typed by graphql-codegen into dashboard/src/graphql/generated)
 * and stores the plans under the keys @apollo/gateway will look them up by, so the first visitor of each
 * page does not pay for query planning (tens of ms per operation, more on a loaded machine).
 *
 * The key is sha256(sha256(query text) + operationName), where the query text is exactly what the
 * dashboard sends: urql adds `__typename` to selection sets (formatDocument, cacheExchange) and prints the
 * document its own way (makeFetchBody), so the texts are produced with @urql/core's functions from the
 * very document objects the dashboard imports (the generated ASTs).
 * Best-effort: anything missing (no dashboard sources, another urql) warms nothing and logs why.
 */

export const OPERATIONS_PATH = path.resolve(__dirname, '../../dashboard/src/graphql/operations.ts');
export const DOCUMENTS_PATH = path.resolve(__dirname, '../../dashboard/src/graphql/generated/graphql.ts');

/**
 * The dashboard's documents under the constant names operations.ts gives them (`XDocument as NAME,`):
 * the ASTs graphql-codegen wrote to generated/graphql.ts, one `export const XDocument = {…JSON…} as
 * unknown as DocumentNode<…>;` line each, operation and the fragments it uses together.
 */
export function dashboardDocuments(opsFile = OPERATIONS_PATH, docsFile = DOCUMENTS_PATH): Record<string, DocumentNode> {
  const docs = new Map<string, DocumentNode>();
  for (const m of fs.readFileSync(docsFile, 'utf8').matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode</gm)) {
    docs.set(m[1], JSON.parse(m[2]) as DocumentNode);
  }
  const out: Record<string, DocumentNode> = {};
  for (const m of fs.readFileSync(opsFile, 'utf8').matchAll(/^\s*(\w+) as ([A-Z_0-9]+),?$/gm)) {
    const doc = docs.get(m[1]);
    if (doc) out[m[2]] = doc;
  }
  return out;
}

/** The documents of dashboardDocuments as GraphQL text (scripts/load.mjs sends these). */
export function operationSources(opsFile = OPERATIONS_PATH, docsFile = DOCUMENTS_PATH): Record<string, string> {
  return Object.fromEntries(Object.entries(dashboardDocuments(opsFile, docsFile)).map(([name, doc]) => [name, print(doc)]));
}

export interface WireOperation {
  name: string;
  operationName: string | undefined;
  query: string;
}

/**
 * The request bodies the dashboard's urql client sends for each operation document: captured from a
 * real urql Client with the dashboard's exchanges (cacheExchange adds `__typename`) and a fetch that
 * records the body instead of sending it.
 */
export async function dashboardWireOperations(opsFile = OPERATIONS_PATH, docsFile = DOCUMENTS_PATH): Promise<WireOperation[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const urql = require('@urql/core') as typeof import('@urql/core');
  let captured: { query?: string; operationName?: string } | null = null;
  const client = new urql.Client({
    url: 'http://127.0.0.1/graphql',
    preferGetMethod: false,
    requestPolicy: 'network-only',
    exchanges: [urql.cacheExchange, urql.fetchExchange],
    fetch: async (_url: unknown, init?: { body?: unknown }) => {
      captured = JSON.parse(String(init?.body ?? '{}'));
      return new Response('{"data":null}', { headers: { 'content-type': 'application/json' } });
    },
  });
  const out: WireOperation[] = [];
  for (const [name, doc] of Object.entries(dashboardDocuments(opsFile, docsFile))) {
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition');
    if (!op || op.kind !== 'OperationDefinition' || op.operation === 'subscription') continue;
    captured = null;
    await (op.operation === 'mutation' ? client.mutation(doc, {}) : client.query(doc, {})).toPromise();
    const body = captured as { query?: string; operationName?: string } | null;
    if (body?.query) out.push({ name, operationName: body.operationName, query: body.query });
  }
  return out;
}

interface GatewayInternals {
  queryPlanStore: { set(key: string, plan: unknown): Promise<void>; get(key: string): Promise<unknown> };
  apiSchema: unknown;
}

export function planStoreKey(query: string, operationName: string | undefined): string {
  const queryHash = createHash('sha256').update(query).digest('hex');
  return operationName ? createHash('sha256').update(queryHash).update(operationName).digest('hex') : queryHash;
}

/** Plans each operation and stores the plan; returns how many were planned. Call after the gateway has loaded. */
export async function warmQueryPlans(gateway: ApolloGateway, ops: WireOperation[], logger?: Logger): Promise<{ planned: number; failed: string[]; ms: number }> {
  const t0 = performance.now();
  const internals = gateway as unknown as GatewayInternals;
  const planner = gateway.__testing().queryPlanner;
  if (!planner || !internals.queryPlanStore || !internals.apiSchema) {
    logger?.warn('query-plan warm-up skipped: the gateway has no planner yet');
    return { planned: 0, failed: ops.map((o) => o.name), ms: 0 };
  }
  // the same federation-internals the gateway plans with
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fi = require(require.resolve('@apollo/federation-internals', { paths: [path.dirname(require.resolve('@apollo/gateway'))] }));
  let planned = 0;
  const failed: string[] = [];
  for (const op of ops) {
    try {
      const operation = fi.operationFromDocument(internals.apiSchema, parse(op.query), { operationName: op.operationName });
      const plan = planner.buildQueryPlan(operation, {});
      await internals.queryPlanStore.set(planStoreKey(op.query, op.operationName), plan);
      planned++;
    } catch (err) {
      failed.push(op.name);
      logger?.debug({ operation: op.name, err: (err as Error).message }, 'query-plan warm-up: operation not planned');
    }
  }
  const ms = Math.round(performance.now() - t0);
  logger?.info({ planned, failed: failed.length, ms }, 'query plans warmed from the dashboard operations');
  return { planned, failed, ms };
}

/** Warm-up at start unless PANTAU_WARM_PLANS=0; never fails the start. */
export async function warmDashboardPlans(gateway: ApolloGateway, logger: Logger): Promise<void> {
  if (process.env.PANTAU_WARM_PLANS === '0') return;
  try {
    if (!fs.existsSync(OPERATIONS_PATH) || !fs.existsSync(DOCUMENTS_PATH)) {
      logger.info('query-plan warm-up skipped: no dashboard operations next to the gateway');
      return;
    }
    await warmQueryPlans(gateway, await dashboardWireOperations(), logger);
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'query-plan warm-up failed; plans are made on first use');
  }
}
