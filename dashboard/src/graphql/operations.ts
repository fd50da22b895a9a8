/**
 * Every GraphQL operation the dashboard sends, named (tests and the gateway's logs see the names),
 * written against docs/api-contract.graphql. Each panel has its own operation so a subgraph that is
 * down only empties the panels that need it.
 */
import { gql } from 'urql';
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
} from './generated';

/*
 * Result and variable types come from ./generated.ts (graphql-codegen, `npm run codegen -w @pantau/dashboard`):
 * the names below are aliases of the generated types, kept so pages and tests read the same.
 */
export type * from './generated';

// ------------------------------------------------------------------ registry (agencies subgraph)

export const TOPICS = gql`
  query Topics {
    topics {
      code
      labelId
      labelEn
      asset
    }
  }
`;
export type Topic = TopicsQuery['topics'][number];
export type TopicsData = TopicsQuery;

export const PROVINCES = gql`
  query Provinces {
    regions(search: "", level: PROVINCE, first: 100) {
      edges {
        node {
          code
          name
          level
        }
      }
    }
  }
`;

export const REGION_CHILDREN = gql`
  query RegionChildren($code: String!) {
    region(code: $code) {
      code
      name
      level
      children(first: 100) {
        edges {
          node {
            code
            name
            level
          }
        }
      }
    }
  }
`;

export type RegionRef = ProvincesQuery['regions']['edges'][number]['node'];
export interface Connection<T> {
  totalCount?: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}
export type ProvincesData = ProvincesQuery;
export type RegionChildrenData = RegionChildrenQuery;

export const REGION_DETAIL = gql`
  query RegionDetail($code: String!) {
    region(code: $code) {
      code
      name
      level
      ancestors {
        code
        name
        level
      }
      children(first: 100) {
        totalCount
        edges {
          node {
            code
            name
            level
          }
        }
      }
    }
  }
`;
export type RegionDetailData = RegionDetailQuery;

export const REGION_STATS = gql`
  query RegionStats($code: String!, $filter: AnalyticsFilter) {
    region(code: $code) {
      code
      reportStats(filter: $filter) {
        reportCount
        open
        overdue
        completionRate
        transparencyIndex
        suppressedBelow
        suppressedFields
      }
      children(first: 100) {
        edges {
          node {
            code
            reportStats(filter: $filter) {
              reportCount
              open
              overdue
              completionRate
              transparencyIndex
              suppressedBelow
              suppressedFields
            }
          }
        }
      }
    }
  }
`;
/** Small-cell protection: what an analytics object withheld from a signed-out viewer (see domain/suppression). */
export interface Withheld {
  suppressedBelow?: number | null;
  suppressedFields?: string[];
}
export type RegionReportStats = NonNullable<NonNullable<RegionStatsQuery['region']>['reportStats']>;
export type RegionStatsData = RegionStatsQuery;

/** Every province with its figures for the period (the top of the region drill-down has numbers too). */
export const PROVINCE_STATS = gql`
  query ProvinceStats($filter: AnalyticsFilter) {
    regions(search: "", level: PROVINCE, first: 100) {
      edges {
        node {
          code
          reportStats(filter: $filter) {
            reportCount
            open
            overdue
            suppressedBelow
            suppressedFields
          }
        }
      }
    }
  }
`;
export type ProvinceStatsData = ProvinceStatsQuery;

export const REGION_NAME = gql`
  query RegionName($code: String!) {
    region(code: $code) {
      code
      name
      level
      ancestors {
        code
        name
        level
      }
    }
  }
`;
export type RegionNameData = RegionNameQuery;

export const AGENCY_SEARCH = gql`
  query AgencySearch($search: String, $first: Int, $after: String) {
    agencies(filter: { search: $search }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          nameEn
          level
          kind
          active
          region {
            code
            name
          }
        }
      }
    }
  }
`;
export type AgencySummary = AgencySearchQuery['agencies']['edges'][number]['node'];
export type AgencySearchData = AgencySearchQuery;

export const AGENCY_NAME = gql`
  query AgencyName($id: ID!) {
    agency(id: $id) {
      id
      code
      name
      nameEn
    }
  }
`;
export type AgencyNameData = AgencyNameQuery;

export const AGENCY_DETAIL = gql`
  query AgencyDetail($id: ID!) {
    agency(id: $id) {
      id
      code
      name
      nameEn
      level
      kind
      active
      region {
        code
        name
      }
      parent {
        id
        name
      }
      children(first: 100) {
        totalCount
        edges {
          node {
            id
            code
            name
          }
        }
      }
    }
  }
`;
export type AgencyDetailData = AgencyDetailQuery;

