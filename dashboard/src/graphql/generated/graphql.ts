/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The reporter answers a hold with more detail (and optional files). */
export type AddReportDetailInput = {
  /** Ids returned by POST /attachments. */
  attachmentIds?: Array<string> | null | undefined;
  /** What the admin asked for in the hold note (where, when, what exactly). */
  detail: string;
  /** The report's tracking ID (hyphens and spaces allowed): the reporter's key. */
  trackingId: string;
};

/** Government level an agency belongs to. */
export type AgencyLevel =
  /** District office (kecamatan). */
  | 'DISTRICT'
  /** Central government (a ministry or national body, or its regional office). */
  | 'NATIONAL'
  /** Provincial government (pemerintah provinsi). */
  | 'PROVINCE'
  /** Regency or city government (kabupaten/kota), e.g. an OPD of Kutai Kartanegara. */
  | 'REGENCY'
  /** Village government (desa/kelurahan). */
  | 'VILLAGE';

/** Reports submitted in [from, to), in a region (Kemendagri code prefix), routed to an agency, on a topic. */
export type AnalyticsFilter = {
  /** Only reports routed to this agency. */
  agencyId?: string | null | undefined;
  /** Inclusive lower bound on submittedAt. For signed-out viewers it is widened to whole days of the reporting time zone (ANALYTICS_TIME_ZONE or PANTAU_TIME_ZONE, default Asia/Makassar): `from` to the start of its day, `to` to the start of the next day unless it is one. */
  from?: string | null | undefined;
  /** Region code or an ancestor, e.g. "64.02" matches "64.02.18.2001". */
  regionCode?: string | null | undefined;
  /** Exclusive upper bound on submittedAt. For signed-out viewers it is widened to whole days of the reporting time zone (ANALYTICS_TIME_ZONE or PANTAU_TIME_ZONE, default Asia/Makassar): `from` to the start of its day, `to` to the start of the next day unless it is one. */
  to?: string | null | undefined;
  /** Only reports on this service topic code, e.g. JALAN. */
  topic?: string | null | undefined;
};

/** Reject a report with a reason (ARCHIVED). */
export type ArchiveReportInput = {
  /** The report version you saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** Why the report is rejected, shown to the reporter (5-2000 characters). */
  reason: string;
  /** Id of the report to act on. */
  reportId: string;
};

/** Kind of submission. */
export type Classification =
  /** A suggestion or aspiration for a public service. */
  | 'ASPIRASI'
  /** A complaint about a public service (the default). */
  | 'PENGADUAN'
  /** A request for public information. */
  | 'PERMINTAAN_INFORMASI';

/** Set or clear the maladministration type of a report (ADMIN or OMBUDSMAN). */
export type ClassifyReportInput = {
  /** The report version you saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** null clears the classification. */
  maladministrationType?: Maladministration | null | undefined;
  /** Why, for the timeline. */
  note?: string | null | undefined;
  /** Id of the report to act on. */
  reportId: string;
};

/** Mark a report as resolved (COMPLETED). */
export type CompleteReportInput = {
  /** The report version you saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** Closing note for the timeline. */
  note?: string | null | undefined;
  /** Id of the report to act on. */
  reportId: string;
};

/** Verify a submitted report and route it to an agency (SUBMITTED → DISPOSITIONED). */
export type DispositionReportInput = {
  /** Target agency; defaults to the registry's suggestion. */
  agencyId?: string | null | undefined;
  /** Set (never clear) anonymity. */
  anonymous?: boolean | null | undefined;
  /** Corrects the reporter's classification. */
  classification?: Classification | null | undefined;
  /** Set (never clear) confidentiality. */
  confidential?: boolean | null | undefined;
  /** Needs an oversight examination (60 working days). */
  examination?: boolean | null | undefined;
  /** The report version you saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** Maladministration type, when already clear at verification. */
  maladministrationType?: Maladministration | null | undefined;
  /** Note for the timeline. */
  note?: string | null | undefined;
  /** Id of the report to act on. */
  reportId: string;
};

/** Forward a report outside your duties to the agency that owns them (one hop). */
export type ForwardReportInput = {
  /** The report version you saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** Why this is not our duty (bukan wewenang) and whose it is. */
  reason: string;
  /** Id of the report to act on. */
  reportId: string;
  /** The agency that owns the duty. */
  toAgencyId: string;
};

/** Put a report on hold and ask the reporter for more detail (ON_HOLD). */
export type HoldReportInput = {
  /** The report version you saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** What the reporter must add. */
  note: string;
  /** Id of the report to act on. */
  reportId: string;
};

/** Figure a leaderboard ranks by; agencies without the figure come last. */
export type LeaderboardOrder =
  /** Highest completion rate first. */
  | 'COMPLETION_RATE'
  /** Shortest median first response (agency time) first. */
  | 'MEDIAN_FIRST_RESPONSE'
  /** Most reports first. */
  | 'REPORT_COUNT'
  /** Highest overall SLA compliance first. */
  | 'SLA_COMPLIANCE'
  /** Highest transparency index first (the default). */
  | 'TRANSPARENCY_INDEX';

/** Ombudsman RI maladministration types (Per-ORI 26/2017 art. 11). */
export type Maladministration =
  /** Partiality. */
  | 'BERPIHAK'
  /** Improper conduct. */
  | 'BERTINDAK_TIDAK_PATUT'
  /** Discrimination. */
  | 'DISKRIMINASI'
  /** Conflict of interest. */
  | 'KONFLIK_KEPENTINGAN'
  /** Undue delay. */
  | 'PENUNDAAN_BERLARUT'
  /** Abuse of authority. */
  | 'PENYALAHGUNAAN_WEWENANG'
  /** Deviation from procedure. */
  | 'PENYIMPANGAN_PROSEDUR'
  /** Requesting payment (money, goods or services) for a service. */
  | 'PERMINTAAN_IMBALAN'
  /** Incompetence. */
  | 'TIDAK_KOMPETEN'
  /** Failure to serve. */
  | 'TIDAK_MEMBERIKAN_PELAYANAN';

