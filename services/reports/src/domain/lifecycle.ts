import { Classification, Maladministration, ReportEventType, ReportStatus, Role } from '@pantau/common';
import { ATTACHMENTS, isRating, RATING, TEXT_LIMITS, type LengthRange } from '@pantau/contract';
import { REOPEN_WINDOW_DAYS, SLA_DAYS, type WorkingCalendar } from './sla';

/**
 * The report lifecycle as a pure state machine (no I/O): who may do what, from which status, and what
 * the report looks like afterwards. The GraphQL mutations, the demo-history generator and the tests
 * all go through `applyAction`.
 *
 *   SUBMITTED ──disposition──► DISPOSITIONED ──respond──► IN_PROGRESS ──complete──► COMPLETED
 *     │  ▲ hold                  │  ▲ forward (hop)          │ ▲ respond / forward        │ rate (stays)
 *     ▼  │ disposition,          └──┘                        │ └──────── reopen (≤14 d) ◄─┘
 *     │  │ add detail (reporter)
 *   ON_HOLD ──archive──► ARCHIVED ◄──archive── SUBMITTED
 *
 * Adding detail answers a hold: the report goes back to SUBMITTED for the admin to disposition, and
 * the verification clock keeps running from the original submission (verificationDueAt is kept).
 */

export type ActorRole = Role | 'REPORTER' | 'SYSTEM';

export type Actor =
  | { kind: 'STAFF'; id: string; role: Role; agencyId: string }
  | { kind: 'REPORTER' }
  | { kind: 'SYSTEM' };

export function actorRole(actor: Actor): ActorRole {
  return actor.kind === 'STAFF' ? actor.role : actor.kind;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'STAFF' ? actor.id : null;
}

/** The lifecycle-relevant state of a report. */
export interface LifecycleState {
  status: ReportStatus;
  agencyId: string | null;
  classification: Classification;
  maladministrationType: Maladministration | null;
  anonymous: boolean;
  confidential: boolean;
  examination: boolean;
  submittedAt: Date;
  dispositionedAt: Date | null;
  firstResponseAt: Date | null;
  completedAt: Date | null;
  archivedAt: Date | null;
  ratedAt: Date | null;
  verificationDueAt: Date;
  responseDueAt: Date | null;
  completionDueAt: Date | null;
  forwardCount: number;
  responseCount: number;
  evidenceResponseCount: number;
  rating: number | null;
  reopenCount: number;
}

export type Action =
  | {
      type: 'DISPOSITION';
      agencyId: string;
      classification?: Classification | null;
      maladministrationType?: Maladministration | null;
      anonymous?: boolean | null;
      confidential?: boolean | null;
      examination?: boolean | null;
      note?: string | null;
    }
  | { type: 'HOLD'; note: string }
  | { type: 'ARCHIVE'; reason: string }
  | { type: 'FORWARD'; toAgencyId: string; reason: string }
  | { type: 'RESPOND'; body: string; attachmentCount: number }
  | { type: 'COMPLETE'; note?: string | null }
  | { type: 'RATE'; rating: number; comment?: string | null }
  | { type: 'REOPEN'; reason: string }
  | { type: 'ADD_DETAIL'; detail: string; attachmentCount: number }
  | { type: 'CLASSIFY'; maladministrationType: Maladministration | null; note?: string | null };

export type ActionType = Action['type'];

export const ACTION_EVENT: Record<ActionType, ReportEventType> = {
  DISPOSITION: ReportEventType.ReportDispositioned,
  HOLD: ReportEventType.ReportHeld,
  ARCHIVE: ReportEventType.ReportArchived,
  FORWARD: ReportEventType.ReportForwarded,
  RESPOND: ReportEventType.ReportResponded,
  COMPLETE: ReportEventType.ReportCompleted,
  RATE: ReportEventType.ReportRated,
  REOPEN: ReportEventType.ReportReopened,
  CLASSIFY: ReportEventType.ReportClassified,
  ADD_DETAIL: ReportEventType.ReportDetailAdded,
};

export interface LifecycleEvent {
  type: ReportEventType;
  at: Date;
  actorId: string | null;
  actorRole: ActorRole;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus;
  fromAgencyId: string | null;
  toAgencyId: string | null;
  note: string | null;
}

export interface Transition {
  state: LifecycleState;
  event: LifecycleEvent;
}