export const SIGN_IN = gql`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
    }
  }
`;
export type SignInData = SignInMutation;

// ------------------------------------------------------------------ analytics subgraph

const PERFORMANCE_FIELDS = gql`
  fragment PerformanceFields on AgencyPerformance {
  reportCount
  open
  overdue
  completionRate
  medianFirstResponseHours
  slaCompliance
  satisfaction
  transparencyIndex
  forwardingRate
  suppressedBelow
  suppressedFields
  }
`;
export type AgencyPerformance = PerformanceFieldsFragment;

const KPI_FIELDS = gql`
  fragment KpiFields on AnalyticsOverview {
  volume
  open
  overdue
  completionRate
  medianFirstResponseHours
  slaCompliance
  satisfaction
  transparencyIndex
  suppressedBelow
  suppressedFields
  }
`;
/**
 * The overview's headline figures. `current` is the period; `now` the same scope without a period
 * (overdue now: every report, whenever submitted). Volume is compared only like with like:
 * `cmpCurrent` and `previous` are whole days of equal length (today, still running, left out), and
 * `before` (reports in scope before the comparison period) says whether data existed for all of it.
 */
export const OVERVIEW_KPIS = gql`
  query OverviewKpis(
    $filter: AnalyticsFilter
    $now: AnalyticsFilter
    $cmpCurrent: AnalyticsFilter
    $previous: AnalyticsFilter
    $before: AnalyticsFilter
    $compare: Boolean!
  ) {
    current: analyticsOverview(filter: $filter) { ...KpiFields }
    now: analyticsOverview(filter: $now) {
      open
      overdue
      suppressedBelow
      suppressedFields
    }
    cmpCurrent: analyticsOverview(filter: $cmpCurrent) @include(if: $compare) {
      volume
      suppressedBelow
      suppressedFields
    }
    previous: analyticsOverview(filter: $previous) @include(if: $compare) {
      volume
      suppressedBelow
      suppressedFields
    }
    before: analyticsOverview(filter: $before) @include(if: $compare) {
      volume
      suppressed
    }
  }
  ${KPI_FIELDS}
`;
export type Kpis = KpiFieldsFragment;
export type VolumeOnly = NonNullable<OverviewKpisQuery['previous']>;
export type OverviewKpisData = OverviewKpisQuery;

/** Issue 2's first metric: counts by topic (and by status) from analyticsOverview. */
export const OVERVIEW_BREAKDOWN = gql`
  query OverviewBreakdown($filter: AnalyticsFilter) {
    analyticsOverview(filter: $filter) {
      byTopic {
        topic
        count
        suppressedBelow
      }
      byStatus {
        status
        count
        suppressedBelow
      }
    }
  }
`;
export type OverviewBreakdownData = OverviewBreakdownQuery;

export const REPORT_TREND = gql`
  query ReportTrend($filter: AnalyticsFilter, $interval: TrendInterval!) {
    reportTrend(filter: $filter, interval: $interval) {
      periodStart
      submitted
      completed
      suppressedBelow
    }
  }
`;
export type ReportTrendData = ReportTrendQuery;

const BREAKDOWN_FIELDS = gql`
  fragment BreakdownFields on MaladministrationBreakdown {
  total
  suppressedBelow
  slices {
    type
    count
    share
    suppressedBelow
  }
  }
`;
export const MALADMINISTRATION_BREAKDOWN = gql`
  query MaladministrationBreakdown($filter: AnalyticsFilter) {
    maladministrationBreakdown(filter: $filter) { ...BreakdownFields }
  }
  ${BREAKDOWN_FIELDS}
`;
export type Breakdown = BreakdownFieldsFragment;
export type MaladministrationBreakdownData = MaladministrationBreakdownQuery;

/** Per trend period (month/week/day in the deployment's time zone), the breakdown by type: one field, one batch. */
export const MALADMINISTRATION_TREND = gql`
  query MaladministrationTrend($filter: AnalyticsFilter, $interval: TrendInterval!) {
    maladministrationTrend(filter: $filter, interval: $interval) {
      periodStart
      breakdown { ...BreakdownFields }
    }
  }
  ${BREAKDOWN_FIELDS}
`;
export type MaladministrationTrendData = MaladministrationTrendQuery;

