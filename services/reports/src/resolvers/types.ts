import { Classification, Maladministration, ReportEventType, ReportStatus, ConnectionType } from '@pantau/common';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ReportEntity } from '../entities';
import type { ReportAccess } from '../domain/privacy';
import type { ActionType } from '../domain/lifecycle';

registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'LAPOR! public statuses: SUBMITTED belum terverifikasi, DISPOSITIONED terdisposisi, IN_PROGRESS sedang diproses, COMPLETED selesai, ON_HOLD tertunda, ARCHIVED arsip.',
});
registerEnumType(Classification, { name: 'Classification' });
registerEnumType(Maladministration, { name: 'Maladministration', description: 'Ombudsman RI maladministration types (Per-ORI 26/2017 art. 11).' });
registerEnumType(ReportEventType, { name: 'ReportEventType' });

export enum OverdueStep {
  VERIFICATION = 'VERIFICATION',
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  COMPLETION = 'COMPLETION',
}
registerEnumType(OverdueStep, { name: 'OverdueStep', description: 'An SLA step past its due date and not done.' });

export enum ReportAction {
  DISPOSITION = 'DISPOSITION',
  HOLD = 'HOLD',
  ARCHIVE = 'ARCHIVE',
  FORWARD = 'FORWARD',
  RESPOND = 'RESPOND',
  COMPLETE = 'COMPLETE',
  RATE = 'RATE',
  REOPEN = 'REOPEN',
  CLASSIFY = 'CLASSIFY',
  ADD_DETAIL = 'ADD_DETAIL',
}
registerEnumType(ReportAction, { name: 'ReportAction', description: 'Lifecycle actions (one mutation each).' });

export enum ReportOrder {
  SUBMITTED_AT_DESC = 'SUBMITTED_AT_DESC',
  SUBMITTED_AT_ASC = 'SUBMITTED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(ReportOrder, { name: 'ReportOrder' });

/** Registry entity, owned by the agencies subgraph; reports contributes `Agency.reports`. */
@Directive('@key(fields: "id")')
@ObjectType('Agency')
export class AgencyRef {
  @Field(() => ID)
  id: string;
}

/** Registry entity, owned by the agencies subgraph (referenced only). */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Region')
export class RegionRef {
  @Field(() => String)
  code: string;
}

export const agencyRef = (id: string | null): AgencyRef | null => (id ? Object.assign(new AgencyRef(), { id }) : null);
export const regionRef = (code: string): RegionRef => Object.assign(new RegionRef(), { code });

@ObjectType({ description: "The reporter's identity and contact. Null wherever the viewer may not see it." })
export class Reporter {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;
}

@ObjectType('Attachment', { description: 'A file attached to a report or a response (photo, video, document).' })
export class AttachmentView {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  filename: string;

  @Field(() => String, { description: 'Detected from the file content.' })
  contentType: string;

  @Field(() => Int, { description: 'Bytes.' })
  size: number;

  @Field(() => String)
  sha256: string;

  @Field(() => String, { description: 'Path on the reports service: GET it with the same credentials (Bearer token or X-Tracking-Id).' })
  url: string;

  @Field(() => Date)
  uploadedAt: Date;
}

@ObjectType('Response', { description: 'A response (tanggapan) from the agency.' })
export class ResponseView {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Null when the viewer may not see the report content.' })
  body: string | null;

  @Field(() => AgencyRef)
  agency: AgencyRef;

  @Field(() => Date)
  createdAt: Date;

  /** Internal: for the attachments resolver. */
  access: ReportAccess;
}

@ObjectType('ReportDetail', { description: 'More detail the reporter added to a held report (addReportDetail).' })
export class ReportDetailView {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Null when the viewer may not see the report content.' })
  body: string | null;

  @Field(() => Date)
  createdAt: Date;

  /** Internal: for the attachments resolver. */
  access: ReportAccess;
}

@ObjectType('TimelineEvent', { description: 'One entry of the append-only audit timeline.' })
export class TimelineEventView {
  @Field(() => ID)
  id: string;

