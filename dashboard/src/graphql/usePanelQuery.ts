import { useCallback } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs } from 'urql';

/** useQuery plus a retry that goes to the network (for a panel's "Retry" button). */
export function usePanelQuery<Data = any, Variables extends AnyVariables = AnyVariables>(args: UseQueryArgs<Variables, Data>) {
  const [result, reexecute] = useQuery<Data, Variables>(args);
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { result, retry };
}
