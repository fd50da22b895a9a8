import fc from 'fast-check';
import {
  Classification,
  Maladministration,
  ReportEventType,
  ReportStatus,
  type OutboxEvent,
  type ReportSnapshot,
} from '@pantau/common';

/**
 * Random report histories for property tests: each report walks a lifecycle path, producing one
 * state-carrying snapshot per transition (as the reports service's outbox does), and the reports'
 * events are interleaved into one outbox sequence.
 */

const MIN = 60_000;
const DAY = 86_400_000;
/** 2025-01-01T00:00 in Asia/Makassar (UTC+8). */
export const BASE_MS = Date.parse('2024-12-31T16:00:00.000Z');
export const SPAN_DAYS = 75;

export const TOPICS = ['ROADS', 'HEALTH', 'EDUCATION', 'WATER'];
export const REGIONS = ['64.02.18.2001', '64.02.18.2002', '64.02.18', '64.02.06.2003', '64.71.01.1001', '64.02', '64.02.06'];
export const REGION_FILTERS = ['64', '64.02', '64.02.18', '64.02.18.2001', '64.71', '64.02.06', '64.02.06.2003', '63'];
export const AGENCIES = ['ag-1', 'ag-2', 'ag-3', 'ag-4', 'ag-5'];

const PATHS = [
  'submitted',
  'held',
  'archivedEarly',
  'dispositioned',
  'responded',
  'completed',
  'completedNoResponse',
  'rated',
  'reopened',
  'reopenedCompleted',
  'archivedLate',
] as const;

export interface ReportPlan {
  id: string;
  topic: string;
  region: string;
  agency: string;
  forwards: string[];
  classification: Classification;
  confidential: boolean;
  anonymous: boolean;
  examination: boolean;
  submittedMin: number;
  submittedMsJitter: number;
  path: (typeof PATHS)[number];
  verifyMin: number;
  respondMin: number;
  completeMin: number;
  responses: number;
  evidence: number;
  rating: number;
  mal: Maladministration | null;
  malEarly: boolean;
}

export const reportPlanArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    topic: fc.constantFrom(...TOPICS),
    region: fc.constantFrom(...REGIONS),
    agency: fc.constantFrom(...AGENCIES),
    forwards: fc.array(fc.constantFrom(...AGENCIES), { maxLength: 3 }),
    classification: fc.constantFrom(...Object.values(Classification)),
    confidential: fc.boolean(),
    anonymous: fc.boolean(),
    examination: fc.boolean(),
    submittedMin: fc.integer({ min: 0, max: SPAN_DAYS * 24 * 60 }),
    submittedMsJitter: fc.integer({ min: 0, max: 59_999 }),
    path: fc.constantFrom(...PATHS),
    verifyMin: fc.integer({ min: 1, max: 8 * 24 * 60 }),
    respondMin: fc.integer({ min: 0, max: 10 * 24 * 60 }),
    completeMin: fc.integer({ min: 1, max: 30 * 24 * 60 }),
    responses: fc.integer({ min: 1, max: 3 }),
    evidence: fc.integer({ min: 0, max: 3 }),
    rating: fc.integer({ min: 1, max: 5 }),
    mal: fc.option(fc.constantFrom(...Object.values(Maladministration)), { nil: null }),
    malEarly: fc.boolean(),
  });

const iso = (ms: number) => new Date(ms).toISOString();

