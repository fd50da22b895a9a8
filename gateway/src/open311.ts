import type { ApolloServer } from '@apollo/server';
import type express from 'express';
import { serviceHeaders, type LimiterFactory, type Logger } from '@pantau/common';
import { agenciesKeyVerifier, open311Router, openDataRouter, type GraphQLExecutor, type GraphQLResult } from '@pantau/open311';
import type { GatewayContext } from './server';

/**
 * Open311 GeoReport v2 (`/open311/`) and open data (`/open-data/`), issue 14. Both run their GraphQL operations
 * on this gateway's own executor (apollo.executeOperation: the same supergraph, plugins, operation limits and
 * subgraph data sources as /graphql) as a signed-out client with the caller's address: the public view, with the
 * same intake validation, privacy and small-cell suppression. No store is read here.
 */
export function mountOpen311(
  app: express.Express,
  opts: { apollo: ApolloServer<GatewayContext>; agenciesUrl: string; logger: Logger; limiterFactory: LimiterFactory },
): void {
  const execute: GraphQLExecutor = async (op, ctx) => {
    const res = await opts.apollo.executeOperation(
      { query: op.query, variables: op.variables },
      { contextValue: { clientIp: ctx.clientIp, acceptLanguage: ctx.acceptLanguage } },
    );
    if (res.body.kind !== 'single') throw new Error('incremental delivery is not used by the Open311 adapter');
    return res.body.singleResult as GraphQLResult;
  };
  const agenciesOrigin = new URL(opts.agenciesUrl).origin;
  app.use(
    '/open311',
    open311Router({
      execute,
      verifyApiKey: agenciesKeyVerifier(agenciesOrigin, () => serviceHeaders('gateway'), opts.logger),
      limiterFactory: opts.limiterFactory,
      logger: opts.logger,
    }),
  );
  app.use('/open-data', openDataRouter({ execute, logger: opts.logger }));
}
