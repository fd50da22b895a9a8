import { buildSubgraphSchema } from '@apollo/subgraph';
import { getIntrospectionQuery, parse } from 'graphql';
import { createLogger } from '../logger';
import {
  DEFAULT_LIMITS,
  LIMIT_ENV,
  checkListInputs,
  countTokens,
  measureOperation,
  operationCost,
  operationLimits,
  subgraphLimits,
} from '../limits';
import { startSubgraphServer, type RunningServer } from '../server';
import { serviceHeaders } from '../service-auth';

const typeDefs = parse(`
  type Query {
    item(id: ID!): Item
    items(first: Int, status: [String!]): [Item!]!
    echo(values: [Int!], filter: ItemFilter): Int!
    slow(ms: Int!): String
    expensive: Int
  }
  input ItemFilter {
    status: [String!]
    nested: [[Int!]!]
  }
  type Item @key(fields: "id") {
    id: ID!
    name: String
    children(first: Int): [Item!]!
  }
`);

const item = (id: string) => ({ id, name: `item ${id}` });
const schema = buildSubgraphSchema([{
  typeDefs,
  resolvers: {
    Query: {
      item: (_: unknown, { id }: { id: string }) => item(id),
      items: (_: unknown, { first }: { first?: number }) => Array.from({ length: first ?? 3 }, (_v, i) => item(String(i))),
      echo: (_: unknown, { values }: { values?: number[] }) => values?.length ?? 0,
      slow: async (_: unknown, { ms }: { ms: number }) => {
        await new Promise((r) => setTimeout(r, ms));
        return 'late';
      },
    },
    Item: {
      __resolveReference: (ref: { id: string }) => item(ref.id),
      children: (_: unknown, { first }: { first?: number }) => Array.from({ length: Math.min(first ?? 2, 3) }, (_v, i) => item(`c${i}`)),
    },
  } as any,
}]);

describe('operationLimits (env)', () => {
  it('uses the defaults, reads each PANTAU_* variable and refuses nonsense', () => {
    expect(operationLimits({})).toEqual(DEFAULT_LIMITS);
    expect(operationLimits({ PANTAU_MAX_DEPTH: '7', PANTAU_OPERATION_TIMEOUT_MS: '0' })).toMatchObject({ maxDepth: 7, operationTimeoutMs: 0 });
    expect(() => operationLimits({ PANTAU_MAX_COST: 'lots' })).toThrow(/PANTAU_MAX_COST/);
    expect(() => operationLimits({ PANTAU_MAX_ALIASES: '0' })).toThrow(/PANTAU_MAX_ALIASES/);
    expect(Object.values(LIMIT_ENV)).toEqual(
      expect.arrayContaining([
        'PANTAU_MAX_DEPTH',
        'PANTAU_MAX_ALIASES',
        'PANTAU_MAX_ROOT_FIELDS',
        'PANTAU_MAX_TOKENS',
        'PANTAU_MAX_DIRECTIVES',
        'PANTAU_MAX_COST',
        'PANTAU_OPERATION_TIMEOUT_MS',
        'PANTAU_MAX_LIST_INPUT',
        'PANTAU_MAX_REPRESENTATIONS',
      ]),
    );
    expect(subgraphLimits(DEFAULT_LIMITS).maxTokens).toBe(DEFAULT_LIMITS.maxTokens * 2);
    // every entity the gateway fetches costs at least 2 in the operation it accepted
    expect(subgraphLimits({ ...DEFAULT_LIMITS, maxCost: 50000 }).maxRepresentations).toBe(25000);
  });
});

describe('operationCost', () => {
  const cost = (q: string, variables: Record<string, unknown> = {}, subgraph = false) => {
    const doc = parse(q);
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as any;
    return operationCost(schema, doc, op, variables, { subgraph });
  };

  it('multiplies list fields by first (default page size when absent, 100 at most)', () => {
    expect(cost('{ item(id: "1") { name } }')).toBe(2);
    expect(cost('{ items(first: 10) { name } }')).toBe(11);
    expect(cost('{ items { name } }')).toBe(21); // default page size 20
    expect(cost('query($n: Int) { items(first: $n) { name } }', { n: 5000 })).toBe(101); // capped at 100
    expect(cost('{ items(first: 10) { children(first: 10) { name } } }')).toBe(1 + 10 * (1 + 10));
    expect(cost('{ items(first: 0) { name } }')).toBe(1);
    expect(cost('{ __typename item(id: "1") { __typename } }')).toBe(2); // an object costs at least 1
  });

  it('counts _entities by its representations on a subgraph', () => {
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Item { name } } }';
    const reps = Array.from({ length: 300 }, (_v, i) => ({ __typename: 'Item', id: String(i) }));
    expect(cost(q, { r: reps }, true)).toBe(1 + 300);
    expect(cost('{ _service { sdl } }', {}, true)).toBe(2);
  });

  it('stays fast on a fragment bomb (fragments are memoised)', () => {
    const n = 40;
    const frags = Array.from({ length: n }, (_v, i) =>
      i === n - 1 ? `fragment F${i} on Item { name }` : `fragment F${i} on Item { ...F${i + 1} children(first: 1) { ...F${i + 1} } }`,
    ).join('\n');
    const started = Date.now();
    const c = cost(`{ item(id: "1") { ...F0 } } ${frags}`);
    expect(Date.now() - started).toBeLessThan(500);
    expect(c).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });
});