/** The ten Ombudsman RI maladministration types, plus UNCLASSIFIED. */
export type MaladministrationCategory =
  /** Partiality. */
  | 'BERPIHAK'
  /** Improper conduct. */
  | 'BERTINDAK_TIDAK_PATUT'
  /** Discrimination. */
  | 'DISKRIMINASI'
  /** Conflict of interest. */
  | 'KONFLIK_KEPENTINGAN'
  /** Undue delay. */
  | 'PENUNDAAN_BERLARUT'
  /** Abuse of authority. */
  | 'PENYALAHGUNAAN_WEWENANG'
  /** Deviation from procedure. */
  | 'PENYIMPANGAN_PROSEDUR'
  /** Requesting payment (money, goods or services) for a service. */
  | 'PERMINTAAN_IMBALAN'
  /** Incompetence. */
  | 'TIDAK_KOMPETEN'
  /** Failure to serve. */
  | 'TIDAK_MEMBERIKAN_PELAYANAN'
  /** No maladministration type set (yet). */
  | 'UNCLASSIFIED';

/** The reporter rates the outcome of a completed report. */
export type RateReportInput = {
  /** Optional comment (at most 1000 characters). */
  comment?: string | null | undefined;
  /** Satisfaction with the outcome, 1 (worst) to 5 (best). */
  rating: number;
  /** The report's tracking ID (hyphens and spaces allowed): the reporter's key. */
  trackingId: string;
};

/** Level of an Indonesian administrative region. */
export type RegionLevel =
  /** District (kecamatan), a code such as 64.02.18. */
  | 'DISTRICT'
  /** Province (provinsi), a 2-digit code such as 64. */
  | 'PROVINCE'
  /** Regency or city (kabupaten/kota), a code such as 64.02. */
  | 'REGENCY'
  /** Village (desa/kelurahan), a code such as 64.02.18.2001. */
  | 'VILLAGE';

/** The reporter reopens a completed report, within 14 days of completion. */
export type ReopenReportInput = {
  /** Why the outcome is not satisfactory (5-2000 characters). */
  reason: string;
  /** The report's tracking ID (hyphens and spaces allowed): the reporter's key. */
  trackingId: string;
};

/** Lifecycle actions (one mutation each). */
export type ReportAction =
  /** addReportDetail: the reporter answers a hold. */
  | 'ADD_DETAIL'
  /** archiveReport: reject with a reason. */
  | 'ARCHIVE'
  /** classifyReport: set or clear the maladministration type. */
  | 'CLASSIFY'
  /** completeReport: the follow-up is done. */
  | 'COMPLETE'
  /** dispositionReport: verify and route to an agency. */
  | 'DISPOSITION'
  /** forwardReport: send to the agency that owns the duty. */
  | 'FORWARD'
  /** holdReport: ask the reporter for more detail. */
  | 'HOLD'
  /** rateReport: the reporter rates the outcome. */
  | 'RATE'
  /** reopenReport: the reporter reopens a completed report. */
  | 'REOPEN'
  /** respondToReport: the agency's response. */
  | 'RESPOND';

/** What the reports of a burst have in common. */
export type ReportBurstKind =
  /** The same reporter (e-mail address, or phone number when there is none). */
  | 'SAME_REPORTER'
  /** The same title and body (ignoring case, accents, punctuation and spacing). */
  | 'SAME_TEXT';

/** Kind of timeline event: one per lifecycle transition. */
export type ReportEventType =
  /** An admin rejected it with a reason. */
  | 'ReportArchived'
  /** An admin or ombudsman set or cleared the maladministration type. */
  | 'ReportClassified'
  /** The agency marked the follow-up done. */
  | 'ReportCompleted'
  /** The reporter answered a hold with more detail (ON_HOLD to SUBMITTED). */
  | 'ReportDetailAdded'
  /** An admin verified it and routed it to an agency. */
  | 'ReportDispositioned'
  /** An agency forwarded it to the agency that owns the duty (one hop). */
  | 'ReportForwarded'
  /** An admin put it on hold, asking the reporter for more detail. */
  | 'ReportHeld'
  /** The reporter rated the outcome (1-5). */
  | 'ReportRated'
  /** The reporter reopened the completed report. */
  | 'ReportReopened'
  /** The agency responded (tanggapan). */
  | 'ReportResponded'
  /** The reporter submitted the report. */
  | 'ReportSubmitted';

/** Filters for the staff report list. All given filters must match. */
export type ReportFilter = {
  /** Reports currently routed to this agency. */
  agencyId?: string | null | undefined;
  /** Only anonymous (true) or only named (false) reports. */
  anonymous?: boolean | null | undefined;
  /** Only confidential (true) or only non-confidential (false) reports. */
  confidential?: boolean | null | undefined;
  /** submittedAt >= from */
  from?: string | null | undefined;
  /** Reports classified with this maladministration type. */
  maladministrationType?: Maladministration | null | undefined;
  /** true: only reports past a due date with the step not done; false: only reports that are not. */
  overdue?: boolean | null | undefined;
  /** Region code prefix: 64.02 matches every report in Kutai Kartanegara. */
  regionCode?: string | null | undefined;
  /** Reports in any of these statuses. */
  status?: Array<ReportStatus> | null | undefined;
  /** submittedAt < to */
  to?: string | null | undefined;
  /** Service topic code, e.g. JALAN. */
  topic?: string | null | undefined;
  /** true: only reports without a maladministration type. */
  unclassified?: boolean | null | undefined;
};