  @Field(() => ReportEventType)
  type: ReportEventType;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'ADMIN, LIAISON, OMBUDSMAN, LEADERSHIP, REPORTER or SYSTEM.' })
  actorRole: string;

  @Field(() => String, { nullable: true, description: 'Staff account id (staff viewers only).' })
  actorId: string | null;

  @Field(() => ReportStatus, { nullable: true })
  fromStatus: ReportStatus | null;

  @Field(() => ReportStatus)
  toStatus: ReportStatus;

  @Field(() => AgencyRef, { nullable: true })
  fromAgency: AgencyRef | null;

  @Field(() => AgencyRef, { nullable: true })
  toAgency: AgencyRef | null;

  @Field(() => String, { nullable: true, description: 'Reason or text; null when the viewer may not see the content.' })
  note: string | null;
}

/**
 * A report as one viewer may see it. Built by `presentReport` with the privacy decision applied, so
 * every path (queries, mutation payloads, federation references, Agency.reports) redacts the same way.
 */
@Directive('@key(fields: "id")')
@ObjectType('Report', { description: 'A public-service complaint (laporan/aduan).' })
export class ReportView {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Full to the reporter; masked (LPR-XXXX-••••-••••-•) for everyone else: it is their key.' })
  trackingId: string;

  @Field(() => String, { nullable: true, description: 'Null when the report is confidential and the viewer may not see its content.' })
  title: string | null;

  @Field(() => String, { nullable: true })
  body: string | null;

  @Field(() => String)
  topic: string;

  @Field(() => Classification)
  classification: Classification;

  @Field(() => ReportStatus)
  status: ReportStatus;

  @Field(() => Boolean)
  anonymous: boolean;

  @Field(() => Boolean)
  confidential: boolean;

  @Field(() => Boolean, { description: 'Needs an oversight examination (60 working days to complete).' })
  examination: boolean;

  @Field(() => RegionRef, { nullable: true })
  region: RegionRef | null;

  @Field(() => String)
  regionCode: string;

  @Field(() => String, { nullable: true })
  roadId: string | null;

  @Field(() => AgencyRef, { nullable: true, description: 'The agency the report is routed to now.' })
  agency: AgencyRef | null;

  @Field(() => AgencyRef, { nullable: true, description: 'Routing suggestion from the registry at intake (staff only).' })
  suggestedAgency: AgencyRef | null;

  @Field(() => [String], { description: "The registry's reasons for the suggestion (staff only; empty otherwise)." })
  routingReasons: string[];

  @Field(() => Maladministration, { nullable: true })
  maladministrationType: Maladministration | null;

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => Date, { nullable: true })
  dispositionedAt: Date | null;

  @Field(() => Date, { nullable: true })
  firstResponseAt: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { nullable: true })
  verificationDueAt: Date | null;

  @Field(() => Date, { nullable: true })
  responseDueAt: Date | null;

  @Field(() => Date, { nullable: true })
  completionDueAt: Date | null;

  @Field(() => Boolean, { description: 'A step is past its due date and not done.' })
  overdue: boolean;

  @Field(() => [OverdueStep])
  overdueSteps: OverdueStep[];

  @Field(() => Int)
  forwardCount: number;

  @Field(() => Int)
  reopenCount: number;

  @Field(() => Int, { nullable: true })
  rating: number | null;

  @Field(() => Reporter, { nullable: true, description: 'Null wherever the viewer may not see it.' })
  reporter: Reporter | null;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion to lifecycle mutations.' })
  version: number;

  /** Internal. */
  row: ReportEntity;
  access: ReportAccess;
  actions: ActionType[];
}

export const ReportConnection = ConnectionType('Report', ReportView);
export type ReportConnection = InstanceType<typeof ReportConnection>;

@ObjectType()
export class SubmitReportPayload {
  @Field(() => ReportView, { description: "The report, as its reporter sees it (keep the trackingId: it is the reporter's key)." })
  report: ReportView;

  @Field(() => Boolean, { description: 'False when an earlier submission with the same idempotencyKey was returned.' })
  created: boolean;
}

@ObjectType()
export class ReportPayload {
  @Field(() => ReportView)
  report: ReportView;
}
