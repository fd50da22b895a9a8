/**
 * Typed message keys built from the schema's vocabulary unions. Each builder's template literal is
 * checked against MessageKey: a value added to a union without its message is a compile error here,
 * never a cast at a call site. Use with the one translator: `t(statusKey(report.status))`.
 */
import type {
  AgencyLevel,
  Classification,
  RegionLevel,
  ReportAction,
  ReportEventType,
  ReportStatus,
  RoadStatus,
  SlaStep,
} from '../graphql/generated/graphql';
import { ReportEventType as ReportEventTypes } from '@pantau/contract';
import type { MessageKey } from './messages';

export const statusKey = (status: ReportStatus): MessageKey => `status.${status}`;
export const classificationKey = (c: Classification): MessageKey => `class.${c}`;
/** The longer explanation of a classification on the Lapor form. */
export const classificationHelpKey = (c: Classification): MessageKey => `lapor.class.${c}`;
export const eventKey = (type: ReportEventType): MessageKey => `event.${type}`;
export const agencyLevelKey = (level: AgencyLevel): MessageKey => `ag.level.${level}`;
export const regionLevelKey = (level: RegionLevel): MessageKey => `rg.level.${level}`;
export const slaStepKey = (step: SlaStep): MessageKey => `rt.step.${step}`;
export const roadStatusKey = (status: RoadStatus): MessageKey => `road.${status}`;
/** What a status means for the reporter (Lacak). */
export const explainStatusKey = (status: ReportStatus): MessageKey => `lacak.explain.${status}`;

/** Roles that appear as a timeline event's actor or a signed-in viewer's role. */
export const ACTOR_ROLES = ['ADMIN', 'LIAISON', 'OMBUDSMAN', 'LEADERSHIP', 'REPORTER', 'SYSTEM'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
export function isActorRole(value: string): value is ActorRole {
  return ACTOR_ROLES.some((r) => r === value);
}
export const roleKey = (role: ActorRole): MessageKey => `role.${role}`;

const EVENT_TYPES: readonly string[] = Object.values(ReportEventTypes);
export function isReportEventType(value: string): value is ReportEventType {
  return EVENT_TYPES.includes(value);
}

/** Staff actions (RATE / REOPEN / ADD_DETAIL belong to the reporter, on Lacak). */
export type StaffAction = Extract<ReportAction, 'DISPOSITION' | 'HOLD' | 'ARCHIVE' | 'FORWARD' | 'RESPOND' | 'COMPLETE' | 'CLASSIFY'>;
/** The parts of a staff action's form: its name, what it does, its submit button, its success notice. */
export const actionKey = (action: StaffAction | 'ADD_DETAIL'): MessageKey => `act.${action}`;
export const actionHelpKey = (action: StaffAction): MessageKey => `act.help.${action}`;
export const actionSubmitKey = (action: StaffAction): MessageKey => `act.submit.${action}`;
export const actionDoneKey = (action: StaffAction): MessageKey => `act.done.${action}`;
/** The text field of the actions that have one. */
export const actionFieldKey = (action: Extract<StaffAction, 'HOLD' | 'ARCHIVE' | 'COMPLETE' | 'FORWARD' | 'RESPOND'>): MessageKey => `act.field.${action}`;

/** A reporter's rating, 1–5 stars. */
export type Rating = 1 | 2 | 3 | 4 | 5;
export const ratingKey = (n: Rating): MessageKey => `lacak.rating.${n}`;
