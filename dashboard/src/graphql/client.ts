import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import type { Lang } from '../i18n/format';

export const GRAPHQL_URL = '/graphql';

export interface ClientOptions {
  url?: string;
  token: string | null;
  lang: Lang;
  /** Called when the server rejects the token we sent (expired, revoked, wrong key). */
  onTokenRejected?: () => void;
}

/** Headers every request carries: the staff token and the UI language (for server messages). */
export function requestHeaders(token: string | null, lang: Lang): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': lang === 'en' ? 'en' : 'id' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/**
 * The urql client. One per (token, language): switching either builds a fresh client, so nothing
 * cached for one viewer is ever shown to another. Always POST (the gateway's CSRF protection
 * rejects simple GETs, and POST keeps filters out of access logs).
 *
 * The first call for the (url, token, language) of a client made earlier by `primeClient` returns
 * that client (once), with the requests it already has in flight or answered (prefetch.ts).
 */
export function createPantauClient(opts: ClientOptions): Client {
  const p = primed;
  if (p && p.key === clientKey(opts)) {
    primed = null;
    p.handlers.onTokenRejected = opts.onTokenRejected;
    return p.client;
  }
  return buildClient(opts);
}

/** The client made before the app mounted, waiting to be adopted by the first createPantauClient. */
let primed: { key: string; client: Client; handlers: { onTokenRejected?: () => void } } | null = null;

const clientKey = ({ url = GRAPHQL_URL, token, lang }: ClientOptions) => JSON.stringify([url, token, lang]);

/**
 * A client built before React mounts (so the first page's queries can leave at once); the app's first
 * createPantauClient with the same url, token and language adopts it, and its onTokenRejected then
 * applies to it too.
 */
export function primeClient(opts: Omit<ClientOptions, 'onTokenRejected'>): Client {
  const handlers: { onTokenRejected?: () => void } = {};
  const client = buildClient({ ...opts, onTokenRejected: () => handlers.onTokenRejected?.() });
  primed = { key: clientKey(opts), client, handlers };
  return client;
}

function buildClient({ url = GRAPHQL_URL, token, lang, onTokenRejected }: ClientOptions): Client {
  return new Client({
    url,
    preferGetMethod: false,
    requestPolicy: 'cache-first',
    fetchOptions: () => ({ headers: requestHeaders(token, lang) }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (token && onTokenRejected && error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
            onTokenRejected();
          }
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
