/**
 * A urql Client for component tests: a real Client whose only exchange answers each operation by
 * its name from a table of handlers (fromValue-style), so components render exactly what a given
 * server answer produces. Every operation sent is recorded with its variables for assertions.
 */
import { Client, getOperationName, makeErrorResult, makeResult, type Exchange, type Operation } from 'urql';
import { filter, fromPromise, fromValue, mergeMap, pipe } from 'wonka';

export class GraphQLErrorsAnswer {
  constructor(
    readonly errors: { message: string; extensions?: Record<string, unknown> }[],
    readonly data: unknown = null,
  ) {}
}

/** A GraphQL error answer, e.g. gqlError('UNAUTHENTICATED', 'You must sign in'). */
export function gqlError(code: string, message: string, data: unknown = null, extra: Record<string, unknown> = {}) {
  return new GraphQLErrorsAnswer([{ message, extensions: { code, ...extra } }], data);
}

/** The gateway's answer when a subgraph is down: errors, no data. */
export function subgraphDown(service = 'analytics') {
  return new GraphQLErrorsAnswer([
    { message: `Couldn't connect to subgraph "${service}"`, extensions: { code: 'SUBREQUEST_HTTP_ERROR', service } },
  ]);
}

export type Handler = (variables: any, op: Operation) => unknown;

/** An operation as sent, variables loosely typed for assertions. */
export type SentOperation = Operation & { variables: any };

export interface TestClient {
  client: Client;
  calls: SentOperation[];
  callsTo: (name: string) => SentOperation[];
}

export function makeTestClient(handlers: Record<string, Handler>): TestClient {
  const calls: SentOperation[] = [];
  const answer = (op: Operation, value: unknown) => {
    if (value instanceof GraphQLErrorsAnswer) return makeResult(op, { data: value.data as any, errors: value.errors as any });
    if (value instanceof Error) return makeErrorResult(op, value);
    return makeResult(op, { data: value as any });
  };
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind === 'query' || op.kind === 'mutation'),
      mergeMap((op) => {
        calls.push(op as SentOperation);
        const name = getOperationName(op.query) ?? '(anonymous)';
        const handler = handlers[name];
        if (!handler) return fromValue(makeErrorResult(op, new Error(`No test handler for operation ${name}`)));
        let value: unknown;
        try {
          value = handler(op.variables, op);
        } catch (e) {
          value = e;
        }
        if (value && typeof (value as Promise<unknown>).then === 'function') {
          return fromPromise((value as Promise<unknown>).then((v) => answer(op, v), (e) => answer(op, e)));
        }
        return fromValue(answer(op, value));
      }),
    );
  const client = new Client({ url: 'http://test.invalid/graphql', exchanges: [exchange] });
  return { client, calls, callsTo: (name) => calls.filter((op) => getOperationName(op.query) === name) };
}
