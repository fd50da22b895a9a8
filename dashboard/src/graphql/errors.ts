import type { CombinedError } from 'urql';
import type { Lang } from '../i18n/format';

export type ErrorKind = 'network' | 'auth' | 'forbidden' | 'notFound' | 'input' | 'service';

/**
 * What went wrong, in terms a panel can explain. Codes come from @pantau/common errors.ts
 * (extensions.code); anything else from the gateway (a subgraph that does not answer, an internal
 * error) is a service problem.
 */
export function classifyError(error: CombinedError): ErrorKind {
  if (error.networkError && error.graphQLErrors.length === 0) return 'network';
  const codes = error.graphQLErrors.map((e) => String(e.extensions?.code ?? ''));
  if (codes.includes('UNAUTHENTICATED')) return 'auth';
  if (codes.includes('FORBIDDEN')) return 'forbidden';
  if (codes.includes('NOT_FOUND')) return 'notFound';
  if (codes.includes('BAD_USER_INPUT') || codes.includes('GRAPHQL_VALIDATION_FAILED')) return 'input';
  return 'service';
}

/** The server's own message in the UI language (extensions.messageId carries the Indonesian text). */
export function errorMessage(error: CombinedError, lang: Lang): string {
  const first = error.graphQLErrors[0];
  if (first) {
    const id = first.extensions?.messageId;
    if (lang === 'id' && typeof id === 'string' && id) return id;
    return first.message;
  }
  return error.networkError?.message ?? error.message;
}

/** The subgraph behind each kind of panel (extensions.service of a SUBGRAPH_UNAVAILABLE error). */
const SUBGRAPH_OF_PANEL = { analytics: 'analytics', registry: 'agencies', reports: 'reports' } as const;

/**
 * True when the panel's own subgraph did not answer (SUBGRAPH_UNAVAILABLE naming it): its figures are null
 * even though other parts of the answer (say, the region's name from the registry) arrived, so the panel
 * shows its error state. An outage of another subgraph leaves the panel ready with a partial notice.
 */
export function ownServiceDown(error: CombinedError | undefined, service: keyof typeof SUBGRAPH_OF_PANEL): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions?.service === SUBGRAPH_OF_PANEL[service]);
}
