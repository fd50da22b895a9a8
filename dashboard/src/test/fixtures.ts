/**
 * Server answers for component tests, typed by the generated operation types (src/graphql/generated/graphql.ts),
 * so a fixture that drifts from what the operation selects fails the typecheck.
 */
import type {
  AgencyDetailQuery,
  AgencyDetailQueryVariables,
  AgencyFirstResponseQuery,
  AgencyLeaderboardQuery,
  AgencyMaladministrationQuery,
  AgencyNameQuery,
  AgencyNameQueryVariables,
  AgencyPerformanceQuery,
  AgencyPerformanceQueryVariables,
  AgencySearchQuery,
  AgencySearchQueryVariables,
  AgencySummary,
  Kpis,
  MaladministrationBreakdownQuery,
  MaladministrationTrendQuery,
  OverviewBreakdownQuery,
  OverviewKpisQuery,
  OverviewKpisQueryVariables,
  ProvincesQuery,
  RegionChildrenQuery,
  RegionChildrenQueryVariables,
  RegionDetailQuery,
  RegionDetailQueryVariables,
  RegionLevel,
  RegionNameQuery,
  RegionNameQueryVariables,
  ReportActionsReport,
  ReportDetailQuery,
  ReportListQuery,
  ReportRow,
  ReportTrendQuery,
  RoadsQuery,
  RoadsQueryVariables,
  RoadStatus,
  TopicsQuery,
  TrackedReport,
  AgencyPerformance,
} from '../graphql/operations';
import type { Handler } from './urqlTestClient';
import { subgraphDown } from './urqlTestClient';

export const TOPICS = [
  { code: 'JALAN', labelId: 'Jalan', labelEn: 'Roads', asset: true },
  { code: 'KESEHATAN', labelId: 'Kesehatan', labelEn: 'Health', asset: false },
  { code: 'AIR_BERSIH', labelId: 'Air bersih', labelEn: 'Clean water', asset: false },
] satisfies TopicsQuery['topics'];

/** Nothing withheld (small-cell protection did not apply). */
const SHOWN = { suppressedBelow: null, suppressedFields: [] as string[] };

export const KPIS = {
  volume: 120,
  open: 30,
  overdue: 6,
  completionRate: 0.625,
  medianFirstResponseHours: 30,
  slaCompliance: 0.8,
  satisfaction: 0.74,
  transparencyIndex: 71.25,
  ...SHOWN,
} satisfies Kpis;
export const PREVIOUS_KPIS = { ...KPIS, volume: 100, overdue: 8, completionRate: 0.6, medianFirstResponseHours: 36, transparencyIndex: 70 };