/** Order of a report list. */
export type ReportOrder =
  /** Oldest submission first. */
  | 'SUBMITTED_AT_ASC'
  /** Newest submission first (the default). */
  | 'SUBMITTED_AT_DESC'
  /** Most recently changed first. */
  | 'UPDATED_AT_DESC';

/** Lifecycle status of a report (LAPOR! public statuses). */
export type ReportStatus =
  /** Rejected with a reason (arsip). */
  | 'ARCHIVED'
  /** Follow-up done (selesai); the reporter may rate it and reopen it within 14 days. */
  | 'COMPLETED'
  /** Verified and routed to an agency, no response yet (terdisposisi). */
  | 'DISPOSITIONED'
  /** The agency has responded and is following up (sedang diproses). */
  | 'IN_PROGRESS'
  /** Waiting for more detail from the reporter (tertunda). */
  | 'ON_HOLD'
  /** Submitted, not yet verified (belum terverifikasi). */
  | 'SUBMITTED';

/** Who is reporting. Optional; hidden from the agency and the public when anonymous. */
export type ReporterInput = {
  /** Reporter's e-mail address, for follow-up. */
  email?: string | null | undefined;
  /** Reporter's name (2-120 characters). */
  name?: string | null | undefined;
  /** Indonesian mobile number, e.g. 0812-3456-7890 or +6281234567890. */
  phone?: string | null | undefined;
};

/** The agency's response (tanggapan) to a report. */
export type RespondToReportInput = {
  /** Evidence: ids returned by POST /attachments. */
  attachmentIds?: Array<string> | null | undefined;
  /** Concise, polite response text (10-5000 characters). */
  body: string;
  /** The report version you saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** Id of the report to act on. */
  reportId: string;
};

/** Road status: which government level owns it. */
export type RoadStatus =
  /** Village road: the village government. */
  | 'DESA'
  /** Regency road: the regency's public-works agency. */
  | 'KABUPATEN'
  /** City road: the city's public-works agency. */
  | 'KOTA'
  /** National road: the Ministry of Public Works, through its regional road agency. */
  | 'NASIONAL'
  /** Provincial road: the province's public-works agency. */
  | 'PROVINSI';

/** A service-level step, counted in working days (Monday-Friday minus national holidays and collective leave). */
export type SlaStep =
  /** Completed within 14 working days of disposition (60 with an oversight examination). */
  | 'COMPLETION'
  /** The agency responds within 5 working days of disposition. */
  | 'FIRST_RESPONSE'
  /** Admin verifies and routes within 3 working days of submission. */
  | 'VERIFICATION';

/** A new complaint, as the citizen submits it. */
export type SubmitReportInput = {
  /** Hide the reporter from the agency and the public. */
  anonymous?: boolean;
  /** Ids returned by POST /attachments. */
  attachmentIds?: Array<string> | null | undefined;
  /** What happened, where and when (20-5000 characters). */
  body: string;
  /** Kind of submission; a complaint (PENGADUAN) unless given. */
  classification?: Classification;
  /** Hide the content from the public. */
  confidential?: boolean;
  /** Client-chosen key (e.g. a UUID made when the form opened): retries with the same key return the same report. */
  idempotencyKey?: string | null | undefined;
  /** Kemendagri code of where the problem is, e.g. 64.02.18.2001. */
  regionCode: string;
  /** Who is reporting (optional); needed to be contacted. */
  reporter?: ReporterInput | null | undefined;
  /** The road (asset) concerned, if any. */
  roadId?: string | null | undefined;
  /** Short summary (5-200 characters). */
  title: string;
  /** Service topic code (see the registry `topics`). */
  topic: string;
};

/** Period length of a trend, in the reporting time zone. */
export type TrendInterval =
  /** One point per calendar day. */
  | 'DAY'
  /** One point per calendar month. */
  | 'MONTH'
  /** One point per week, starting on Monday. */
  | 'WEEK';

export type ReportRowFragment = { id: string, trackingId: string, title: string | null, topic: string, classification: Classification, status: ReportStatus, anonymous: boolean, confidential: boolean, maladministrationType: Maladministration | null, submittedAt: string, dispositionedAt: string | null, firstResponseAt: string | null, completedAt: string | null, verificationDueAt: string | null, responseDueAt: string | null, completionDueAt: string | null, overdue: boolean, forwardCount: number, rating: number | null, agency: { id: string, name: string } | null, region: { code: string, name: string } | null };

export type KpiFieldsFragment = { volume: number | null, open: number | null, overdue: number | null, completionRate: number | null, medianFirstResponseHours: number | null, slaCompliance: number | null, satisfaction: number | null, transparencyIndex: number | null, suppressedBelow: number | null, suppressedFields: Array<string> };

export type TopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type TopicsQuery = { topics: Array<{ code: string, labelId: string, labelEn: string, asset: boolean }> };

export type ProvincesQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvincesQuery = { regions: { edges: Array<{ node: { code: string, name: string, level: RegionLevel } }> } };

export type RegionChildrenQueryVariables = Exact<{
  code: string;
}>;


export type RegionChildrenQuery = { region: { code: string, name: string, level: RegionLevel, children: { edges: Array<{ node: { code: string, name: string, level: RegionLevel } }> } } | null };

export type RegionDetailQueryVariables = Exact<{
  code: string;
}>;


export type RegionDetailQuery = { region: { code: string, name: string, level: RegionLevel, ancestors: Array<{ code: string, name: string, level: RegionLevel }>, children: { totalCount: number, edges: Array<{ node: { code: string, name: string, level: RegionLevel } }> } } | null };

