/**
 * The dashboard's GraphQL operations: the documents are written in operations.graphql (and the
 * fragments in a .graphql file beside the component that renders them), checked against
 * gateway/supergraph.graphql and typed by graphql-codegen (`npm run codegen -w @pantau/dashboard`,
 * output in ./generated). This module gives them their constant names and the short type names.
 */
import type {
  AgencyDetailQuery,
  AgencyFirstResponseQuery,
  AgencyLeaderboardQuery,
  AgencyMaladministrationQuery,
  AgencyNameQuery,
  AgencyPerformanceQuery,
  AgencySearchQuery,
  AttachmentFieldsFragment,
  BreakdownFieldsFragment,
  DetailFieldsFragment,
  DurationFieldsFragment,
  KpiFieldsFragment,
  LeaderboardOrder,
  MaladministrationBreakdownQuery,
  MaladministrationTrendQuery,
  MonthlyReportQuery,
  OverviewBreakdownQuery,
  OverviewKpisQuery,
  PerformanceFieldsFragment,
  ProvinceStatsQuery,
  ProvincesQuery,
  RegionChildrenQuery,
  RegionDetailQuery,
  RegionNameQuery,
  RegionStatsQuery,
  ReportActionsQuery,
  ReportByTrackingIdQuery,
  ReportDetailQuery,
  ReportFilter,
  ReportListQuery,
  ReportOrder,
  ReportReporterQuery,
  ReportResponsesQuery,
  ReportTimelineQuery,
  ReportTrendQuery,
  ResponseTimesQuery,
  RoadsQuery,
  SignInMutation,
  SlaComplianceQuery,
  SubmitReportMutation,
  TimelineFieldsFragment,
  TopicsQuery,
  TransparencyMetricsQuery,
} from './generated/graphql';

/**
 * The operation documents (typed: TypedDocumentNode<Result, Variables>), generated from operations.graphql
 * and the fragments beside the components; the names below are the ones pages, tests, the gateway's plan
 * warm-up and the bench use.
 */
export {
  TopicsDocument as TOPICS,
  ProvincesDocument as PROVINCES,
  RegionChildrenDocument as REGION_CHILDREN,
  RegionDetailDocument as REGION_DETAIL,
  RegionStatsDocument as REGION_STATS,
  ProvinceStatsDocument as PROVINCE_STATS,
  RegionNameDocument as REGION_NAME,
  AgencySearchDocument as AGENCY_SEARCH,
  AgencyNameDocument as AGENCY_NAME,
  AgencyDetailDocument as AGENCY_DETAIL,
  SignInDocument as SIGN_IN,
  OverviewKpisDocument as OVERVIEW_KPIS,
  OverviewBreakdownDocument as OVERVIEW_BREAKDOWN,
  ReportTrendDocument as REPORT_TREND,
  ReportBurstsDocument as REPORT_BURSTS,
  MaladministrationBreakdownDocument as MALADMINISTRATION_BREAKDOWN,
  MaladministrationTrendDocument as MALADMINISTRATION_TREND,
  AgencyMaladministrationDocument as AGENCY_MALADMINISTRATION,
  AgencyFirstResponseDocument as AGENCY_FIRST_RESPONSE,
  MonthlyReportDocument as MONTHLY_REPORT,
  ResponseTimesDocument as RESPONSE_TIMES,
  SlaComplianceDocument as SLA_COMPLIANCE,
  TransparencyMetricsDocument as TRANSPARENCY_METRICS,
  AgencyLeaderboardDocument as AGENCY_LEADERBOARD,
  AgencyPerformanceDocument as AGENCY_PERFORMANCE,
  ReportListDocument as REPORT_LIST,
  ReportDetailDocument as REPORT_DETAIL,
  ReportTimelineDocument as REPORT_TIMELINE,
  ReportResponsesDocument as REPORT_RESPONSES,
  ReportReporterDocument as REPORT_REPORTER,
  RoadsDocument as ROADS,
  SubmitReportDocument as SUBMIT_REPORT,
  ReportByTrackingIdDocument as REPORT_BY_TRACKING_ID,
  RateReportDocument as RATE_REPORT,
  ReopenReportDocument as REOPEN_REPORT,
  AddReportDetailDocument as ADD_REPORT_DETAIL,
  ReportActionsDocument as REPORT_ACTIONS,
  DispositionReportDocument as DISPOSITION_REPORT,
  HoldReportDocument as HOLD_REPORT,
  ArchiveReportDocument as ARCHIVE_REPORT,
  ForwardReportDocument as FORWARD_REPORT,
  RespondToReportDocument as RESPOND_TO_REPORT,
  CompleteReportDocument as COMPLETE_REPORT,
  ClassifyReportDocument as CLASSIFY_REPORT,
} from './generated/graphql';

/** Result, fragment, enum and input types (the short names below are aliases of these). */
export type * from './generated/graphql';

