import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '@pantau/common';
import type { ReportsContext } from '../context';
import { ReportFilter } from './inputs';
import { agencyReports } from './report-list';
import { AgencyRef, ReportConnection, ReportOrder } from './types';

@Resolver(() => AgencyRef)
export class AgencyReportsResolver {
  // nullable: a reports outage nulls only this field, never the Agency (partial answers at the gateway)
  @FieldResolver(() => ReportConnection, {
    nullable: true,
    description: 'Reports routed to this agency now (staff; a liaison only for its own agency). Batched: many agencies with the same arguments cost two statements.',
  })
  reports(
    @Root() agency: AgencyRef,
    @Arg('filter', () => ReportFilter, { nullable: true, description: 'Which reports; all given filters must match.' }) filter: ReportFilter | undefined,
    @Arg('search', () => String, { nullable: true, description: 'Words to find in the title and body (each as a prefix, all must occur); confidential reports are never search hits.' })
    search: string | undefined,
    @Arg('orderBy', () => ReportOrder, { nullable: true, description: 'List order; newest submission first by default.' }) orderBy: ReportOrder | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: ReportsContext,
  ) {
    return agencyReports(ctx, agency.id, { filter, search, orderBy, page });
  }
}
