import { Classification, Maladministration, ReportEventType, ReportStatus, ConnectionType } from '@pantau/common';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumValueDescriptions, MALADMINISTRATION_DESCRIPTIONS, REPORT_STATUS_DESCRIPTIONS, SLA_DAYS } from '@pantau/contract';
import type { ReportEntity } from '../entities';
import type { ReportAccess } from '../domain/privacy';
import type { ActionType } from '../domain/lifecycle';

registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'Lifecycle status of a report (LAPOR! public statuses).',
  valuesConfig: enumValueDescriptions(REPORT_STATUS_DESCRIPTIONS),
});
registerEnumType(Classification, {
  name: 'Classification',
  description: 'Kind of submission.',
  valuesConfig: {
    ASPIRASI: { description: 'A suggestion or aspiration for a public service.' },
    PENGADUAN: { description: 'A complaint about a public service (the default).' },
    PERMINTAAN_INFORMASI: { description: 'A request for public information.' },
  },
});
registerEnumType(Maladministration, {
  name: 'Maladministration',
  description: 'Ombudsman RI maladministration types (Per-ORI 26/2017 art. 11).',
  valuesConfig: enumValueDescriptions(MALADMINISTRATION_DESCRIPTIONS),
});
registerEnumType(ReportEventType, {
  name: 'ReportEventType',
  description: 'Kind of timeline event: one per lifecycle transition.',
  valuesConfig: {
    ReportSubmitted: { description: 'The reporter submitted the report.' },
    ReportDispositioned: { description: 'An admin verified it and routed it to an agency.' },
    ReportHeld: { description: 'An admin put it on hold, asking the reporter for more detail.' },
    ReportArchived: { description: 'An admin rejected it with a reason.' },
    ReportForwarded: { description: 'An agency forwarded it to the agency that owns the duty (one hop).' },
    ReportResponded: { description: 'The agency responded (tanggapan).' },
    ReportCompleted: { description: 'The agency marked the follow-up done.' },
    ReportRated: { description: 'The reporter rated the outcome (1-5).' },
    ReportReopened: { description: 'The reporter reopened the completed report.' },
    ReportClassified: { description: 'An admin or ombudsman set or cleared the maladministration type.' },
    ReportDetailAdded: { description: 'The reporter answered a hold with more detail (ON_HOLD to SUBMITTED).' },
  },
});

export enum OverdueStep {
  VERIFICATION = 'VERIFICATION',
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  COMPLETION = 'COMPLETION',
}
registerEnumType(OverdueStep, {
  name: 'OverdueStep',
  description: 'An SLA step past its due date and not done.',
  valuesConfig: {
    VERIFICATION: { description: `Not dispositioned within ${SLA_DAYS.verification} working days of submission.` },
    FIRST_RESPONSE: { description: `No agency response within ${SLA_DAYS.firstResponse} working days of disposition.` },
    COMPLETION: { description: `Not completed within ${SLA_DAYS.completion} working days of disposition (${SLA_DAYS.completionExamination} with an oversight examination).` },
  },
});

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
registerEnumType(ReportAction, {
  name: 'ReportAction',
  description: 'Lifecycle actions (one mutation each).',
  valuesConfig: {
    DISPOSITION: { description: 'dispositionReport: verify and route to an agency.' },
    HOLD: { description: 'holdReport: ask the reporter for more detail.' },
    ARCHIVE: { description: 'archiveReport: reject with a reason.' },
    FORWARD: { description: 'forwardReport: send to the agency that owns the duty.' },
    RESPOND: { description: "respondToReport: the agency's response." },
    COMPLETE: { description: 'completeReport: the follow-up is done.' },
    RATE: { description: 'rateReport: the reporter rates the outcome.' },
    REOPEN: { description: 'reopenReport: the reporter reopens a completed report.' },
    CLASSIFY: { description: 'classifyReport: set or clear the maladministration type.' },
    ADD_DETAIL: { description: 'addReportDetail: the reporter answers a hold.' },
  },
});

export enum ReportOrder {
  SUBMITTED_AT_DESC = 'SUBMITTED_AT_DESC',
  SUBMITTED_AT_ASC = 'SUBMITTED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(ReportOrder, {
  name: 'ReportOrder',
  description: 'Order of a report list.',
  valuesConfig: {
    SUBMITTED_AT_DESC: { description: 'Newest submission first (the default).' },
    SUBMITTED_AT_ASC: { description: 'Oldest submission first.' },
    UPDATED_AT_DESC: { description: 'Most recently changed first.' },
  },
});

