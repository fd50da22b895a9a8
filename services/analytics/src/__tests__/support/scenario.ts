import { Maladministration, ReportStatus, type OutboxEvent, type ReportSnapshot } from '@pantau/common';

/**
 * Five reports whose figures are worked out by hand in the tests (now = 2025-02-01T00:00Z):
 * A completed on time everywhere; B verified late, response overdue; C just submitted (nothing due);
 * D archived before its verification was due; E responded late, completed, reopened (completion overdue).
 */
export const SCENARIO_NOW = Date.parse('2025-02-01T00:00:00Z');

const base: Omit<ReportSnapshot, 'id' | 'submittedAt' | 'verificationDueAt' | 'status'> = {
  topic: 'ROADS',
  classification: 'PENGADUAN' as ReportSnapshot['classification'],
  regionCode: '64.02.18.2001',
  agencyId: null,
  anonymous: false,
  confidential: false,
  maladministrationType: null,
  examination: false,
  dispositionedAt: null,
  firstResponseAt: null,
  completedAt: null,
  archivedAt: null,
  responseDueAt: null,
  completionDueAt: null,
  forwardCount: 0,
  responseCount: 0,
  evidenceResponseCount: 0,
  rating: null,
  reopenCount: 0,
};

export const SCENARIO: ReportSnapshot[] = [
  {
    ...base,
    id: 'A',
    status: ReportStatus.COMPLETED,
    agencyId: 'X',
    maladministrationType: Maladministration.PENUNDAAN_BERLARUT,
    submittedAt: '2025-01-01T00:00:00.000Z',
    verificationDueAt: '2025-01-04T00:00:00.000Z',
    dispositionedAt: '2025-01-02T00:00:00.000Z',
    responseDueAt: '2025-01-07T00:00:00.000Z',
    completionDueAt: '2025-01-16T00:00:00.000Z',
    firstResponseAt: '2025-01-03T00:00:00.000Z',
    completedAt: '2025-01-10T00:00:00.000Z',
    responseCount: 2,
    evidenceResponseCount: 1,
    rating: 4,
    forwardCount: 1,
  },
  {
    ...base,
    id: 'B',
    status: ReportStatus.DISPOSITIONED,
    agencyId: 'X',
    confidential: true,
    topic: 'HEALTH',
    regionCode: '64.02.06.2003',
    submittedAt: '2025-01-05T00:00:00.000Z',
    verificationDueAt: '2025-01-08T00:00:00.000Z',
    dispositionedAt: '2025-01-10T00:00:00.000Z',
    responseDueAt: '2025-01-15T00:00:00.000Z',
    completionDueAt: '2025-01-24T00:00:00.000Z',
  },
  { ...base, id: 'C', status: ReportStatus.SUBMITTED, submittedAt: '2025-01-30T00:00:00.000Z', verificationDueAt: '2025-02-02T00:00:00.000Z' },
  {
    ...base,
    id: 'D',
    status: ReportStatus.ARCHIVED,
    submittedAt: '2025-01-06T00:00:00.000Z',
    verificationDueAt: '2025-01-09T00:00:00.000Z',
    archivedAt: '2025-01-07T00:00:00.000Z',
  },
  {
    ...base,
    id: 'E',
    status: ReportStatus.IN_PROGRESS,
    agencyId: 'Y',
    regionCode: '64.71.01.1001',
    submittedAt: '2025-01-02T00:00:00.000Z',
    verificationDueAt: '2025-01-05T00:00:00.000Z',
    dispositionedAt: '2025-01-03T00:00:00.000Z',
    responseDueAt: '2025-01-08T00:00:00.000Z',
    completionDueAt: '2025-01-17T00:00:00.000Z',
    firstResponseAt: '2025-01-09T00:00:00.000Z',
    responseCount: 1,
    rating: 2,
    reopenCount: 1,
    forwardCount: 2,
  },
];

export const scenarioEvents = (): OutboxEvent[] =>
  SCENARIO.map((report, i) => ({
    seq: i + 1,
    id: `scenario-${i + 1}`,
    type: 'ReportSubmitted' as OutboxEvent['type'],
    reportId: report.id,
    occurredAt: report.submittedAt,
    actorRole: 'SYSTEM',
    report,
  }));

/** The hand-computed figures for the whole scenario. */
export const SCENARIO_EXPECTED = {
  overview: {
    volume: 5,
    open: 3,
    overdue: 2,
    completionRate: 1 / 3,
    medianFirstResponseHours: 24,
    slaCompliance: 4 / 9,
    satisfaction: 0.6,
    transparencyIndex: 49,
    byTopic: [
      { topic: 'ROADS', count: 4 },
      { topic: 'HEALTH', count: 1 },
    ],
    byStatus: [
      { status: 'SUBMITTED', count: 1 },
      { status: 'DISPOSITIONED', count: 1 },
      { status: 'IN_PROGRESS', count: 1 },
      { status: 'COMPLETED', count: 1 },
      { status: 'ON_HOLD', count: 0 },
      { status: 'ARCHIVED', count: 1 },
    ],
  },
  sla: {
    steps: [
      { step: 'VERIFICATION', onTime: 2, late: 1, overdueOpen: 0, compliance: 2 / 3 },
      { step: 'FIRST_RESPONSE', onTime: 1, late: 1, overdueOpen: 1, compliance: 1 / 3 },
      { step: 'COMPLETION', onTime: 1, late: 0, overdueOpen: 2, compliance: 1 / 3 },
    ],
    overall: 4 / 9,
  },
  transparency: {
    responseRate: 2 / 3,
    firstResponseCompliance: 1 / 3,
    evidenceRate: 0.5,
    completionRate: 1 / 3,
    satisfaction: 0.6,
    publicVisibility: 0.8,
    reopenRate: 0.5,
    forwardingRate: 2 / 3,
    meanHops: 1.5,
    index: 49,
  },
  durations: {
    verification: { count: 3, p50Hours: 24, p90Hours: 120, meanHours: 56 },
    firstResponseAgency: { count: 2, p50Hours: 24, p90Hours: 144, meanHours: 84 },
    firstResponseCitizen: { count: 2, p50Hours: 48, p90Hours: 168, meanHours: 108 },
    completion: { count: 1, p50Hours: 216, p90Hours: 216, meanHours: 216 },
  },
  leaderboard: [
    {
      rank: 1,
      agencyId: 'X',
      performance: {
        reportCount: 2,
        open: 1,
        overdue: 1,
        completionRate: 0.5,
        medianFirstResponseHours: 24,
        slaCompliance: 0.5,
        satisfaction: 0.8,
        transparencyIndex: 64.5,
        forwardingRate: 0.5,
      },
    },
    {
      rank: 2,
      agencyId: 'Y',
      performance: {
        reportCount: 1,
        open: 1,
        overdue: 1,
        completionRate: 0,
        medianFirstResponseHours: 144,
        slaCompliance: 1 / 3,
        satisfaction: 0.4,
        transparencyIndex: 31,
        forwardingRate: 1,
      },
    },
  ],
};
