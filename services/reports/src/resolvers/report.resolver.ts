import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '@pantau/common';
import type { ReportsContext } from '../context';
import type { AttachmentEntity, ReportDetailEntity, ResponseEntity, TimelineEventEntity } from '../entities';
import { ReportFilter } from './inputs';
import { listReports, requireStaff } from './report-list';
import { presentReport } from './present';
import {
  agencyRef,
  AttachmentView,
  ReportAction,
  ReportConnection,
  ReportDetailView,
  ReportOrder,
  ReportView,
  ResponseView,
  TimelineEventView,
} from './types';
import type { ReportAccess } from '../domain/privacy';

export function presentAttachment(a: AttachmentEntity): AttachmentView {
  return Object.assign(new AttachmentView(), {
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    url: `/attachments/${a.id}`,
    uploadedAt: a.uploadedAt,
  });
}

export function presentResponse(r: ResponseEntity, access: ReportAccess): ResponseView {
  return Object.assign(new ResponseView(), {
    id: r.id,
    body: access.content ? r.body : null,
    agency: agencyRef(r.agencyId)!,
    createdAt: r.createdAt,
    access,
  });
}

export function presentDetail(d: ReportDetailEntity, access: ReportAccess): ReportDetailView {
  return Object.assign(new ReportDetailView(), {
    id: d.id,
    body: access.content ? d.body : null,
    createdAt: d.createdAt,
    access,
  });
}

export function presentTimelineEvent(e: TimelineEventEntity, access: ReportAccess): TimelineEventView {
  return Object.assign(new TimelineEventView(), {
    id: e.id,
    type: e.type,
    at: e.at,
    actorRole: e.actorRole,
    actorId: access.internal ? e.actorId : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    fromAgency: agencyRef(e.fromAgencyId),
    toAgency: agencyRef(e.toAgencyId),
    note: access.content ? e.note : null,
  });
}

@Resolver(() => ReportView)
export class ReportResolver {
  @Query(() => ReportView, {
    nullable: true,
    description: "The reporter's view of their report. A mistyped ID (bad check character) is a BAD_USER_INPUT error.",
  })
  async reportByTrackingId(
    @Arg('trackingId', () => String, { description: 'The tracking ID given at submission (hyphens and spaces allowed).' }) trackingId: string, @Ctx() ctx: ReportsContext) {
    const row = await ctx.service.find({ trackingId });
    return row ? presentReport(row, ctx.viewer, ctx.now, true) : null;
  }

  @Query(() => ReportView, { nullable: true, description: 'A report by id (staff).' })
  async report(@Arg('id', () => ID, { description: 'Report id.' }) id: string, @Ctx() ctx: ReportsContext) {
    const viewer = requireStaff(ctx.viewer);
    const row = await ctx.loaders.report.load(id);
    return row ? presentReport(row, viewer, ctx.now) : null;
  }

  @Query(() => ReportConnection, { nullable: true, description: 'Reports for staff: filters, full-text search over title and body, keyset pages.' })
  reports(
    @Arg('filter', () => ReportFilter, { nullable: true, description: 'Which reports; all given filters must match.' }) filter: ReportFilter | undefined,
    @Arg('search', () => String, { nullable: true, description: 'Words to find in the title and body (each as a prefix, all must occur); confidential reports are never search hits.' })
    search: string | undefined,
    @Arg('orderBy', () => ReportOrder, { nullable: true, description: 'List order; newest submission first by default.' }) orderBy: ReportOrder | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: ReportsContext,
  ) {
    return listReports(ctx, { filter, search, orderBy, page });
  }

  @FieldResolver(() => [ResponseView], { description: "The agency's responses (tanggapan), oldest first." })
  async responses(@Root() report: ReportView, @Ctx() ctx: ReportsContext) {
    const rows = await ctx.loaders.responses.load(report.id);
    return rows.map((r) => presentResponse(r, report.access));
  }

  @FieldResolver(() => [ReportDetailView], { description: 'Detail the reporter added while the report was on hold, oldest first.' })
  async details(@Root() report: ReportView, @Ctx() ctx: ReportsContext) {
    return (await ctx.loaders.details.load(report.id)).map((d) => presentDetail(d, report.access));
  }

  @FieldResolver(() => [AttachmentView], {
    description: 'Files the reporter supplied: with the report and with later details (empty when the viewer may not see its content).',
  })
  async attachments(@Root() report: ReportView, @Ctx() ctx: ReportsContext) {
    if (!report.access.content) return [];
    return (await ctx.loaders.attachmentsOfReport.load(report.id)).map(presentAttachment);
  }

  @FieldResolver(() => [TimelineEventView], { description: 'Every transition, oldest first.' })
  async timeline(@Root() report: ReportView, @Ctx() ctx: ReportsContext) {
    return (await ctx.loaders.timeline.load(report.id)).map((e) => presentTimelineEvent(e, report.access));
  }

  @FieldResolver(() => [ReportAction], { description: 'What the viewer may do with the report now.' })
  availableActions(@Root() report: ReportView) {
    return report.actions;
  }
}

@Resolver(() => ResponseView)
export class ResponseResolver {
  @FieldResolver(() => [AttachmentView], { description: 'Evidence (empty when the viewer may not see the report content).' })
  async attachments(@Root() response: ResponseView, @Ctx() ctx: ReportsContext) {
    if (!response.access.content) return [];
    return (await ctx.loaders.attachmentsOfResponse.load(response.id)).map(presentAttachment);
  }
}

@Resolver(() => ReportDetailView)
export class ReportDetailResolver {
  @FieldResolver(() => [AttachmentView], { description: 'Files added with this detail (empty when the viewer may not see the report content).' })
  async attachments(@Root() detail: ReportDetailView, @Ctx() ctx: ReportsContext) {
    if (!detail.access.content) return [];
    return (await ctx.loaders.attachmentsOfDetail.load(detail.id)).map(presentAttachment);
  }
}