export type RegionStatsQueryVariables = Exact<{
  code: string;
  filter?: AnalyticsFilter | null | undefined;
}>;


export type RegionStatsQuery = { region: { code: string, reportStats: { reportCount: number | null, open: number | null, overdue: number | null, completionRate: number | null, transparencyIndex: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null, children: { edges: Array<{ node: { code: string, reportStats: { reportCount: number | null, open: number | null, overdue: number | null, completionRate: number | null, transparencyIndex: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null } }> } } | null };

export type ProvinceStatsQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
}>;


export type ProvinceStatsQuery = { regions: { edges: Array<{ node: { code: string, reportStats: { reportCount: number | null, open: number | null, overdue: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null } }> } };

export type RegionNameQueryVariables = Exact<{
  code: string;
}>;


export type RegionNameQuery = { region: { code: string, name: string, level: RegionLevel, ancestors: Array<{ code: string, name: string, level: RegionLevel }> } | null };

export type AgencySearchQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgencySearchQuery = { agencies: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, nameEn: string | null, level: AgencyLevel, kind: string, active: boolean, region: { code: string, name: string } | null } }> } };

export type AgencyNameQueryVariables = Exact<{
  id: string;
}>;


export type AgencyNameQuery = { agency: { id: string, code: string, name: string, nameEn: string | null } | null };

export type AgencyDetailQueryVariables = Exact<{
  id: string;
}>;


export type AgencyDetailQuery = { agency: { id: string, code: string, name: string, nameEn: string | null, level: AgencyLevel, kind: string, active: boolean, region: { code: string, name: string } | null, parent: { id: string, name: string } | null, children: { totalCount: number, edges: Array<{ node: { id: string, code: string, name: string } }> } } | null };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { signIn: { token: string } };

export type OverviewKpisQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
  now?: AnalyticsFilter | null | undefined;
  cmpCurrent?: AnalyticsFilter | null | undefined;
  previous?: AnalyticsFilter | null | undefined;
  before?: AnalyticsFilter | null | undefined;
  compare: boolean;
}>;


export type OverviewKpisQuery = { current: { volume: number | null, open: number | null, overdue: number | null, completionRate: number | null, medianFirstResponseHours: number | null, slaCompliance: number | null, satisfaction: number | null, transparencyIndex: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null, now: { open: number | null, overdue: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null, cmpCurrent?: { volume: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null, previous?: { volume: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null, before?: { volume: number | null, suppressed: boolean } | null };

export type OverviewBreakdownQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
}>;


export type OverviewBreakdownQuery = { analyticsOverview: { byTopic: Array<{ topic: string, count: number | null, suppressedBelow: number | null }>, byStatus: Array<{ status: ReportStatus, count: number | null, suppressedBelow: number | null }> } | null };

export type ReportTrendQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
  interval: TrendInterval;
}>;


export type ReportTrendQuery = { reportTrend: Array<{ periodStart: string, submitted: number | null, completed: number | null, suppressedBelow: number | null }> | null };

export type ReportBurstsQueryVariables = Exact<{
  from: string;
  to: string;
  regionCode?: string | null | undefined;
  agencyId?: string | null | undefined;
  topic?: string | null | undefined;
}>;


export type ReportBurstsQuery = { reportBursts: Array<{ day: string, kind: ReportBurstKind, count: number }> | null };

export type MaladministrationBreakdownQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
}>;


export type MaladministrationBreakdownQuery = { maladministrationBreakdown: { total: number | null, suppressedBelow: number | null, slices: Array<{ type: MaladministrationCategory, count: number | null, share: number | null, suppressedBelow: number | null }> } | null };

export type MaladministrationTrendQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
  interval: TrendInterval;
}>;


export type MaladministrationTrendQuery = { maladministrationTrend: Array<{ periodStart: string, breakdown: { total: number | null, suppressedBelow: number | null, slices: Array<{ type: MaladministrationCategory, count: number | null, share: number | null, suppressedBelow: number | null }> } }> | null };

export type AgencyMaladministrationQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type AgencyMaladministrationQuery = { agencyLeaderboard: Array<{ agency: { id: string, name: string }, performance: { maladministration: { total: number | null, suppressedBelow: number | null, slices: Array<{ type: MaladministrationCategory, count: number | null, share: number | null, suppressedBelow: number | null }> } } }> | null };

export type AgencyFirstResponseQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type AgencyFirstResponseQuery = { agencyLeaderboard: Array<{ agency: { id: string, name: string }, performance: { firstResponseAgency: { count: number | null, p50Hours: number | null, p90Hours: number | null, suppressedBelow: number | null } } }> | null };

export type MonthlyReportQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
  now?: AnalyticsFilter | null | undefined;
}>;


export type MonthlyReportQuery = { current: { volume: number | null, open: number | null, overdue: number | null, completionRate: number | null, medianFirstResponseHours: number | null, slaCompliance: number | null, satisfaction: number | null, transparencyIndex: number | null, suppressedBelow: number | null, suppressedFields: Array<string>, byTopic: Array<{ topic: string, count: number | null, suppressedBelow: number | null }> } | null, now: { open: number | null, overdue: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null, trend: Array<{ periodStart: string, submitted: number | null, completed: number | null, suppressedBelow: number | null }> | null, malad: { total: number | null, suppressedBelow: number | null, slices: Array<{ type: MaladministrationCategory, count: number | null, share: number | null, suppressedBelow: number | null }> } | null, sla: { overall: number | null, suppressedBelow: number | null, suppressedFields: Array<string>, steps: Array<{ step: SlaStep, onTime: number | null, late: number | null, overdueOpen: number | null, compliance: number | null, suppressedBelow: number | null, suppressedFields: Array<string> }> } | null };

export type ResponseTimesQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
}>;


