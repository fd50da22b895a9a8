import { Classification, Maladministration, ReportEventType, ReportStatus, Role } from '@pantau/common';
import type { AttachmentEntity, ReportDetailEntity, ReportEntity, ResponseEntity, TimelineEventEntity } from '../entities';
import { type Action, type Actor, applyAction, type LifecycleState, submit } from '../domain/lifecycle';
import { WorkingCalendar } from '../domain/sla';
import { trackingIdFromValue } from '../domain/tracking-id';
import { snapshotOf } from '../service/mapping';
import { DEMO_FILES, type DemoFile } from './files';
import { Rng } from './prng';
import { ARCHIVE_REASONS, complaintText, DETAIL_TEXTS, FORWARD_REASONS, REOPEN_REASONS, reporterIdentity, RESPONSES } from './texts';
import type { DemoWorld } from './world';

/**
 * Demo histories: realistic report lifecycles produced by driving the SAME lifecycle state machine
 * (`applyAction`) the API uses, with simulated actors and times. Deterministic for a given seed and
 * anchor date. Distributions are documented in services/reports/README.md.
 */
export interface DemoHistory {
  report: ReportEntity;
  timeline: Array<Omit<TimelineEventEntity, 'seq'>>;
  outbox: Array<{ id: string; type: ReportEventType; reportId: string; occurredAt: Date; actorRole: string; payload: string }>;
  responses: ResponseEntity[];
  /** Detail the reporter added to answer a hold. */
  details: ReportDetailEntity[];
  attachments: AttachmentEntity[];
}

export interface GenerateOptions {
  world: DemoWorld;
  count: number;
  seed?: string;
  /** Anchor: histories end here (default: now). */
  now?: Date;
  /** How far back submissions go (default 540 days ≈ 18 months). */
  days?: number;
  calendar?: WorkingCalendar;
}

/** Day-of-week weights (Sun..Sat): a weekly rhythm with weekday peaks and quiet weekends. */
export const WEEKDAY_WEIGHTS = [0.35, 1.25, 1.15, 1.1, 1.05, 0.9, 0.45];

export const CLASSIFICATION_MIX: Array<[Classification, number]> = [
  [Classification.PENGADUAN, 70],
  [Classification.ASPIRASI, 18],
  [Classification.PERMINTAAN_INFORMASI, 12],
];

/** Ombudsman RI annual-report shape: procedure deviation, failure to serve and incompetence lead. */
export const MALADMINISTRATION_MIX: Array<[Maladministration, number]> = [
  [Maladministration.PENYIMPANGAN_PROSEDUR, 27],
  [Maladministration.TIDAK_MEMBERIKAN_PELAYANAN, 22],
  [Maladministration.TIDAK_KOMPETEN, 16],
  [Maladministration.PENUNDAAN_BERLARUT, 14],
  [Maladministration.PENYALAHGUNAAN_WEWENANG, 6],
  [Maladministration.PERMINTAAN_IMBALAN, 5],
  [Maladministration.BERTINDAK_TIDAK_PATUT, 4],
  [Maladministration.BERPIHAK, 2.5],
  [Maladministration.DISKRIMINASI, 2],
  [Maladministration.KONFLIK_KEPENTINGAN, 1.5],
];

export const RATES = {
  anonymous: 0.1,
  confidential: 0.05,
  archivedAtVerification: 0.07,
  held: 0.06,
  heldThenDispositioned: 0.6,
  misrouted: 0.15,
  secondHopOfMisrouted: 0.2,
  examinationOfComplaints: 0.05,
  classifiedAtDisposition: 0.55,
  classifiedLaterByOmbudsman: 0.3,
  photoWithSubmission: 0.35,
  rated: 0.55,
  reopenAfterLowRating: 0.25,
  reopenOtherwise: 0.03,
};

/** Agency behaviour profiles: speed multiplies delays; some never respond, some seldom attach evidence. */
export const AGENCY_PROFILES = [
  { name: 'fast', weight: 0.25, speed: 0.5, respond: 0.97, evidence: 0.75, complete: 0.92, ratings: [3, 5, 12, 35, 45] },
  { name: 'steady', weight: 0.4, speed: 1, respond: 0.9, evidence: 0.6, complete: 0.85, ratings: [5, 10, 20, 35, 30] },
  { name: 'slow', weight: 0.25, speed: 2, respond: 0.8, evidence: 0.4, complete: 0.75, ratings: [15, 20, 28, 25, 12] },
  { name: 'very slow', weight: 0.1, speed: 3.5, respond: 0.65, evidence: 0.25, complete: 0.6, ratings: [30, 25, 25, 15, 5] },
] as const;