describe('checkListInputs', () => {
  const check = (q: string, variables?: Record<string, unknown>, subgraph = false) => {
    const doc = parse(q);
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as any;
    return () => checkListInputs(doc, op, variables, { maxListInput: 100, maxRepresentations: 1000, subgraph });
  };
  it('refuses long lists in literals and in variables, at any depth, as BAD_USER_INPUT', () => {
    const long = Array.from({ length: 101 }, (_v, i) => i);
    expect(check(`{ echo(values: [${long.join(',')}]) }`)).toThrow(/"values" has 101 items; at most 100/);
    expect(check('query($f: ItemFilter) { echo(filter: $f) }', { f: { status: long.map(String) } })).toThrow(/"status" has 101/);
    expect(check('query($f: ItemFilter) { echo(filter: $f) }', { f: { nested: [[1], long] } })).toThrow(/101 items/);
    expect(check('query($v: [Int!]) { echo(values: $v) }', { v: long.slice(0, 100) })).not.toThrow();
    try {
      check('query($v: [Int!]) { echo(values: $v) }', { v: long })();
    } catch (e: any) {
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 100, found: 101 });
      expect(e.extensions.messageId).toMatch(/paling banyak 100/);
    }
  });
  it('lets the gateway send up to PANTAU_MAX_REPRESENTATIONS representations to a subgraph', () => {
    const q = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { id } } }';
    const reps = (n: number) => Array.from({ length: n }, (_v, i) => ({ __typename: 'Item', id: String(i) }));
    expect(check(q, { representations: reps(1000) }, true)).not.toThrow();
    expect(check(q, { representations: reps(1001) }, true)).toThrow(/at most 1000/);
    expect(check(q, { representations: reps(101) }, false)).toThrow(/at most 100/);
  });
  it('does not overflow the stack on deeply nested JSON', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(check('query($v: [Int!]) { echo(values: $v) }', { v: deep })).not.toThrow();
  });
});

