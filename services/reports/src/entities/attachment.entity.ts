import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An uploaded file (photo, video, document). Unlinked until a report or response claims it. */
@Entity({ name: 'attachment' })
@Index('idx_attachment_report', ['reportId'])
@Index('idx_attachment_response', ['responseId'])
export class AttachmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  reportId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  responseId: string | null;

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