export type ResponseTimesQuery = { responseTimeStats: { verification: { count: number | null, p50Hours: number | null, p90Hours: number | null, meanHours: number | null, suppressedBelow: number | null, suppressedFields: Array<string>, histogram: Array<{ fromHours: number, toHours: number | null, count: number | null, suppressedBelow: number | null }> }, firstResponseAgency: { count: number | null, p50Hours: number | null, p90Hours: number | null, meanHours: number | null, suppressedBelow: number | null, suppressedFields: Array<string>, histogram: Array<{ fromHours: number, toHours: number | null, count: number | null, suppressedBelow: number | null }> }, firstResponseCitizen: { count: number | null, p50Hours: number | null, p90Hours: number | null, meanHours: number | null, suppressedBelow: number | null, suppressedFields: Array<string>, histogram: Array<{ fromHours: number, toHours: number | null, count: number | null, suppressedBelow: number | null }> }, completion: { count: number | null, p50Hours: number | null, p90Hours: number | null, meanHours: number | null, suppressedBelow: number | null, suppressedFields: Array<string>, histogram: Array<{ fromHours: number, toHours: number | null, count: number | null, suppressedBelow: number | null }> } } | null };

export type SlaComplianceQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
}>;


export type SlaComplianceQuery = { slaCompliance: { overall: number | null, suppressedBelow: number | null, suppressedFields: Array<string>, steps: Array<{ step: SlaStep, onTime: number | null, late: number | null, overdueOpen: number | null, compliance: number | null, suppressedBelow: number | null, suppressedFields: Array<string> }> } | null };

export type TransparencyMetricsQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
}>;


export type TransparencyMetricsQuery = { transparencyMetrics: { responseRate: number | null, firstResponseCompliance: number | null, evidenceRate: number | null, completionRate: number | null, satisfaction: number | null, publicVisibility: number | null, reopenRate: number | null, forwardingRate: number | null, meanHops: number | null, index: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null };

export type AgencyLeaderboardQueryVariables = Exact<{
  filter?: AnalyticsFilter | null | undefined;
  orderBy?: LeaderboardOrder | null | undefined;
  minReports?: number | null | undefined;
  first?: number | null | undefined;
}>;


export type AgencyLeaderboardQuery = { agencyLeaderboard: Array<{ rank: number, agency: { id: string, code: string, name: string }, performance: { reportCount: number | null, open: number | null, overdue: number | null, completionRate: number | null, medianFirstResponseHours: number | null, slaCompliance: number | null, satisfaction: number | null, transparencyIndex: number | null, forwardingRate: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } }> | null };

export type AgencyPerformanceQueryVariables = Exact<{
  id: string;
  filter?: AnalyticsFilter | null | undefined;
}>;


export type AgencyPerformanceQuery = { agency: { id: string, performance: { reportCount: number | null, open: number | null, overdue: number | null, completionRate: number | null, medianFirstResponseHours: number | null, slaCompliance: number | null, satisfaction: number | null, transparencyIndex: number | null, forwardingRate: number | null, suppressedBelow: number | null, suppressedFields: Array<string> } | null } | null };

export type ReportListQueryVariables = Exact<{
  filter?: ReportFilter | null | undefined;
  search?: string | null | undefined;
  orderBy?: ReportOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReportListQuery = { reports: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, trackingId: string, title: string | null, topic: string, classification: Classification, status: ReportStatus, anonymous: boolean, confidential: boolean, maladministrationType: Maladministration | null, submittedAt: string, dispositionedAt: string | null, firstResponseAt: string | null, completedAt: string | null, verificationDueAt: string | null, responseDueAt: string | null, completionDueAt: string | null, overdue: boolean, forwardCount: number, rating: number | null, agency: { id: string, name: string } | null, region: { code: string, name: string } | null } }> } | null };

export type ReportDetailQueryVariables = Exact<{
  id: string;
}>;


export type ReportDetailQuery = { report: { body: string | null, id: string, trackingId: string, title: string | null, topic: string, classification: Classification, status: ReportStatus, anonymous: boolean, confidential: boolean, maladministrationType: Maladministration | null, submittedAt: string, dispositionedAt: string | null, firstResponseAt: string | null, completedAt: string | null, verificationDueAt: string | null, responseDueAt: string | null, completionDueAt: string | null, overdue: boolean, forwardCount: number, rating: number | null, agency: { id: string, name: string } | null, region: { code: string, name: string } | null } | null };

export type ReportTimelineQueryVariables = Exact<{
  id: string;
}>;


export type ReportTimelineQuery = { report: { id: string, timeline: Array<{ id: string, type: ReportEventType, at: string, actorRole: string, fromStatus: ReportStatus | null, toStatus: ReportStatus, note: string | null, fromAgency: { id: string, name: string } | null, toAgency: { id: string, name: string } | null }> } | null };

export type ReportResponsesQueryVariables = Exact<{
  id: string;
}>;