export const AGENCIES = [
  { id: 'kukar-pupr', code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kutai Kartanegara', nameEn: 'Kutai Kartanegara Public Works Agency', level: 'REGENCY', kind: 'PUBLIC_WORKS', active: true, region: { code: '64.02', name: 'Kutai Kartanegara' } },
  { id: 'kukar-dinkes', code: 'DINKES', name: 'Dinas Kesehatan Kabupaten Kutai Kartanegara', nameEn: 'Kutai Kartanegara Health Agency', level: 'REGENCY', kind: 'HEALTH', active: true, region: { code: '64.02', name: 'Kutai Kartanegara' } },
] satisfies AgencySummary[];

export const PERFORMANCE = {
  reportCount: 42,
  open: 7,
  overdue: 2,
  completionRate: 0.7,
  medianFirstResponseHours: 20,
  slaCompliance: 0.85,
  satisfaction: 0.8,
  transparencyIndex: 77.5,
  forwardingRate: 0.1,
  ...SHOWN,
} satisfies AgencyPerformance;

export const REPORT: NonNullable<ReportDetailQuery['report']> = {
  id: 'rep-1',
  trackingId: 'KK7Q-M2XP-4',
  title: 'Jalan poros Muara Wis rusak berat',
  body: 'Jalan penghubung antardesa berlubang sejak Januari.',
  topic: 'JALAN',
  classification: 'PENGADUAN',
  status: 'DISPOSITIONED',
  anonymous: false,
  confidential: false,
  maladministrationType: 'PENUNDAAN_BERLARUT',
  submittedAt: '2026-03-02T01:00:00.000Z',
  dispositionedAt: '2026-03-03T02:00:00.000Z',
  firstResponseAt: null,
  completedAt: null,
  verificationDueAt: '2026-03-05T01:00:00.000Z',
  responseDueAt: '2026-03-10T02:00:00.000Z',
  completionDueAt: '2026-03-20T02:00:00.000Z',
  overdue: true,
  forwardCount: 1,
  rating: null,
  agency: { id: 'kukar-pupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kutai Kartanegara' },
  region: { code: '64.02.18', name: 'Muara Wis' },
};

export function reportsPage(nodes: ReportRow[] = [REPORT], hasNextPage = false, endCursor: string | null = null): ReportListQuery {
  return { reports: { totalCount: nodes.length, pageInfo: { hasNextPage, endCursor }, edges: nodes.map((node) => ({ node })) } };
}

const REGIONS: Record<string, { code: string; name: string; level: RegionLevel; children: string[] }> = {
  '64': { code: '64', name: 'Kalimantan Timur', level: 'PROVINCE', children: ['64.01', '64.02'] },
  '64.01': { code: '64.01', name: 'Paser', level: 'REGENCY', children: [] },
  '64.02': { code: '64.02', name: 'Kutai Kartanegara', level: 'REGENCY', children: ['64.02.18', '64.02.01'] },
  '64.02.18': { code: '64.02.18', name: 'Muara Wis', level: 'DISTRICT', children: ['64.02.18.2001'] },
  '64.02.01': { code: '64.02.01', name: 'Semboja', level: 'DISTRICT', children: [] },
  '64.02.18.2001': { code: '64.02.18.2001', name: 'Muara Wis', level: 'VILLAGE', children: [] },
  '63': { code: '63', name: 'Kalimantan Selatan', level: 'PROVINCE', children: [] },
};
const ref = (code: string) => ({ code, name: REGIONS[code].name, level: REGIONS[code].level });
const children = (code: string) => ({ totalCount: REGIONS[code].children.length, edges: REGIONS[code].children.map((c) => ({ node: ref(c) })) });
const ancestors = (code: string) => {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => ref(parts.slice(0, i + 1).join('.')));
};

export const ROADS = [
  { id: 'kukar-r007', name: 'Jalan Poros Muara Wis–Kota Bangun', status: 'KABUPATEN', regions: ['64.02.18'] },
  { id: 'kukar-r001', name: 'Jalan Poros Samarinda–Tenggarong', status: 'NASIONAL', regions: ['64.02.03'] },
] satisfies { id: string; name: string; status: RoadStatus; regions: string[] }[];

/** The registry subgraph (agencies): regions, agencies, topics, roads. */
export const registryHandlers: Record<string, Handler> = {
  Topics: (): TopicsQuery => ({ topics: TOPICS }),
  Provinces: (): ProvincesQuery => ({ regions: { edges: [ref('63'), ref('64')].map((node) => ({ node })) } }),
  RegionChildren: ({ code }: RegionChildrenQueryVariables): RegionChildrenQuery => ({ region: REGIONS[code] ? { ...ref(code), children: children(code) } : null }),
  RegionName: ({ code }: RegionNameQueryVariables): RegionNameQuery => ({ region: REGIONS[code] ? { ...ref(code), ancestors: ancestors(code) } : null }),
  RegionDetail: ({ code }: RegionDetailQueryVariables): RegionDetailQuery => ({ region: REGIONS[code] ? { ...ref(code), ancestors: ancestors(code), children: children(code) } : null }),
  AgencyName: ({ id }: AgencyNameQueryVariables): AgencyNameQuery => ({ agency: AGENCIES.find((a) => a.id === id) ?? null }),
  AgencySearch: ({ search }: AgencySearchQueryVariables): AgencySearchQuery => {
    const s = (search ?? '').toLowerCase();
    const nodes = AGENCIES.filter((a) => !s || a.name.toLowerCase().includes(s) || a.code.toLowerCase().includes(s));
    return { agencies: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) } };
  },
  Roads: ({ regionCode }: RoadsQueryVariables): RoadsQuery => {
    const nodes = ROADS.filter((r) => r.regions.some((c) => c === regionCode || regionCode.startsWith(`${c}.`) || c.startsWith(`${regionCode}.`)));
    return { roads: { totalCount: nodes.length, edges: nodes.map(({ id, name, status }) => ({ node: { id, name, status } })) } };
  },
  AgencyDetail: ({ id }: AgencyDetailQueryVariables): AgencyDetailQuery => {
    const a = AGENCIES.find((x) => x.id === id);
    return { agency: a ? { ...a, parent: null, children: { totalCount: 0, edges: [] } } : null };
  },
};

