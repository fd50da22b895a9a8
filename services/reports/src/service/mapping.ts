import type { ReportSnapshot } from '@pantau/common';
import type { ReportEntity } from '../entities';
import type { LifecycleState } from '../domain/lifecycle';

export const STATE_FIELDS = [
  'status',
  'agencyId',
  'classification',
  'maladministrationType',
  'anonymous',
  'confidential',
  'examination',
  'submittedAt',
  'dispositionedAt',
  'firstResponseAt',
  'completedAt',
  'archivedAt',
  'ratedAt',
  'verificationDueAt',
  'responseDueAt',
  'completionDueAt',
  'forwardCount',
  'responseCount',
  'evidenceResponseCount',
  'rating',
  'reopenCount',
] as const satisfies ReadonlyArray<keyof LifecycleState & keyof ReportEntity>;

export function stateOf(r: ReportEntity): LifecycleState {
  const s = {} as Record<string, unknown>;
  for (const f of STATE_FIELDS) s[f] = r[f];
  // drivers hand back booleans as 0/1 on some paths
  s.anonymous = Boolean(r.anonymous);
  s.confidential = Boolean(r.confidential);
  s.examination = Boolean(r.examination);
  return s as unknown as LifecycleState;
}

/** The columns a transition changes. */
export function stateChanges(before: LifecycleState, after: LifecycleState): Partial<ReportEntity> {
  const out: Record<string, unknown> = {};
  for (const f of STATE_FIELDS) {
    const a = before[f];
    const b = after[f];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) out[f] = b;
  }
  return out as Partial<ReportEntity>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The state-carrying payload of an outbox event. */
export function snapshotOf(r: ReportEntity): ReportSnapshot {
  return {
    id: r.id,
    topic: r.topic,
    classification: r.classification,
    regionCode: r.regionCode,
    agencyId: r.agencyId,
    status: r.status,
    anonymous: Boolean(r.anonymous),
    confidential: Boolean(r.confidential),
    maladministrationType: r.maladministrationType,
    examination: Boolean(r.examination),
    submittedAt: r.submittedAt.toISOString(),
    dispositionedAt: iso(r.dispositionedAt),
    firstResponseAt: iso(r.firstResponseAt),
    completedAt: iso(r.completedAt),
    archivedAt: iso(r.archivedAt),
    verificationDueAt: r.verificationDueAt.toISOString(),
    responseDueAt: iso(r.responseDueAt),
    completionDueAt: iso(r.completionDueAt),
    forwardCount: r.forwardCount,
    responseCount: r.responseCount,
    evidenceResponseCount: r.evidenceResponseCount,
    rating: r.rating,
    reopenCount: r.reopenCount,
  };
}
