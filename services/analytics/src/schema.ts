import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, PANTAU_ROOT_DESCRIPTIONS } from '@pantau/common';
import { AnalyticsResolver } from './resolvers/analytics.resolver';
import { AgencyBreakdownResolver, AgencyPerformanceResolver, RegionStatsResolver } from './resolvers/entities.resolver';
import { AgencyRef, RegionRef } from './resolvers/types';

/** The analytics subgraph: aggregate figures, and Agency.performance / Region.reportStats on the registry's entities. */
export function buildAnalyticsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [AnalyticsResolver, AgencyPerformanceResolver, AgencyBreakdownResolver, RegionStatsResolver],
      // Region is reachable only through _entities: declare it so the schema carries it.
      orphanedTypes: [AgencyRef, RegionRef],
    },
    {
      Agency: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      Region: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
    },
    { rootDescriptions: PANTAU_ROOT_DESCRIPTIONS },
  );
}
