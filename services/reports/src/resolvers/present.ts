import type { Viewer } from '@pantau/common';
import type { ReportEntity } from '../entities';
import { type Actor, availableActions } from '../domain/lifecycle';
import { maskTrackingId, type PrivacyViewer, reportAccess } from '../domain/privacy';
import { overdueSteps } from '../domain/sla';
import { stateOf } from '../service/mapping';
import { agencyRef, type OverdueStep, regionRef, Reporter, ReportView } from './types';

export function privacyViewer(viewer: Viewer | null): PrivacyViewer {
  return viewer ? { kind: 'STAFF', role: viewer.role, agencyId: viewer.agencyId } : { kind: 'PUBLIC' };
}

export function staffActor(viewer: Viewer): Actor {
  return { kind: 'STAFF', id: viewer.id, role: viewer.role, agencyId: viewer.agencyId };
}

function parseReasons(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * The one place a stored report becomes what a viewer sees. `asReporter` is true only when the
 * request proved ownership with the tracking ID (reportByTrackingId, submitReport, reporter mutations).
 */
export function presentReport(row: ReportEntity, viewer: Viewer | null, now: Date, asReporter = false): ReportView {
  const pv: PrivacyViewer = asReporter ? { kind: 'REPORTER' } : privacyViewer(viewer);
  const access = reportAccess(pv, { anonymous: Boolean(row.anonymous), confidential: Boolean(row.confidential), agencyId: row.agencyId });
  const actor: Actor | null = asReporter ? { kind: 'REPORTER' } : viewer ? staffActor(viewer) : null;
  const state = stateOf(row);
  const v = new ReportView();
  Object.assign(v, {
    id: row.id,
    trackingId: access.trackingId ? row.trackingId : maskTrackingId(row.trackingId),
    title: access.content ? row.title : null,
    body: access.content ? row.body : null,
    topic: row.topic,
    classification: row.classification,
    status: row.status,
    anonymous: state.anonymous,
    confidential: state.confidential,
    examination: state.examination,
    region: regionRef(row.regionCode),
    regionCode: row.regionCode,
    roadId: access.content ? row.roadId : null,
    agency: agencyRef(row.agencyId),
    suggestedAgency: access.internal ? agencyRef(row.suggestedAgencyId) : null,
    routingReasons: access.internal ? parseReasons(row.routingReasons) : [],
    maladministrationType: row.maladministrationType,
    submittedAt: row.submittedAt,
    dispositionedAt: row.dispositionedAt,
    firstResponseAt: row.firstResponseAt,
    completedAt: row.completedAt,
    archivedAt: row.archivedAt,
    verificationDueAt: row.verificationDueAt,
    responseDueAt: row.responseDueAt,
    completionDueAt: row.completionDueAt,
    forwardCount: row.forwardCount,
    reopenCount: row.reopenCount,
    rating: row.rating,
    reporter:
      access.reporter && (row.reporterName || row.reporterEmail || row.reporterPhone)
        ? Object.assign(new Reporter(), { name: row.reporterName, email: row.reporterEmail, phone: row.reporterPhone })
        : null,
    updatedAt: row.updatedAt,
    version: row.version,
    row,
    access,
  });
  // Computed on first read only: a list that does not select them pays nothing (issue 11).
  let steps: OverdueStep[] | undefined;
  let actions: ReportView['actions'] | undefined;
  const overdueNow = () => (steps ??= overdueSteps(state, now) as unknown as OverdueStep[]);
  lazy(v, 'overdueSteps', overdueNow);
  lazy(v, 'overdue', () => overdueNow().length > 0);
  lazy(v, 'actions', () => (actions ??= actor ? availableActions(state, actor, now) : []));
  return v;
}

function lazy<K extends keyof ReportView>(v: ReportView, key: K, get: () => ReportView[K]) {
  Object.defineProperty(v, key, { enumerable: true, configurable: true, get });
}
