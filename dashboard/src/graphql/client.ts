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
 */
export function createPantauClient({ url = GRAPHQL_URL, token, lang, onTokenRejected }: ClientOptions): Client {
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