/**
 * The agencies with most reports in scope, each with its maladministration breakdown (the per-agency
 * breakdown on AgencyPerformance: one request, one batch on the server).
 */
export const AGENCY_MALADMINISTRATION = gql`
  query AgencyMaladministration($filter: AnalyticsFilter, $first: Int) {
    agencyLeaderboard(filter: $filter, orderBy: REPORT_COUNT, minReports: 1, first: $first) {
      agency {
        id
        name
      }
      performance {
        maladministration { ...BreakdownFields }
      }
    }
  }
  ${BREAKDOWN_FIELDS}
`;
export type AgencyMaladministrationData = AgencyMaladministrationQuery;

/** The agencies with most reports in scope, each with the agency's own first-response time. */
export const AGENCY_FIRST_RESPONSE = gql`
  query AgencyFirstResponse($filter: AnalyticsFilter, $first: Int) {
    agencyLeaderboard(filter: $filter, orderBy: REPORT_COUNT, minReports: 1, first: $first) {
      agency {
        id
        name
      }
      performance {
        firstResponseAgency {
          count
          p50Hours
          p90Hours
          suppressedBelow
        }
      }
    }
  }
`;
export type AgencyFirstResponseData = AgencyFirstResponseQuery;

const DURATION_FIELDS = gql`
  fragment DurationFields on DurationStats {
  count
  p50Hours
  p90Hours
  meanHours
  suppressedBelow
  suppressedFields
  histogram {
    fromHours
    toHours
    count
    suppressedBelow
  }
  }
`;
/** The printable monthly report ("Laporan bulanan"): one month, one agency or the regency, in one request. */
export const MONTHLY_REPORT = gql`
  query MonthlyReport($filter: AnalyticsFilter, $now: AnalyticsFilter) {
    current: analyticsOverview(filter: $filter) {
      ...KpiFields
      byTopic {
        topic
        count
        suppressedBelow
      }
    }
    now: analyticsOverview(filter: $now) {
      open
      overdue
      suppressedBelow
      suppressedFields
    }
    trend: reportTrend(filter: $filter, interval: DAY) {
      periodStart
      submitted
      completed
      suppressedBelow
    }
    malad: maladministrationBreakdown(filter: $filter) { ...BreakdownFields }
    sla: slaCompliance(filter: $filter) {
      overall
      suppressedBelow
      suppressedFields
      steps {
        step
        onTime
        late
        overdueOpen
        compliance
        suppressedBelow
        suppressedFields
      }
    }
  }
  ${KPI_FIELDS} ${BREAKDOWN_FIELDS}
`;
export type MonthlyReportData = MonthlyReportQuery;

export const RESPONSE_TIMES = gql`
  query ResponseTimes($filter: AnalyticsFilter) {
    responseTimeStats(filter: $filter) {
      verification { ...DurationFields }
      firstResponseAgency { ...DurationFields }
      firstResponseCitizen { ...DurationFields }
      completion { ...DurationFields }
    }
  }
  ${DURATION_FIELDS}
`;
export type HistogramBucket = DurationFieldsFragment['histogram'][number];
export type DurationStats = DurationFieldsFragment;
export type ResponseTimesData = ResponseTimesQuery;

export const SLA_COMPLIANCE = gql`
  query SlaCompliance($filter: AnalyticsFilter) {
    slaCompliance(filter: $filter) {
      overall
      suppressedBelow
      suppressedFields
      steps {
        step
        onTime
        late
        overdueOpen
        compliance
        suppressedBelow
        suppressedFields
      }
    }
  }
`;
export type SlaComplianceData = SlaComplianceQuery;

export const TRANSPARENCY_METRICS = gql`
  query TransparencyMetrics($filter: AnalyticsFilter) {
    transparencyMetrics(filter: $filter) {
      responseRate
      firstResponseCompliance
      evidenceRate
      completionRate
      satisfaction
      publicVisibility
      reopenRate
      forwardingRate
      meanHops
      index
      suppressedBelow
      suppressedFields
    }
  }
`;
export type TransparencyMetrics = NonNullable<TransparencyMetricsQuery['transparencyMetrics']>;
export type TransparencyMetricsData = TransparencyMetricsQuery;

