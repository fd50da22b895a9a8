/**
 * Every GraphQL operation the dashboard sends, named (tests and the gateway's logs see the names),
 * written against docs/api-contract.graphql. Each panel has its own operation so a subgraph that is
 * down only empties the panels that need it.
 */
import { gql } from 'urql';
import type { AnalyticsFilterInput } from '../filters/filters';

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
export interface Topic {
  code: string;
  labelId: string;
  labelEn: string;
  /** Complaints on this topic may name a road (asset). */
  asset?: boolean;
}
export interface TopicsData {
  topics: Topic[];
}

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

export interface RegionRef {
  code: string;
  name: string;
  level: string;
}
export interface Connection<T> {
  totalCount?: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}
export interface ProvincesData {
  regions: Connection<RegionRef>;
}
export interface RegionChildrenData {
  region: (RegionRef & { children: Connection<RegionRef> }) | null;
}

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
export interface RegionDetailData {
  region: (RegionRef & { ancestors: RegionRef[]; children: Connection<RegionRef> }) | null;
}

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
export interface RegionReportStats extends Withheld {
  reportCount: number | null;
  open: number | null;
  overdue: number | null;
  completionRate: number | null;
  transparencyIndex: number | null;
}
export interface RegionStatsData {
  region: {
    code: string;
    reportStats: RegionReportStats;
    children: Connection<{ code: string; reportStats: RegionReportStats }>;
  } | null;
}

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
export interface ProvinceStatsData {
  regions: Connection<{ code: string; reportStats: Pick<RegionReportStats, 'reportCount' | 'open' | 'overdue' | 'suppressedBelow' | 'suppressedFields'> | null }>;
}

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
export interface RegionNameData {
  region: (RegionRef & { ancestors: RegionRef[] }) | null;
}

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
export interface AgencySummary {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  kind: string;
  active: boolean;
  region: { code: string; name: string } | null;
}
export interface AgencySearchData {
  agencies: Connection<AgencySummary>;
}

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
export interface AgencyNameData {
  agency: { id: string; code: string; name: string; nameEn: string | null } | null;
}

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
export interface AgencyDetailData {
  agency:
    | (AgencySummary & {
        parent: { id: string; name: string } | null;
        children: Connection<{ id: string; code: string; name: string }>;
      })
    | null;
}

export const SIGN_IN = gql`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
    }
  }
`;
export interface SignInData {
  signIn: { token: string };
}

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
export interface AgencyPerformance extends Withheld {
  reportCount: number | null;
  open: number | null;
  overdue: number | null;
  completionRate: number | null;
  medianFirstResponseHours: number | null;
  slaCompliance: number | null;
  satisfaction: number | null;
  transparencyIndex: number | null;
  forwardingRate: number | null;
}

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
export interface Kpis extends Withheld {
  volume: number | null;
  open: number | null;
  overdue: number | null;
  completionRate: number | null;
  medianFirstResponseHours: number | null;
  slaCompliance: number | null;
  satisfaction: number | null;
  transparencyIndex: number | null;
}
export interface VolumeOnly extends Withheld {
  volume: number | null;
}
export interface OverviewKpisData {
  current: Kpis;
  now?: (Withheld & { open: number | null; overdue: number | null }) | null;
  cmpCurrent?: VolumeOnly | null;
  previous?: VolumeOnly | null;
  before?: { volume: number | null; suppressed: boolean } | null;
}

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
export interface OverviewBreakdownData {
  analyticsOverview: {
    byTopic: { topic: string; count: number | null; suppressedBelow?: number | null }[];
    byStatus: { status: string; count: number | null; suppressedBelow?: number | null }[];
  };
}

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
export interface ReportTrendData {
  reportTrend: { periodStart: string; submitted: number | null; completed: number | null; suppressedBelow?: number | null }[];
}

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
export interface Breakdown extends Withheld {
  total: number | null;
  slices: { type: string; count: number | null; share: number | null; suppressedBelow?: number | null }[];
}
export interface MaladministrationBreakdownData {
  maladministrationBreakdown: Breakdown;
}

/**
 * Several breakdowns in one request, one alias per filter (the months of a trend). The contract has
 * no per-type trend field, so the dashboard asks per bucket.
 */
