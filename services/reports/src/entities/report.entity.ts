import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { Classification, Maladministration, ReportStatus } from '@pantau/common';

/** A complaint and its current lifecycle state. Changed only through lifecycle transitions (version-checked). */
@Entity({ name: 'report' })
@Index('uq_report_tracking', ['trackingId'], { unique: true })
@Index('uq_report_idempotency', ['idempotencyKey'], { unique: true })
@Index('idx_report_submitted', ['submittedAt', 'id'])
@Index('idx_report_agency_submitted', ['agencyId', 'submittedAt'])
@Index('idx_report_status', ['status', 'submittedAt'])
@Index('idx_report_region', ['regionCode'])
@Index('idx_report_updated', ['updatedAt', 'id'])
@Index('idx_report_burst_text', ['localDay', 'textHash'])
@Index('idx_report_burst_reporter', ['localDay', 'reporterHash'])
export class ReportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 24 })
  trackingId: string;

  /** Client-chosen key: retries with the same key return the same report (unique). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the submitted input, to refuse a reused key with different content. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestHash: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  @Column({ type: 'varchar', length: 32 })
  classification: Classification;

  @Column({ type: 'varchar', length: 20 })
  status: ReportStatus;

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Column({ type: 'boolean', default: false })
  confidential: boolean;

  /** Needs an oversight examination: 60 working days to complete instead of 14. */
  @Column({ type: 'boolean', default: false })
  examination: boolean;

  @Column({ type: 'varchar', length: 32 })
  regionCode: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  roadId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  agencyId: string | null;

  /** Routing suggestion from the registry at intake. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  suggestedAgencyId: string | null;

  /** JSON array of the registry's reasons for the suggestion. */
  @Column({ type: 'text', nullable: true })
  routingReasons: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  maladministrationType: Maladministration | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  reporterName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  reporterEmail: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reporterPhone: string | null;

  @Column({ type: 'datetime', precision: 3 })
  submittedAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  dispositionedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  firstResponseAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  ratedAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  verificationDueAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  responseDueAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  completionDueAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  forwardCount: number;

  @Column({ type: 'integer', default: 0 })
  responseCount: number;

  @Column({ type: 'integer', default: 0 })
  evidenceResponseCount: number;

  @Column({ type: 'integer', default: 0 })
  reopenCount: number;

  @Column({ type: 'integer', nullable: true })
  rating: number | null;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  /**
   * Local day of submittedAt (reporting time zone), and the text/reporter hashes bursts are counted by
   * (domain/bursts.ts). Not read with a report (`select: false`): only the bursts query uses them.
   */
  @Column({ type: 'varchar', length: 10, nullable: true, select: false })
  localDay: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  textHash: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  reporterHash: string | null;

  /** Optimistic lock: every transition requires the version it read and bumps it. */
  @VersionColumn({ type: 'integer' })
  version: number;
}
