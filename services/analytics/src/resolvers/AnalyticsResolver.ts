import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '@pantau/common';
import { DEFAULT_MIN_REPORTS } from '../domain/metrics';
import type { AnalyticsContext } from '../context';
import { guard, toScope } from './scope-args';
import {
  AnalyticsFilter,
  AnalyticsOverview,
  LeaderboardEntry,
  LeaderboardOrderEnum,
  MaladministrationBreakdown,
  ResponseTimeStats,
  SlaCompliance,
  TransparencyMetrics,
  TrendIntervalEnum,
  TrendPoint,
} from './types';

const MAX_LEADERBOARD = 100;

@Resolver()
export class AnalyticsResolver {
  @Query(() => AnalyticsOverview, { description: 'Headline figures for the scope.' })
  analyticsOverview(@Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = toScope(filter);
    return guard(() => ctx.service.overview(scope));
  }

  @Query(() => MaladministrationBreakdown, { description: 'Counts and shares per maladministration type, plus UNCLASSIFIED.' })
  maladministrationBreakdown(@Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = toScope(filter);
    return guard(() => ctx.service.maladministrationBreakdown(scope));
  }

  @Query(() => ResponseTimeStats, { description: 'Verification, first response (agency and citizen view) and completion times.' })
  responseTimeStats(@Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = toScope(filter);
    return guard(() => ctx.service.responseTimes(scope));
  }

  @Query(() => SlaCompliance, { description: 'SLA compliance per step: on time / (done + overdue and not done).' })
  slaCompliance(@Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = toScope(filter);
    return guard(() => ctx.service.slaCompliance(scope));
  }

  @Query(() => TransparencyMetrics, { description: 'R, T, E, C, S, public visibility, reopen and forwarding rates, and the index.' })
  transparencyMetrics(@Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null, @Ctx() ctx: AnalyticsContext) {
    const scope = toScope(filter);
    return guard(() => ctx.service.transparency(scope));
  }

  @Query(() => [TrendPoint], { description: 'Reports submitted (and of those completed) per period, zero-filled.' })
  reportTrend(
    @Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null,
    @Arg('interval', () => TrendIntervalEnum) interval: TrendIntervalEnum,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = toScope(filter);
    return guard(() => ctx.service.trend(scope, interval));
  }

  @Query(() => [LeaderboardEntry], { description: `Agencies ranked by a figure; only agencies with at least minReports (default ${DEFAULT_MIN_REPORTS}) reports in scope.` })
  async agencyLeaderboard(
    @Arg('filter', () => AnalyticsFilter, { nullable: true }) filter: AnalyticsFilter | null,
    @Arg('orderBy', () => LeaderboardOrderEnum, { nullable: true }) orderBy: LeaderboardOrderEnum | null,
    @Arg('minReports', () => Int, { nullable: true }) minReports: number | null,
    @Arg('first', () => Int, { nullable: true, description: `At most ${MAX_LEADERBOARD}; default 10.` }) first: number | null,
    @Ctx() ctx: AnalyticsContext,
  ) {
    const scope = toScope(filter);
    const min = minReports ?? DEFAULT_MIN_REPORTS;
    if (min < 0) throw badInput('"minReports" must be 0 or more.', '"minReports" harus 0 atau lebih.');
    const n = first ?? 10;
    if (n < 0 || n > MAX_LEADERBOARD) {
      throw badInput(`"first" must be between 0 and ${MAX_LEADERBOARD}.`, `"first" harus antara 0 dan ${MAX_LEADERBOARD}.`);
    }
    const rows = await guard(() => ctx.service.leaderboard(scope, orderBy ?? LeaderboardOrderEnum.TRANSPARENCY_INDEX, min, n));
    return rows.map((r) => ({ rank: r.rank, agency: { id: r.agencyId }, performance: r.performance }));
  }
}