/** Registry entity, owned by the agencies subgraph; reports contributes `Agency.reports`. */
@Directive('@key(fields: "id")')
@ObjectType('Agency')
export class AgencyRef {
  @Field(() => ID, { description: 'Stable registry key.' })
  id: string;
}

/** Registry entity, owned by the agencies subgraph (referenced only). */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Region')
export class RegionRef {
  @Field(() => String, { description: 'Kemendagri code, hierarchical by prefix: 64 / 64.02 / 64.02.18 / 64.02.18.2001.' })
  code: string;
}

export const agencyRef = (id: string | null): AgencyRef | null => (id ? Object.assign(new AgencyRef(), { id }) : null);
export const regionRef = (code: string): RegionRef => Object.assign(new RegionRef(), { code });

@ObjectType({ description: "The reporter's identity and contact. Null wherever the viewer may not see it." })
export class Reporter {
  @Field(() => String, { nullable: true, description: "Reporter's name, if given." })
  name: string | null;

  @Field(() => String, { nullable: true, description: "Reporter's e-mail address, if given." })
  email: string | null;

  @Field(() => String, { nullable: true, description: "Reporter's mobile number, if given." })
  phone: string | null;
}

@ObjectType('Attachment', { description: 'A file attached to a report or a response (photo, video, document).' })
export class AttachmentView {
  @Field(() => ID, { description: 'Attachment id.' })
  id: string;

  @Field(() => String, { description: 'A safe file name for display and download (not necessarily the name uploaded).' })
  filename: string;

  @Field(() => String, { description: 'Detected from the file content.' })
  contentType: string;

  @Field(() => Int, { description: 'Bytes.' })
  size: number;

  @Field(() => String, { description: 'Hex SHA-256 of the stored file, to check a download.' })
  sha256: string;

  @Field(() => String, { description: 'Path on the reports service: GET it with the same credentials (Bearer token or X-Tracking-Id).' })
  url: string;

  @Field(() => Date, { description: 'When the file was uploaded.' })
  uploadedAt: Date;
}

@ObjectType('Response', { description: 'A response (tanggapan) from the agency.' })
export class ResponseView {
  @Field(() => ID, { description: 'Response id.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Null when the viewer may not see the report content.' })
  body: string | null;

  @Field(() => AgencyRef, { description: 'The agency that responded.' })
  agency: AgencyRef;

  @Field(() => Date, { description: 'When the response was given.' })
  createdAt: Date;

  /** Internal: for the attachments resolver. */
  access: ReportAccess;
}

@ObjectType('ReportDetail', { description: 'More detail the reporter added to a held report (addReportDetail).' })
export class ReportDetailView {
  @Field(() => ID, { description: 'Detail id.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Null when the viewer may not see the report content.' })
  body: string | null;

  @Field(() => Date, { description: 'When the reporter added it.' })
  createdAt: Date;

  /** Internal: for the attachments resolver. */
  access: ReportAccess;
}

@ObjectType('TimelineEvent', { description: 'One entry of the append-only audit timeline.' })
export class TimelineEventView {
  @Field(() => ID, { description: 'Event id.' })
  id: string;

  @Field(() => ReportEventType, { description: 'What happened.' })
  type: ReportEventType;

  @Field(() => Date, { description: 'When it happened.' })
  at: Date;

  @Field(() => String, { description: 'ADMIN, LIAISON, OMBUDSMAN, LEADERSHIP, REPORTER or SYSTEM.' })
  actorRole: string;

  @Field(() => String, { nullable: true, description: 'Staff account id (staff viewers only).' })
  actorId: string | null;

  @Field(() => ReportStatus, { nullable: true, description: 'Status before the event (null for the submission).' })
  fromStatus: ReportStatus | null;

  @Field(() => ReportStatus, { description: 'Status after the event.' })
  toStatus: ReportStatus;

  @Field(() => AgencyRef, { nullable: true, description: 'Agency the report was routed to before the event (forwards).' })
  fromAgency: AgencyRef | null;

  @Field(() => AgencyRef, { nullable: true, description: 'Agency the report was routed to by the event (disposition, forwards).' })
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
  @Field(() => ID, { description: 'Report id (not secret; the tracking ID is the reporter\'s key).' })
  id: string;

