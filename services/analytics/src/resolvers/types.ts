import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Maladministration, ReportStatus } from '@pantau/common';
import type { Scope } from '../domain/scope';

/** GraphQL types of the analytics part of docs/api-contract.graphql. Figures are Int/Float, never strings. */

/** The ten maladministration types (from the shared vocabulary) plus UNCLASSIFIED. */
export const MaladministrationCategory = { ...Maladministration, UNCLASSIFIED: 'UNCLASSIFIED' } as const;
export type MaladministrationCategory = (typeof MaladministrationCategory)[keyof typeof MaladministrationCategory];
export enum SlaStep {
  VERIFICATION = 'VERIFICATION',
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  COMPLETION = 'COMPLETION',
}
export enum TrendIntervalEnum {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
export enum LeaderboardOrderEnum {
  TRANSPARENCY_INDEX = 'TRANSPARENCY_INDEX',
  REPORT_COUNT = 'REPORT_COUNT',
  COMPLETION_RATE = 'COMPLETION_RATE',
  MEDIAN_FIRST_RESPONSE = 'MEDIAN_FIRST_RESPONSE',
  SLA_COMPLIANCE = 'SLA_COMPLIANCE',
}

registerEnumType(ReportStatus, { name: 'ReportStatus', description: 'Lifecycle status of a report (LAPOR! public statuses).' });
registerEnumType(MaladministrationCategory, {
  name: 'MaladministrationCategory',
  description: 'The ten Ombudsman RI maladministration types, plus UNCLASSIFIED.',
});
registerEnumType(SlaStep, { name: 'SlaStep' });
registerEnumType(TrendIntervalEnum, { name: 'TrendInterval' });
registerEnumType(LeaderboardOrderEnum, { name: 'LeaderboardOrder' });

/** What an object withheld from a signed-out viewer (small-cell protection, see services/analytics/README.md). */
@ObjectType()
export abstract class Disclosure {
  @Field(() => Boolean, {
    description:
      'True when figures of this object are withheld (null) because they come from fewer than `suppressedBelow` reports. Only for signed-out viewers; staff see every figure.',
  })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'The threshold k (PANTAU_SMALL_CELL_K, default 5) when something is withheld, else null.' })
  suppressedBelow: number | null;

  @Field(() => [String], { description: 'Names of the withheld fields (a list field is named when some of its items are withheld).' })
  suppressedFields: string[];
}

const WHOLE_DAYS =
  ' For signed-out viewers it is widened to whole days of the reporting time zone (ANALYTICS_TIME_ZONE or PANTAU_TIME_ZONE, default Asia/Makassar): `from` to the start of its day, `to` to the start of the next day unless it is one.';

@InputType({ description: 'Reports submitted in [from, to), in a region (Kemendagri code prefix), routed to an agency, on a topic.' })
export class AnalyticsFilter {
  @Field(() => Date, { nullable: true, description: 'Inclusive lower bound on submittedAt.' + WHOLE_DAYS })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive upper bound on submittedAt.' + WHOLE_DAYS })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'Region code or an ancestor, e.g. "64.02" matches "64.02.18.2001".' })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => String, { nullable: true })
  topic?: string | null;
}

@ObjectType()
export class TopicCount extends Disclosure {
  @Field(() => String)
  topic: string;

  @Field(() => Int, { nullable: true })
  count: number | null;
}

@ObjectType()
export class StatusCount extends Disclosure {
  @Field(() => ReportStatus)
  status: ReportStatus;

  @Field(() => Int, { nullable: true })
  count: number | null;
}

@ObjectType({ description: 'Headline figures (KPI cards).' })
export class AnalyticsOverview extends Disclosure {
  @Field(() => Int, { nullable: true, description: 'Reports submitted in scope.' })
  volume: number | null;

  @Field(() => Int, { nullable: true, description: 'Reports not completed and not archived.' })
  open: number | null;

  @Field(() => Int, { nullable: true, description: 'Open reports with a step past its due date and not done, now.' })
  overdue: number | null;

  @Field(() => Float, { nullable: true, description: 'Completed / dispositioned.' })
  completionRate: number | null;

  @Field(() => Float, { nullable: true, description: "Median (nearest rank) of firstResponseAt − dispositionedAt (the agency's own time), hours." })
  medianFirstResponseHours: number | null;

  @Field(() => Float, { nullable: true, description: 'SLA compliance over all steps (0–1).' })
  slaCompliance: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean rating / 5 over rated reports (0–1).' })
  satisfaction: number | null;

  @Field(() => Float, { nullable: true, description: 'Transparency index 0–100.' })
  transparencyIndex: number | null;

  @Field(() => [TopicCount], { description: 'Reports per topic, most first.' })
  byTopic: TopicCount[];

  @Field(() => [StatusCount], { description: 'Reports per current status.' })
  byStatus: StatusCount[];
}

@ObjectType()
export class MaladministrationSlice extends Disclosure {
  @Field(() => MaladministrationCategory)
  type: MaladministrationCategory;

  @Field(() => Int, { nullable: true })
  count: number | null;

  @Field(() => Float, { nullable: true, description: 'count / total (0 when there are no reports).' })
  share: number | null;
}

@ObjectType()
export class MaladministrationBreakdown extends Disclosure {
  @Field(() => Int, { nullable: true })
  total: number | null;

  @Field(() => [MaladministrationSlice], { description: 'Ten types and UNCLASSIFIED, most frequent first.' })
  slices: MaladministrationSlice[];
}

@ObjectType()
export class HistogramBucket extends Disclosure {
  @Field(() => Float)
  fromHours: number;

  @Field(() => Float, { nullable: true, description: 'Exclusive; null for the last, open-ended bucket.' })
  toHours: number | null;

