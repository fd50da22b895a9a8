import type { CombinedError } from 'urql';
import { translate, type Lang } from '../i18n/I18n';

export type ErrorKind = 'network' | 'auth' | 'forbidden' | 'notFound' | 'input' | 'service';

/**
 * What went wrong, in terms a panel can explain. Codes come from @pantau/contract (ERROR_CODES)
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

/**
 * The server's message for a panel's technical detail. Every Pantau process writes `message` from the
 * contract's catalogue in the request's language (the client sends Accept-Language with the UI
 * language). Forms translate by code with the catalogue itself (formErrors.ts, in the form chunks):
 * the catalogue is kept out of the initial JavaScript.
 */
export function errorMessage(error: CombinedError, lang: Lang): string {
  const first = error.graphQLErrors[0];
  if (first) return first.message;
  // Not reached: the browser's own text ("Failed to fetch") is English whatever the UI language.
  return translate(lang, 'panel.error.network');
}

/** extensions.code of the first error ('network' when the server was not reached). */
export function errorCode(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.graphQLErrors.length === 0) return 'network';
  const code = error.graphQLErrors[0].extensions?.code;
  return typeof code === 'string' ? code : null;
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