/** The analytics subgraph. */
export const analyticsHandlers: Record<string, Handler> = {
  OverviewKpis: (v: OverviewKpisQueryVariables): OverviewKpisQuery => ({
    current: KPIS,
    now: { open: 40, overdue: 25, ...SHOWN },
    // @include(if: $compare): the aliases are absent without it
    ...((v.compare
      ? { cmpCurrent: { volume: 120, ...SHOWN }, previous: { volume: PREVIOUS_KPIS.volume, ...SHOWN }, before: { volume: 300, suppressed: false } }
      : {}) as Pick<OverviewKpisQuery, 'cmpCurrent' | 'previous' | 'before'>),
  }),
  OverviewBreakdown: (): OverviewBreakdownQuery => ({
    analyticsOverview: {
      byTopic: [
        { topic: 'KESEHATAN', count: 20, suppressedBelow: null },
        { topic: 'JALAN', count: 75, suppressedBelow: null },
        { topic: 'AIR_BERSIH', count: 0, suppressedBelow: null },
      ],
      byStatus: [
        { status: 'SUBMITTED', count: 10, suppressedBelow: null },
        { status: 'COMPLETED', count: 50, suppressedBelow: null },
      ],
    },
  }),
  ReportTrend: (): ReportTrendQuery => ({
    reportTrend: [
      { periodStart: '2026-01-01', submitted: 40, completed: 10, suppressedBelow: null },
      { periodStart: '2026-02-01', submitted: 80, completed: 30, suppressedBelow: null },
    ],
  }),
  MaladministrationBreakdown: (): MaladministrationBreakdownQuery => ({
    maladministrationBreakdown: {
      total: 100,
      suppressedBelow: null,
      slices: [
        { type: 'PERMINTAAN_IMBALAN', count: 10, share: 0.1, suppressedBelow: null },
        { type: 'UNCLASSIFIED', count: 45, share: 0.45, suppressedBelow: null },
        { type: 'PENUNDAAN_BERLARUT', count: 40, share: 0.4, suppressedBelow: null },
        { type: 'DISKRIMINASI', count: 5, share: 0.05, suppressedBelow: null },
        { type: 'BERPIHAK', count: 0, share: 0, suppressedBelow: null },
      ],
    },
  }),
  MaladministrationTrend: (): MaladministrationTrendQuery => ({
    maladministrationTrend: ['2026-01-01', '2026-02-01', '2026-03-01'].map((periodStart, i) => ({
      periodStart,
      breakdown: {
        total: 3,
        suppressedBelow: null,
        slices: [
          { type: 'PENUNDAAN_BERLARUT', count: i + 1, share: (i + 1) / 3, suppressedBelow: null },
          { type: 'UNCLASSIFIED', count: 2 - i, share: (2 - i) / 3, suppressedBelow: null },
        ],
      },
    })),
  }),
  AgencyPerformance: ({ id }: AgencyPerformanceQueryVariables): AgencyPerformanceQuery => ({ agency: { id, performance: PERFORMANCE } }),
  AgencyLeaderboard: (): AgencyLeaderboardQuery => ({
    agencyLeaderboard: AGENCIES.map((a, i) => ({ rank: i + 1, agency: { id: a.id, code: a.code, name: a.name }, performance: PERFORMANCE })),
  }),
  // the per-agency breakdown (AgencyPerformance.maladministration / .firstResponseAgency)
  AgencyMaladministration: (): AgencyMaladministrationQuery => ({
    agencyLeaderboard: AGENCIES.map((a, i) => ({
      agency: { id: a.id, name: a.name },
      performance: {
        maladministration: {
          total: 20 - i,
          suppressedBelow: null,
          slices: [
            { type: 'UNCLASSIFIED', count: 10 - i, share: (10 - i) / (20 - i), suppressedBelow: null },
            { type: 'PENUNDAAN_BERLARUT', count: 10, share: 10 / (20 - i), suppressedBelow: null },
          ],
        },
      },
    })),
  }),
  AgencyFirstResponse: (): AgencyFirstResponseQuery => ({
    agencyLeaderboard: AGENCIES.map((a, i) => ({
      agency: { id: a.id, name: a.name },
      performance: { firstResponseAgency: { count: 12, p50Hours: 10 + i, p90Hours: 30 + i, suppressedBelow: null } },
    })),
  }),
};

