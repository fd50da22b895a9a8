import fs from 'node:fs';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { parse, print, validate, type DocumentNode } from 'graphql';
import { DEFAULT_LIMITS, measureOperation, subgraphLimits, type OperationMeasure } from '@pantau/common';
import * as operations from '../../../dashboard/src/graphql/operations';
import { EXAMPLE_OPERATIONS } from '../../../dashboard/src/playground/examples';
import { SUPERGRAPH_PATH } from '../subgraphs';

/**
 * Every operation the dashboard sends (the constants in operations.ts; none is assembled at run time any more) and every playground example is valid against the checked-in supergraph and uses at most
 * HALF of every default limit, so the limits never get in the dashboard's way; and the gateway's query-plan
 * fetches for them fit the subgraphs' limits.
 */
const supergraph = Supergraph.build(fs.readFileSync(SUPERGRAPH_PATH, 'utf8'));
const api = supergraph.apiSchema().toGraphQLJSSchema();
function dashboardOperations(): { name: string; source: string }[] {
  const out: { name: string; source: string }[] = [];
  for (const [name, value] of Object.entries(operations)) {
    const doc = value as unknown as DocumentNode;
    if (doc && typeof doc === 'object' && doc.kind === 'Document') out.push({ name, source: print(doc) });
  }
  EXAMPLE_OPERATIONS.forEach((e, i) => out.push({ name: `playground example ${i + 1}`, source: e.query }));
  return out;
}

/** Worst case: every `first` variable at the maximum page size. */
function worstVariables(doc: DocumentNode): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const d of doc.definitions) {
    if (d.kind !== 'OperationDefinition') continue;
    for (const v of d.variableDefinitions ?? []) if (v.variable.name.value === 'first') vars.first = 100;
  }
  return vars;
}

const LIMIT_OF: Record<keyof OperationMeasure, number> = {
  depth: DEFAULT_LIMITS.maxDepth,
  aliases: DEFAULT_LIMITS.maxAliases,
  directives: DEFAULT_LIMITS.maxDirectives,
  rootFields: DEFAULT_LIMITS.maxRootFields,
  tokens: DEFAULT_LIMITS.maxTokens,
  cost: DEFAULT_LIMITS.maxCost,
};

function fetches(plan: QueryPlan): { serviceName: string; operation: string }[] {
  const out: { serviceName: string; operation: string }[] = [];
  const walk = (node: PlanNode | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch':
        out.push({ serviceName: node.serviceName, operation: node.operation });
        break;
      case 'Sequence':
      case 'Parallel':
        node.nodes.forEach(walk);
        break;
      case 'Flatten':
        walk(node.node);
        break;
      case 'Condition':
        walk(node.ifClause);
        walk(node.elseClause);
        break;
      case 'Defer':
        walk(node.primary.node);
        node.deferred.forEach((d) => walk(d.node));
        break;
      default:
        break;
    }
  };
  walk(plan.node);
  return out;
}

describe("the dashboard's own operations fit well inside the operation limits", () => {
  const ops = dashboardOperations();
  const measured: { name: string; m: OperationMeasure }[] = [];

  it('finds the operations', () => {
    expect(ops.length).toBeGreaterThan(30);
  });

  it.each(ops.map((o) => [o.name, o.source]))('%s is valid and uses at most half of every limit', (name, source) => {
    const doc = parse(source);
    expect(validate(api, doc).map((e) => e.message)).toEqual([]);
    const m = measureOperation(api, source, doc, worstVariables(doc));
    measured.push({ name, m });
    for (const key of Object.keys(LIMIT_OF) as (keyof OperationMeasure)[]) {
      if (m[key] * 2 > LIMIT_OF[key]) throw new Error(`${name}: ${key} ${m[key]} is more than half of the limit ${LIMIT_OF[key]}`);
    }
  });

  it("the gateway's fetches for them fit each subgraph's limits", () => {
    const planner = new QueryPlanner(supergraph);
    const subgraphs = supergraph.subgraphs();
    const limits = subgraphLimits(DEFAULT_LIMITS);
    for (const op of ops) {
      const doc = parse(op.source);
      const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, doc));
      for (const f of fetches(plan)) {
        const schema = subgraphs.get(f.serviceName)!.schema.toGraphQLJSSchema();
        const fetchDoc = parse(f.operation);
        const m = measureOperation(schema, f.operation, fetchDoc, { ...worstVariables(doc), representations: Array(100).fill({}) }, { subgraph: true });
        expect({ op: op.name, service: f.serviceName, over: overLimits(m, limits) }).toEqual({ op: op.name, service: f.serviceName, over: [] });
      }
    }
  });

  afterAll(() => {
    // The headroom the heaviest operation leaves, per limit (printed for the security note).
    const lines = (Object.keys(LIMIT_OF) as (keyof OperationMeasure)[]).map((key) => {
      const top = measured.reduce((a, b) => (b.m[key] > a.m[key] ? b : a), measured[0]);
      return `${key}: ${top?.m[key]} / ${LIMIT_OF[key]} (${top?.name})`;
    });
    if (process.env.PRINT_LIMIT_HEADROOM) console.log(`heaviest dashboard operations:\n${lines.join('\n')}`);
  });
});

function overLimits(m: OperationMeasure, limits: ReturnType<typeof subgraphLimits>): string[] {
  const over: string[] = [];
  if (m.depth > limits.maxDepth) over.push(`depth ${m.depth}`);
  if (m.aliases > limits.maxAliases) over.push(`aliases ${m.aliases}`);
  if (m.directives > limits.maxDirectives) over.push(`directives ${m.directives}`);
  if (m.rootFields > limits.maxRootFields) over.push(`rootFields ${m.rootFields}`);
  if (m.tokens > limits.maxTokens) over.push(`tokens ${m.tokens}`);
  if (m.cost > limits.maxCost) over.push(`cost ${m.cost}`);
  return over;
}
