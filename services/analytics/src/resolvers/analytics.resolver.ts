import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '@pantau/common';
import { DEFAULT_MIN_REPORTS } from '../domain/metrics';
import type { AnalyticsContext } from '../context';
import { guard, viewScope } from './scope-args';
import {
  AnalyticsFilter,
  AnalyticsOverview,
  LeaderboardEntry,
  LeaderboardOrderEnum,
  MaladministrationBreakdown,
  MaladministrationTrendPoint,
  ResponseTimeStats,
  SlaCompliance,
  TransparencyMetrics,
  TrendIntervalEnum,
  TrendPoint,
} from './types';

const MAX_LEADERBOARD = 100;

@Resolver()
// Every root field is nullable: when analytics is down or slow the gateway answers null with a
// SUBGRAPH_UNAVAILABLE error for these fields only, and the rest of the response survives.
export class AnalyticsResolver {
  @Query(() => AnalyticsOverview, { nullable: true, description: 'Headline figures for the scope.' })
  analyticsOverview(@Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.service.overview(scope, ctx.disclosureK));
  }

  @Query(() => MaladministrationBreakdown, { nullable: true, description: 'Counts and shares per maladministration type, plus UNCLASSIFIED.' })
  maladministrationBreakdown(@Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.service.maladministrationBreakdown(scope, ctx.disclosureK));
  }

  @Query(() => ResponseTimeStats, { nullable: true, description: 'Verification, first response (agency and citizen view) and completion times.' })
  responseTimeStats(@Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.service.responseTimes(scope, ctx.disclosureK));
  }

  @Query(() => SlaCompliance, { nullable: true, description: 'SLA compliance per step: on time / (done + overdue and not done).' })
  slaCompliance(@Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.service.slaCompliance(scope, ctx.disclosureK));
  }

  @Query(() => TransparencyMetrics, { nullable: true, description: 'R, T, E, C, S, public visibility, reopen and forwarding rates, and the index.' })
  transparencyMetrics(@Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.service.transparency(scope, ctx.disclosureK));
  }

  @Query(() => [TrendPoint], { nullable: true, description: 'Reports submitted (and of those completed) per period, zero-filled.' })
  reportTrend(
    @Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null,
    @Arg('interval', () => TrendIntervalEnum, { description: 'Period length of each point.' }) interval: TrendIntervalEnum,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.service.trend(scope, interval, ctx.disclosureK));
  }

  @Query(() => [MaladministrationTrendPoint], { nullable: true, description: 'Reports per maladministration type per period, zero-filled: one breakdown per point of reportTrend.' })
  maladministrationTrend(
    @Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null,
    @Arg('interval', () => TrendIntervalEnum, { description: 'Period length of each point.' }) interval: TrendIntervalEnum,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = viewScope(filter, ctx);
    return guard(() => ctx.service.maladministrationTrend(scope, interval, ctx.disclosureK));
  }

  @Query(() => [LeaderboardEntry], { nullable: true, description: `Agencies ranked by a figure; only agencies with at least minReports (default ${DEFAULT_MIN_REPORTS}) reports in scope. For signed-out viewers minReports is at least the small-cell threshold k (PANTAU_SMALL_CELL_K, default 5) and the ranking uses only the figures they may see.` })
  async agencyLeaderboard(
    @Arg('filter', () => AnalyticsFilter, { nullable: true, description: 'Which reports count; all of them when absent.' }) filter: AnalyticsFilter | null,
    @Arg('orderBy', () => LeaderboardOrderEnum, { nullable: true, description: 'Figure to rank by; TRANSPARENCY_INDEX by default.' }) orderBy: LeaderboardOrderEnum | null,
    @Arg('minReports', () => Int, { nullable: true, description: `Least reports in scope for an agency to be ranked (default ${DEFAULT_MIN_REPORTS}).` }) minReports: number | null,
    @Arg('first', () => Int, { nullable: true, description: `At most ${MAX_LEADERBOARD}; default 10.` }) first: number | null,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = viewScope(filter, ctx);
    const min = minReports ?? DEFAULT_MIN_REPORTS;
    if (min < 0) throw badInput('BELOW_MIN', { field: 'minReports', min: 0 });
    const n = first ?? 10;
    if (n < 0 || n > MAX_LEADERBOARD) {
      throw badInput('OUT_OF_RANGE', { field: 'first', min: 0, max: MAX_LEADERBOARD });
    }
    const rows = await guard(() => ctx.service.leaderboard(scope, orderBy ?? LeaderboardOrderEnum.TRANSPARENCY_INDEX, min, n, ctx.disclosureK));
    return rows.map((r) => ({ rank: r.rank, agency: { id: r.agencyId }, performance: { ...r.performance, agencyId: r.agencyId, scope } }));
  }
}
