import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionType, RegionLevel } from '@pantau/common';
import { Region } from '../entities/region.entity';
import { lineage } from '../domain/regions';
import type { AgenciesContext } from '../context';

export const RegionConnection = ConnectionType('Region', Region);
export type RegionConnection = InstanceType<typeof RegionConnection>;

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by Kemendagri code, e.g. "64.02.18".' })
  region(@Arg('code', () => String, { description: 'Kemendagri code, e.g. "64.02.18".' }) code: string, @Ctx() ctx: AgenciesContext) {
    return ctx.loaders.region.load(code.trim());
  }

  @Query(() => RegionConnection, {
    description: 'Regions whose name starts with `search` (or whose code starts with it); an empty or absent search lists all (by name), served from an index.',
  })
  regions(
    @Arg('search', () => String, { nullable: true, defaultValue: '', description: 'Start of the name or of the code; empty lists all.' }) search: string | null,
    @Arg('level', () => RegionLevel, { nullable: true, description: 'Only regions at this level.' }) level: RegionLevel | undefined,
    @Arg('within', () => String, { nullable: true, description: 'Only regions inside this region code.' }) within: string | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: AgenciesContext,
  ) {
    return ctx.registry.regions(search, level, within, page);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region directly above (null for a province).' })
  parent(@Root() region: Region, @Ctx() ctx: AgenciesContext) {
    return region.parentCode ? ctx.loaders.region.load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region], { description: 'Ancestors, province first (excluding this region).' })
  async ancestors(@Root() region: Region, @Ctx() ctx: AgenciesContext) {
    const codes = lineage(region.code).slice(0, -1);
    return (await ctx.loaders.region.loadMany(codes)).filter((r): r is Region => r instanceof Region);
  }

  @FieldResolver(() => RegionConnection, { description: 'Regions directly inside this one, by code.' })
  children(@Root() region: Region, @Args() page: ConnectionArgs, @Ctx() ctx: AgenciesContext) {
    return ctx.registry.regionChildren(region.code, page);
  }
}
