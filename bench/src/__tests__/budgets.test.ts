import { benchOperations, type BenchOperation } from '../operations';
import { benchEnvironment, benchSample, startBenchStack, type BenchStack } from '../stack';
import { BUDGETS, statementsFor, type StatementCounts } from '../statements';

/**
 * Issue 11: SQL statements per dashboard operation (report list, agency page, every dashboard page),
 * counted at each subgraph's store through the real gateway, stay within their budgets and do not grow
 * with the page size (no N+1). Embedded store (SQLite); timings are not asserted.
 */
let stack: BenchStack;
let ops: BenchOperation[];
beforeAll(async () => {
  benchEnvironment();
  stack = await startBenchStack({ kind: 'sqlite', reports: 400, seed: 'budgets' });
  const sample = await benchSample(stack);
  ops = await benchOperations(sample);
}, 300_000);
afterAll(async () => {
  await stack?.close();
});

it('every dashboard operation stays within its statement budget, constant in page size', async () => {
  const rows: Array<{ label: string; small: StatementCounts; large: StatementCounts | null }> = [];
  for (const op of ops) {
    const [a, b] = op.sizes ?? [10, 10];
    const small = await statementsFor(stack, op, a);
    const large = op.sizes ? await statementsFor(stack, op, b) : null;
    rows.push({ label: op.label, small, large });
  }
  const fmt = (c: StatementCounts) => `${c.agencies}/${c.reports}/${c.analytics}`;
  console.log(['statements per operation (agencies/reports/analytics), small size → large size', ...rows.map((r) => `  ${r.label.padEnd(44)} ${fmt(r.small).padStart(9)}${r.large ? ` → ${fmt(r.large)}` : ''}`)].join('\n'));
  const over: string[] = [];
  for (const r of rows) {
    if (r.large) expect({ op: r.label, counts: r.large }).toEqual({ op: r.label, counts: r.small });
    const budget = BUDGETS[r.label];
    expect({ op: r.label, budgeted: Boolean(budget) }).toEqual({ op: r.label, budgeted: true });
    for (const [sub, n] of Object.entries(r.small) as Array<[keyof StatementCounts, number]>) {
      if (n > (budget?.[sub] ?? 0)) over.push(`${r.label}: ${sub} ${n} > ${budget?.[sub] ?? 0}`);
    }
  }
  expect(over).toEqual([]);
}, 300_000);
