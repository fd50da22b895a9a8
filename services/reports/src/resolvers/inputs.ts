import {
  ATTACHMENTS,
  Classification,
  IDEMPOTENCY_KEY_PATTERN,
  Maladministration,
  PHONE_PATTERN,
  RATING,
  REGION_CODE_PATTERN,
  ReportStatus,
  TEXT_LIMITS as L,
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
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(L.reporterName.min, L.reporterName.max, { message: `reporter.name must be ${L.reporterName.min}-${L.reporterName.max} characters long` })
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'reporter.email is not a valid e-mail address' })
  @Length(L.reporterEmail.min, L.reporterEmail.max)
  email?: string;

  @Field(() => String, { nullable: true, description: 'Indonesian mobile number, e.g. 0812-3456-7890 or +6281234567890.' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'reporter.phone must be an Indonesian mobile number such as 0812-3456-7890' })
  phone?: string;
}

@InputType()
export class SubmitReportInput {
  @Field(() => String)
  @Length(L.title.min, L.title.max, { message: `title must be ${L.title.min}-${L.title.max} characters long` })
  title: string;

  @Field(() => String)
  @Length(L.body.min, L.body.max, { message: `body must be ${L.body.min}-${L.body.max} characters long: describe what happened, where and when` })
  body: string;

  @Field(() => String, { description: 'Service topic code (see the registry `topics`).' })
  @Matches(TOPIC_CODE_PATTERN, { message: 'topic must be a topic code such as JALAN' })
  topic: string;

  @Field(() => Classification, { defaultValue: Classification.PENGADUAN })
  classification: Classification;