export const AGENCY_LEADERBOARD = gql`
  query AgencyLeaderboard($filter: AnalyticsFilter, $orderBy: LeaderboardOrder, $minReports: Int, $first: Int) {
    agencyLeaderboard(filter: $filter, orderBy: $orderBy, minReports: $minReports, first: $first) {
      rank
      agency {
        id
        code
        name
      }
      performance { ...PerformanceFields }
    }
  }
  ${PERFORMANCE_FIELDS}
`;
export type LeaderboardEntry = NonNullable<AgencyLeaderboardQuery['agencyLeaderboard']>[number];
export type AgencyLeaderboardData = AgencyLeaderboardQuery;
export const LEADERBOARD_ORDERS = [
  'TRANSPARENCY_INDEX',
  'REPORT_COUNT',
  'COMPLETION_RATE',
  'MEDIAN_FIRST_RESPONSE',
  'SLA_COMPLIANCE',
] as const satisfies readonly LeaderboardOrder[];

export const AGENCY_PERFORMANCE = gql`
  query AgencyPerformance($id: ID!, $filter: AnalyticsFilter) {
    agency(id: $id) {
      id
      performance(filter: $filter) { ...PerformanceFields }
    }
  }
  ${PERFORMANCE_FIELDS}
`;
export type AgencyPerformanceData = AgencyPerformanceQuery;

// ------------------------------------------------------------------ reports subgraph

export type ReportFilterInput = ReportFilter;
export const REPORT_ORDERS = ['SUBMITTED_AT_DESC', 'SUBMITTED_AT_ASC', 'UPDATED_AT_DESC'] as const satisfies readonly ReportOrder[];

export const REPORT_LIST = gql`
  query ReportList($filter: ReportFilter, $search: String, $orderBy: ReportOrder, $first: Int, $after: String) {
    reports(filter: $filter, search: $search, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          trackingId
          title
          topic
          classification
          status
          anonymous
          confidential
          maladministrationType
          submittedAt
          dispositionedAt
          firstResponseAt
          completedAt
          verificationDueAt
          responseDueAt
          completionDueAt
          overdue
          forwardCount
          rating
          agency {
            id
            name
          }
          region {
            code
            name
          }
        }
      }
    }
  }
`;
export type ReportRow = NonNullable<ReportListQuery['reports']>['edges'][number]['node'];
export type ReportListData = ReportListQuery;

export const REPORT_DETAIL = gql`
  query ReportDetail($id: ID!) {
    report(id: $id) {
      id
      trackingId
      title
      body
      topic
      classification
      status
      anonymous
      confidential
      maladministrationType
      submittedAt
      dispositionedAt
      firstResponseAt
      completedAt
      verificationDueAt
      responseDueAt
      completionDueAt
      overdue
      forwardCount
      rating
      agency {
        id
        name
      }
      region {
        code
        name
      }
    }
  }
`;
export type ReportDetailData = ReportDetailQuery;

/*
 * The contract names Report.timeline / responses / attachments / reporter; their fields follow the
 * reports subgraph (services/reports/src/resolvers/types.ts). Each sits in its own query so a
 * problem there only affects its panel.
 */
const TIMELINE_FIELDS = gql`
  fragment TimelineFields on TimelineEvent {
  id
  type
  at
  actorRole
  fromStatus
  toStatus
  note
  fromAgency {
    id
    name
  }
  toAgency {
    id
    name
  }
  }
`;

export const REPORT_TIMELINE = gql`
  query ReportTimeline($id: ID!) {
    report(id: $id) {
      id
      timeline { ...TimelineFields }
    }
  }
  ${TIMELINE_FIELDS}
`;
export type TimelineEvent = TimelineFieldsFragment;
export type ReportTimelineData = ReportTimelineQuery;

const ATTACHMENT_FIELDS = gql`
  fragment AttachmentFields on Attachment {
  id
  filename
  contentType
  size
  url
  }
`;
/** More detail the reporter added while the report was on hold (addReportDetail), oldest first. */
const DETAIL_FIELDS = gql`
  fragment DetailFields on ReportDetail {
  id
  body
  createdAt
  attachments { ...AttachmentFields }
  }
  ${ATTACHMENT_FIELDS}
`;
export const REPORT_RESPONSES = gql`
  query ReportResponses($id: ID!) {
    report(id: $id) {
      id
      responses {
        id
        body
        createdAt
        agency {
          id
          name
        }
        attachments { ...AttachmentFields }
      }
      details { ...DetailFields }
      attachments { ...AttachmentFields }
    }
  }
  ${ATTACHMENT_FIELDS} ${DETAIL_FIELDS}
`;
export type Attachment = AttachmentFieldsFragment;
export type ReportResponse = NonNullable<ReportResponsesQuery['report']>['responses'][number];
/** Report.details: what the reporter added to a held report. */
export type ReportDetailEntry = DetailFieldsFragment;
export type ReportResponsesData = ReportResponsesQuery;

