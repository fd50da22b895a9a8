import type { Classification, Maladministration, ReportEventType, ReportStatus } from './vocabulary';

/**
 * The reports → analytics event contract.
 *
 * reports appends one OutboxEvent per transition, in the same transaction as the change. Events are
 * *state-carrying*: each carries a snapshot of the report's analytic state after the transition, so
 * a consumer applies them idempotently (upsert the fact row by reportId, ignore any event whose seq
 * it has already stored) and can be rebuilt by replaying from seq 0.
 *
 * Served by reports at `GET /internal/outbox?after=<seq>&limit=<n>` (default 500, max 5000) with
 * `Authorization: Bearer <service token>` (audience `pantau-internal`, see auth.ts). Not part of the
 * public supergraph. Response: OutboxPage.
 */
export interface ReportSnapshot {
  id: string;
  topic: string;
  classification: Classification;
  regionCode: string;
  agencyId: string | null;
  status: ReportStatus;
  anonymous: boolean;
  confidential: boolean;
  maladministrationType: Maladministration | null;
  /** Complaint that needs an oversight examination (60-working-day completion SLA). */
  examination: boolean;
  /** ISO-8601 timestamps (UTC). */
  submittedAt: string;
  dispositionedAt: string | null; // first disposition
  firstResponseAt: string | null;
  completedAt: string | null; // latest completion; null again after a reopen until completed again
  archivedAt: string | null;
  verificationDueAt: string;
  responseDueAt: string | null;
  completionDueAt: string | null;
  forwardCount: number;
  responseCount: number;
  /** Responses that carry at least one evidence attachment. */
  evidenceResponseCount: number;
  rating: number | null;
  reopenCount: number;
}

export interface OutboxEvent {
  /** Strictly increasing position in the outbox (1, 2, 3, …). */
  seq: number;
  /** Unique event id (uuid). */
  id: string;
  type: ReportEventType;
  reportId: string;
  occurredAt: string;
  /** Role of the actor, or 'REPORTER' / 'SYSTEM'. */
  actorRole: string;
  report: ReportSnapshot;
}

export interface OutboxPage {
  events: OutboxEvent[];
  /** seq of the last event in the outbox at the time of the read (for lag). */
  headSeq: number;
}
