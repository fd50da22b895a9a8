import type { DataSource, EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { AttachmentEntity, OutboxEventEntity, OutboxHeadEntity, ReportDetailEntity, ReportEntity, ResponseEntity, TimelineEventEntity } from '../entities';
import type { AttachmentStorage } from '../attachments/storage';
import { withTransaction } from '../service/transactions';
import { DEMO_FILES } from './files';
import type { DemoHistory } from './generator';
import fs from 'node:fs';

async function insertChunked<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, rows: T[], perStatement: number) {
  for (let i = 0; i < rows.length; i += perStatement) {
    await em
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + perStatement) as any)
      .updateEntity(false)
      .execute();
  }
}

/** Puts the demo evidence files into attachment storage (content-addressed, so idempotent). */
export async function storeDemoFiles(storage: AttachmentStorage): Promise<void> {
  for (const f of Object.values(DEMO_FILES)) {
    if (await storage.exists(f.sha256)) continue;
    const tmp = storage.tempFile();
    await fs.promises.writeFile(tmp, f.content);
    await storage.commit(f.sha256, tmp);
  }
}

export interface BulkResult {
  reports: number;
  events: number;
}

/**
 * The bulk path: inserts generated histories in batches (one transaction per batch) with multi-row
 * INSERTs, reserving a contiguous outbox seq range per batch under the outbox_head lock. The same
 * rows the API would have written, much faster: used for the embedded demo seed and benchmarks.
 */
export async function insertHistories(
  ds: DataSource,
  histories: Iterable<DemoHistory>,
  opts: { batch?: number; onBatch?: (done: BulkResult) => void } = {},
): Promise<BulkResult> {
  const batchSize = opts.batch ?? 500;
  const done: BulkResult = { reports: 0, events: 0 };
  let batch: DemoHistory[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const hs = batch;
    batch = [];
    await withTransaction(ds, async (em) => {
      await insertChunked(em, ReportEntity, hs.map((h) => h.report), 200);
      await insertChunked(em, TimelineEventEntity, hs.flatMap((h) => h.timeline) as TimelineEventEntity[], 500);
      await insertChunked(em, ResponseEntity, hs.flatMap((h) => h.responses), 500);
      await insertChunked(em, ReportDetailEntity, hs.flatMap((h) => h.details), 500);
      await insertChunked(em, AttachmentEntity, hs.flatMap((h) => h.attachments), 500);
      const events = hs.flatMap((h) => h.outbox);
      await em.createQueryBuilder().update(OutboxHeadEntity).set({ seq: () => `seq + ${events.length}` }).where('id = 1').execute();
      const head = await em.findOneByOrFail(OutboxHeadEntity, { id: 1 });
      const first = head.seq - events.length + 1;
      await insertChunked(em, OutboxEventEntity, events.map((e, i) => ({ ...e, seq: first + i })), 500);
      done.reports += hs.length;
      done.events += events.length;
    });
    opts.onBatch?.({ ...done });
  };
  for (const h of histories) {
    batch.push(h);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return done;
}
