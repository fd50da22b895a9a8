import { ConnectionArgs, keysetPaginate, type SortKey } from '@pantau/common';
import { ArrayMaxSize, IsOptional, IsUUID, Matches } from 'class-validator';
import { Arg, Args, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { MAX_LIST_ARGUMENT, ReportStatus } from '@pantau/contract';
import type { ReportsContext } from '../context';
import { ReportEntity } from '../entities';
import { presentReport } from './present';
import { ReportConnection, ReportView } from './types';

const fromIso = (v: unknown) => new Date(String(v));
const NEWEST_FIRST: SortKey<ReportEntity>[] = [
  { column: 'r.submittedAt', value: (r) => r.submittedAt, direction: 'DESC', fromCursor: fromIso },
  { column: 'r.id', value: (r) => r.id, direction: 'DESC' },
];

@InputType({ description: 'Filters for the public report list (Open311 GET requests). All given filters must match.' })
export class PublicReportFilter {
  @Field(() => [ID], { nullable: true, description: `Report ids (at most ${MAX_LIST_ARGUMENT}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST_ARGUMENT)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => [String], { nullable: true, description: 'Topic codes (any of them).' })
  @IsOptional()
  @ArrayMaxSize(MAX_LIST_ARGUMENT)
  @Matches(/^[A-Za-z0-9_]{1,40}$/, { each: true })
  topics?: string[];

  @Field(() => [ReportStatus], { nullable: true, description: 'Reports in any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(ReportStatus).length)
  status?: ReportStatus[];

  @Field(() => Date, { nullable: true, description: 'submittedAt >= from' })
  @IsOptional()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'submittedAt < to' })
  @IsOptional()
  to?: Date;
}

/**
 * The public (signed-out) view of reports, for anyone, whatever token the request carries: reporter identity
 * never, tracking IDs masked, and confidential reports left out entirely — their content is hidden from the
 * public, and their exact times, agency and status are what small-cell protection keeps from singling them
 * out. Open311 GET requests reads through these (issue 14).
 */
@Resolver(() => ReportView)
export class PublicReportResolver {
  @Query(() => ReportConnection, {
    nullable: true,
    description: 'Non-confidential reports as the public sees them (no reporter, masked tracking ID), newest first.',
  })
  async publicReports(
    @Arg('filter', () => PublicReportFilter, { nullable: true, description: 'Which reports; all given filters must match.' }) filter: PublicReportFilter | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: ReportsContext,
  ) {
    const f = filter ?? {};
    const qb = ctx.ds.getRepository(ReportEntity).createQueryBuilder('r');
    qb.where('r.confidential = :conf', { conf: false });
    if (f.ids) qb.andWhere(f.ids.length ? 'r.id IN (:...ids)' : '1 = 0', { ids: f.ids });
    if (f.topics?.length) qb.andWhere('r.topic IN (:...topics)', { topics: f.topics });
    if (f.status?.length) qb.andWhere('r.status IN (:...status)', { status: f.status });
    if (f.from) qb.andWhere('r.submittedAt >= :from', { from: f.from });
    if (f.to) qb.andWhere('r.submittedAt < :to', { to: f.to });
    const result = await keysetPaginate(qb, page, NEWEST_FIRST);
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: presentReport(e.node, null, ctx.now) })) };
  }

  @Query(() => ReportView, { nullable: true, description: 'One non-confidential report as the public sees it; null otherwise.' })
  async publicReport(@Arg('id', () => ID, { description: 'Report id.' }) id: string, @Ctx() ctx: ReportsContext) {
    if (!/^[0-9a-fA-F-]{36}$/.test(id)) return null;
    const row = await ctx.loaders.report.load(id);
    return row && !row.confidential ? presentReport(row, null, ctx.now) : null;
  }
}
