import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionType, keysetPaginate, LIKE_ESCAPE, likePrefix, RegionLevel } from '@pantau/common';
import { Region } from '../entities/region.entity';
import { lineage, regionCodeArg } from '../domain/regions';
import type { AgenciesContext } from '../context';

export const RegionConnection = ConnectionType('Region', Region);
export type RegionConnection = InstanceType<typeof RegionConnection>;

const byCode = [{ column: 'r.code', value: (r: Region) => r.code, direction: 'ASC' as const }];

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by Kemendagri code, e.g. "64.02.18".' })
  region(@Arg('code', () => String) code: string, @Ctx() ctx: AgenciesContext) {
    return ctx.loaders.region.load(code.trim());
  }

  @Query(() => RegionConnection, {
    description: 'Regions whose name starts with `search` (or whose code starts with it); an empty or absent search lists all (by name), served from an index.',
  })
  async regions(
    @Arg('search', () => String, { nullable: true, defaultValue: '' }) search: string | null,
    @Arg('level', () => RegionLevel, { nullable: true }) level: RegionLevel | undefined,
    @Arg('within', () => String, { nullable: true, description: 'Only regions inside this region code.' }) within: string | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: AgenciesContext,
  ) {
    const term = (search ?? '').trim();
    const qb = ctx.ds.getRepository(Region).createQueryBuilder('r');
    qb.where('1 = 1');
    // An empty search adds no condition, so (level, name, code) or the primary key serves the page without a scan.
    // User text reaches LIKE escaped: `%`, `_` (and `!`, the escape character) match only themselves.
    if (/^\d{2}(\.\d{0,4})*$/.test(term)) qb.andWhere(`r.code LIKE :p ${LIKE_ESCAPE}`, { p: likePrefix(term) });
    else if (term) qb.andWhere(`r.name LIKE :p ${LIKE_ESCAPE}`, { p: likePrefix(term) });
    if (level) qb.andWhere('r.level = :level', { level });
    // a Kemendagri code or BAD_USER_INPUT (empty: no filter); `within: "%"` listed every region
    if (within?.trim()) qb.andWhere(`r.code LIKE :w ${LIKE_ESCAPE}`, { w: likePrefix(`${regionCodeArg(within, 'within')}.`) });
    return keysetPaginate(qb, page, [
      { column: 'r.name', value: (r: Region) => r.name, direction: 'ASC' },
      ...byCode,
    ]);
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: Region, @Ctx() ctx: AgenciesContext) {
    return region.parentCode ? ctx.loaders.region.load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region], { description: 'Ancestors, province first (excluding this region).' })
  async ancestors(@Root() region: Region, @Ctx() ctx: AgenciesContext) {
    const codes = lineage(region.code).slice(0, -1);
    return (await ctx.loaders.region.loadMany(codes)).filter((r): r is Region => r instanceof Region);
  }

  @FieldResolver(() => RegionConnection)
  children(@Root() region: Region, @Args() page: ConnectionArgs, @Ctx() ctx: AgenciesContext) {
    const qb = ctx.ds.getRepository(Region).createQueryBuilder('r').where('r.parentCode = :code', { code: region.code });
    return keysetPaginate(qb, page, byCode);
  }
}