export function multiBreakdownQuery(name: string, count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$f${i}: AnalyticsFilter`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `b${i}: maladministrationBreakdown(filter: $f${i}) { ...BreakdownFields }`).join('\n');
  return `query ${name}(${vars}) {\n${fields}\n}\n${BREAKDOWN_FIELDS.loc!.source.body}`;
}

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
export interface AgencyMaladministrationData {
  agencyLeaderboard: { agency: { id: string; name: string }; performance: { maladministration: Breakdown } }[];
}

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
export interface AgencyFirstResponseData {
  agencyLeaderboard: {
    agency: { id: string; name: string };
    performance: { firstResponseAgency: { count: number | null; p50Hours: number | null; p90Hours: number | null; suppressedBelow?: number | null } };
  }[];
}

export function indexedVariables(filters: AnalyticsFilterInput[]): Record<string, AnalyticsFilterInput> {
  return Object.fromEntries(filters.map((f, i) => [`f${i}`, f]));
}

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
export interface MonthlyReportData {
  current: Kpis & { byTopic: { topic: string; count: number | null; suppressedBelow?: number | null }[] };
  now: (Withheld & { open: number | null; overdue: number | null }) | null;
  trend: ReportTrendData['reportTrend'];
  malad: Breakdown;
  sla: SlaComplianceData['slaCompliance'];
}

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
export interface HistogramBucket {
  fromHours: number;
  toHours: number | null;
  count: number | null;
  suppressedBelow?: number | null;
}
export interface DurationStats extends Withheld {
  count: number | null;
  p50Hours: number | null;
  p90Hours: number | null;
  meanHours: number | null;
  histogram: HistogramBucket[];
}
export interface ResponseTimesData {
  responseTimeStats: {
    verification: DurationStats;
    firstResponseAgency: DurationStats;
    firstResponseCitizen: DurationStats;
    completion: DurationStats;
  };
}

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
export interface SlaComplianceData {
  slaCompliance: Withheld & {
    overall: number | null;
    steps: (Withheld & { step: string; onTime: number | null; late: number | null; overdueOpen: number | null; compliance: number | null })[];
  };
}

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
export interface TransparencyMetrics extends Withheld {
  responseRate: number | null;
  firstResponseCompliance: number | null;
  evidenceRate: number | null;
  completionRate: number | null;
  satisfaction: number | null;
  publicVisibility: number | null;
  reopenRate: number | null;
  forwardingRate: number | null;
  meanHops: number | null;
  index: number | null;
}
export interface TransparencyMetricsData {
  transparencyMetrics: TransparencyMetrics;
}

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
export interface LeaderboardEntry {
  rank: number;
  agency: { id: string; code: string; name: string };
  performance: AgencyPerformance;
}
export interface AgencyLeaderboardData {
  agencyLeaderboard: LeaderboardEntry[];
}
export const LEADERBOARD_ORDERS = [
  'TRANSPARENCY_INDEX',
  'REPORT_COUNT',
  'COMPLETION_RATE',
  'MEDIAN_FIRST_RESPONSE',
  'SLA_COMPLIANCE',
] as const;
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number];

export const AGENCY_PERFORMANCE = gql`
  query AgencyPerformance($id: ID!, $filter: AnalyticsFilter) {
    agency(id: $id) {
      id
      performance(filter: $filter) { ...PerformanceFields }
    }
  }
  ${PERFORMANCE_FIELDS}
`;
export interface AgencyPerformanceData {
  agency: { id: string; performance: AgencyPerformance } | null;
}

// ------------------------------------------------------------------ reports subgraph

export interface ReportFilterInput {
  status?: string[];
  topic?: string;
  agencyId?: string;
  regionCode?: string;
  maladministrationType?: string;
  unclassified?: boolean;
  overdue?: boolean;
  from?: string;
  to?: string;
}
export const REPORT_ORDERS = ['SUBMITTED_AT_DESC', 'SUBMITTED_AT_ASC', 'UPDATED_AT_DESC'] as const;
export type ReportOrder = (typeof REPORT_ORDERS)[number];

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
export interface ReportRow {
  id: string;
  trackingId: string;
  title: string | null;
  topic: string;
  classification: string;
  status: string;
  anonymous: boolean;
  confidential: boolean;
  maladministrationType: string | null;
  submittedAt: string;
  dispositionedAt: string | null;
  firstResponseAt: string | null;
  completedAt: string | null;
  verificationDueAt: string | null;
  responseDueAt: string | null;
  completionDueAt: string | null;
  overdue: boolean;
  forwardCount: number;
  rating: number | null;
  agency: { id: string; name: string } | null;
  region: { code: string; name: string } | null;
}
export interface ReportListData {
  reports: Connection<ReportRow> & { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

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
export interface ReportDetailData {
  report: (ReportRow & { body: string | null }) | null;
}

/*
 * The contract names Report.timeline / responses / attachments / reporter; their fields follow the
 * reports subgraph (services/reports/src/resolvers/types.ts). Each sits in its own query so a
 * problem there only affects its panel.
 */
export const REPORT_TIMELINE = gql`
  query ReportTimeline($id: ID!) {
    report(id: $id) {
      id
      timeline {
        id
        type
        at
        actorRole
        toStatus
        note
        toAgency {
          id
          name
        }
      }
    }
  }
`;
export interface TimelineEvent {
  id: string;
  type: string;
  at: string;
  actorRole: string | null;
  fromStatus?: string | null;
  toStatus: string | null;
  note: string | null;
  fromAgency?: { id: string; name: string } | null;
  toAgency?: { id: string; name: string } | null;
}
export interface ReportTimelineData {
  report: { id: string; timeline: TimelineEvent[] } | null;
}

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
export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** Path on the reports service (fetched with the viewer's credentials). */
  url: string | null;
}
export interface ReportResponse {
  id: string;
  /** Null when the viewer may not see the report content. */
  body: string | null;
  createdAt: string;
  agency: { id: string; name: string } | null;
  attachments: Attachment[];
}
/** Report.details: what the reporter added to a held report. */
export interface ReportDetailEntry {
  id: string;
  /** Null when the viewer may not see the report content. */
  body: string | null;
  createdAt: string;
  attachments: Attachment[];
}
export interface ReportResponsesData {
  report: { id: string; responses: ReportResponse[]; details: ReportDetailEntry[]; attachments: Attachment[] } | null;
}

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
export interface ReportReporterData {
  report: { id: string; reporter: { name: string | null; email: string | null; phone: string | null } | null } | null;
}

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
export interface RoadRef {
  id: string;
  name: string;
  status: string;
}
export interface RoadsData {
  roads: Connection<RoadRef>;
}

export interface SubmitReportInput {
  title: string;
  body: string;
  topic: string;
  classification: string;
  regionCode: string;
  roadId?: string | null;
  reporter?: { name?: string; email?: string; phone?: string } | null;
  anonymous: boolean;
  confidential: boolean;
  attachmentIds?: string[];
  idempotencyKey: string;
}

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
export interface SubmitReportData {
  submitReport: {
    created: boolean;
    report: { id: string; trackingId: string; status: string; submittedAt: string; verificationDueAt: string | null };
  };
}

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
export interface TrackedReport {
  id: string;
  trackingId: string;
  title: string | null;
  body: string | null;
  topic: string;
  classification: string;
  status: string;
  anonymous: boolean;
  confidential: boolean;
  submittedAt: string;
  dispositionedAt: string | null;
  firstResponseAt: string | null;
  completedAt: string | null;
  archivedAt: string | null;
  verificationDueAt: string | null;
  responseDueAt: string | null;
  completionDueAt: string | null;
  overdue: boolean;
  rating: number | null;
  reopenCount: number;
  availableActions: string[];
  agency: { id: string; name: string } | null;
  region: { code: string; name: string } | null;
  timeline: TimelineEvent[];
  responses: ReportResponse[];
  details: ReportDetailEntry[];
  attachments: Attachment[];
}
export interface ReportByTrackingIdData {
  reportByTrackingId: TrackedReport | null;
}

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
export interface ReportActionsReport {
  id: string;
  version: number;
  status: string;
  classification: string;
  maladministrationType: string | null;
  anonymous: boolean;
  confidential: boolean;
  examination: boolean;
  availableActions: string[];
  agency: { id: string; name: string } | null;
  suggestedAgency: { id: string; name: string } | null;
  routingReasons: string[];
}
export interface ReportActionsData {
  report: ReportActionsReport | null;
}

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
