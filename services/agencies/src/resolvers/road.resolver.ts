import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionType, keysetPaginate, LIKE_ESCAPE, likePrefix, RoadStatus } from '@pantau/common';
import { regionCodeArg } from '../domain/regions';
import { Region } from '../entities/region.entity';
import { Road, RoadRegion } from '../entities/road.entity';
import type { AgenciesContext } from '../context';

export const RoadConnection = ConnectionType('Road', Road);

@Resolver(() => Road)
export class RoadResolver {
  @Query(() => RoadConnection, { description: 'Road segments, optionally those passing through a region (or any region inside it).' })
  roads(
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | undefined,
    @Arg('status', () => RoadStatus, { nullable: true }) status: RoadStatus | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: AgenciesContext,
  ) {
    const qb = ctx.ds.getRepository(Road).createQueryBuilder('road');
    if (regionCode?.trim()) {
      // a Kemendagri code or BAD_USER_INPUT (empty: no filter): the value reaches LIKE, where `%`/`_` would match every road
      const rc = regionCodeArg(regionCode, 'regionCode');
      const sub = ctx.ds
        .getRepository(RoadRegion)
        .createQueryBuilder('rr')
        .select('rr.roadId')
        .where(`(rr.regionCode = :rc OR rr.regionCode LIKE :rcp ${LIKE_ESCAPE} OR :rc LIKE ` + (ctx.ds.options.type === 'better-sqlite3' ? "rr.regionCode || '.%'" : "CONCAT(rr.regionCode, '.%')") + ')');
      qb.where(`road.id IN (${sub.getQuery()})`, { rc, rcp: likePrefix(`${rc}.`) });
    }
    if (status) qb.andWhere('road.status = :status', { status });
    return keysetPaginate(qb, page, [
      { column: 'road.name', value: (r: Road) => r.name, direction: 'ASC' },
      { column: 'road.id', value: (r: Road) => r.id, direction: 'ASC' },
    ]);
  }

  @FieldResolver(() => [Region], { description: 'Regions the road passes through.' })
  async regions(@Root() road: Road, @Ctx() ctx: AgenciesContext) {
    const rows = await ctx.ds.getRepository(RoadRegion).find({ where: { roadId: road.id }, order: { regionCode: 'ASC' } });
    return (await ctx.loaders.region.loadMany(rows.map((r) => r.regionCode))).filter((r): r is Region => r instanceof Region);
  }
}