export const REPORT_REPORTER = gql`
  query ReportReporter($id: ID!) {
    report(id: $id) {
      id
      reporter {
        name
        email
        phone
      }
    }
  }
`;
export type ReportReporterData = ReportReporterQuery;

// ------------------------------------------------------------------ citizens: submit and follow a report

export const ROADS = gql`
  query Roads($regionCode: String!) {
    roads(regionCode: $regionCode, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          status
        }
      }
    }
  }
`;
export type RoadRef = RoadsQuery['roads']['edges'][number]['node'];
export type RoadsData = RoadsQuery;

export const SUBMIT_REPORT = gql`
  mutation SubmitReport($input: SubmitReportInput!) {
    submitReport(input: $input) {
      created
      report {
        id
        trackingId
        status
        submittedAt
        verificationDueAt
      }
    }
  }
`;
export type SubmitReportData = SubmitReportMutation;

/** The reporter's whole view of their report in one request (they hold the tracking ID, nothing else). */
export const REPORT_BY_TRACKING_ID = gql`
  query ReportByTrackingId($trackingId: String!) {
    reportByTrackingId(trackingId: $trackingId) {
      id
      trackingId
      title
      body
      topic
      classification
      status
      anonymous
      confidential
      submittedAt
      dispositionedAt
      firstResponseAt
      completedAt
      archivedAt
      verificationDueAt
      responseDueAt
      completionDueAt
      overdue
      rating
      reopenCount
      availableActions
      agency {
        id
        name
      }
      region {
        code
        name
      }
      timeline { ...TimelineFields }
      responses {
        id
        body
        createdAt
        agency {
          id
          name
        }
        attachments { ...AttachmentFields }
      }
      details { ...DetailFields }
      attachments { ...AttachmentFields }
    }
  }
  ${TIMELINE_FIELDS} ${ATTACHMENT_FIELDS} ${DETAIL_FIELDS}
`;
export type TrackedReport = NonNullable<ReportByTrackingIdQuery['reportByTrackingId']>;
export type ReportByTrackingIdData = ReportByTrackingIdQuery;

const PAYLOAD_FIELDS = gql`
  fragment PayloadFields on Report {
    id
    status
    version
  }
`;
export const RATE_REPORT = gql`
  mutation RateReport($input: RateReportInput!) {
    rateReport(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;
export const REOPEN_REPORT = gql`
  mutation ReopenReport($input: ReopenReportInput!) {
    reopenReport(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;
/** The reporter answers a hold (ON_HOLD, action ADD_DETAIL): the report goes back to SUBMITTED. */
export const ADD_REPORT_DETAIL = gql`
  mutation AddReportDetail($input: AddReportDetailInput!) {
    addReportDetail(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;

// ------------------------------------------------------------------ staff lifecycle actions

/** What the signed-in viewer may do now, and the version to send back as expectedVersion. */
export const REPORT_ACTIONS = gql`
  query ReportActions($id: ID!) {
    report(id: $id) {
      id
      version
      status
      classification
      maladministrationType
      anonymous
      confidential
      examination
      availableActions
      agency {
        id
        name
      }
      suggestedAgency {
        id
        name
      }
      routingReasons
    }
  }
`;
export type ReportActionsReport = NonNullable<ReportActionsQuery['report']>;
export type ReportActionsData = ReportActionsQuery;

export const DISPOSITION_REPORT = gql`
  mutation DispositionReport($input: DispositionReportInput!) {
    dispositionReport(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;
export const HOLD_REPORT = gql`
  mutation HoldReport($input: HoldReportInput!) {
    holdReport(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;
export const ARCHIVE_REPORT = gql`
  mutation ArchiveReport($input: ArchiveReportInput!) {
    archiveReport(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;
export const FORWARD_REPORT = gql`
  mutation ForwardReport($input: ForwardReportInput!) {
    forwardReport(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;
export const RESPOND_TO_REPORT = gql`
  mutation RespondToReport($input: RespondToReportInput!) {
    respondToReport(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;
export const COMPLETE_REPORT = gql`
  mutation CompleteReport($input: CompleteReportInput!) {
    completeReport(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;
export const CLASSIFY_REPORT = gql`
  mutation ClassifyReport($input: ClassifyReportInput!) {
    classifyReport(input: $input) { report { ...PayloadFields } }
  }
  ${PAYLOAD_FIELDS}
`;
