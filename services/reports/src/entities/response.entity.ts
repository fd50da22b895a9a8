import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A response (tanggapan) from the agency handling the report. */
@Entity({ name: 'response' })
@Index('idx_response_report', ['reportId', 'createdAt'])
export class ResponseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  reportId: string;

  @Column({ type: 'varchar', length: 64 })
  agencyId: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
