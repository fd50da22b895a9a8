import { GraphQLError } from 'graphql';
import { AppError, serviceHeaders, serviceUrl, type ErrorKey } from '@pantau/common';
import { ERROR_KEYS } from '@pantau/contract';

/** What reports needs from the agencies registry. Tests pass a client bound to a real agencies server. */
export interface Jurisdiction {
  agency: { id: string; name: string };
  reasons: string[];
}

export interface RegistryAgency {
  id: string;
  name: string;
  active: boolean;
}

export interface RegistryRegion {
  code: string;
  name: string;
}

export interface RegistryClient {
  /** Known service-topic codes. */
  topics(): Promise<string[]>;
  /** Routing suggestion; BAD_USER_INPUT for unknown topics, regions or roads. */
  resolveJurisdiction(input: { topic: string; regionCode: string; roadId?: string | null }): Promise<Jurisdiction>;
  /** An agency by id, or null when there is none. */
  agency(id: string): Promise<RegistryAgency | null>;
  /** Child regions of a region (e.g. the districts of a regency). */
  regionChildren(code: string, first?: number): Promise<RegistryRegion[]>;
}

/** SERVICE_UNAVAILABLE naming the registry call (`what`); the cause is for the log, never the client (it may hold addresses). */
export function serviceUnavailable(what: string, _cause?: string): GraphQLError {
  return new AppError('SERVICE_UNAVAILABLE.REGISTRY', {}, { extra: { registryCall: what } });
}

const isErrorKey = (key: string) => (ERROR_KEYS as string[]).includes(key);

interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string; [param: string]: unknown } }>;
}

const TOPICS_TTL_MS = 60_000;

/** The registry over HTTP: the agencies subgraph's public GraphQL API (AGENCIES_URL). */
export class HttpRegistryClient implements RegistryClient {
  private topicsCache: { at: number; codes: string[] } | null = null;

  constructor(
    readonly url: string = serviceUrl('agencies'),
    private readonly opts: { timeoutMs?: number; authorization?: () => Promise<string | undefined> } = {},
  ) {}

  async request<T>(query: string, variables: Record<string, unknown>, what: string): Promise<T> {
    let res: Response;
    try {
      // The registry's /graphql answers services only: the service credential on every call.
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(await serviceHeaders('reports')) };
      const auth = await this.opts.authorization?.();
      if (auth) headers.authorization = auth;
      res = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
    } catch (err) {
      throw serviceUnavailable(what, (err as Error).name === 'TimeoutError' ? 'timed out' : (err as Error).message);
    }
    let body: GraphQLResponse<T>;
    try {
      body = (await res.json()) as GraphQLResponse<T>;
    } catch {
      throw serviceUnavailable(what, `HTTP ${res.status}`);
    }
    const err = body.errors?.[0];
    if (err) {
      const code = err.extensions?.code;
      if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND') {
        // the registry's refusal as this API's BAD_USER_INPUT, with its reason and parameters
        const { code: _c, reason, messageId: _m, ...params } = err.extensions ?? {};
        const key = `BAD_USER_INPUT.${String(reason)}`;
        throw new AppError((isErrorKey(key) ? key : 'BAD_USER_INPUT') as ErrorKey, params as never, { extra: { registryCode: code } });
      }
      throw serviceUnavailable(what, err.message);
    }
    if (!body.data) throw serviceUnavailable(what, `HTTP ${res.status}`);
    return body.data;
  }

  async topics(): Promise<string[]> {
    if (this.topicsCache && Date.now() - this.topicsCache.at < TOPICS_TTL_MS) return this.topicsCache.codes;
    const data = await this.request<{ topics: Array<{ code: string }> }>('query Topics { topics { code } }', {}, 'topics');
    const codes = data.topics.map((t) => t.code);
    this.topicsCache = { at: Date.now(), codes };
    return codes;
  }

  async resolveJurisdiction(input: { topic: string; regionCode: string; roadId?: string | null }): Promise<Jurisdiction> {
    const data = await this.request<{ resolveJurisdiction: Jurisdiction }>(
      `query Route($input: JurisdictionInput!) { resolveJurisdiction(input: $input) { agency { id name } reasons } }`,
      { input: { topic: input.topic, regionCode: input.regionCode, ...(input.roadId ? { roadId: input.roadId } : {}) } },
      'resolveJurisdiction',
    );
    return data.resolveJurisdiction;
  }

  async agency(id: string): Promise<RegistryAgency | null> {
    const data = await this.request<{ agency: RegistryAgency | null }>(
      'query Agency($id: ID!) { agency(id: $id) { id name active } }',
      { id },
      'agency',
    );
    return data.agency;
  }

  async regionChildren(code: string, first = 100): Promise<RegistryRegion[]> {
    const out: RegistryRegion[] = [];
    let after: string | null = null;
    for (;;) {
      const data: { region: { children: { edges: Array<{ node: RegistryRegion }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } =
        await this.request(
          `query Children($code: String!, $first: Int, $after: String) {
            region(code: $code) { children(first: $first, after: $after) { edges { node { code name } } pageInfo { hasNextPage endCursor } } }
          }`,
          { code, first: Math.min(first, 100), after },
          'region',
        );
      if (!data.region) return out;
      out.push(...data.region.children.edges.map((e) => e.node));
      if (!data.region.children.pageInfo.hasNextPage || out.length >= first) return out.slice(0, first);
      after = data.region.children.pageInfo.endCursor;
    }
  }
}