  @Field(() => String, { description: 'Full to the reporter; masked (LPR-XXXX-••••-••••-•) for everyone else: it is their key.' })
  trackingId: string;

  @Field(() => String, { nullable: true, description: 'Null when the report is confidential and the viewer may not see its content.' })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'The complaint text; null when the report is confidential and the viewer may not see its content.' })
  body: string | null;

  @Field(() => String, { description: 'Service topic code, e.g. JALAN (see the registry `topics`).' })
  topic: string;

  @Field(() => Classification, { description: 'Kind of submission.' })
  classification: Classification;

  @Field(() => ReportStatus, { description: 'Current lifecycle status.' })
  status: ReportStatus;

  @Field(() => Boolean, { description: "The reporter's identity is never shown to the agency or the public." })
  anonymous: boolean;

  @Field(() => Boolean, { description: 'Confidential (rahasia): the content is never shown to the public.' })
  confidential: boolean;

  @Field(() => Boolean, { description: `Needs an oversight examination (${SLA_DAYS.completionExamination} working days to complete).` })
  examination: boolean;

  @Field(() => RegionRef, { nullable: true, description: 'Where the problem is.' })
  region: RegionRef | null;

  @Field(() => String, { description: 'Kemendagri code of where the problem is, e.g. 64.02.18.2001.' })
  regionCode: string;

  @Field(() => String, { nullable: true, description: 'The road (asset) concerned; null when none or the viewer may not see the content.' })
  roadId: string | null;

  @Field(() => AgencyRef, { nullable: true, description: 'The agency the report is routed to now.' })
  agency: AgencyRef | null;

  @Field(() => AgencyRef, { nullable: true, description: 'Routing suggestion from the registry at intake (staff only).' })
  suggestedAgency: AgencyRef | null;

  @Field(() => [String], { description: "The registry's reasons for the suggestion (staff only; empty otherwise)." })
  routingReasons: string[];

  @Field(() => Maladministration, { nullable: true, description: 'Maladministration type set by an admin or ombudsman; null while unclassified.' })
  maladministrationType: Maladministration | null;

  @Field(() => Date, { description: 'When the report was submitted; analytics periods are by this time.' })
  submittedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was first verified and routed to an agency.' })
  dispositionedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the agency's first response was given." })
  firstResponseAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was completed (selesai).' })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was archived (rejected).' })
  archivedAt: Date | null;

  @Field(() => Date, { nullable: true, description: `Verification is due by then: ${SLA_DAYS.verification} working days after submission.` })
  verificationDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: `The first response is due by then: ${SLA_DAYS.firstResponse} working days after disposition.` })
  responseDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: `Completion is due by then: ${SLA_DAYS.completion} working days after disposition (${SLA_DAYS.completionExamination} with an oversight examination).` })
  completionDueAt: Date | null;

  @Field(() => Boolean, { description: 'A step is past its due date and not done.' })
  overdue: boolean;

  @Field(() => [OverdueStep], { description: 'The steps past their due date and not done (empty when not overdue).' })
  overdueSteps: OverdueStep[];

  @Field(() => Int, { description: 'How many times it was forwarded between agencies (hops).' })
  forwardCount: number;

  @Field(() => Int, { description: 'How many times the reporter reopened it.' })
  reopenCount: number;

  @Field(() => Int, { nullable: true, description: "The reporter's rating of the outcome, 1 (worst) to 5 (best); null until rated." })
  rating: number | null;

  @Field(() => Reporter, { nullable: true, description: 'Null wherever the viewer may not see it.' })
  reporter: Reporter | null;

  @Field(() => Date, { description: 'When the report last changed.' })
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

@ObjectType({ description: 'Result of submitReport.' })
export class SubmitReportPayload {
  @Field(() => ReportView, { description: "The report, as its reporter sees it (keep the trackingId: it is the reporter's key)." })
  report: ReportView;

  @Field(() => Boolean, { description: 'False when an earlier submission with the same idempotencyKey was returned.' })
  created: boolean;
}

@ObjectType({ description: 'Result of a lifecycle mutation.' })
export class ReportPayload {
  @Field(() => ReportView, { description: 'The report after the change, as the caller may see it.' })
  report: ReportView;
}