export type ReportResponsesQuery = { report: { id: string, responses: Array<{ id: string, body: string | null, createdAt: string, agency: { id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> }>, details: Array<{ id: string, body: string | null, createdAt: string, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> }>, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> } | null };

export type ReportReporterQueryVariables = Exact<{
  id: string;
}>;


export type ReportReporterQuery = { report: { id: string, reporter: { name: string | null, email: string | null, phone: string | null } | null } | null };

export type RoadsQueryVariables = Exact<{
  regionCode: string;
}>;


export type RoadsQuery = { roads: { totalCount: number, edges: Array<{ node: { id: string, name: string, status: RoadStatus } }> } };

export type SubmitReportMutationVariables = Exact<{
  input: SubmitReportInput;
}>;


export type SubmitReportMutation = { submitReport: { created: boolean, report: { id: string, trackingId: string, status: ReportStatus, submittedAt: string, verificationDueAt: string | null } } };

export type ReportByTrackingIdQueryVariables = Exact<{
  trackingId: string;
}>;


export type ReportByTrackingIdQuery = { reportByTrackingId: { id: string, trackingId: string, title: string | null, body: string | null, topic: string, classification: Classification, status: ReportStatus, anonymous: boolean, confidential: boolean, submittedAt: string, dispositionedAt: string | null, firstResponseAt: string | null, completedAt: string | null, archivedAt: string | null, verificationDueAt: string | null, responseDueAt: string | null, completionDueAt: string | null, overdue: boolean, rating: number | null, reopenCount: number, availableActions: Array<ReportAction>, agency: { id: string, name: string } | null, region: { code: string, name: string } | null, timeline: Array<{ id: string, type: ReportEventType, at: string, actorRole: string, fromStatus: ReportStatus | null, toStatus: ReportStatus, note: string | null, fromAgency: { id: string, name: string } | null, toAgency: { id: string, name: string } | null }>, responses: Array<{ id: string, body: string | null, createdAt: string, agency: { id: string, name: string }, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> }>, details: Array<{ id: string, body: string | null, createdAt: string, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> }>, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> } | null };

export type PayloadFieldsFragment = { id: string, status: ReportStatus, version: number };

export type RateReportMutationVariables = Exact<{
  input: RateReportInput;
}>;


export type RateReportMutation = { rateReport: { report: { id: string, status: ReportStatus, version: number } } };

export type ReopenReportMutationVariables = Exact<{
  input: ReopenReportInput;
}>;


export type ReopenReportMutation = { reopenReport: { report: { id: string, status: ReportStatus, version: number } } };

export type AddReportDetailMutationVariables = Exact<{
  input: AddReportDetailInput;
}>;


export type AddReportDetailMutation = { addReportDetail: { report: { id: string, status: ReportStatus, version: number } } };

export type ReportActionsQueryVariables = Exact<{
  id: string;
}>;


export type ReportActionsQuery = { report: { id: string, version: number, status: ReportStatus, classification: Classification, maladministrationType: Maladministration | null, anonymous: boolean, confidential: boolean, examination: boolean, availableActions: Array<ReportAction>, routingReasons: Array<string>, agency: { id: string, name: string } | null, suggestedAgency: { id: string, name: string } | null } | null };

export type DispositionReportMutationVariables = Exact<{
  input: DispositionReportInput;
}>;


export type DispositionReportMutation = { dispositionReport: { report: { id: string, status: ReportStatus, version: number } } };

export type HoldReportMutationVariables = Exact<{
  input: HoldReportInput;
}>;


export type HoldReportMutation = { holdReport: { report: { id: string, status: ReportStatus, version: number } } };

export type ArchiveReportMutationVariables = Exact<{
  input: ArchiveReportInput;
}>;


export type ArchiveReportMutation = { archiveReport: { report: { id: string, status: ReportStatus, version: number } } };

export type ForwardReportMutationVariables = Exact<{
  input: ForwardReportInput;
}>;


export type ForwardReportMutation = { forwardReport: { report: { id: string, status: ReportStatus, version: number } } };

export type RespondToReportMutationVariables = Exact<{
  input: RespondToReportInput;
}>;


export type RespondToReportMutation = { respondToReport: { report: { id: string, status: ReportStatus, version: number } } };

export type CompleteReportMutationVariables = Exact<{
  input: CompleteReportInput;
}>;


export type CompleteReportMutation = { completeReport: { report: { id: string, status: ReportStatus, version: number } } };

export type ClassifyReportMutationVariables = Exact<{
  input: ClassifyReportInput;
}>;


export type ClassifyReportMutation = { classifyReport: { report: { id: string, status: ReportStatus, version: number } } };

export type BreakdownFieldsFragment = { total: number | null, suppressedBelow: number | null, slices: Array<{ type: MaladministrationCategory, count: number | null, share: number | null, suppressedBelow: number | null }> };

export type DurationFieldsFragment = { count: number | null, p50Hours: number | null, p90Hours: number | null, meanHours: number | null, suppressedBelow: number | null, suppressedFields: Array<string>, histogram: Array<{ fromHours: number, toHours: number | null, count: number | null, suppressedBelow: number | null }> };

export type PerformanceFieldsFragment = { reportCount: number | null, open: number | null, overdue: number | null, completionRate: number | null, medianFirstResponseHours: number | null, slaCompliance: number | null, satisfaction: number | null, transparencyIndex: number | null, forwardingRate: number | null, suppressedBelow: number | null, suppressedFields: Array<string> };

export type TimelineFieldsFragment = { id: string, type: ReportEventType, at: string, actorRole: string, fromStatus: ReportStatus | null, toStatus: ReportStatus, note: string | null, fromAgency: { id: string, name: string } | null, toAgency: { id: string, name: string } | null };

export type AttachmentFieldsFragment = { id: string, filename: string, contentType: string, size: number, url: string };

export type DetailFieldsFragment = { id: string, body: string | null, createdAt: string, attachments: Array<{ id: string, filename: string, contentType: string, size: number, url: string }> };

export const ReportRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackingId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"confidential"}},{"kind":"Field","name":{"kind":"Name","value":"maladministrationType"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dispositionedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"verificationDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"completionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"forwardCount"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReportRowFragment, unknown>;
export const KpiFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsOverview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianFirstResponseHours"}},{"kind":"Field","name":{"kind":"Name","value":"slaCompliance"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"transparencyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]} as unknown as DocumentNode<KpiFieldsFragment, unknown>;
export const PayloadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<PayloadFieldsFragment, unknown>;
export const BreakdownFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BreakdownFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MaladministrationBreakdown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"slices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]} as unknown as DocumentNode<BreakdownFieldsFragment, unknown>;
export const DurationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DurationStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"p50Hours"}},{"kind":"Field","name":{"kind":"Name","value":"p90Hours"}},{"kind":"Field","name":{"kind":"Name","value":"meanHours"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}},{"kind":"Field","name":{"kind":"Name","value":"histogram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromHours"}},{"kind":"Field","name":{"kind":"Name","value":"toHours"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]} as unknown as DocumentNode<DurationFieldsFragment, unknown>;
export const PerformanceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PerformanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgencyPerformance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCount"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianFirstResponseHours"}},{"kind":"Field","name":{"kind":"Name","value":"slaCompliance"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"transparencyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"forwardingRate"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]} as unknown as DocumentNode<PerformanceFieldsFragment, unknown>;
export const TimelineFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimelineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TimelineFieldsFragment, unknown>;
export const AttachmentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttachmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attachment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<AttachmentFieldsFragment, unknown>;
export const DetailFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttachmentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttachmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attachment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]} as unknown as DocumentNode<DetailFieldsFragment, unknown>;
export const TopicsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"labelId"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"asset"}}]}}]}}]} as unknown as DocumentNode<TopicsQuery, TopicsQueryVariables>;
export const ProvincesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Provinces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"PROVINCE"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProvincesQuery, ProvincesQueryVariables>;
export const RegionChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionChildren"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionChildrenQuery, RegionChildrenQueryVariables>;
export const RegionDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"ancestors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionDetailQuery, RegionDetailQueryVariables>;
export const RegionStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reportStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCount"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"transparencyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reportStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCount"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"transparencyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionStatsQuery, RegionStatsQueryVariables>;
export const ProvinceStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProvinceStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"StringValue","value":"","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"PROVINCE"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reportStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCount"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProvinceStatsQuery, ProvinceStatsQueryVariables>;
export const RegionNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"ancestors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<RegionNameQuery, RegionNameQueryVariables>;
export const AgencySearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencySearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgencySearchQuery, AgencySearchQueryVariables>;
export const AgencyNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]} as unknown as DocumentNode<AgencyNameQuery, AgencyNameQueryVariables>;
export const AgencyDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgencyDetailQuery, AgencyDetailQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const OverviewKpisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewKpis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"now"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cmpCurrent"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"previous"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"compare"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"current"},"name":{"kind":"Name","value":"analyticsOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"now"},"name":{"kind":"Name","value":"analyticsOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"now"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"cmpCurrent"},"name":{"kind":"Name","value":"analyticsOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cmpCurrent"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"compare"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"previous"},"name":{"kind":"Name","value":"analyticsOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"previous"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"compare"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"before"},"name":{"kind":"Name","value":"analyticsOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"compare"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsOverview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianFirstResponseHours"}},{"kind":"Field","name":{"kind":"Name","value":"slaCompliance"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"transparencyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]} as unknown as DocumentNode<OverviewKpisQuery, OverviewKpisQueryVariables>;
export const OverviewBreakdownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewBreakdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyticsOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"byTopic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewBreakdownQuery, OverviewBreakdownQueryVariables>;
export const ReportTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrendInterval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]} as unknown as DocumentNode<ReportTrendQuery, ReportTrendQueryVariables>;
export const ReportBurstsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportBursts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"topic"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportBursts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"topic"},"value":{"kind":"Variable","name":{"kind":"Name","value":"topic"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<ReportBurstsQuery, ReportBurstsQueryVariables>;
export const MaladministrationBreakdownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MaladministrationBreakdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maladministrationBreakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BreakdownFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BreakdownFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MaladministrationBreakdown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"slices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]} as unknown as DocumentNode<MaladministrationBreakdownQuery, MaladministrationBreakdownQueryVariables>;
export const MaladministrationTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MaladministrationTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrendInterval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maladministrationTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BreakdownFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BreakdownFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MaladministrationBreakdown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"slices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]} as unknown as DocumentNode<MaladministrationTrendQuery, MaladministrationTrendQueryVariables>;
export const AgencyMaladministrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyMaladministration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencyLeaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"REPORT_COUNT"}},{"kind":"Argument","name":{"kind":"Name","value":"minReports"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maladministration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BreakdownFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BreakdownFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MaladministrationBreakdown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"slices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]} as unknown as DocumentNode<AgencyMaladministrationQuery, AgencyMaladministrationQueryVariables>;
export const AgencyFirstResponseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyFirstResponse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencyLeaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"REPORT_COUNT"}},{"kind":"Argument","name":{"kind":"Name","value":"minReports"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstResponseAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"p50Hours"}},{"kind":"Field","name":{"kind":"Name","value":"p90Hours"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgencyFirstResponseQuery, AgencyFirstResponseQueryVariables>;
export const MonthlyReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonthlyReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"now"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"current"},"name":{"kind":"Name","value":"analyticsOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiFields"}},{"kind":"Field","name":{"kind":"Name","value":"byTopic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"now"},"name":{"kind":"Name","value":"analyticsOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"now"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"trend"},"name":{"kind":"Name","value":"reportTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"EnumValue","value":"DAY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"malad"},"name":{"kind":"Name","value":"maladministrationBreakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BreakdownFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"sla"},"name":{"kind":"Name","value":"slaCompliance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overall"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"overdueOpen"}},{"kind":"Field","name":{"kind":"Name","value":"compliance"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsOverview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianFirstResponseHours"}},{"kind":"Field","name":{"kind":"Name","value":"slaCompliance"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"transparencyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BreakdownFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MaladministrationBreakdown"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"slices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]} as unknown as DocumentNode<MonthlyReportQuery, MonthlyReportQueryVariables>;
export const ResponseTimesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResponseTimes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseTimeStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DurationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DurationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseCitizen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DurationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DurationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DurationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DurationStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"p50Hours"}},{"kind":"Field","name":{"kind":"Name","value":"p90Hours"}},{"kind":"Field","name":{"kind":"Name","value":"meanHours"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}},{"kind":"Field","name":{"kind":"Name","value":"histogram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromHours"}},{"kind":"Field","name":{"kind":"Name","value":"toHours"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}}]}}]}}]} as unknown as DocumentNode<ResponseTimesQuery, ResponseTimesQueryVariables>;
export const SlaComplianceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SlaCompliance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slaCompliance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overall"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"overdueOpen"}},{"kind":"Field","name":{"kind":"Name","value":"compliance"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]}}]}}]} as unknown as DocumentNode<SlaComplianceQuery, SlaComplianceQueryVariables>;
export const TransparencyMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransparencyMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transparencyMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responseRate"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseCompliance"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceRate"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"publicVisibility"}},{"kind":"Field","name":{"kind":"Name","value":"reopenRate"}},{"kind":"Field","name":{"kind":"Name","value":"forwardingRate"}},{"kind":"Field","name":{"kind":"Name","value":"meanHops"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]}}]} as unknown as DocumentNode<TransparencyMetricsQuery, TransparencyMetricsQueryVariables>;
export const AgencyLeaderboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyLeaderboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LeaderboardOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minReports"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencyLeaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"minReports"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minReports"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PerformanceFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PerformanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgencyPerformance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCount"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianFirstResponseHours"}},{"kind":"Field","name":{"kind":"Name","value":"slaCompliance"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"transparencyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"forwardingRate"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]} as unknown as DocumentNode<AgencyLeaderboardQuery, AgencyLeaderboardQueryVariables>;
export const AgencyPerformanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyPerformance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AnalyticsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PerformanceFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PerformanceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgencyPerformance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCount"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianFirstResponseHours"}},{"kind":"Field","name":{"kind":"Name","value":"slaCompliance"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}},{"kind":"Field","name":{"kind":"Name","value":"transparencyIndex"}},{"kind":"Field","name":{"kind":"Name","value":"forwardingRate"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedBelow"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedFields"}}]}}]} as unknown as DocumentNode<AgencyPerformanceQuery, AgencyPerformanceQueryVariables>;
export const ReportListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackingId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"confidential"}},{"kind":"Field","name":{"kind":"Name","value":"maladministrationType"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dispositionedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"verificationDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"completionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"forwardCount"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReportListQuery, ReportListQueryVariables>;
export const ReportDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportRow"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackingId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"confidential"}},{"kind":"Field","name":{"kind":"Name","value":"maladministrationType"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dispositionedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"verificationDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"completionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"forwardCount"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReportDetailQuery, ReportDetailQueryVariables>;
export const ReportTimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TimelineFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimelineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReportTimelineQuery, ReportTimelineQueryVariables>;
export const ReportResponsesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportResponses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"responses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttachmentFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DetailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttachmentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttachmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attachment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttachmentFields"}}]}}]}}]} as unknown as DocumentNode<ReportResponsesQuery, ReportResponsesQueryVariables>;
export const ReportReporterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportReporter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reporter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]}}]} as unknown as DocumentNode<ReportReporterQuery, ReportReporterQueryVariables>;
export const RoadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Roads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RoadsQuery, RoadsQueryVariables>;
export const SubmitReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackingId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"verificationDueAt"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitReportMutation, SubmitReportMutationVariables>;
export const ReportByTrackingIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportByTrackingId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"trackingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportByTrackingId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"trackingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"trackingId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackingId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"confidential"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dispositionedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstResponseAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"verificationDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"completionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"reopenCount"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TimelineFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"responses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttachmentFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DetailFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttachmentFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AttachmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attachment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TimelineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"fromAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DetailFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportDetail"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AttachmentFields"}}]}}]}}]} as unknown as DocumentNode<ReportByTrackingIdQuery, ReportByTrackingIdQueryVariables>;
export const RateReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RateReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RateReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<RateReportMutation, RateReportMutationVariables>;
export const ReopenReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReopenReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReopenReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reopenReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ReopenReportMutation, ReopenReportMutationVariables>;
export const AddReportDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddReportDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddReportDetailInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addReportDetail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<AddReportDetailMutation, AddReportDetailMutationVariables>;
export const ReportActionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}},{"kind":"Field","name":{"kind":"Name","value":"maladministrationType"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"confidential"}},{"kind":"Field","name":{"kind":"Name","value":"examination"}},{"kind":"Field","name":{"kind":"Name","value":"availableActions"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestedAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"routingReasons"}}]}}]}}]} as unknown as DocumentNode<ReportActionsQuery, ReportActionsQueryVariables>;
export const DispositionReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DispositionReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DispositionReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispositionReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<DispositionReportMutation, DispositionReportMutationVariables>;
export const HoldReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HoldReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<HoldReportMutation, HoldReportMutationVariables>;
export const ArchiveReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ArchiveReportMutation, ArchiveReportMutationVariables>;
export const ForwardReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ForwardReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ForwardReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forwardReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ForwardReportMutation, ForwardReportMutationVariables>;
export const RespondToReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RespondToReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<RespondToReportMutation, RespondToReportMutationVariables>;
export const CompleteReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<CompleteReportMutation, CompleteReportMutationVariables>;
export const ClassifyReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClassifyReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClassifyReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classifyReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PayloadFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Report"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ClassifyReportMutation, ClassifyReportMutationVariables>;