import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The reports → analytics outbox (see @pantau/common events.ts). `seq` comes from the single-row
 * `outbox_head` counter, incremented in the same transaction: the row lock serialises writers, so seq
 * order is commit order and there are no gaps — a consumer reading `after=<seq>` never skips an event
 * that commits late.
 */
@Entity({ name: 'outbox_event' })
@Index('idx_outbox_report', ['reportId'])
@Index('uq_outbox_id', ['id'], { unique: true })
export class OutboxEventEntity {
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: unknown) => Number(v) } })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'varchar', length: 36 })
  reportId: string;

  @Column({ type: 'datetime', precision: 3 })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 20 })
  actorRole: string;

  /** JSON ReportSnapshot. */
  @Column({ type: 'text' })
  payload: string;
}

@Entity({ name: 'outbox_head' })
export class OutboxHeadEntity {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: unknown) => Number(v) } })
  seq: number;
}