/** Every analytics operation answering as the gateway does when the analytics subgraph is down. */
export const analyticsDown: Record<string, Handler> = Object.fromEntries(
  [...Object.keys(analyticsHandlers), 'RegionStats'].map((name) => [name, () => subgraphDown('analytics')]),
);

/** The reporter's view of a completed report (reportByTrackingId). */
export const TRACKED: TrackedReport = {
  id: 'rep-9',
  trackingId: 'LPR-7K3M-Q9TX-2B4D-V',
  title: 'Lampu jalan padam di Desa Muara Wis',
  body: 'Sudah dua minggu lampu jalan di RT 03 padam dan jalan gelap.',
  topic: 'JALAN',
  classification: 'PENGADUAN',
  status: 'COMPLETED',
  anonymous: true,
  confidential: false,
  submittedAt: '2026-03-02T01:00:00.000Z',
  dispositionedAt: '2026-03-03T02:00:00.000Z',
  firstResponseAt: '2026-03-04T02:00:00.000Z',
  completedAt: '2026-03-10T02:00:00.000Z',
  archivedAt: null,
  verificationDueAt: '2026-03-05T01:00:00.000Z',
  responseDueAt: '2026-03-10T02:00:00.000Z',
  completionDueAt: '2026-03-20T02:00:00.000Z',
  overdue: false,
  rating: null as number | null,
  reopenCount: 0,
  availableActions: ['RATE', 'REOPEN'],
  agency: { id: 'kukar-pupr', name: 'DPUPR Kukar' },
  region: { code: '64.02.18.2001', name: 'Muara Wis' },
  timeline: [
    { id: 'e3', type: 'ReportCompleted', at: '2026-03-10T02:00:00.000Z', actorRole: 'LIAISON', fromStatus: 'IN_PROGRESS', toStatus: 'COMPLETED', note: 'Lampu sudah diganti.', fromAgency: null, toAgency: null },
    { id: 'e1', type: 'ReportSubmitted', at: '2026-03-02T01:00:00.000Z', actorRole: 'REPORTER', fromStatus: null, toStatus: 'SUBMITTED', note: null, fromAgency: null, toAgency: null },
    { id: 'e2', type: 'ReportDispositioned', at: '2026-03-03T02:00:00.000Z', actorRole: 'ADMIN', fromStatus: 'SUBMITTED', toStatus: 'DISPOSITIONED', note: null, fromAgency: null, toAgency: { id: 'kukar-pupr', name: 'DPUPR Kukar' } },
  ],
  responses: [
    {
      id: 'r1',
      body: 'Tim kami sudah mengganti lampu.',
      createdAt: '2026-03-04T02:00:00.000Z',
      agency: { id: 'kukar-pupr', name: 'DPUPR Kukar' },
      attachments: [{ id: 'a9', filename: 'bukti.jpg', contentType: 'image/jpeg', size: 40960, url: '/attachments/a9' }],
    },
  ],
  details: [],
  attachments: [],
};

/** What an admin may do with a fresh report (Report.availableActions / version). */
export const ACTIONS_SUBMITTED: ReportActionsReport = {
  id: 'rep-1',
  version: 3,
  status: 'SUBMITTED',
  classification: 'PENGADUAN',
  maladministrationType: null,
  anonymous: false,
  confidential: true,
  examination: false,
  availableActions: ['DISPOSITION', 'HOLD', 'ARCHIVE'],
  agency: null,
  suggestedAgency: { id: 'kukar-pupr', name: AGENCIES[0].name },
  routingReasons: ['Topik JALAN pada jalan kabupaten: kewenangan DPUPR Kabupaten Kutai Kartanegara.'],
};

/** A fake `fetch` answer (jsdom has no Response). */
export function jsonResponse(status: number, body: unknown) {
  return { ok: status >= 200 && status < 300, status, json: async () => body, blob: async () => new Blob(['x']) };
}