type Profile = (typeof AGENCY_PROFILES)[number];

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const ADMIN: Actor = { kind: 'STAFF', id: 'demo-admin-kukar', role: Role.ADMIN, agencyId: 'kukar-diskominfo' };
const OMBUDSMAN: Actor = { kind: 'STAFF', id: 'demo-ombudsman-kaltim', role: Role.OMBUDSMAN, agencyId: 'ombudsman-kaltim' };
const REPORTER: Actor = { kind: 'REPORTER' };
const liaison = (agencyId: string): Actor => ({ kind: 'STAFF', id: `demo-liaison-${agencyId}`, role: Role.LIAISON, agencyId });

class Simulation {
  state: LifecycleState;
  version = 1;
  stopped = false;
  last: Date;
  readonly h: DemoHistory;
  private pending: Array<{ at: Date; action: Action; actor: Actor }> = [];

  constructor(
    private readonly fixed: ReportEntity,
    submittedAt: Date,
    private readonly now: Date,
    private readonly cal: WorkingCalendar,
    private readonly rng: Rng,
  ) {
    const t = submit({ classification: fixed.classification, anonymous: fixed.anonymous, confidential: fixed.confidential }, submittedAt, cal);
    this.state = t.state;
    this.last = submittedAt;
    this.h = { report: this.row(), timeline: [], outbox: [], responses: [], details: [], attachments: [] };
    this.record(t.event.type, t.event, null);
  }

  row(): ReportEntity {
    return { ...this.fixed, ...this.state, version: this.version, updatedAt: this.last } as ReportEntity;
  }

  private record(type: ReportEventType, e: ReturnType<typeof applyAction>['event'], responseId: string | null, rng: Rng = this.rng) {
    const row = this.fixed;
    this.h.timeline.push({
      id: rng.uuid(),
      reportId: row.id,
      type,
      at: e.at,
      actorId: e.actorId,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      fromAgencyId: e.fromAgencyId,
      toAgencyId: e.toAgencyId,
      note: e.note,
      responseId,
    });
    // the snapshot only needs the fixed fields plus the lifecycle state: no full row copy per event
    const snap = snapshotOf({ ...this.state, id: row.id, topic: row.topic, regionCode: row.regionCode } as unknown as ReportEntity);
    this.h.outbox.push({ id: rng.uuid(), type, reportId: row.id, occurredAt: e.at, actorRole: e.actorRole, payload: JSON.stringify(snap) });
  }

