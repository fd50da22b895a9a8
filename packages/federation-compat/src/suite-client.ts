import { serviceHeaders } from '@pantau/common';

/**
 * Stands in for the suite's `utils/client` module (mapped in jest.config.js): the same exports and request
 * shape, with the addresses of the processes started by global-setup instead of localhost:4000–4003 and
 * Node's fetch instead of make-fetch-happen. Requests to products carry the service credential
 * (X-Pantau-Service), as the gateway's do: the fixture runs behind the same credential check as every
 * Pantau subgraph.
 */
type GraphQLRequest = { query: string; variables?: Record<string, unknown>; operationName?: string };

function url(name: 'FEDERATION_COMPAT_ROUTER_URL' | 'FEDERATION_COMPAT_PRODUCTS_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through packages/federation-compat's jest config`);
  return value;
}

export const ROUTER_URL = process.env.FEDERATION_COMPAT_ROUTER_URL ?? '';

export async function graphqlRequest(target: string, req: GraphQLRequest, headers?: Record<string, string>) {
  const resp = await fetch(target, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...(headers ?? {}) },
    body: JSON.stringify(req),
  });
  if (resp.ok && resp.headers.get('content-type')?.startsWith('application/json')) return resp.json();
  return resp.text();
}

export async function productsRequest(req: GraphQLRequest, headers?: Record<string, string>) {
  return graphqlRequest(url('FEDERATION_COMPAT_PRODUCTS_URL'), req, { ...(await serviceHeaders()), ...(headers ?? {}) });
}

export function routerRequest(req: GraphQLRequest, headers?: Record<string, string>) {
  return graphqlRequest(url('FEDERATION_COMPAT_ROUTER_URL'), req, headers);
}

// The suite's health checks belong to its own runner; global-setup waits for every process instead.
export async function healthcheckSupergraph(): Promise<boolean> {
  return true;
}
export async function healthcheckRouter(): Promise<boolean> {
  return true;
}
export async function healthcheck(): Promise<boolean> {
  return true;
}
