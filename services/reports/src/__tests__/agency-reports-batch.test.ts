import { countStatements } from '@pantau/common';
import { storeKinds } from '@pantau/testing';
import { seedDemo } from '../demo/seed';
import { startRegistry, startReports, tokens, type TestRegistry, type TestReports } from './helpers';

/**
 * Issue 11: Agency.reports for many agencies is one batch per argument set (a UNION ALL of per-agency
 * pages plus one read of the rows; totalCount one more statement and only when selected), with the same
 * answers as the per-agency list; staff-only fields are computed only when selected.
 */
let registry: TestRegistry;
let tok: Awaited<ReturnType<typeof tokens>>;
beforeAll(async () => {
  registry = await startRegistry();
  tok = await tokens();
});
afterAll(async () => {
  await registry?.close();
});

describe.each(storeKinds())('batched Agency.reports on %s', (kind) => {
  let t: TestReports;
  let agencies: string[];
  const now = new Date('2026-11-20T04:00:00Z');
  beforeAll(async () => {
    t = await startReports(kind, registry.client, { clock: () => now });
    const deps = { ds: t.server.ds, registry: registry.client, storage: t.server.storage, calendar: t.server.service.calendar };
    await seedDemo(deps, { count: 160, seed: 'batch-test', now });
    agencies = (await t.server.ds.query('SELECT agencyId AS a, COUNT(*) AS n FROM report WHERE agencyId IS NOT NULL GROUP BY agencyId ORDER BY agencyId')).map(
      (r: any) => r.a,
    );
    agencies.push('no-such-agency');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const entities = (fields: string, args = '') =>
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id reports${args} { ${fields} } } } }`;
  const reps = () => agencies.map((id) => ({ __typename: 'Agency', id }));

  it('answers each agency exactly as its own filtered list, in key order, with pages and cursors', async () => {
    expect(agencies.length).toBeGreaterThan(4);
    for (const args of ['(first: 3)', '(first: 2, orderBy: SUBMITTED_AT_ASC, filter: { status: [COMPLETED, IN_PROGRESS, DISPOSITIONED] })', '(first: 5, orderBy: UPDATED_AT_DESC)']) {
      const fields = 'totalCount edges { cursor node { id overdue availableActions } } pageInfo { hasNextPage endCursor }';
      const res = await t.gql(entities(fields, args), { r: reps() }, tok.admin);
      expect(res.errors).toBeUndefined();
      const got = res.data._entities;
      expect(got.map((e: any) => e.id)).toEqual(agencies);
      for (const [i, id] of agencies.entries()) {
        const inner = args.slice(1, -1);
        const filterArg = inner.includes('filter:') ? inner.replace('filter: {', `filter: { agencyId: "${id}", `) : `${inner}, filter: { agencyId: "${id}" }`;
        const one = await t.gql(`{ reports(${filterArg}) { ${fields} } }`, {}, tok.admin);
        expect(one.errors).toBeUndefined();
        expect(got[i].reports).toEqual(one.data.reports);
      }
    }
    // the next page through the batched field
    const p1 = (await t.gql(entities('edges { node { id } } pageInfo { endCursor }', '(first: 2)'), { r: reps() }, tok.admin)).data._entities[0].reports;
    const p2 = await t.gql(entities('edges { node { id } }', `(first: 2, after: "${p1.pageInfo.endCursor}")`), { r: reps().slice(0, 1) }, tok.admin);
    const both = await t.gql(`{ reports(first: 4, filter: { agencyId: "${agencies[0]}" }) { edges { node { id } } } }`, {}, tok.admin);
    expect([...p1.edges, ...p2.data._entities[0].reports.edges]).toEqual(both.data.reports.edges);
  });

  it('costs a constant number of statements whatever the number of agencies; COUNT only when totalCount is selected', async () => {
    const counter = countStatements(t.server.ds);
    try {
      const cost = async (fields: string, n: number) => {
        counter.take();
        const res = await t.gql(entities(fields, '(first: 5)'), { r: reps().slice(0, n) }, tok.admin);
        expect(res.errors).toBeUndefined();
        return counter.take().filter((s) => /^\s*\(?\s*select/i.test(s)).length;
      };
      const few = await cost('edges { node { id title } }', 2);
      const many = await cost('edges { node { id title } }', agencies.length);
      expect(many).toBe(few);
      expect(many).toBeLessThanOrEqual(2);
      expect(await cost('totalCount edges { node { id } }', agencies.length)).toBe(many + 1);
      // a liaison asking for other agencies gets FORBIDDEN per agency, its own list in the same batch
      const res = await t.gql(entities('totalCount'), { r: [{ __typename: 'Agency', id: 'kukar-pupr' }, { __typename: 'Agency', id: 'kukar-dinkes' }] }, tok.liaisonPupr);
      expect(res.data._entities[0].reports.totalCount).toBeGreaterThanOrEqual(0);
      expect(res.data._entities[1].reports).toBeNull();
      expect(res.errors[0].extensions.code).toBe('FORBIDDEN');
    } finally {
      counter.stop();
    }
  });

  it('report lists read the rows once: no COUNT unless totalCount is selected', async () => {
    const counter = countStatements(t.server.ds);
    try {
      counter.take();
      await t.gql('{ reports(first: 50) { edges { node { id overdueSteps availableActions } } } }', {}, tok.admin);
      const plain = counter.take().filter((s) => /^\s*select/i.test(s));
      expect(plain.some((s) => /count\(/i.test(s))).toBe(false);
      await t.gql('{ reports(first: 50) { totalCount edges { node { id } } } }', {}, tok.admin);
      expect(counter.take().filter((s) => /count\(/i.test(s))).toHaveLength(1);
    } finally {
      counter.stop();
    }
  });
});