  /** Schedules an action that happens independently of the main flow (e.g. a later classification). */
  later(at: Date, action: Action, actor: Actor) {
    this.pending.push({ at, action, actor });
    this.pending.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  private flush(until: Date) {
    while (this.pending.length && this.pending[0].at.getTime() <= until.getTime()) {
      const p = this.pending.shift()!;
      if (p.at.getTime() > this.now.getTime()) continue;
      try {
        this.applyNow(p.at, p.action, p.actor);
      } catch {
        // no longer allowed in the state reached (e.g. archived): the actor simply did not act
      }
    }
  }

  /** `rng` (default: the history's) draws the ids; a side stream keeps the main stream unchanged. */
  private applyNow(at: Date, action: Action, actor: Actor, evidence: DemoFile[] = [], rng: Rng = this.rng) {
    const t0 = Math.max(at.getTime(), this.last.getTime() + 60_000);
    const when = new Date(t0);
    if (action.type === 'RESPOND' || action.type === 'ADD_DETAIL') action = { ...action, attachmentCount: evidence.length };
    const t = applyAction(this.state, action, actor, when, this.cal);
    this.state = t.state;
    this.version++;
    this.last = when;
    let responseId: string | null = null;
    if (action.type === 'RESPOND') {
      responseId = rng.uuid();
      this.h.responses.push({ id: responseId, reportId: this.fixed.id, agencyId: this.state.agencyId!, authorId: t.event.actorId, body: action.body, createdAt: when });
      for (const f of evidence) this.h.attachments.push(attachmentRow(rng, f, this.fixed.id, responseId, when, 'LIAISON', t.event.actorId));
    }
    if (action.type === 'ADD_DETAIL') {
      const detailId = rng.uuid();
      this.h.details.push({ id: detailId, reportId: this.fixed.id, body: t.event.note!, createdAt: when });
      for (const f of evidence) this.h.attachments.push(attachmentRow(rng, f, this.fixed.id, null, when, 'PUBLIC', null, detailId));
    }
    this.record(t.event.type, t.event, responseId, rng);
  }

  /** Applies an action at `at` unless that is after the anchor; returns false once the history has reached now. */
  apply(at: Date, action: Action, actor: Actor, evidence: DemoFile[] = [], rng?: Rng): boolean {
    if (this.stopped) return false;
    this.flush(at);
    const t = Math.max(at.getTime(), this.last.getTime() + 60_000);
    if (t > this.now.getTime()) {
      this.stopped = true;
      return false;
    }
    this.applyNow(at, action, actor, evidence, rng);
    return true;
  }

  finish(): DemoHistory {
    this.flush(this.now);
    this.h.report = this.row();
    return this.h;
  }
}

function attachmentRow(
  rng: Rng,
  f: DemoFile,
  reportId: string,
  responseId: string | null,
  at: Date,
  role: string,
  uploaderId: string | null,
  detailId: string | null = null,
): AttachmentEntity {
  return {
    id: rng.uuid(),
    reportId,
    responseId,
    detailId,
    filename: f.filename,
    contentType: f.contentType,
    size: f.content.length,
    sha256: f.sha256,
    storageKey: f.sha256,
    uploadedAt: at,
    uploaderRole: role,
    uploaderId,
  };
}

/**
 * Generates `count` histories lazily (stream them into the bulk inserter; a million fit in constant
 * memory). Histories are cut at `now`: recent reports are still open, some overdue.
 */
export function* generateHistories(opts: GenerateOptions): Generator<DemoHistory> {
  const seed = opts.seed ?? 'pantau-demo';
  const rng = new Rng(`histories:${seed}`);
  const cal = opts.calendar ?? new WorkingCalendar();
  const now = opts.now ?? new Date();
  const days = opts.days ?? 540;
  const start = now.getTime() - days * DAY_MS;
  const { world } = opts;
  const topicPairs = world.topics.map((t) => [t.code, t.weight] as const);
  const profiles = new Map<string, Profile>();
  const profileOf = (agencyId: string): Profile => {
    let p = profiles.get(agencyId);
    if (!p) {
      p = new Rng(`agency:${seed}:${agencyId}`).weighted(AGENCY_PROFILES.map((x) => [x, x.weight] as const));
      profiles.set(agencyId, p);
    }
    return p;
  };

  /** A moment in office hours (08-16 WITA) `wd` working days after `from` (0: later the same working day if possible). */
  const workTime = (from: Date, wd: number): Date => {
    const n = Math.max(0, Math.round(wd));
    const local = cal.localDay(from);
    if (n === 0 && cal.isWorkingDay(local)) {
      const endOfShift = cal.startOfDay(local).getTime() + 16 * HOUR_MS;
      if (from.getTime() < endOfShift - HOUR_MS) return new Date(from.getTime() + rng.next() * (endOfShift - from.getTime()));
    }
    const day = cal.nthWorkingDayAfter(from, Math.max(1, n));
    return new Date(cal.startOfDay(day).getTime() + 8 * HOUR_MS + rng.next() * 8 * HOUR_MS);
  };
  const calendarTime = (from: Date, d: number) => new Date(from.getTime() + d * DAY_MS + rng.next() * 10 * HOUR_MS);

  for (let i = 0; i < opts.count; i++) {
    // when: weekly rhythm and a gentle growth over the period
    let submittedAt: Date;
    for (;;) {
      const u = rng.next();
      const dayStart = cal.startOfDay(cal.localDay(new Date(start + u * days * DAY_MS)));
      const dow = new Date(dayStart.getTime() + 12 * HOUR_MS).getUTCDay();
      const w = WEEKDAY_WEIGHTS[dow] * (0.75 + 0.25 * u);
      if (rng.next() * 1.25 < w) {
        const hour = rng.weighted([
          [8 + rng.next() * 8, 65],
          [16 + rng.next() * 6, 25],
          [rng.next() * 8, 10],
        ]);
        submittedAt = new Date(dayStart.getTime() + hour * HOUR_MS);
        if (submittedAt.getTime() < now.getTime()) break;
      }
    }

    const place = rng.pick(world.places);
    const topic = rng.weighted(topicPairs);
    const classification = rng.weighted(CLASSIFICATION_MIX);
    const anonymous = rng.chance(RATES.anonymous);
    const confidential = rng.chance(RATES.confidential);
    const text = complaintText(rng, topic, place.name, place.districtName);
    const who = rng.chance(0.85) ? reporterIdentity(rng) : null;
    const route = world.route(topic, place.code);
    const id = rng.uuid();
    const sim = new Simulation(
      {
        id,
        trackingId: trackingIdFromValue(rng.bits60()),
        idempotencyKey: null,
        requestHash: null,
        title: text.title,
        body: text.body,
        topic,
        classification,
        status: ReportStatus.SUBMITTED,
        anonymous,
        confidential,
        examination: false,
        regionCode: place.code,
        roadId: null,
        agencyId: null,
        suggestedAgencyId: route.agencyId,
        routingReasons: JSON.stringify(route.reasons),
        maladministrationType: null,
        reporterName: who?.name ?? null,
        reporterEmail: who?.email ?? null,
        reporterPhone: who?.phone ?? null,
      } as unknown as ReportEntity,
      submittedAt,
      now,
      cal,
      rng,
    );
    if (rng.chance(RATES.photoWithSubmission)) sim.h.attachments.push(attachmentRow(rng, DEMO_FILES.photo, id, null, submittedAt, 'PUBLIC', null));

    const verifyWd = rng.weighted([
      [0, 30],
      [1, 35],
      [2, 18],
      [3, 7],
      [rng.int(4, 8), 10],
    ]);
    let at = workTime(submittedAt, verifyWd);

    if (rng.chance(RATES.archivedAtVerification)) {
      sim.apply(at, { type: 'ARCHIVE', reason: rng.pick(ARCHIVE_REASONS) }, ADMIN);
      yield sim.finish();
      continue;
    }
    if (rng.chance(RATES.held)) {
      if (!sim.apply(at, { type: 'HOLD', note: 'Mohon lengkapi lokasi rinci dan foto pendukung.' }, ADMIN)) {
        yield sim.finish();
        continue;
      }
      at = workTime(at, rng.int(2, 6));
      if (!rng.chance(RATES.heldThenDispositioned)) {
        sim.apply(at, { type: 'ARCHIVE', reason: ARCHIVE_REASONS[2] }, ADMIN);
        yield sim.finish();
        continue;
      }
      // the reporter answers the hold with the detail asked for (and a photo) and the admin verifies
      // it within hours. Drawn from a side stream so the rest of the generated world stays as it was;
      // a history cut at the anchor in between ends SUBMITTED (the disposition below does not happen).
      const side = new Rng(`detail:${seed}:${id}`);
      sim.apply(at, { type: 'ADD_DETAIL', detail: side.pick(DETAIL_TEXTS), attachmentCount: 1 }, REPORTER, [DEMO_FILES.photo], side);
      at = new Date(at.getTime() + (0.5 + 3.5 * side.next()) * HOUR_MS);
    }

    // routing: most go straight to the owner; some to a wrong agency first, then forwarded (hops)
    const hops: string[] = [];
    if (rng.chance(RATES.misrouted)) {
      const others = world.topics.map((t) => world.route(t.code, place.code).agencyId).filter((a) => a !== route.agencyId);
      if (others.length) {
        hops.push(rng.pick(others));
        if (rng.chance(RATES.secondHopOfMisrouted)) {
          const third = others.filter((a) => a !== hops[0]);
          if (third.length) hops.push(rng.pick(third));
        }
      }
    }
    const complaint = classification === Classification.PENGADUAN;
    const examination = complaint && rng.chance(RATES.examinationOfComplaints);
    const malType = complaint && rng.chance(RATES.classifiedAtDisposition) ? rng.weighted(MALADMINISTRATION_MIX) : null;
    const first = hops[0] ?? route.agencyId;
    if (!sim.apply(at, { type: 'DISPOSITION', agencyId: first, examination, maladministrationType: malType }, ADMIN)) {
      yield sim.finish();
      continue;
    }
    if (complaint && !malType && rng.chance(RATES.classifiedLaterByOmbudsman)) {
      sim.later(calendarTime(at, rng.int(3, 25)), { type: 'CLASSIFY', maladministrationType: rng.weighted(MALADMINISTRATION_MIX) }, OMBUDSMAN);
    }
    let current = first;
    let ok = true;
    for (const next of [...hops.slice(1), ...(hops.length ? [route.agencyId] : [])]) {
      at = workTime(at, rng.logNormal(1.5 * profileOf(current).speed, 0.6));
      ok = sim.apply(at, { type: 'FORWARD', toAgencyId: next, reason: rng.pick(FORWARD_REASONS) }, liaison(current));
      if (!ok) break;
      current = next;
    }
    if (!ok) {
      yield sim.finish();
      continue;
    }

    const p = profileOf(current);
    if (!rng.chance(p.respond)) {
      yield sim.finish(); // never answered: stays DISPOSITIONED and becomes overdue
      continue;
    }
    const evidence = () => (rng.chance(p.evidence) ? (rng.chance(0.6) ? [DEMO_FILES.after] : [DEMO_FILES.after, DEMO_FILES.minutes]) : []);
    at = workTime(at, rng.logNormal(2.2 * p.speed, 0.6));
    if (!sim.apply(at, { type: 'RESPOND', body: rng.pick(RESPONSES), attachmentCount: 0 }, liaison(current), evidence())) {
      yield sim.finish();
      continue;
    }
    const extra = rng.weighted([
      [0, 55],
      [1, 30],
      [2, 15],
    ]);
    for (let k = 0; k < extra && ok; k++) {
      at = workTime(at, rng.logNormal(3 * p.speed, 0.5));
      ok = sim.apply(at, { type: 'RESPOND', body: rng.pick(RESPONSES), attachmentCount: 0 }, liaison(current), evidence());
    }
    if (!ok || !rng.chance(p.complete)) {
      yield sim.finish();
      continue;
    }
    const toComplete = classification === Classification.PERMINTAAN_INFORMASI ? rng.int(0, 1) : rng.logNormal(4 * p.speed * (examination ? 3 : 1), 0.5);
    at = workTime(at, toComplete);
    if (!sim.apply(at, { type: 'COMPLETE', note: 'Tindak lanjut selesai.' }, liaison(current))) {
      yield sim.finish();
      continue;
    }
    let rating: number | null = null;
    if (rng.chance(RATES.rated)) {
      rating = rng.weighted(p.ratings.map((w, r) => [r + 1, w] as const));
      at = calendarTime(at, rng.int(0, 7));
      if (!sim.apply(at, { type: 'RATE', rating }, REPORTER)) {
        yield sim.finish();
        continue;
      }
    }
    if (rng.chance(rating !== null && rating <= 2 ? RATES.reopenAfterLowRating : RATES.reopenOtherwise)) {
      const completedAt = sim.state.completedAt!;
      at = new Date(Math.min(calendarTime(at, rng.int(1, 6)).getTime(), completedAt.getTime() + 13 * DAY_MS));
      if (sim.apply(at, { type: 'REOPEN', reason: rng.pick(REOPEN_REASONS) }, REPORTER)) {
        at = workTime(at, rng.int(1, 4));
        if (sim.apply(at, { type: 'RESPOND', body: rng.pick(RESPONSES), attachmentCount: 0 }, liaison(current), evidence()) && rng.chance(0.8)) {
          at = workTime(at, rng.int(2, 8));
          if (sim.apply(at, { type: 'COMPLETE', note: 'Perbaikan ulang selesai.' }, liaison(current)) && rng.chance(0.4)) {
            sim.apply(calendarTime(at, rng.int(0, 5)), { type: 'RATE', rating: rng.weighted(p.ratings.map((w, r) => [r + 1, w] as const)) }, REPORTER);
          }
        }
      }
    }
    yield sim.finish();
  }
}