/** The report's snapshots, one per transition, with the event type that produced each. */
export function lifecycle(p: ReportPlan): Array<{ type: ReportEventType; at: number; report: ReportSnapshot }> {
  const out: Array<{ type: ReportEventType; at: number; report: ReportSnapshot }> = [];
  const sub = BASE_MS + p.submittedMin * MIN + p.submittedMsJitter;
  let s: ReportSnapshot = {
    id: p.id,
    topic: p.topic,
    classification: p.classification,
    regionCode: p.region,
    agencyId: null,
    status: ReportStatus.SUBMITTED,
    anonymous: p.anonymous,
    confidential: p.confidential,
    maladministrationType: null,
    examination: p.examination,
    submittedAt: iso(sub),
    dispositionedAt: null,
    firstResponseAt: null,
    completedAt: null,
    archivedAt: null,
    verificationDueAt: iso(sub + 3 * DAY),
    responseDueAt: null,
    completionDueAt: null,
    forwardCount: 0,
    responseCount: 0,
    evidenceResponseCount: 0,
    rating: null,
    reopenCount: 0,
  };
  const emit = (type: ReportEventType, at: number, patch: Partial<ReportSnapshot>) => {
    s = { ...s, ...patch };
    out.push({ type, at, report: s });
  };
  out.push({ type: ReportEventType.ReportSubmitted, at: sub, report: s });
  if (p.path === 'submitted') return out;
  if (p.path === 'held') {
    emit(ReportEventType.ReportHeld, sub + p.verifyMin * MIN, { status: ReportStatus.ON_HOLD });
    return out;
  }
  if (p.path === 'archivedEarly') {
    emit(ReportEventType.ReportArchived, sub + p.verifyMin * MIN, { status: ReportStatus.ARCHIVED, archivedAt: iso(sub + p.verifyMin * MIN) });
    return out;
  }
  const disp = sub + p.verifyMin * MIN;
  emit(ReportEventType.ReportDispositioned, disp, {
    status: ReportStatus.DISPOSITIONED,
    dispositionedAt: iso(disp),
    agencyId: p.agency,
    responseDueAt: iso(disp + 5 * DAY),
    completionDueAt: iso(disp + (p.examination ? 60 : 14) * DAY),
    maladministrationType: p.malEarly ? p.mal : null,
  });
  let t = disp;
  for (const to of p.forwards) {
    t += 30 * MIN;
    emit(ReportEventType.ReportForwarded, t, { agencyId: to, forwardCount: s.forwardCount + 1 });
  }
  if (!p.malEarly && p.mal) {
    t += MIN;
    emit(ReportEventType.ReportClassified, t, { maladministrationType: p.mal });
  }
  if (p.path === 'dispositioned') return out;
  if (p.path === 'archivedLate') {
    const at = disp + p.completeMin * MIN;
    emit(ReportEventType.ReportArchived, at, { status: ReportStatus.ARCHIVED, archivedAt: iso(at) });
    return out;
  }
  const resp = disp + p.respondMin * MIN;
  if (p.path !== 'completedNoResponse') {
    emit(ReportEventType.ReportResponded, resp, {
      status: ReportStatus.IN_PROGRESS,
      firstResponseAt: iso(resp),
      responseCount: p.responses,
      evidenceResponseCount: Math.min(p.evidence, p.responses),
    });
    if (p.path === 'responded') return out;
  }
  const done = Math.max(resp, disp) + p.completeMin * MIN;
  emit(ReportEventType.ReportCompleted, done, { status: ReportStatus.COMPLETED, completedAt: iso(done) });
  if (p.path === 'completed' || p.path === 'completedNoResponse') return out;
  emit(ReportEventType.ReportRated, done + 60 * MIN, { rating: p.rating });
  if (p.path === 'rated') return out;
  emit(ReportEventType.ReportReopened, done + 2 * DAY, { status: ReportStatus.IN_PROGRESS, completedAt: null, reopenCount: 1 });
  if (p.path === 'reopened') return out;
  emit(ReportEventType.ReportCompleted, done + 5 * DAY, { status: ReportStatus.COMPLETED, completedAt: iso(done + 5 * DAY) });
  return out;
}

export interface History {
  plans: ReportPlan[];
  events: OutboxEvent[];
  finals: ReportSnapshot[];
}

