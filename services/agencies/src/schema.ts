import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, PANTAU_ROOT_DESCRIPTIONS } from '@pantau/common';
import type { AgenciesContext } from './context';
import { AgencyResolver } from './resolvers/agency.resolver';
import { ApiClientResolver } from './resolvers/api-client.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { JurisdictionResolver } from './resolvers/jurisdiction.resolver';
import { RegionResolver } from './resolvers/region.resolver';
import { RoadResolver } from './resolvers/road.resolver';
import { StaffAdminResolver } from './resolvers/staff-admin.resolver';
import { TopicResolver } from './resolvers/topic.resolver';

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
    { rootDescriptions: PANTAU_ROOT_DESCRIPTIONS },
  );
}
