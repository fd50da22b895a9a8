import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AnalyticsContext } from '../context';
import { guard, viewScope } from './scope-args';
import { AgencyPerformance, AgencyRef, AnalyticsFilter, DurationStats, MaladministrationBreakdown, RegionRef, RegionReportStats } from './types';

// Contributions to the registry's entities are nullable: an analytics outage nulls only them, never the Agency or Region.
@Resolver(() => AgencyRef)
export class AgencyPerformanceResolver {
  @FieldResolver(() => AgencyPerformance, { nullable: true, description: "The agency's figures for reports routed to it (contributed by analytics)." })
  performance(
    @Root() agency: AgencyRef,
    @Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = viewScope(filter, ctx);
    return guard(async () => ({ ...(await ctx.performanceLoader(scope).load(agency.id)), agencyId: agency.id, scope }));
  }
}

/**
 * The per-agency breakdown: maladministration types and the agency's first-response time for the
 * performance's agency and filter, every agency of a request and filter in one batch (a leaderboard of
 * 25 agencies with their breakdowns is one request and one read).
 */
@Resolver(() => AgencyPerformance)
export class AgencyBreakdownResolver {
  @FieldResolver(() => MaladministrationBreakdown, { description: "Counts and shares per maladministration type, plus UNCLASSIFIED, for this agency's reports in the filter (as maladministrationBreakdown with the filter's agency set)." })
  async maladministration(@Root() perf: AgencyPerformance, @Ctx() ctx: AnalyticsContext) {
    return (await breakdownOf(perf, ctx)).maladministration;
  }

  @FieldResolver(() => DurationStats, { description: "firstResponseAt − dispositionedAt (the agency's own time) for this agency's reports in the filter (as responseTimeStats.firstResponseAgency with the filter's agency set)." })
  async firstResponseAgency(@Root() perf: AgencyPerformance, @Ctx() ctx: AnalyticsContext) {
    return (await breakdownOf(perf, ctx)).firstResponseAgency;
  }
}

function breakdownOf(perf: AgencyPerformance, ctx: AnalyticsContext) {
  if (perf.agencyId === undefined || !perf.scope) throw new Error('AgencyPerformance without its agency and scope');
  return guard(() => ctx.breakdownLoader(perf.scope!).load(perf.agencyId!));
}

@Resolver(() => RegionRef)
export class RegionStatsResolver {
  @FieldResolver(() => RegionReportStats, { nullable: true, description: 'Figures for reports in this region and below (contributed by analytics).' })
  reportStats(
    @Root() region: RegionRef,
    @Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.regionStatsLoader(scope).load(region.code));
  }
}
