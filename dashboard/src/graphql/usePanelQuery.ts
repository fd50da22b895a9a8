import { useCallback } from 'react';
import { useQuery, type AnyVariables, type TypedDocumentNode, type UseQueryArgs } from 'urql';

/**
 * useQuery plus a retry that goes to the network (for a panel's "Retry" button). The query is a typed
 * document (`graphql()` from ./generated, see codegen.ts): the result and the variables are inferred
 * from it at every call site, and variables of the wrong shape do not compile.
 */
export function usePanelQuery<Data, Variables extends AnyVariables>(
  args: Omit<UseQueryArgs<Variables, Data>, 'query'> & { query: TypedDocumentNode<Data, Variables> },
) {
  const [result, reexecute] = useQuery<Data, Variables>(args as UseQueryArgs<Variables, Data>);
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { result, retry };
}
