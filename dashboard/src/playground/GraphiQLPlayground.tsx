/**
 * GraphiQL 5 from npm, bundled (Monaco editor and its workers included: no CDN, works offline).
 * Reached only through a dynamic import from PlaygroundPage, so none of this is in the initial load.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { useMemo } from 'react';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GRAPHQL_URL, requestHeaders } from '../graphql/client';
import type { Lang } from '../i18n/format';
import { EXAMPLE_OPERATIONS } from './examples';

export default function GraphiQLPlayground({ token, lang }: { token: string | null; lang: Lang }) {
  // The signed-in user's token goes with every request (not into the headers editor, so it is
  // never persisted in GraphiQL's local storage). A new token or language builds a new fetcher.
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: new URL(GRAPHQL_URL, window.location.origin).toString(),
        headers: requestHeaders(token, lang),
      }),
    [token, lang],
  );
  // GraphiQL 5 fills the variables editor of the first default tab only from `initialVariables`
  // (its query comes from the tab): pass them on a first visit, when no tabs are stored yet.
  const firstVisit = useMemo(() => {
    try {
      return !window.localStorage.getItem('graphiql:tabState');
    } catch {
      return true;
    }
  }, []);
  return (
    <div className="graphiql-host" data-testid="graphiql">
      <GraphiQL
        key={`${token ?? 'anonymous'}|${lang}`}
        fetcher={fetcher}
        defaultTabs={EXAMPLE_OPERATIONS}
        initialVariables={firstVisit ? EXAMPLE_OPERATIONS[0].variables : undefined}
        shouldPersistHeaders={false}
        defaultEditorToolsVisibility="variables"
      />
    </div>
  );
}