  @Field(() => String, { description: 'Kemendagri code of where the problem is, e.g. 64.02.18.2001.' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a Kemendagri code such as 64.02.18.2001' })
  regionCode: string;

  @Field(() => ID, { nullable: true, description: 'The road (asset) concerned, if any.' })
  @IsOptional()
  @Length(L.id.min, L.id.max)
  roadId?: string;

  @Field(() => ReporterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  reporter?: ReporterInput;

  @Field(() => Boolean, { defaultValue: false, description: 'Hide the reporter from the agency and the public.' })
  anonymous: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Hide the content from the public.' })
  confidential: boolean;

  @Field(() => [ID], { nullable: true, description: 'Ids returned by POST /attachments.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILES, { message: `at most ${MAX_FILES} attachments per report` })
  @IsUUID('4', { each: true, message: 'attachmentIds must be ids returned by POST /attachments' })
  attachmentIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Client-chosen key (e.g. a UUID made when the form opened): retries with the same key return the same report.',
  })
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: 'idempotencyKey must be 8-100 characters of letters, digits, _ . : -' })
  idempotencyKey?: string;
}

@InputType({ description: 'Filters for the staff report list. All given filters must match.' })
export class ReportFilter {
  @Field(() => [ReportStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.keys(ReportStatus).length, {
    message: `status takes at most ${Object.keys(ReportStatus).length} values (one per status)`,
  })
  status?: ReportStatus[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  topic?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  agencyId?: string;

  @Field(() => String, { nullable: true, description: 'Region code prefix: 64.02 matches every report in Kutai Kartanegara.' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a Kemendagri code such as 64.02' })
  regionCode?: string;

  @Field(() => Maladministration, { nullable: true })
  @IsOptional()
  maladministrationType?: Maladministration;

  @Field(() => Boolean, { nullable: true, description: 'true: only reports without a maladministration type.' })
  @IsOptional()
  unclassified?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  anonymous?: boolean;

  @Field(() => Boolean, { nullable: true })
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
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be a report id' })
  reportId: string;

  @Field(() => Int, { nullable: true, description: 'The report version you saw; a different current version is a CONFLICT.' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}

@InputType()
export class DispositionReportInput extends StaffActionInput {
  @Field(() => ID, { nullable: true, description: "Target agency; defaults to the registry's suggestion." })
  @IsOptional()
  @Length(L.id.min, L.id.max)
  agencyId?: string;

  @Field(() => Classification, { nullable: true })
  @IsOptional()
  classification?: Classification;

  @Field(() => Maladministration, { nullable: true })
  @IsOptional()
  maladministrationType?: Maladministration;

  @Field(() => Boolean, { nullable: true, description: 'Set (never clear) anonymity.' })
  @IsOptional()
  anonymous?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Set (never clear) confidentiality.' })
  @IsOptional()
  confidential?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Needs an oversight examination (60 working days).' })
  @IsOptional()
  examination?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(L.optionalNote.min, L.optionalNote.max)
  note?: string;
}

@InputType()
export class HoldReportInput extends StaffActionInput {
  @Field(() => String, { description: 'What the reporter must add.' })
  @Length(L.holdNote.min, L.holdNote.max)
  note: string;
}

@InputType()
export class ArchiveReportInput extends StaffActionInput {
  @Field(() => String)
  @Length(L.reason.min, L.reason.max, { message: `reason must be ${L.reason.min}-${L.reason.max} characters long` })
  reason: string;
}

@InputType()
export class ForwardReportInput extends StaffActionInput {
  @Field(() => ID)
  @Length(L.id.min, L.id.max)
  toAgencyId: string;

  @Field(() => String, { description: 'Why this is not our duty (bukan wewenang) and whose it is.' })
  @Length(L.reason.min, L.reason.max, { message: `reason must be ${L.reason.min}-${L.reason.max} characters long` })
  reason: string;
}

@InputType()
export class RespondToReportInput extends StaffActionInput {
  @Field(() => String)
  @Length(L.response.min, L.response.max, { message: `body must be ${L.response.min}-${L.response.max} characters long` })
  body: string;

  @Field(() => [ID], { nullable: true, description: 'Evidence: ids returned by POST /attachments.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILES)
  @IsUUID('4', { each: true })
  attachmentIds?: string[];
}

@InputType()
export class CompleteReportInput extends StaffActionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(L.optionalNote.min, L.optionalNote.max)
  note?: string;
}

@InputType()
export class ClassifyReportInput extends StaffActionInput {
  @Field(() => Maladministration, { nullable: true, description: 'null clears the classification.' })
  @IsOptional()
  maladministrationType?: Maladministration | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(L.optionalNote.min, L.optionalNote.max)
  note?: string;
}

@InputType()
export class RateReportInput {
  @Field(() => String)
  @Length(L.trackingIdInput.min, L.trackingIdInput.max)
  trackingId: string;

  @Field(() => Int)
  @IsInt()
  @Min(RATING.min)
  @Max(RATING.max)
  rating: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(L.comment.min, L.comment.max)
  comment?: string;
}

@InputType()
export class ReopenReportInput {
  @Field(() => String)
  @Length(L.trackingIdInput.min, L.trackingIdInput.max)
  trackingId: string;

  @Field(() => String)
  @Length(L.reason.min, L.reason.max, { message: `reason must be ${L.reason.min}-${L.reason.max} characters long` })
  reason: string;
}

@InputType({ description: 'The reporter answers a hold with more detail (and optional files).' })
export class AddReportDetailInput {
  @Field(() => String)
  @Length(L.trackingIdInput.min, L.trackingIdInput.max)
  trackingId: string;

  @Field(() => String, { description: "What the admin asked for in the hold note (where, when, what exactly)." })
  @Length(L.detail.min, L.detail.max, { message: `detail must be ${L.detail.min}-${L.detail.max} characters long` })
  detail: string;

  @Field(() => [ID], { nullable: true, description: 'Ids returned by POST /attachments.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILES, { message: `at most ${MAX_FILES} attachments per detail` })
  @IsUUID('4', { each: true, message: 'attachmentIds must be ids returned by POST /attachments' })
  attachmentIds?: string[];
}