/** Interleaves the reports' event chains (each report's own order kept) into one outbox. */
export function historyOf(plans: ReportPlan[], picks: number[]): History {
  const chains = plans.map((p) => lifecycle(p));
  const pos = chains.map(() => 0);
  const events: OutboxEvent[] = [];
  let pick = 0;
  for (;;) {
    const live = chains.map((c, i) => (pos[i] < c.length ? i : -1)).filter((i) => i >= 0);
    if (live.length === 0) break;
    const i = live[(picks[pick++ % Math.max(1, picks.length)] ?? 0) % live.length];
    const e = chains[i][pos[i]++];
    const seq = events.length + 1;
    events.push({
      seq,
      id: `ev-${seq}`,
      type: e.type,
      reportId: e.report.id,
      occurredAt: iso(e.at),
      actorRole: 'SYSTEM',
      report: e.report,
    });
  }
  return { plans, events, finals: chains.map((c) => c[c.length - 1].report) };
}

export const historyArb = (maxReports = 40) =>
  fc
    .integer({ min: 0, max: maxReports })
    .chain((n) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: n }, (_, i) => reportPlanArb(`r-${String(i).padStart(3, '0')}`))),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
      ),
    )
    .map(([plans, picks]) => historyOf(plans as ReportPlan[], picks));

/**
 * A filter over the generated window. Dimensions are mostly single (each rollup grain) or absent (the
 * default view), sometimes combined or at village level (fact-table paths); bounds are day-aligned in
 * the reporting zone or arbitrary instants, open or closed, occasionally empty or reversed.
 */
const boundArb = fc.tuple(fc.integer({ min: -2, max: SPAN_DAYS + 5 }), fc.boolean(), fc.integer({ min: 0, max: DAY - 1 }));
export const filterArb = fc
  .record({
    from: fc.option(boundArb, { nil: null, freq: 3 }),
    length: fc.option(fc.tuple(fc.integer({ min: -1, max: 70 }), fc.boolean(), fc.integer({ min: 0, max: DAY - 1 })), { nil: null, freq: 3 }),
    dims: fc.constantFrom('none', 'none', 'agency', 'topic', 'region', 'region', 'village', 'agency+topic', 'region+agency', 'all'),
    regionCode: fc.constantFrom(...REGION_FILTERS.filter((r) => r.split('.').length <= 3)),
    village: fc.constantFrom(...REGION_FILTERS.filter((r) => r.split('.').length === 4), '64.02.18.2002'),
    agencyId: fc.constantFrom(...AGENCIES),
    topic: fc.constantFrom(...TOPICS),
  })
  .map((r): FilterSpec => {
    const has = (d: string) => r.dims === 'all' || r.dims.split('+').includes(d);
    const to: FilterSpec['to'] =
      r.length === null ? null : r.from === null ? [r.length[0] + 10, r.length[1], r.length[2]] : [r.from[0] + r.length[0], r.length[1], r.length[2]];
    return {
      from: r.from,
      to,
      regionCode: has('region') ? r.regionCode : has('village') ? r.village : null,
      agencyId: has('agency') ? r.agencyId : null,
      topic: has('topic') ? r.topic : null,
    };
  });

export interface FilterSpec {
  from: [number, boolean, number] | null;
  to: [number, boolean, number] | null;
  regionCode: string | null;
  agencyId: string | null;
  topic: string | null;
}

const bound = (b: [number, boolean, number] | null) => (b === null ? null : new Date(BASE_MS + b[0] * DAY + (b[1] ? b[2] : 0)));

/** The filter as GraphQL variables (ISO strings) and as Dates. */
export function filterOf(spec: FilterSpec) {
  const from = bound(spec.from);
  const to = bound(spec.to);
  return {
    dates: { from, to, regionCode: spec.regionCode, agencyId: spec.agencyId, topic: spec.topic },
    variables: {
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      regionCode: spec.regionCode,
      agencyId: spec.agencyId,
      topic: spec.topic,
    },
  };
}

/** Splits events into consecutive batches at the given cut points (any sizes, including 1). */
export function batches<T>(events: T[], cuts: number[]): T[][] {
  const points = [...new Set(cuts.map((c) => (events.length ? c % events.length : 0)))].filter((c) => c > 0).sort((a, b) => a - b);
  const out: T[][] = [];
  let prev = 0;
  for (const c of [...points, events.length]) {
    if (c > prev) out.push(events.slice(prev, c));
    prev = c;
  }
  return out;
}

export { closeDiff } from '../../domain/compare';
