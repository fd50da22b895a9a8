import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AnalyticsContext } from '../context';
import { guard, toScope } from './scope-args';
import { AgencyPerformance, AgencyRef, AnalyticsFilter, RegionRef, RegionReportStats } from './types';

@Resolver(() => AgencyRef)
export class AgencyPerformanceResolver {
  @FieldResolver(() => AgencyPerformance, { description: "The agency's figures for reports routed to it (contributed by analytics)." })
  performance(
    @Root() agency: AgencyRef,
    @Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = toScope(filter);
    return guard(() => ctx.performanceLoader(scope).load(agency.id));
  }
}

@Resolver(() => RegionRef)
export class RegionStatsResolver {
  @FieldResolver(() => RegionReportStats, { description: 'Figures for reports in this region and below (contributed by analytics).' })
  reportStats(
    @Root() region: RegionRef,
    @Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = toScope(filter);
    return guard(() => ctx.service.regionStats(scope, region.code));
  }
}
