import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One transition of a report: append-only (database triggers refuse UPDATE and DELETE). */
@Entity({ name: 'timeline_event' })
@Index('idx_timeline_report', ['reportId', 'seq'])
export class TimelineEventEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  reportId: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  /** ADMIN, LIAISON, OMBUDSMAN, LEADERSHIP, REPORTER or SYSTEM. */
  @Column({ type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  fromAgencyId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  toAgencyId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** For ReportResponded: the response. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  responseId: string | null;
}
