import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionType, RoadStatus } from '@pantau/common';
import { Region } from '../entities/region.entity';
import { Road } from '../entities/road.entity';
import type { AgenciesContext } from '../context';

export const RoadConnection = ConnectionType('Road', Road);

@Resolver(() => Road)
export class RoadResolver {
  @Query(() => RoadConnection, { description: 'Road segments, optionally those passing through a region (or any region inside it).' })
  roads(
    @Arg('regionCode', () => String, { nullable: true, description: 'Kemendagri code: roads passing through this region or any region inside it.' }) regionCode: string | undefined,
    @Arg('status', () => RoadStatus, { nullable: true, description: 'Only roads owned at this level.' }) status: RoadStatus | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: AgenciesContext,
  ) {
    return ctx.registry.roads(regionCode, status, page);
  }

  @FieldResolver(() => [Region], { description: 'Regions the road passes through.' })
  async regions(@Root() road: Road, @Ctx() ctx: AgenciesContext) {
    const codes = await ctx.registry.roadRegionCodes(road.id);
    return (await ctx.loaders.region.loadMany(codes)).filter((r): r is Region => r instanceof Region);
  }
}
