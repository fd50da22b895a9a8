import fs from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { dashboardWireOperations, warmQueryPlans } from '../plan-warmup';
import { SUPERGRAPH_PATH } from '../subgraphs';

/**
 * Issue 11: the gateway plans the dashboard's operations at start. Every operation document in
 * dashboard/src/graphql/operations.ts is planned, under the key the gateway looks plans up by for the
 * exact text the dashboard's urql client sends: executing them afterwards plans nothing.
 */
it('plans every dashboard operation at start, and requests with the dashboard text reuse the plans', async () => {
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
    // nothing listens there: execution fails fast, planning is what is measured
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url: url ?? 'http://127.0.0.1:9/graphql' }),
  });
  const apollo = new ApolloServer({ gateway });
  await apollo.start();
  try {
    const ops = await dashboardWireOperations();
    expect(ops.length).toBeGreaterThanOrEqual(20);
    expect(ops.map((o) => o.name)).toEqual(expect.arrayContaining(['OVERVIEW_KPIS', 'REPORT_LIST', 'AGENCY_LEADERBOARD', 'PROVINCES']));
    expect(ops.every((o) => o.query.includes('__typename'))).toBe(true); // as urql sends them
    const warm = await warmQueryPlans(gateway, ops);
    expect(warm.failed).toEqual([]);
    expect(warm.planned).toBe(ops.length);

    const planner = gateway.__testing().queryPlanner!;
    const build = jest.spyOn(planner, 'buildQueryPlan');
    for (const op of ops.filter((o) => !/^\s*mutation/.test(o.query))) {
      await apollo.executeOperation({ query: op.query, operationName: op.operationName, variables: {} });
    }
    expect(build).not.toHaveBeenCalled();
    // a text the dashboard does not send is planned on first use, as before
    await apollo.executeOperation({ query: '{ topics { code } }' });
    expect(build).toHaveBeenCalledTimes(1);
  } finally {
    await apollo.stop();
  }
});
