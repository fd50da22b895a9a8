import type { EntityManager } from 'typeorm';
import { AttachmentEntity, ReportEntity } from '../entities';
import { neutralFilename, neutralNumber } from './filename';

/**
 * Files of an anonymous report are stored and served under neutral names (`lampiran-1.jpg`, …): a file
 * name such as "KTP Budi Santoso.jpg" would identify the reporter to the agency. Called in the
 * transaction that links attachments to a report; the original name is not kept anywhere. Numbers
 * continue after the report's existing neutral names, so a name once shown never changes.
 */
export async function neutralizeAttachmentNames(em: EntityManager, reportId: string, linkedIds: string[]): Promise<void> {
  const report = await em.findOne(ReportEntity, { where: { id: reportId }, select: { id: true, anonymous: true } });
  if (!report?.anonymous) return;
  const rows = await em.find(AttachmentEntity, {
    where: { reportId },
    select: { id: true, filename: true, contentType: true, uploadedAt: true },
    order: { uploadedAt: 'ASC', id: 'ASC' },
  });
  const fresh = new Set(linkedIds);
  let n = 0;
  for (const r of rows) if (!fresh.has(r.id)) n = Math.max(n, neutralNumber(r.filename) ?? 0);
  for (const r of rows) {
    if (!fresh.has(r.id) && neutralNumber(r.filename) !== null) continue;
    n += 1;
    await em.update(AttachmentEntity, { id: r.id }, { filename: neutralFilename(n, r.contentType) });
  }
}