export type LifecycleErrorCode = 'FORBIDDEN' | 'INVALID_TRANSITION' | 'BAD_USER_INPUT';

/**
 * A refused action: nothing changes. `code` + `reason` name a message of @pantau/contract's catalogue
 * (`CODE.REASON`) and `params` fill it: the words live there, in every language, not here.
 */
export class LifecycleError extends Error {
  constructor(
    readonly code: LifecycleErrorCode,
    readonly reason: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}.${reason}`);
    this.name = 'LifecycleError';
  }
}

const S = ReportStatus;

interface Rule {
  /** Statuses the action starts from. */
  from: ReportStatus[];
  /** Who may act (named in FORBIDDEN refusals; the catalogue has the words). */
  who: Allowed;
  allowed(actor: Actor, state: LifecycleState): boolean;
}

/** Who may take an action: the `allowed` parameter of FORBIDDEN.ACTION_NOT_ALLOWED. */
export type Allowed = 'ADMIN' | 'CURRENT_LIAISON' | 'CURRENT_LIAISON_OR_ADMIN' | 'ADMIN_OR_OMBUDSMAN' | 'REPORTER';

const isStaff = (a: Actor, ...roles: Role[]) => a.kind === 'STAFF' && roles.includes(a.role);
const isCurrentLiaison = (a: Actor, s: LifecycleState) =>
  a.kind === 'STAFF' && a.role === Role.LIAISON && s.agencyId !== null && a.agencyId === s.agencyId;

export const RULES: Record<ActionType, Rule> = {
  DISPOSITION: {
    from: [S.SUBMITTED, S.ON_HOLD],
    who: 'ADMIN',
    allowed: (a) => isStaff(a, Role.ADMIN),
  },
  HOLD: { from: [S.SUBMITTED], who: 'ADMIN', allowed: (a) => isStaff(a, Role.ADMIN) },
  ARCHIVE: {
    from: [S.SUBMITTED, S.ON_HOLD],
    who: 'ADMIN',
    allowed: (a) => isStaff(a, Role.ADMIN),
  },
  FORWARD: {
    from: [S.DISPOSITIONED, S.IN_PROGRESS],
    who: 'CURRENT_LIAISON_OR_ADMIN',
    allowed: (a, s) => isCurrentLiaison(a, s) || isStaff(a, Role.ADMIN),
  },
  RESPOND: {
    from: [S.DISPOSITIONED, S.IN_PROGRESS],
    who: 'CURRENT_LIAISON',
    allowed: isCurrentLiaison,
  },
  COMPLETE: {
    from: [S.IN_PROGRESS],
    who: 'CURRENT_LIAISON',
    allowed: isCurrentLiaison,
  },
  RATE: {
    from: [S.COMPLETED],
    who: 'REPORTER',
    allowed: (a) => a.kind === 'REPORTER',
  },
  REOPEN: {
    from: [S.COMPLETED],
    who: 'REPORTER',
    allowed: (a) => a.kind === 'REPORTER',
  },
  CLASSIFY: {
    from: [S.DISPOSITIONED, S.IN_PROGRESS, S.COMPLETED],
    who: 'ADMIN_OR_OMBUDSMAN',
    allowed: (a) => isStaff(a, Role.ADMIN, Role.OMBUDSMAN),
  },
  ADD_DETAIL: {
    from: [S.ON_HOLD],
    who: 'REPORTER',
    allowed: (a) => a.kind === 'REPORTER',
  },
};

const DAY_MS = 86_400_000;

/** Files the reporter may add with one detail (the same limit as a submission). */
export const MAX_DETAIL_ATTACHMENTS = ATTACHMENTS.maxPerItem;

function requireText(value: string | null | undefined, field: string, { min, max }: LengthRange): string {
  const v = (value ?? '').trim();
  if (v.length < min || v.length > max) {
    throw new LifecycleError('BAD_USER_INPUT', v.length < min ? 'TOO_SHORT' : 'TOO_LONG', { field, min, max });
  }
  return v;
}

function optionalText(value: string | null | undefined, field: string, { max }: LengthRange): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  return requireText(v, field, { min: 1, max });
}

/** Why an actor may not take an action now (null when it may). Checks role and status only. */
export function refusal(state: LifecycleState, type: ActionType, actor: Actor, at: Date): LifecycleError | null {
  const rule = RULES[type];
  if (!rule.allowed(actor, state)) {
    return new LifecycleError('FORBIDDEN', 'ACTION_NOT_ALLOWED', { action: type, allowed: rule.who });
  }
  if (!rule.from.includes(state.status)) {
    return new LifecycleError('INVALID_TRANSITION', 'STATUS', { action: type, status: state.status });
  }
  if (type === 'CLASSIFY' && !state.dispositionedAt) {
    return new LifecycleError('INVALID_TRANSITION', 'NOT_VERIFIED', { status: state.status });
  }
  if (type === 'RATE' && state.ratedAt && state.completedAt && state.ratedAt >= state.completedAt) {
    return new LifecycleError('INVALID_TRANSITION', 'ALREADY_RATED', { status: state.status });
  }
  if (type === 'REOPEN' && state.completedAt && at.getTime() - state.completedAt.getTime() > REOPEN_WINDOW_DAYS * DAY_MS) {
    return new LifecycleError('INVALID_TRANSITION', 'REOPEN_WINDOW_CLOSED', { status: state.status, days: REOPEN_WINDOW_DAYS });
  }
  return null;
}

/** The actions an actor may take on a report now (for clients to show the right buttons). */
export function availableActions(state: LifecycleState, actor: Actor, at: Date): ActionType[] {
  return (Object.keys(RULES) as ActionType[]).filter((t) => refusal(state, t, actor, at) === null);
}

function completionDays(examination: boolean): number {
  return examination ? SLA_DAYS.completionExamination : SLA_DAYS.completion;
}

export interface SubmitInput {
  classification: Classification;
  anonymous: boolean;
  confidential: boolean;
}

/** The state of a newly submitted report and its first timeline event. */
export function submit(input: SubmitInput, at: Date, calendar: WorkingCalendar): Transition {
  const state: LifecycleState = {
    status: S.SUBMITTED,
    agencyId: null,
    classification: input.classification,
    maladministrationType: null,
    anonymous: input.anonymous,
    confidential: input.confidential,
    examination: false,
    submittedAt: at,
    dispositionedAt: null,
    firstResponseAt: null,
    completedAt: null,
    archivedAt: null,
    ratedAt: null,
    verificationDueAt: calendar.dueAfter(at, SLA_DAYS.verification),
    responseDueAt: null,
    completionDueAt: null,
    forwardCount: 0,
    responseCount: 0,
    evidenceResponseCount: 0,
    rating: null,
    reopenCount: 0,
  };
  return {
    state,
    event: {
      type: ReportEventType.ReportSubmitted,
      at,
      actorId: null,
      actorRole: 'REPORTER',
      fromStatus: null,
      toStatus: S.SUBMITTED,
      fromAgencyId: null,
      toAgencyId: null,
      note: null,
    },
  };
}

/**
 * Applies an action: returns the new state and the timeline event, or throws a LifecycleError and
 * changes nothing. `at` must not be before the report's submission.
 */
export function applyAction(
  state: LifecycleState,
  action: Action,
  actor: Actor,
  at: Date,
  calendar: WorkingCalendar,
): Transition {
  const refused = refusal(state, action.type, actor, at);
  if (refused) throw refused;
  if (at.getTime() < state.submittedAt.getTime()) {
    throw new LifecycleError('BAD_USER_INPUT', 'BEFORE_SUBMISSION');
  }
  const next: LifecycleState = { ...state };
  let note: string | null = null;
  let toAgencyId = state.agencyId;

  switch (action.type) {
    case 'DISPOSITION': {
      const agencyId = requireText(action.agencyId, 'agencyId', TEXT_LIMITS.id);
      if (action.anonymous === false && state.anonymous) {
        throw new LifecycleError('BAD_USER_INPUT', 'ANONYMITY_LOCKED', { field: 'anonymous' });
      }
      if (action.confidential === false && state.confidential) {
        throw new LifecycleError('BAD_USER_INPUT', 'CONFIDENTIALITY_LOCKED', { field: 'confidential' });
      }
      note = optionalText(action.note, 'note', TEXT_LIMITS.optionalNote);
      next.status = S.DISPOSITIONED;
      next.agencyId = agencyId;
      toAgencyId = agencyId;
      if (action.classification) next.classification = action.classification;
      if (action.maladministrationType !== undefined && action.maladministrationType !== null) {
        next.maladministrationType = action.maladministrationType;
      }
      if (action.anonymous) next.anonymous = true;
      if (action.confidential) next.confidential = true;
      if (action.examination !== undefined && action.examination !== null) next.examination = action.examination;
      next.dispositionedAt = state.dispositionedAt ?? at;
      next.responseDueAt = calendar.dueAfter(at, SLA_DAYS.firstResponse);
      next.completionDueAt = calendar.dueAfter(at, completionDays(next.examination));
      break;
    }
    case 'HOLD':
      note = requireText(action.note, 'note', TEXT_LIMITS.holdNote);
      next.status = S.ON_HOLD;
      break;
    case 'ARCHIVE':
      note = requireText(action.reason, 'reason', TEXT_LIMITS.reason);
      next.status = S.ARCHIVED;
      next.archivedAt = at;
      break;
    case 'FORWARD': {
      const to = requireText(action.toAgencyId, 'toAgencyId', TEXT_LIMITS.id);
      if (to === state.agencyId) {
        throw new LifecycleError('BAD_USER_INPUT', 'SAME_AGENCY', { field: 'toAgencyId' });
      }
      note = requireText(action.reason, 'reason', TEXT_LIMITS.reason);
      next.status = S.DISPOSITIONED;
      next.agencyId = to;
      toAgencyId = to;
      next.forwardCount = state.forwardCount + 1;
      break;
    }
    case 'RESPOND':
      note = requireText(action.body, 'body', TEXT_LIMITS.response);
      if (!Number.isInteger(action.attachmentCount) || action.attachmentCount < 0) {
        throw new LifecycleError('BAD_USER_INPUT', 'BELOW_MIN', { field: 'attachmentCount', min: 0 });
      }
      next.status = S.IN_PROGRESS;
      next.firstResponseAt = state.firstResponseAt ?? at;
      next.responseCount = state.responseCount + 1;
      next.evidenceResponseCount = state.evidenceResponseCount + (action.attachmentCount > 0 ? 1 : 0);
      break;
    case 'COMPLETE':
      note = optionalText(action.note, 'note', TEXT_LIMITS.optionalNote);
      next.status = S.COMPLETED;
      next.completedAt = at;
      break;
    case 'RATE':
      if (!isRating(action.rating)) {
        throw new LifecycleError('BAD_USER_INPUT', 'INVALID_RATING', { field: 'rating', min: RATING.min, max: RATING.max });
      }
      note = optionalText(action.comment, 'comment', TEXT_LIMITS.comment);
      next.rating = action.rating;
      next.ratedAt = at;
      break;
    case 'REOPEN':
      note = requireText(action.reason, 'reason', TEXT_LIMITS.reason);
      next.status = S.IN_PROGRESS;
      next.completedAt = null;
      next.rating = null;
      next.ratedAt = null;
      next.reopenCount = state.reopenCount + 1;
      next.completionDueAt = calendar.dueAfter(at, completionDays(state.examination));
      break;
    case 'ADD_DETAIL':
      note = requireText(action.detail, 'detail', TEXT_LIMITS.detail);
      if (!Number.isInteger(action.attachmentCount) || action.attachmentCount < 0 || action.attachmentCount > MAX_DETAIL_ATTACHMENTS) {
        throw new LifecycleError('BAD_USER_INPUT', 'OUT_OF_RANGE', { field: 'attachmentCount', min: 0, max: MAX_DETAIL_ATTACHMENTS });
      }
      // back to the admin's queue; verificationDueAt is untouched: the clock runs from the submission
      next.status = S.SUBMITTED;
      break;
    case 'CLASSIFY':
      if (action.maladministrationType !== null && !Object.values(Maladministration).includes(action.maladministrationType)) {
        throw new LifecycleError('BAD_USER_INPUT', 'UNKNOWN_MALADMINISTRATION', { field: 'maladministrationType' });
      }
      note = optionalText(action.note, 'note', TEXT_LIMITS.optionalNote);
      next.maladministrationType = action.maladministrationType;
      break;
  }

  return {
    state: next,
    event: {
      type: ACTION_EVENT[action.type],
      at,
      actorId: actorId(actor),
      actorRole: actorRole(actor),
      fromStatus: state.status,
      toStatus: next.status,
      fromAgencyId: state.agencyId,
      toAgencyId,
      note,
    },
  };
}
