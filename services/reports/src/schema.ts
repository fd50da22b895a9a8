import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, PANTAU_ROOT_DESCRIPTIONS } from '@pantau/common';
import type { ReportsContext } from './context';
import { AgencyReportsResolver } from './resolvers/agency.resolver';
import { BurstResolver } from './resolvers/burst.resolver';
import { LifecycleResolver } from './resolvers/lifecycle.resolver';
import { presentReport } from './resolvers/present';
import { PublicReportResolver } from './resolvers/public-report.resolver';
import { ReportDetailResolver, ReportResolver, ResponseResolver } from './resolvers/report.resolver';
import { AgencyRef } from './resolvers/types';
import { validateInput } from './resolvers/validation';

/** The reports subgraph: intake, lifecycle, staff queries; contributes Agency.reports. */
export function buildReportsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [ReportResolver, ResponseResolver, ReportDetailResolver, LifecycleResolver, AgencyReportsResolver, PublicReportResolver, BurstResolver], validateFn: validateInput },
    {
      Report: {
        // references by id (from other subgraphs) get the viewer's view: never the reporter's
        __resolveReference: async (ref: { id: string }, ctx: ReportsContext) => {
          const row = await ctx.loaders.report.load(ref.id);
          return row ? presentReport(row, ctx.viewer, ctx.now) : null;
        },
      },
      Agency: {
        __resolveReference: (ref: { id: string }) => Object.assign(new AgencyRef(), { id: ref.id }),
      },
    },
    { rootDescriptions: PANTAU_ROOT_DESCRIPTIONS },
  );
}
