import {
  ATTACHMENTS,
  Classification,
  IDEMPOTENCY_KEY_PATTERN,
  Maladministration,
  PHONE_PATTERN,
  RATING,
  REGION_CODE_PATTERN,
  REOPEN_WINDOW_DAYS,
  ReportStatus,
  TEXT_LIMITS as L,
  SLA_DAYS,
  TOPIC_CODE_PATTERN,
} from '@pantau/contract';
import {
  ArrayMaxSize,
  IsEmail,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

/** Limits and patterns come from @pantau/contract (the dashboard's forms check the same ones). */
const MAX_FILES = ATTACHMENTS.maxPerItem;

@InputType({ description: 'Who is reporting. Optional; hidden from the agency and the public when anonymous.' })
export class ReporterInput {
  @Field(() => String, { nullable: true, description: `Reporter's name (${L.reporterName.min}-${L.reporterName.max} characters).` })
  @IsOptional()
  @Length(L.reporterName.min, L.reporterName.max)
  name?: string;

  @Field(() => String, { nullable: true, description: "Reporter's e-mail address, for follow-up." })
  @IsOptional()
  @IsEmail({})
  @Length(L.reporterEmail.min, L.reporterEmail.max)
  email?: string;

  @Field(() => String, { nullable: true, description: 'Indonesian mobile number, e.g. 0812-3456-7890 or +6281234567890.' })
  @IsOptional()
  @Matches(PHONE_PATTERN)
  phone?: string;
}

@InputType({ description: 'A new complaint, as the citizen submits it.' })
export class SubmitReportInput {
  @Field(() => String, { description: `Short summary (${L.title.min}-${L.title.max} characters).` })
  @Length(L.title.min, L.title.max)
  title: string;

  @Field(() => String, { description: `What happened, where and when (${L.body.min}-${L.body.max} characters).` })
  @Length(L.body.min, L.body.max)
  body: string;

  @Field(() => String, { description: 'Service topic code (see the registry `topics`).' })
  @Matches(TOPIC_CODE_PATTERN)
  topic: string;

  @Field(() => Classification, { defaultValue: Classification.PENGADUAN, description: 'Kind of submission; a complaint (PENGADUAN) unless given.' })
  classification: Classification;

  @Field(() => String, { description: 'Kemendagri code of where the problem is, e.g. 64.02.18.2001.' })
  @Matches(REGION_CODE_PATTERN)
  regionCode: string;

  @Field(() => ID, { nullable: true, description: 'The road (asset) concerned, if any.' })
  @IsOptional()
  @Length(L.id.min, L.id.max)
  roadId?: string;

  @Field(() => ReporterInput, { nullable: true, description: 'Who is reporting (optional); needed to be contacted.' })
  @IsOptional()
  @ValidateNested()
  reporter?: ReporterInput;

  @Field(() => Boolean, { defaultValue: false, description: 'Hide the reporter from the agency and the public.' })
  anonymous: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Hide the content from the public.' })
  confidential: boolean;

  @Field(() => [ID], { nullable: true, description: 'Ids returned by POST /attachments.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILES)
  @IsUUID('4', { each: true })
  attachmentIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Client-chosen key (e.g. a UUID made when the form opened): retries with the same key return the same report.',
  })
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey?: string;
}

@InputType({ description: 'Filters for the staff report list. All given filters must match.' })
export class ReportFilter {
  @Field(() => [ReportStatus], { nullable: true, description: 'Reports in any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(ReportStatus).length)
  status?: ReportStatus[];

  @Field(() => String, { nullable: true, description: 'Service topic code, e.g. JALAN.' })
  @IsOptional()
  topic?: string;

  @Field(() => ID, { nullable: true, description: 'Reports currently routed to this agency.' })
  @IsOptional()
  agencyId?: string;

  @Field(() => String, { nullable: true, description: 'Region code prefix: 64.02 matches every report in Kutai Kartanegara.' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN)
  regionCode?: string;

  @Field(() => Maladministration, { nullable: true, description: 'Reports classified with this maladministration type.' })
  @IsOptional()
  maladministrationType?: Maladministration;

  @Field(() => Boolean, { nullable: true, description: 'true: only reports without a maladministration type.' })
  @IsOptional()
  unclassified?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true: only reports past a due date with the step not done; false: only reports that are not.' })
  @IsOptional()
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only anonymous (true) or only named (false) reports.' })
  @IsOptional()
  anonymous?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only confidential (true) or only non-confidential (false) reports.' })
  @IsOptional()
  confidential?: boolean;

  @Field(() => Date, { nullable: true, description: 'submittedAt >= from' })
  @IsOptional()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'submittedAt < to' })
  @IsOptional()
  to?: Date;
}

@InputType('StaffActionInput')
abstract class StaffActionInput {
  @Field(() => ID, { description: 'Id of the report to act on.' })
  @IsUUID('all')
  reportId: string;

  @Field(() => Int, { nullable: true, description: 'The report version you saw; a different current version is a CONFLICT.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}

@InputType({ description: 'Verify a submitted report and route it to an agency (SUBMITTED → DISPOSITIONED).' })
export class DispositionReportInput extends StaffActionInput {
  @Field(() => ID, { nullable: true, description: "Target agency; defaults to the registry's suggestion." })
  @IsOptional()
  @Length(L.id.min, L.id.max)
  agencyId?: string;

  @Field(() => Classification, { nullable: true, description: "Corrects the reporter's classification." })
  @IsOptional()
  classification?: Classification;

  @Field(() => Maladministration, { nullable: true, description: 'Maladministration type, when already clear at verification.' })
  @IsOptional()
  maladministrationType?: Maladministration;

  @Field(() => Boolean, { nullable: true, description: 'Set (never clear) anonymity.' })
  @IsOptional()
  anonymous?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Set (never clear) confidentiality.' })
  @IsOptional()
  confidential?: boolean;

  @Field(() => Boolean, { nullable: true, description: `Needs an oversight examination (${SLA_DAYS.completionExamination} working days).` })
  @IsOptional()
  examination?: boolean;

  @Field(() => String, { nullable: true, description: 'Note for the timeline.' })
  @IsOptional()
  @Length(L.optionalNote.min, L.optionalNote.max)
  note?: string;
}

@InputType({ description: 'Put a report on hold and ask the reporter for more detail (ON_HOLD).' })
export class HoldReportInput extends StaffActionInput {
  @Field(() => String, { description: 'What the reporter must add.' })
  @Length(L.holdNote.min, L.holdNote.max)
  note: string;
}

@InputType({ description: 'Reject a report with a reason (ARCHIVED).' })
export class ArchiveReportInput extends StaffActionInput {
  @Field(() => String, { description: `Why the report is rejected, shown to the reporter (${L.reason.min}-${L.reason.max} characters).` })
  @Length(L.reason.min, L.reason.max)
  reason: string;
}

@InputType({ description: 'Forward a report outside your duties to the agency that owns them (one hop).' })
export class ForwardReportInput extends StaffActionInput {
  @Field(() => ID, { description: 'The agency that owns the duty.' })
  @Length(L.id.min, L.id.max)
  toAgencyId: string;

  @Field(() => String, { description: 'Why this is not our duty (bukan wewenang) and whose it is.' })
  @Length(L.reason.min, L.reason.max)
  reason: string;
}

@InputType({ description: "The agency's response (tanggapan) to a report." })
export class RespondToReportInput extends StaffActionInput {
  @Field(() => String, { description: `Concise, polite response text (${L.response.min}-${L.response.max} characters).` })
  @Length(L.response.min, L.response.max)
  body: string;

  @Field(() => [ID], { nullable: true, description: 'Evidence: ids returned by POST /attachments.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILES)
  @IsUUID('4', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: 'Mark a report as resolved (COMPLETED).' })
export class CompleteReportInput extends StaffActionInput {
  @Field(() => String, { nullable: true, description: 'Closing note for the timeline.' })
  @IsOptional()
  @Length(L.optionalNote.min, L.optionalNote.max)
  note?: string;
}

@InputType({ description: 'Set or clear the maladministration type of a report (ADMIN or OMBUDSMAN).' })
export class ClassifyReportInput extends StaffActionInput {
  @Field(() => Maladministration, { nullable: true, description: 'null clears the classification.' })
  @IsOptional()
  maladministrationType?: Maladministration | null;

  @Field(() => String, { nullable: true, description: 'Why, for the timeline.' })
  @IsOptional()
  @Length(L.optionalNote.min, L.optionalNote.max)
  note?: string;
}

@InputType({ description: 'The reporter rates the outcome of a completed report.' })
export class RateReportInput {
  @Field(() => String, { description: "The report's tracking ID (hyphens and spaces allowed): the reporter's key." })
  @Length(L.trackingIdInput.min, L.trackingIdInput.max)
  trackingId: string;

  @Field(() => Int, { description: `Satisfaction with the outcome, ${RATING.min} (worst) to ${RATING.max} (best).` })
  @IsInt()
  @Min(RATING.min)
  @Max(RATING.max)
  rating: number;

  @Field(() => String, { nullable: true, description: `Optional comment (at most ${L.comment.max} characters).` })
  @IsOptional()
  @Length(L.comment.min, L.comment.max)
  comment?: string;
}

@InputType({ description: `The reporter reopens a completed report, within ${REOPEN_WINDOW_DAYS} days of completion.` })
export class ReopenReportInput {
  @Field(() => String, { description: "The report's tracking ID (hyphens and spaces allowed): the reporter's key." })
  @Length(L.trackingIdInput.min, L.trackingIdInput.max)
  trackingId: string;

  @Field(() => String, { description: `Why the outcome is not satisfactory (${L.reason.min}-${L.reason.max} characters).` })
  @Length(L.reason.min, L.reason.max)
  reason: string;
}

@InputType({ description: 'The reporter answers a hold with more detail (and optional files).' })
export class AddReportDetailInput {
  @Field(() => String, { description: "The report's tracking ID (hyphens and spaces allowed): the reporter's key." })
  @Length(L.trackingIdInput.min, L.trackingIdInput.max)
  trackingId: string;

  @Field(() => String, { description: "What the admin asked for in the hold note (where, when, what exactly)." })
  @Length(L.detail.min, L.detail.max)
  detail: string;

  @Field(() => [ID], { nullable: true, description: 'Ids returned by POST /attachments.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILES)
  @IsUUID('4', { each: true })
  attachmentIds?: string[];
}
