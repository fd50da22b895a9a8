import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Maladministration, ReportStatus } from '@pantau/common';

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

@InputType({ description: 'Reports submitted in [from, to), in a region (Kemendagri code prefix), routed to an agency, on a topic.' })
export class AnalyticsFilter {
  @Field(() => Date, { nullable: true, description: 'Inclusive lower bound on submittedAt.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive upper bound on submittedAt.' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'Region code or an ancestor, e.g. "64.02" matches "64.02.18.2001".' })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => String, { nullable: true })
  topic?: string | null;
}

@ObjectType()
export class TopicCount {
  @Field(() => String)
  topic: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class StatusCount {
  @Field(() => ReportStatus)
  status: ReportStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Headline figures (KPI cards).' })
export class AnalyticsOverview {
  @Field(() => Int, { description: 'Reports submitted in scope.' })
  volume: number;

  @Field(() => Int, { description: 'Reports not completed and not archived.' })
  open: number;

  @Field(() => Int, { description: 'Open reports with a step past its due date and not done, now.' })
  overdue: number;

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
export class MaladministrationSlice {
  @Field(() => MaladministrationCategory)
  type: MaladministrationCategory;

  @Field(() => Int)
  count: number;

  @Field(() => Float, { description: 'count / total (0 when there are no reports).' })
  share: number;
}

@ObjectType()
export class MaladministrationBreakdown {
  @Field(() => Int)
  total: number;

  @Field(() => [MaladministrationSlice], { description: 'Ten types and UNCLASSIFIED, most frequent first.' })
  slices: MaladministrationSlice[];
}

@ObjectType()
export class HistogramBucket {
  @Field(() => Float)
  fromHours: number;

  @Field(() => Float, { nullable: true, description: 'Exclusive; null for the last, open-ended bucket.' })
  toHours: number | null;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'A duration in hours (calendar time): exact nearest-rank percentiles, mean, count, histogram.' })
export class DurationStats {
  @Field(() => Int)
  count: number;

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
export class ResponseTimeStats {
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
export class SlaStepCompliance {
  @Field(() => SlaStep)
  step: SlaStep;

  @Field(() => Int, { description: 'Done by the due date.' })
  onTime: number;

  @Field(() => Int, { description: 'Done after the due date.' })
  late: number;

  @Field(() => Int, { description: 'Not done and past the due date now (or when the report was closed).' })
  overdueOpen: number;

  @Field(() => Float, { nullable: true, description: 'onTime / (onTime + late + overdueOpen).' })
  compliance: number | null;
}

@ObjectType()
export class SlaCompliance {
  @Field(() => [SlaStepCompliance])
  steps: SlaStepCompliance[];

  @Field(() => Float, { nullable: true })
  overall: number | null;
}

@ObjectType({ description: 'Transparency components (0–1) and the index (0–100).' })
export class TransparencyMetrics {
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
export class TrendPoint {
  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD, reporting time zone; weeks start on Monday).' })
  periodStart: string;

  @Field(() => Int, { description: 'Reports submitted in the period.' })
  submitted: number;

  @Field(() => Int, { description: 'Of those, completed now.' })
  completed: number;
}

@ObjectType()
export class AgencyPerformance {
  @Field(() => Int)
  reportCount: number;

  @Field(() => Int)
  open: number;

  @Field(() => Int)
  overdue: number;

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
}

@ObjectType()
export class RegionReportStats {
  @Field(() => Int)
  reportCount: number;

  @Field(() => Int)
  open: number;

  @Field(() => Int)
  overdue: number;

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