describe('a subgraph server with the limits (over HTTP, service credential)', () => {
  let server: RunningServer;
  const saved = { ...process.env };
  const post = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await serviceHeaders('test')) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const expectRefusal = (r: { status: number; body: any }, code: string, limit: number) => {
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    const e = r.body.errors[0];
    expect(e.extensions).toMatchObject({ code, limit });
    expect(typeof e.extensions.messageId).toBe('string');
    expect(e.message).toMatch(new RegExp(`\\b${limit}\\b`));
    expect(JSON.stringify(r.body)).not.toMatch(/stack|\/work\/|node_modules|Syntax Error/);
  };

  beforeAll(async () => {
    Object.assign(process.env, {
      PANTAU_MAX_DEPTH: '6',
      PANTAU_MAX_ALIASES: '10',
      PANTAU_MAX_ROOT_FIELDS: '5',
      PANTAU_MAX_TOKENS: '500', // subgraphs: ×2
      PANTAU_MAX_DIRECTIVES: '5',
      PANTAU_MAX_COST: '1000',
      PANTAU_OPERATION_TIMEOUT_MS: '300',
      PANTAU_MAX_LIST_INPUT: '100',
    });
    server = await startSubgraphServer({ name: 'limits-test', schema, logger: createLogger('limits-test'), context: async () => ({}) }, 0);
  });
  afterAll(async () => {
    await server?.close();
    process.env = saved;
  });

  it('answers an ordinary operation and the introspection query GraphiQL sends', async () => {
    const ok = await post('{ items(first: 2) { id children(first: 2) { name } } }');
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    const intro = await post(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }));
    expect(intro.status).toBe(200);
    expect(intro.body.errors).toBeUndefined();
    expect(intro.body.data.__schema.queryType.name).toBe('Query');
  });

  it('refuses depth, aliases, root fields, tokens, directives and cost with their codes', async () => {
    const nested = (n: number) => `{ item(id: "1") { ${'children(first: 1) { '.repeat(n)}id${' }'.repeat(n)} } }`;
    expectRefusal(await post(nested(8)), 'MAX_DEPTH_EXCEEDED', 6);
    expect((await post(nested(8))).body.errors[0].extensions.found).toBe(10);

    const aliases = Array.from({ length: 300 }, (_v, i) => `a${i}: id`).join(' ');
    expectRefusal(await post(`{ item(id: "1") { ${aliases} } }`), 'MAX_ALIASES_EXCEEDED', 10);
    expectRefusal(await post(`{ ${Array.from({ length: 11 }, (_v, i) => `t${i}: __typename`).join(' ')} }`), 'MAX_ALIASES_EXCEEDED', 10);

    expectRefusal(await post('{ a: expensive b: expensive c: expensive d: expensive e: expensive f: expensive }'), 'MAX_ROOT_FIELDS_EXCEEDED', 5);

    const tokens = `{ item(id: "1") { ${'id '.repeat(60000)}} }`;
    expect(countTokens(tokens)).toBeGreaterThan(60000);
    expectRefusal(await post(tokens), 'MAX_TOKENS_EXCEEDED', 1000);

    expectRefusal(await post(`{ item(id: "1") { id ${'@include(if: true) '.repeat(50)} } }`), 'MAX_DIRECTIVES_EXCEEDED', 5);

    // nesting that would exhaust the parser's stack within the token limit
    expectRefusal(await post(`{ echo(values: ${'['.repeat(300)}1${']'.repeat(300)}) }`), 'MAX_DEPTH_EXCEEDED', 6);
    expectRefusal(await post(`{ echo(values: ${'['.repeat(5000)}1${']'.repeat(5000)}) }`), 'MAX_TOKENS_EXCEEDED', 1000);

    const r = await post('{ items(first: 100) { children(first: 100) { id } } }');
    expectRefusal(r, 'COST_LIMIT_EXCEEDED', 1000);
    expect(r.body.errors[0].extensions.found).toBe(1 + 100 * (1 + 100));
  });

  it('refuses a 50,000-item list as BAD_USER_INPUT (400), in a variable or nested in an input object', async () => {
    const status = Array.from({ length: 50000 }, () => 'SUBMITTED');
    const a = await post('query($s: [String!]) { items(first: 1, status: $s) { id } }', { s: status });
    expect(a.status).toBe(400);
    expect(a.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 100, found: 50000 });
    expect(a.body.errors[0].message).toBe('The list "$s" has 50000 items; at most 100 are allowed.');
    const b = await post('query($f: ItemFilter) { echo(filter: $f) }', { f: { status } });
    expect(b.status).toBe(400);
    expect(b.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("never refuses the gateway's fetches: _entities with hundreds of representations, _service", async () => {
    // 400 representations (over PANTAU_MAX_LIST_INPUT) costing 2 each: what an accepted gateway operation can cause
    const reps = Array.from({ length: 400 }, (_v, i) => ({ __typename: 'Item', id: String(i) }));
    const r = await post('query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Item { id name } } }', {
      representations: reps,
    });
    expect(r.body.errors).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.body.data._entities).toHaveLength(400);
    const sdl = await post('{ _service { sdl } }');
    expect(sdl.status).toBe(200);
    expect(sdl.body.data._service.sdl).toMatch(/type Item/);
  });

  it('refuses an operation type the schema lacks as a validation error (400), not a 500', async () => {
    const r = await post('subscription { item(id: "1") { id } }');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toBe('This API has no subscription operations.');
  });

  it('hides field suggestions', async () => {
    const r = await post('{ itemz(id: "1") { id } }');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toBe('Cannot query field "itemz" on type "Query".');
  });

  it('answers OPERATION_TIMEOUT (503) after the time limit, then drops the late result without crashing', async () => {
    const started = Date.now();
    const r = await post('{ slow(ms: 800) }');
    expect(Date.now() - started).toBeLessThan(750);
    expect(r.status).toBe(503);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'OPERATION_TIMEOUT', limitMs: 300 });
    expect(typeof r.body.errors[0].extensions.messageId).toBe('string');
    await new Promise((res) => setTimeout(res, 800)); // the resolver finishes; its answer has nowhere to go
    const after = await post('{ item(id: "1") { id } }');
    expect(after.status).toBe(200);
    expect(after.body.data.item.id).toBe('1');
  });
});

describe('measureOperation', () => {
  it('reports what each limit measures', () => {
    const q = 'query Q($skip: Boolean!) { a: item(id: "1") { id @skip(if: $skip) children(first: 5) { name } } b: items(first: 2) { id } }';
    expect(measureOperation(schema, q, parse(q), { skip: false })).toEqual({
      depth: 3,
      aliases: 2,
      directives: 1,
      rootFields: 2,
      tokens: countTokens(q),
      cost: 1 + (1 + 1 + 5 * 1) + (1 + 2 * 1),
    });
  });
});
