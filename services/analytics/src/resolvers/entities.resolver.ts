import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AnalyticsContext } from '../context';
import { guard, viewScope } from './scope-args';
import { AgencyPerformance, AgencyRef, AnalyticsFilter, RegionRef, RegionReportStats } from './types';

// Contributions to the registry's entities are nullable: an analytics outage nulls only them, never the Agency or Region.
@Resolver(() => AgencyRef)
export class AgencyPerformanceResolver {
  @FieldResolver(() => AgencyPerformance, { nullable: true, description: "The agency's figures for reports routed to it (contributed by analytics)." })
  performance(
    @Root() agency: AgencyRef,
    @Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.performanceLoader(scope).load(agency.id));
  }
}

@Resolver(() => RegionRef)
export class RegionStatsResolver {
  @FieldResolver(() => RegionReportStats, { nullable: true, description: 'Figures for reports in this region and below (contributed by analytics).' })
  reportStats(
    @Root() region: RegionRef,
    @Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.regionStatsLoader(scope).load(region.code));
  }
}
