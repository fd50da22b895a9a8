import crypto from 'node:crypto';
import { AppError, badInput, Classification, conflict, notFound, type ErrorKey, type ReportEventType } from '@pantau/common';
import type { DataSource, EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { AttachmentEntity, ReportDetailEntity, ReportEntity, ResponseEntity, TimelineEventEntity } from '../entities';
import { neutralizeAttachmentNames } from '../attachments/anonymize';
import { mayAttach, PUBLIC_ATTACHER, type Attacher } from '../domain/attachment-ownership';
import {
  type Action,
  type Actor,
  applyAction,
  LifecycleError,
  type LifecycleEvent,
  type LifecycleState,
  refusal,
  submit,
} from '../domain/lifecycle';
import type { WorkingCalendar } from '../domain/sla';
import { generateTrackingId, parseTrackingId } from '../domain/tracking-id';
import type { RegistryClient } from '../registry/client';
import { stateChanges, stateOf } from './mapping';
import { appendOutbox } from './outbox';
import { CachedRegistry } from './registry-cache';
import { insertRows } from '../storage/insert';
import { countBurstKeys, insertReports } from '../storage/report-rows';
import { isUniqueViolation, withTransaction } from './transactions';

export interface SubmitData {
  title: string;
  body: string;
  topic: string;
  classification: Classification;
  regionCode: string;
  roadId?: string | null;
  reporter?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  anonymous: boolean;
  confidential: boolean;
  attachmentIds?: string[] | null;
  idempotencyKey?: string | null;
}

export interface SubmitOptions {
  /** Who submits: the signed-in staff account or the public (default); only their own uploads attach. */
  attacher?: Attacher;
}

export interface ReportsServiceDeps {
  ds: DataSource;
  registry: RegistryClient;
  calendar: WorkingCalendar;
  clock?: () => Date;
}

export type ReportRef = { id: string } | { trackingId: string };

export interface ActOptions {
  /** The version the actor saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null;
  /** Evidence for RESPOND, files for ADD_DETAIL. */
  attachmentIds?: string[] | null;
  /** Who attaches them (default: the staff actor, or the public for a reporter); only their own uploads attach. */
  attacher?: Attacher;
}

/** A lifecycle refusal as the API error: its code, reason and parameters (the catalogue has the words). */
export function lifecycleToAppError(err: LifecycleError): AppError {
  return new AppError(`${err.code}.${err.reason}` as ErrorKey, err.params as never);
}

function staleVersion(current: number): AppError {
  return conflict('STALE_VERSION', { currentVersion: current });
}

function clean(s: string | null | undefined): string | null {
  const v = (s ?? '').normalize('NFC').trim();
  return v ? v : null;
}

/** +62 8xx…: a normalised Indonesian mobile number. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s().-]/g, '');
  return digits.replace(/^(\+?62|0)/, '+62');
}

/** The intake and lifecycle operations: each one transaction (report row + timeline + outbox). */
export class ReportsService {
  readonly ds: DataSource;
  readonly registry: RegistryClient;
  readonly calendar: WorkingCalendar;
  readonly clock: () => Date;

  constructor(deps: ReportsServiceDeps) {
    this.ds = deps.ds;
    // routing answers reused for a minute: no registry round trip per submission (registry-cache.ts)
    this.registry = deps.registry instanceof CachedRegistry ? deps.registry : new CachedRegistry(deps.registry);
    this.calendar = deps.calendar;
    this.clock = deps.clock ?? (() => new Date());
  }

  private normalise(data: SubmitData) {
    const reporter = data.reporter ?? null;
    return {
      title: clean(data.title) ?? '',
      body: clean(data.body) ?? '',
      topic: data.topic.trim(),
      classification: data.classification ?? Classification.PENGADUAN,
      regionCode: data.regionCode.trim(),
      roadId: clean(data.roadId),
      reporterName: clean(reporter?.name),
      reporterEmail: clean(reporter?.email)?.toLowerCase() ?? null,
      reporterPhone: reporter?.phone ? normalisePhone(reporter.phone) : null,
      anonymous: Boolean(data.anonymous),
      confidential: Boolean(data.confidential),
      attachmentIds: [...new Set(data.attachmentIds ?? [])].sort(),
    };
  }

  private async existingByKey(key: string, hash: string): Promise<ReportEntity | null> {
    const found = await this.ds.getRepository(ReportEntity).findOneBy({ idempotencyKey: key });
    if (found && found.requestHash !== hash) {
      throw conflict('IDEMPOTENCY_KEY_REUSED');
    }
    return found;
  }

  /**
   * Submits a report. With an idempotencyKey, retries return the first report (created: false) and a
   * concurrent duplicate loses on the unique index and returns the winner's report.
   */
  async submit(data: SubmitData, opts: SubmitOptions = {}): Promise<{ report: ReportEntity; created: boolean }> {
    const n = this.normalise(data);
    const key = clean(data.idempotencyKey);
    const hash = crypto.createHash('sha256').update(JSON.stringify(n)).digest('hex');
    if (key) {
      const existing = await this.existingByKey(key, hash);
      if (existing) return { report: existing, created: false };
    }

    // registry checks first (HTTP, outside the transaction): nothing is written if they fail
    const topics = await this.registry.topics();
    if (!topics.includes(n.topic)) {
      throw badInput('UNKNOWN_TOPIC', { field: 'topic', topic: n.topic }, { knownTopics: topics });
    }
    const route = await this.registry.resolveJurisdiction({ topic: n.topic, regionCode: n.regionCode, roadId: n.roadId });

    const now = this.clock();
    const { state, event } = submit({ classification: n.classification, anonymous: n.anonymous, confidential: n.confidential }, now, this.calendar);
    const report = Object.assign(new ReportEntity(), {
      id: crypto.randomUUID(),
      trackingId: generateTrackingId(),
      idempotencyKey: key,
      requestHash: hash,
      title: n.title,
      body: n.body,
      topic: n.topic,
      regionCode: n.regionCode,
      roadId: n.roadId,
      suggestedAgencyId: route.agency.id,
      routingReasons: JSON.stringify(route.reasons),
      reporterName: n.reporterName,
      reporterEmail: n.reporterEmail,
      reporterPhone: n.reporterPhone,
      ...state,
      updatedAt: now,
      version: 1,
    });

    try {
      const saved = await withTransaction(this.ds, async (em) => {
        await insertReports(em, [report], this.calendar);
        if (n.attachmentIds.length) await this.linkAttachments(em, opts.attacher ?? PUBLIC_ATTACHER, n.attachmentIds, report.id, null);
        await this.appendTimeline(em, report.id, event);
        // the row is exactly what was inserted (no database defaults or triggers): no read-back
        await appendOutbox(em, report, event.type, now, event.actorRole);
        // after the outbox seq (its one-row lock orders the counter writers)
        await countBurstKeys(em, [report]);
        return report;
      });
      return { report: saved, created: true };
    } catch (err) {
      if (key && isUniqueViolation(err, /idempotency/i)) {
        const winner = await this.existingByKey(key, hash);
        if (winner) return { report: winner, created: false };
      }
      throw err;
    }
  }

  /**
   * Claims unattached uploads of the attacher's own (domain/attachment-ownership.ts) for a report, response
   * or detail. Anyone else's upload, an attached one or an unknown id is one answer, "unknown attachment"
   * (BAD_USER_INPUT naming the id), so an id reveals nothing; the caller's transaction then writes nothing.
   */
  private async linkAttachments(
    em: EntityManager,
    attacher: Attacher,
    ids: string[],
    reportId: string,
    responseId: string | null,
    detailId: string | null = null,
  ) {
    const rows = await em.find(AttachmentEntity, { select: { id: true, reportId: true, uploaderRole: true, uploaderId: true }, where: { id: In(ids) } });
    const usable = new Set(rows.filter((r) => mayAttach(r, attacher)).map((r) => r.id));
    const refused = ids.find((id) => !usable.has(id));
    // the update re-checks the conditions, so a concurrent claim of the same upload loses here
    const owner = attacher.kind === 'STAFF' ? { uploaderId: attacher.id } : { uploaderRole: 'PUBLIC', uploaderId: IsNull() };
    const res = refused
      ? undefined
      : await em
          .createQueryBuilder()
          .update(AttachmentEntity)
          .set({ reportId, responseId, detailId })
          .where({ id: In(ids), reportId: IsNull(), ...owner })
          .execute();
    if (refused || res?.affected !== ids.length) {
      const id = refused ?? ids[0];
      throw badInput('UNKNOWN_ATTACHMENT', { field: 'attachmentIds', attachmentId: id });
    }
    // files of an anonymous report get neutral names (lampiran-1.jpg): a file name can identify the reporter
    await neutralizeAttachmentNames(em, reportId, ids);
  }

  private async appendTimeline(em: EntityManager, reportId: string, e: LifecycleEvent, responseId: string | null = null) {
    await insertRows(em, TimelineEventEntity, [{
      id: crypto.randomUUID(),
      reportId,
      type: e.type,
      at: e.at,
      actorId: e.actorId,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      fromAgencyId: e.fromAgencyId,
      toAgencyId: e.toAgencyId,
      note: e.note,
      responseId,
    } as TimelineEventEntity]);
  }

  async find(ref: ReportRef): Promise<ReportEntity | null> {
    const repo = this.ds.getRepository(ReportEntity);
    if ('id' in ref) return repo.findOneBy({ id: ref.id });
    const tid = parseTrackingId(ref.trackingId);
    if (!tid) {
      throw badInput('INVALID_TRACKING_ID', { field: 'trackingId' });
    }
    return repo.findOneBy({ trackingId: tid });
  }

  private async mustFind(ref: ReportRef): Promise<ReportEntity> {
    const r = await this.find(ref);
    if (!r) throw notFound('REPORT');
    return r;
  }

  /** Checks that a target agency exists and is active in the registry. */
  private async checkAgency(id: string) {
    const agency = await this.registry.agency(id);
    if (!agency) throw badInput('UNKNOWN_AGENCY', { field: 'agencyId', agencyId: id });
    if (!agency.active) throw badInput('AGENCY_INACTIVE', { field: 'agencyId', agencyId: id });
  }

  /**
   * Applies a lifecycle action in one transaction: version-checked update of the report, a timeline
   * event and an outbox event. Refused actions change nothing.
   */
  async act(ref: ReportRef, action: Action, actor: Actor, opts: ActOptions = {}): Promise<ReportEntity> {
    const seen = await this.mustFind(ref);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== null && opts.expectedVersion !== seen.version) {
      throw staleVersion(seen.version);
    }
    // cheap refusals before calling the registry
    const early = refusal(stateOf(seen), action.type, actor, this.clock());
    if (early) throw lifecycleToAppError(early);
    if (action.type === 'DISPOSITION') await this.checkAgency(action.agencyId);
    if (action.type === 'FORWARD') await this.checkAgency(action.toAgencyId);

    const attachmentIds = [...new Set(opts.attachmentIds ?? [])];
    const attacher: Attacher = opts.attacher ?? (actor.kind === 'STAFF' ? { kind: 'STAFF', id: actor.id } : PUBLIC_ATTACHER);
    if (action.type === 'RESPOND' || action.type === 'ADD_DETAIL') action = { ...action, attachmentCount: attachmentIds.length };

    return withTransaction(this.ds, async (em) => {
      const row = await em.findOneByOrFail(ReportEntity, { id: seen.id });
      const expected = opts.expectedVersion ?? seen.version;
      if (row.version !== expected) throw staleVersion(row.version);
      const now = this.clock();
      const before: LifecycleState = stateOf(row);
      let t;
      try {
        t = applyAction(before, action, actor, now, this.calendar);
      } catch (err) {
        if (err instanceof LifecycleError) throw lifecycleToAppError(err);
        throw err;
      }
      const res = await em
        .createQueryBuilder()
        .update(ReportEntity)
        .set({ ...stateChanges(before, t.state), updatedAt: now })
        .where('id = :id AND version = :version', { id: row.id, version: row.version })
        .execute();
      if (res.affected !== 1) {
        const current = await em.findOneBy(ReportEntity, { id: row.id });
        throw staleVersion(current?.version ?? row.version + 1);
      }
      let responseId: string | null = null;
      if (action.type === 'RESPOND') {
        responseId = crypto.randomUUID();
        await em.insert(ResponseEntity, {
          id: responseId,
          reportId: row.id,
          agencyId: row.agencyId!,
          authorId: t.event.actorId,
          body: t.event.note!,
          createdAt: now,
        });
        if (attachmentIds.length) await this.linkAttachments(em, attacher, attachmentIds, row.id, responseId);
      }
      if (action.type === 'ADD_DETAIL') {
        const detailId = crypto.randomUUID();
        await em.insert(ReportDetailEntity, { id: detailId, reportId: row.id, body: t.event.note!, createdAt: now });
        if (attachmentIds.length) await this.linkAttachments(em, attacher, attachmentIds, row.id, null, detailId);
      }
      await this.appendTimeline(em, row.id, t.event, responseId);
      const fresh = await em.findOneByOrFail(ReportEntity, { id: row.id });
      await appendOutbox(em, fresh, t.event.type as ReportEventType, now, t.event.actorRole);
      return fresh;
    });
  }
}