// ------------------------------------------------------------------ registry (agencies subgraph)

export type Topic = TopicsQuery['topics'][number];
export type TopicsData = TopicsQuery;

export type RegionRef = ProvincesQuery['regions']['edges'][number]['node'];
export interface Connection<T> {
  totalCount?: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}
export type ProvincesData = ProvincesQuery;
export type RegionChildrenData = RegionChildrenQuery;

export type RegionDetailData = RegionDetailQuery;

/** Small-cell protection: what an analytics object withheld from a signed-out viewer (see domain/suppression). */
export interface Withheld {
  suppressedBelow?: number | null;
  suppressedFields?: string[];
}
export type RegionReportStats = NonNullable<NonNullable<RegionStatsQuery['region']>['reportStats']>;
export type RegionStatsData = RegionStatsQuery;

export type ProvinceStatsData = ProvinceStatsQuery;

export type RegionNameData = RegionNameQuery;

export type AgencySummary = AgencySearchQuery['agencies']['edges'][number]['node'];
export type AgencySearchData = AgencySearchQuery;

export type AgencyNameData = AgencyNameQuery;

export type AgencyDetailData = AgencyDetailQuery;

export type SignInData = SignInMutation;

// ------------------------------------------------------------------ analytics subgraph

export type AgencyPerformance = PerformanceFieldsFragment;

export type Kpis = KpiFieldsFragment;
export type VolumeOnly = NonNullable<OverviewKpisQuery['previous']>;
export type OverviewKpisData = OverviewKpisQuery;

export type OverviewBreakdownData = OverviewBreakdownQuery;

export type ReportTrendData = ReportTrendQuery;

export type Breakdown = BreakdownFieldsFragment;
export type MaladministrationBreakdownData = MaladministrationBreakdownQuery;

export type MaladministrationTrendData = MaladministrationTrendQuery;

export type AgencyMaladministrationData = AgencyMaladministrationQuery;

export type AgencyFirstResponseData = AgencyFirstResponseQuery;

export type MonthlyReportData = MonthlyReportQuery;

export type HistogramBucket = DurationFieldsFragment['histogram'][number];
export type DurationStats = DurationFieldsFragment;
export type ResponseTimesData = ResponseTimesQuery;

export type SlaComplianceData = SlaComplianceQuery;

export type TransparencyMetrics = NonNullable<TransparencyMetricsQuery['transparencyMetrics']>;
export type TransparencyMetricsData = TransparencyMetricsQuery;

export type LeaderboardEntry = NonNullable<AgencyLeaderboardQuery['agencyLeaderboard']>[number];
export type AgencyLeaderboardData = AgencyLeaderboardQuery;
export const LEADERBOARD_ORDERS = [
  'TRANSPARENCY_INDEX',
  'REPORT_COUNT',
  'COMPLETION_RATE',
  'MEDIAN_FIRST_RESPONSE',
  'SLA_COMPLIANCE',
] as const satisfies readonly LeaderboardOrder[];

export type AgencyPerformanceData = AgencyPerformanceQuery;

// ------------------------------------------------------------------ reports subgraph

export type ReportFilterInput = ReportFilter;
export const REPORT_ORDERS = ['SUBMITTED_AT_DESC', 'SUBMITTED_AT_ASC', 'UPDATED_AT_DESC'] as const satisfies readonly ReportOrder[];

export type ReportRow = NonNullable<ReportListQuery['reports']>['edges'][number]['node'];
export type ReportListData = ReportListQuery;

export type ReportDetailData = ReportDetailQuery;

/*
 * The contract names Report.timeline / responses / attachments / reporter; their fields follow the
 * reports subgraph (services/reports/src/resolvers/types.ts). Each sits in its own query so a
 * problem there only affects its panel.
 */

export type TimelineEvent = TimelineFieldsFragment;
export type ReportTimelineData = ReportTimelineQuery;

export type Attachment = AttachmentFieldsFragment;
export type ReportResponse = NonNullable<ReportResponsesQuery['report']>['responses'][number];
/** Report.details: what the reporter added to a held report. */
export type ReportDetailEntry = DetailFieldsFragment;
export type ReportResponsesData = ReportResponsesQuery;

export type ReportReporterData = ReportReporterQuery;

// ------------------------------------------------------------------ citizens: submit and follow a report

export type RoadRef = RoadsQuery['roads']['edges'][number]['node'];
export type RoadsData = RoadsQuery;

export type SubmitReportData = SubmitReportMutation;

export type TrackedReport = NonNullable<ReportByTrackingIdQuery['reportByTrackingId']>;
export type ReportByTrackingIdData = ReportByTrackingIdQuery;

// ------------------------------------------------------------------ staff lifecycle actions

export type ReportActionsReport = NonNullable<ReportActionsQuery['report']>;
export type ReportActionsData = ReportActionsQuery;