  @Field(() => Int, { nullable: true })
  count: number | null;
}

@ObjectType({ description: 'A duration in hours (calendar time): exact nearest-rank percentiles, mean, count, histogram.' })
export class DurationStats extends Disclosure {
  @Field(() => Int, { nullable: true })
  count: number | null;

  @Field(() => Float, { nullable: true })
  p50Hours: number | null;

  @Field(() => Float, { nullable: true })
  p90Hours: number | null;

  @Field(() => Float, { nullable: true })
  meanHours: number | null;

  @Field(() => [HistogramBucket])
  histogram: HistogramBucket[];
}

@ObjectType()
export class ResponseTimeStats extends Disclosure {
  @Field(() => DurationStats, { description: 'dispositionedAt − submittedAt.' })
  verification: DurationStats;

  @Field(() => DurationStats, { description: "firstResponseAt − dispositionedAt (the agency's own time)." })
  firstResponseAgency: DurationStats;

  @Field(() => DurationStats, { description: "firstResponseAt − submittedAt (the citizen's view)." })
  firstResponseCitizen: DurationStats;

  @Field(() => DurationStats, { description: 'completedAt − submittedAt, completed reports.' })
  completion: DurationStats;
}

@ObjectType()
export class SlaStepCompliance extends Disclosure {
  @Field(() => SlaStep)
  step: SlaStep;

  @Field(() => Int, { nullable: true, description: 'Done by the due date.' })
  onTime: number | null;

  @Field(() => Int, { nullable: true, description: 'Done after the due date.' })
  late: number | null;

  @Field(() => Int, { nullable: true, description: 'Not done and past the due date now (or when the report was closed).' })
  overdueOpen: number | null;

  @Field(() => Float, { nullable: true, description: 'onTime / (onTime + late + overdueOpen).' })
  compliance: number | null;
}

@ObjectType()
export class SlaCompliance extends Disclosure {
  @Field(() => [SlaStepCompliance])
  steps: SlaStepCompliance[];

  @Field(() => Float, { nullable: true })
  overall: number | null;
}

@ObjectType({ description: 'Transparency components (0–1) and the index (0–100).' })
export class TransparencyMetrics extends Disclosure {
  @Field(() => Float, { nullable: true, description: 'R: reports with ≥1 response / dispositioned.' })
  responseRate: number | null;

  @Field(() => Float, { nullable: true, description: 'T: first-response SLA compliance.' })
  firstResponseCompliance: number | null;

  @Field(() => Float, { nullable: true, description: 'E: responded reports with evidence / responded.' })
  evidenceRate: number | null;

  @Field(() => Float, { nullable: true, description: 'C: completed / dispositioned.' })
  completionRate: number | null;

  @Field(() => Float, { nullable: true, description: 'S: mean rating / 5.' })
  satisfaction: number | null;

  @Field(() => Float, { nullable: true, description: 'Non-confidential / all reports.' })
  publicVisibility: number | null;

  @Field(() => Float, { nullable: true, description: 'Reopened / ever completed.' })
  reopenRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Forwarded at least once / dispositioned.' })
  forwardingRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean number of forwards of a forwarded report.' })
  meanHops: number | null;

  @Field(() => Float, { nullable: true, description: '100 × (0.25R + 0.25T + 0.20E + 0.15C + 0.15S), components without data dropped and weights rescaled.' })
  index: number | null;
}

@ObjectType()
export class TrendPoint extends Disclosure {
  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD, reporting time zone; weeks start on Monday).' })
  periodStart: string;

  @Field(() => Int, { nullable: true, description: 'Reports submitted in the period.' })
  submitted: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, completed now.' })
  completed: number | null;
}

@ObjectType()
export class AgencyPerformance extends Disclosure {
  @Field(() => Int, { nullable: true })
  reportCount: number | null;

  @Field(() => Int, { nullable: true })
  open: number | null;

  @Field(() => Int, { nullable: true })
  overdue: number | null;

  @Field(() => Float, { nullable: true })
  completionRate: number | null;

  @Field(() => Float, { nullable: true })
  medianFirstResponseHours: number | null;

  @Field(() => Float, { nullable: true })
  slaCompliance: number | null;

  @Field(() => Float, { nullable: true })
  satisfaction: number | null;

  @Field(() => Float, { nullable: true })
  transparencyIndex: number | null;

  @Field(() => Float, { nullable: true })
  forwardingRate: number | null;

  // Not in the schema: whose figures and for which scope, so that the per-agency breakdown fields
  // (maladministration, firstResponseAgency) can batch the agencies of one request and filter.
  agencyId?: string;
  scope?: Scope;
}

@ObjectType()
export class RegionReportStats extends Disclosure {
  @Field(() => Int, { nullable: true })
  reportCount: number | null;

  @Field(() => Int, { nullable: true })
  open: number | null;

  @Field(() => Int, { nullable: true })
  overdue: number | null;

  @Field(() => Float, { nullable: true })
  completionRate: number | null;

  @Field(() => Float, { nullable: true })
  transparencyIndex: number | null;
}

/** The registry's Agency entity; analytics contributes `performance`. */
@Directive('@key(fields: "id")')
@ObjectType('Agency')
export class AgencyRef {
  @Field(() => ID)
  id: string;
}

/** The registry's Region entity; analytics contributes `reportStats`. */
@Directive('@key(fields: "code")')
@ObjectType('Region')
export class RegionRef {
  @Field(() => String)
  code: string;
}

@ObjectType()
export class LeaderboardEntry {
  @Field(() => Int)
  rank: number;

  @Field(() => AgencyRef, { description: 'Resolved by the registry through the gateway.' })
  agency: AgencyRef;

  @Field(() => AgencyPerformance)
  performance: AgencyPerformance;
}
