import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An uploaded file (photo, video, document). Unlinked (reportId null) until a report, response or
 * detail claims it; unlinked uploads older than 24 h are swept (attachments/sweep.ts).
 */
@Entity({ name: 'attachment' })
@Index('idx_attachment_report', ['reportId'])
@Index('idx_attachment_response', ['responseId'])
@Index('idx_attachment_detail', ['detailId'])
@Index('idx_attachment_orphan', ['reportId', 'uploadedAt'])
@Index('idx_attachment_storage', ['storageKey'])
export class AttachmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  reportId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  responseId: string | null;

  /** Set when the reporter added the file with a detail (addReportDetail); reportId is set too. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  detailId: string | null;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  /** Detected from the file's bytes, not from what the client claimed. */
  @Column({ type: 'varchar', length: 64 })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Key in the attachment storage (content-addressed: the SHA-256). */
  @Column({ type: 'varchar', length: 128 })
  storageKey: string;

  @Column({ type: 'datetime', precision: 3 })
  uploadedAt: Date;

  @Column({ type: 'varchar', length: 20 })
  uploaderRole: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  uploaderId: string | null;
}
