import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Maladministration, ReportStatus } from '@pantau/common';
import { enumValueDescriptions, MALADMINISTRATION_DESCRIPTIONS, REPORT_STATUS_DESCRIPTIONS, SLA_DAYS } from '@pantau/contract';
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

registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'Lifecycle status of a report (LAPOR! public statuses).',
  valuesConfig: enumValueDescriptions(REPORT_STATUS_DESCRIPTIONS),
});
registerEnumType(MaladministrationCategory, {
  name: 'MaladministrationCategory',
  description: 'The ten Ombudsman RI maladministration types, plus UNCLASSIFIED.',
  valuesConfig: {
    ...enumValueDescriptions(MALADMINISTRATION_DESCRIPTIONS),
    UNCLASSIFIED: { description: 'No maladministration type set (yet).' },
  },
});
registerEnumType(SlaStep, {
  name: 'SlaStep',
  description: 'A service-level step, counted in working days (Monday-Friday minus national holidays and collective leave).',
  valuesConfig: {
    VERIFICATION: { description: `Admin verifies and routes within ${SLA_DAYS.verification} working days of submission.` },
    FIRST_RESPONSE: { description: `The agency responds within ${SLA_DAYS.firstResponse} working days of disposition.` },
    COMPLETION: { description: `Completed within ${SLA_DAYS.completion} working days of disposition (${SLA_DAYS.completionExamination} with an oversight examination).` },
  },
});
registerEnumType(TrendIntervalEnum, {
  name: 'TrendInterval',
  description: 'Period length of a trend, in the reporting time zone.',
  valuesConfig: {
    DAY: { description: 'One point per calendar day.' },
    WEEK: { description: 'One point per week, starting on Monday.' },
    MONTH: { description: 'One point per calendar month.' },
  },
});
registerEnumType(LeaderboardOrderEnum, {
  name: 'LeaderboardOrder',
  description: 'Figure a leaderboard ranks by; agencies without the figure come last.',
  valuesConfig: {
    TRANSPARENCY_INDEX: { description: 'Highest transparency index first (the default).' },
    REPORT_COUNT: { description: 'Most reports first.' },
    COMPLETION_RATE: { description: 'Highest completion rate first.' },
    MEDIAN_FIRST_RESPONSE: { description: 'Shortest median first response (agency time) first.' },
    SLA_COMPLIANCE: { description: 'Highest overall SLA compliance first.' },
  },
});

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

  @Field(() => ID, { nullable: true, description: 'Only reports routed to this agency.' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only reports on this service topic code, e.g. JALAN.' })
  topic?: string | null;
}

@ObjectType({ description: 'Reports in scope on one service topic.' })
export class TopicCount extends Disclosure {
  @Field(() => String, { description: 'Service topic code, e.g. JALAN.' })
  topic: string;

  @Field(() => Int, { nullable: true, description: 'Reports on the topic. Null when suppressed.' })
  count: number | null;
}

@ObjectType({ description: 'Reports in scope in one current status.' })
export class StatusCount extends Disclosure {
  @Field(() => ReportStatus, { description: 'The status.' })
  status: ReportStatus;

  @Field(() => Int, { nullable: true, description: 'Reports now in that status. Null when suppressed.' })
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

@ObjectType({ description: 'Reports in scope of one maladministration type.' })
export class MaladministrationSlice extends Disclosure {
  @Field(() => MaladministrationCategory, { description: 'The type, or UNCLASSIFIED.' })
  type: MaladministrationCategory;

  @Field(() => Int, { nullable: true, description: 'Reports of that type. Null when suppressed.' })
  count: number | null;

  @Field(() => Float, { nullable: true, description: 'count / total (0 when there are no reports).' })
  share: number | null;
}

@ObjectType({ description: 'Reports in scope per maladministration type (Ombudsman RI), with shares.' })
export class MaladministrationBreakdown extends Disclosure {
  @Field(() => Int, { nullable: true, description: 'Reports in scope, classified or not. Null when suppressed.' })
  total: number | null;

  @Field(() => [MaladministrationSlice], { description: 'Ten types and UNCLASSIFIED, most frequent first.' })
  slices: MaladministrationSlice[];
}

@ObjectType({ description: 'The maladministration breakdown of one period of a trend.' })
export class MaladministrationTrendPoint {
  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD, reporting time zone; weeks start on Monday).' })
  periodStart: string;

  @Field(() => MaladministrationBreakdown, {
    description:
      'Reports submitted in the period per type. For signed-out viewers a period with fewer than k reports is withheld, and when exactly one is, the next smallest period is withheld whole too.',
  })
  breakdown: MaladministrationBreakdown;
}

@ObjectType({ description: 'Durations within [fromHours, toHours).' })
export class HistogramBucket extends Disclosure {
  @Field(() => Float, { description: 'Inclusive lower bound, hours.' })
  fromHours: number;

  @Field(() => Float, { nullable: true, description: 'Exclusive; null for the last, open-ended bucket.' })
  toHours: number | null;

  @Field(() => Int, { nullable: true, description: 'Durations in the bucket. Null when suppressed.' })
  count: number | null;
}

@ObjectType({ description: 'A duration in hours (calendar time): exact nearest-rank percentiles, mean, count, histogram.' })
export class DurationStats extends Disclosure {
  @Field(() => Int, { nullable: true, description: 'Reports with this duration (the step done). Null when suppressed.' })
  count: number | null;

  @Field(() => Float, { nullable: true, description: 'Median (50th percentile, nearest rank), hours; null without data.' })
  p50Hours: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile (nearest rank), hours; null without data.' })
  p90Hours: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean, hours; null without data.' })
  meanHours: number | null;

  @Field(() => [HistogramBucket], { description: 'Counts per duration bucket, from [0, 1h) up to [60 days, open end).' })
  histogram: HistogramBucket[];
}

@ObjectType({ description: 'How long the lifecycle steps took, in hours of calendar time.' })
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

@ObjectType({ description: 'Compliance with the due date of one service-level step.' })
export class SlaStepCompliance extends Disclosure {
  @Field(() => SlaStep, { description: 'The step.' })
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

@ObjectType({ description: 'SLA compliance = steps done on time / (steps done + steps overdue and not done); steps not yet due are not counted.' })
export class SlaCompliance extends Disclosure {
  @Field(() => [SlaStepCompliance], { description: 'Verification, first response and completion.' })
  steps: SlaStepCompliance[];

  @Field(() => Float, { nullable: true, description: 'All steps together (0–1); null without data.' })
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

@ObjectType({ description: 'Reports of one period of a trend.' })
export class TrendPoint extends Disclosure {
  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD, reporting time zone; weeks start on Monday).' })
  periodStart: string;

  @Field(() => Int, { nullable: true, description: 'Reports submitted in the period.' })
  submitted: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, completed now.' })
  completed: number | null;
}

@ObjectType({ description: "An agency's figures for the reports routed to it in scope." })
export class AgencyPerformance extends Disclosure {
  @Field(() => Int, { nullable: true, description: 'Reports submitted in scope.' })
  reportCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Reports not completed and not archived.' })
  open: number | null;

  @Field(() => Int, { nullable: true, description: 'Open reports with a step past its due date and not done, now.' })
  overdue: number | null;

  @Field(() => Float, { nullable: true, description: 'Completed / dispositioned (0–1).' })
  completionRate: number | null;

  @Field(() => Float, { nullable: true, description: "Median (nearest rank) of firstResponseAt − dispositionedAt (the agency's own time), hours." })
  medianFirstResponseHours: number | null;

  @Field(() => Float, { nullable: true, description: 'SLA compliance over all steps (0–1).' })
  slaCompliance: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean rating / 5 over rated reports (0–1).' })
  satisfaction: number | null;

  @Field(() => Float, { nullable: true, description: 'Transparency index 0–100.' })
  transparencyIndex: number | null;

  @Field(() => Float, { nullable: true, description: 'Reports forwarded at least once / dispositioned (0–1).' })
  forwardingRate: number | null;

  // Not in the schema: whose figures and for which scope, so that the per-agency breakdown fields
  // (maladministration, firstResponseAgency) can batch the agencies of one request and filter.
  agencyId?: string;
  scope?: Scope;
}

@ObjectType({ description: 'Figures for the reports in scope in a region and every region inside it.' })
export class RegionReportStats extends Disclosure {
  @Field(() => Int, { nullable: true, description: 'Reports submitted in scope.' })
  reportCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Reports not completed and not archived.' })
  open: number | null;

  @Field(() => Int, { nullable: true, description: 'Open reports with a step past its due date and not done, now.' })
  overdue: number | null;

  @Field(() => Float, { nullable: true, description: 'Completed / dispositioned (0–1).' })
  completionRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Transparency index 0–100.' })
  transparencyIndex: number | null;
}

/** The registry's Agency entity; analytics contributes `performance`. */
@Directive('@key(fields: "id")')
@ObjectType('Agency')
export class AgencyRef {
  @Field(() => ID, { description: 'Stable registry key.' })
  id: string;
}

/** The registry's Region entity; analytics contributes `reportStats`. */
@Directive('@key(fields: "code")')
@ObjectType('Region')
export class RegionRef {
  @Field(() => String, { description: 'Kemendagri code, hierarchical by prefix: 64 / 64.02 / 64.02.18 / 64.02.18.2001.' })
  code: string;
}

@ObjectType({ description: "One agency's place on the leaderboard." })
export class LeaderboardEntry {
  @Field(() => Int, { description: 'Position, 1 first.' })
  rank: number;

  @Field(() => AgencyRef, { description: 'Resolved by the registry through the gateway.' })
  agency: AgencyRef;

  @Field(() => AgencyPerformance, { description: "The agency's figures in scope." })
  performance: AgencyPerformance;
}
