import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, unauthenticated, type Viewer } from '@pantau/common';
import type { ReportsContext } from '../context';
import type { Action } from '../domain/lifecycle';
import { attacherOf } from '../domain/attachment-ownership';
import {
  AddReportDetailInput,
  ArchiveReportInput,
  ClassifyReportInput,
  CompleteReportInput,
  DispositionReportInput,
  ForwardReportInput,
  HoldReportInput,
  RateReportInput,
  ReopenReportInput,
  RespondToReportInput,
  SubmitReportInput,
} from './inputs';
import { presentReport, staffActor } from './present';
import { ReportPayload, SubmitReportPayload } from './types';

function staff(ctx: ReportsContext): Viewer {
  if (!ctx.viewer) throw unauthenticated('STAFF_REQUIRED');
  return ctx.viewer;
}

async function staffAct(
  ctx: ReportsContext,
  input: { reportId: string; expectedVersion?: number },
  action: Action,
  attachmentIds?: string[],
): Promise<ReportPayload> {
  const viewer = staff(ctx);
  const row = await ctx.service.act({ id: input.reportId }, action, staffActor(viewer), {
    expectedVersion: input.expectedVersion,
    attachmentIds,
  });
  return { report: presentReport(row, viewer, ctx.service.clock()) };
}

async function reporterAct(ctx: ReportsContext, trackingId: string, action: Action, attachmentIds?: string[]): Promise<ReportPayload> {
  // files attach only if this requester uploaded them (signed out: public uploads; signed in: their own)
  const row = await ctx.service.act({ trackingId }, action, { kind: 'REPORTER' }, { attachmentIds, attacher: attacherOf(ctx.viewer) });
  return { report: presentReport(row, ctx.viewer, ctx.service.clock(), true) };
}

@Resolver()
export class LifecycleResolver {
  @Mutation(() => SubmitReportPayload, {
    description: 'Submits a report. The same idempotencyKey returns the same report and never creates a second one.',
  })
  async submitReport(@Arg('input', () => SubmitReportInput, { description: 'The complaint: text, topic, region, privacy flags and optional reporter and attachments.' }) input: SubmitReportInput, @Ctx() ctx: ReportsContext) {
    const { report, created } = await ctx.service.submit(input, { attacher: attacherOf(ctx.viewer) });
    return { report: presentReport(report, ctx.viewer, ctx.service.clock(), true), created };
  }

  @Mutation(() => ReportPayload, { description: 'ADMIN: verify and route to an agency; sets due dates.' })
  async dispositionReport(@Arg('input', () => DispositionReportInput, { description: 'The report to verify, and where to route it.' }) input: DispositionReportInput, @Ctx() ctx: ReportsContext) {
    staff(ctx);
    let agencyId = input.agencyId;
    if (!agencyId) {
      const row = await ctx.service.find({ id: input.reportId });
      agencyId = row?.suggestedAgencyId ?? undefined;
      if (row && !agencyId) throw badInput('AGENCY_REQUIRED', { field: 'agencyId' });
    }
    return staffAct(ctx, input, {
      type: 'DISPOSITION',
      agencyId: agencyId ?? '',
      classification: input.classification,
      maladministrationType: input.maladministrationType,
      anonymous: input.anonymous,
      confidential: input.confidential,
      examination: input.examination,
      note: input.note,
    });
  }

  @Mutation(() => ReportPayload, { description: 'ADMIN: put on hold, asking the reporter for more detail.' })
  holdReport(@Arg('input', () => HoldReportInput, { description: 'The report, and what the reporter must add.' }) input: HoldReportInput, @Ctx() ctx: ReportsContext) {
    return staffAct(ctx, input, { type: 'HOLD', note: input.note });
  }

  @Mutation(() => ReportPayload, { description: 'ADMIN: reject with a reason.' })
  archiveReport(@Arg('input', () => ArchiveReportInput, { description: 'The report, and why it is rejected.' }) input: ArchiveReportInput, @Ctx() ctx: ReportsContext) {
    return staffAct(ctx, input, { type: 'ARCHIVE', reason: input.reason });
  }

  @Mutation(() => ReportPayload, { description: "LIAISON of the current agency (or ADMIN): not our duty, forward to the owner (a hop)." })
  forwardReport(@Arg('input', () => ForwardReportInput, { description: 'The report, the agency that owns the duty, and why.' }) input: ForwardReportInput, @Ctx() ctx: ReportsContext) {
    return staffAct(ctx, input, { type: 'FORWARD', toAgencyId: input.toAgencyId, reason: input.reason });
  }

  @Mutation(() => ReportPayload, { description: 'LIAISON of the current agency: a response with optional evidence attachments.' })
  respondToReport(@Arg('input', () => RespondToReportInput, { description: 'The report, the response text and optional evidence.' }) input: RespondToReportInput, @Ctx() ctx: ReportsContext) {
    return staffAct(ctx, input, { type: 'RESPOND', body: input.body, attachmentCount: input.attachmentIds?.length ?? 0 }, input.attachmentIds);
  }

  @Mutation(() => ReportPayload, { description: 'LIAISON of the current agency: the follow-up is done.' })
  completeReport(@Arg('input', () => CompleteReportInput, { description: 'The report, and an optional closing note.' }) input: CompleteReportInput, @Ctx() ctx: ReportsContext) {
    return staffAct(ctx, input, { type: 'COMPLETE', note: input.note });
  }

  @Mutation(() => ReportPayload, { description: 'ADMIN or OMBUDSMAN: set (or clear) the maladministration type.' })
  classifyReport(@Arg('input', () => ClassifyReportInput, { description: 'The report, and its maladministration type (null clears it).' }) input: ClassifyReportInput, @Ctx() ctx: ReportsContext) {
    return staffAct(ctx, input, { type: 'CLASSIFY', maladministrationType: input.maladministrationType ?? null, note: input.note });
  }

  @Mutation(() => ReportPayload, { description: 'The reporter (tracking ID): rate the outcome 1-5.' })
  rateReport(@Arg('input', () => RateReportInput, { description: 'Tracking ID and rating (1-5).' }) input: RateReportInput, @Ctx() ctx: ReportsContext) {
    return reporterAct(ctx, input.trackingId, { type: 'RATE', rating: input.rating, comment: input.comment });
  }

  @Mutation(() => ReportPayload, { description: 'The reporter (tracking ID): reopen within 14 days of completion.' })
  reopenReport(@Arg('input', () => ReopenReportInput, { description: 'Tracking ID, and why the report is reopened.' }) input: ReopenReportInput, @Ctx() ctx: ReportsContext) {
    return reporterAct(ctx, input.trackingId, { type: 'REOPEN', reason: input.reason });
  }

  @Mutation(() => ReportPayload, {
    description:
      'The reporter (tracking ID): answer a hold (ON_HOLD only) with more detail and optional files. The report returns to ' +
      'SUBMITTED for the admin; the verification due date still counts from the original submission.',
  })
  addReportDetail(@Arg('input', () => AddReportDetailInput, { description: 'Tracking ID, the detail asked for and optional files.' }) input: AddReportDetailInput, @Ctx() ctx: ReportsContext) {
    return reporterAct(
      ctx,
      input.trackingId,
      { type: 'ADD_DETAIL', detail: input.detail, attachmentCount: input.attachmentIds?.length ?? 0 },
      input.attachmentIds,
    );
  }
}
