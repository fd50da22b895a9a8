import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** More detail the reporter added to a held report (answering the admin's hold note). Append-only. */
@Entity({ name: 'report_detail' })
@Index('idx_report_detail_report', ['reportId', 'createdAt'])
export class ReportDetailEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  reportId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
