import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@pantau/common';
import type { AgenciesContext } from './context';
import { AgencyResolver } from './resolvers/AgencyResolver';
import { ApiClientResolver } from './resolvers/ApiClientResolver';
import { AuthResolver } from './resolvers/AuthResolver';
import { JurisdictionResolver } from './resolvers/JurisdictionResolver';
import { RegionResolver } from './resolvers/RegionResolver';
import { RoadResolver } from './resolvers/RoadResolver';
import { StaffAdminResolver } from './resolvers/StaffAdminResolver';
import { TopicResolver } from './resolvers/TopicResolver';

/** The registry subgraph: regions, agencies, duties, roads, staff sign-in. */
export function buildAgenciesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [RegionResolver, AgencyResolver, JurisdictionResolver, RoadResolver, TopicResolver, AuthResolver, StaffAdminResolver, ApiClientResolver],
    },
    {
      Region: {
        __resolveReference: (ref: { code: string }, ctx: AgenciesContext) => ctx.loaders.region.load(ref.code),
      },
      Agency: {
        __resolveReference: (ref: { id: string }, ctx: AgenciesContext) => ctx.loaders.agency.load(ref.id),
      },
    },
  );
}
