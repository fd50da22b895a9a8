import { Trace } from '@apollo/usage-reporting-protobuf';
import { serviceHeaders } from '@pantau/common';

/**
 * The fixture runs behind the same server kit as the Pantau subgraphs (startSubgraphServer): these check what
 * the compatibility suite does not: the credential, and what an inline trace may carry.
 */
const productsUrl = () => process.env.FEDERATION_COMPAT_PRODUCTS_URL!;

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(productsUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }>; extensions?: Record<string, unknown> } };
}

describe('products fixture (startSubgraphServer)', () => {
  it('refuses a caller without the service credential, traced or not', async () => {
    const plain = await post({ query: '{ __typename }' });
    expect(plain.status).toBe(401);
    expect(plain.json.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const traced = await post({ query: '{ __typename }' }, { 'apollo-federation-include-trace': 'ftv1' });
    expect(traced.status).toBe(401);
    expect(traced.json.extensions).toBeUndefined();
  });

  it('adds an inline trace only when asked', async () => {
    const res = await post({ query: '{ __typename }' }, await serviceHeaders());
    expect(res.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('masks error messages inside a trace', async () => {
    // the helper's representation check answers BAD_USER_INPUT quoting the bad __typename
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }';
    const variables = { r: [{ __typename: 'someone-else@example.org' }] };
    const res = await post({ query, variables }, { ...(await serviceHeaders()), 'apollo-federation-include-trace': 'ftv1' });
    expect(res.json.errors?.[0].message).toContain('someone-else@example.org'); // the response itself keeps it
    const trace = Trace.decode(Buffer.from(String(res.json.extensions?.ftv1), 'base64'));
    const messages: string[] = [];
    const walk = (node: Trace.INode | null | undefined) => {
      for (const e of node?.error ?? []) messages.push(String(e.message));
      for (const c of node?.child ?? []) walk(c);
    };
    walk(trace.root);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m === '<masked>')).toBe(true);
    expect(JSON.stringify(trace.toJSON())).not.toContain('someone-else@example.org');
  });
});
