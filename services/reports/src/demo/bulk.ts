import type { DataSource, EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { AttachmentEntity, OutboxEventEntity, OutboxHeadEntity, ReportDetailEntity, ReportEntity, ResponseEntity, TimelineEventEntity } from '../entities';
import type { AttachmentStorage } from '../attachments/storage';
import { withTransaction } from '../service/transactions';
import { DEMO_FILES } from './files';
import type { DemoHistory } from './generator';
import fs from 'node:fs';

/**
 * Multi-row INSERTs written directly (one statement per `perStatement` rows). typeorm's insert query
 * builder spent more CPU naming and re-finding its parameters than the database spent storing the rows
 * (issue 11: 2.6 of 9.9 s at 3,000 reports); values still go through the driver's own conversion
 * (preparePersistentValue: transformers, dates, booleans), so the stored rows are the same.
 */
async function insertChunked<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, rows: T[], perStatement: number) {
  if (!rows.length) return;
  const md = em.connection.getMetadata(target);
  const driver = em.connection.driver;
  // generated columns (the timeline's auto-increment seq) are left to the database when no row sets them
  const columns = md.columns.filter((c) => !(c.isGenerated && rows.every((r) => c.getEntityValue(r) === undefined)));
  const head = `INSERT INTO ${driver.escape(md.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    for (const r of chunk) {
      for (const c of columns) {
        const v = c.getEntityValue(r);
        if (v === undefined) throw new Error(`bulk insert into ${md.tableName}: no value for ${c.propertyName}`);
        params.push(driver.preparePersistentValue(v, c));
      }
    }
    await em.query(head + chunk.map(() => tuple).join(', '), params);
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
  const write = async (hs: DemoHistory[]) => {
    await withTransaction(ds, async (em) => {
      await insertChunked(em, ReportEntity, hs.map((h) => h.report), 250);
      await insertChunked(em, TimelineEventEntity, hs.flatMap((h) => h.timeline) as TimelineEventEntity[], 1000);
      await insertChunked(em, ResponseEntity, hs.flatMap((h) => h.responses), 1000);
      await insertChunked(em, ReportDetailEntity, hs.flatMap((h) => h.details), 1000);
      await insertChunked(em, AttachmentEntity, hs.flatMap((h) => h.attachments), 1000);
      const events = hs.flatMap((h) => h.outbox);
      await em.createQueryBuilder().update(OutboxHeadEntity).set({ seq: () => `seq + ${events.length}` }).where('id = 1').execute();
      const head = await em.findOneByOrFail(OutboxHeadEntity, { id: 1 });
      const first = head.seq - events.length + 1;
      await insertChunked(em, OutboxEventEntity, events.map((e, i) => ({ ...e, seq: first + i })), 1000);
      done.reports += hs.length;
      done.events += events.length;
    });
    opts.onBatch?.({ ...done });
  };
  // The next batch is generated while the database stores the previous one (one transaction at a time, so
  // seq ranges stay in order); generation yields every few histories so the writing transaction's
  // statements are sent in between instead of after the whole batch.
  let writing: Promise<void> = Promise.resolve();
  let batch: DemoHistory[] = [];
  let sinceYield = 0;
  for (const h of histories) {
    batch.push(h);
    if (++sinceYield >= 25) {
      sinceYield = 0;
      await new Promise<void>((r) => setImmediate(r));
    }
    if (batch.length >= batchSize) {
      await writing;
      writing = write(batch);
      writing.catch(() => undefined); // awaited below or at the next batch; no unhandled rejection meanwhile
      batch = [];
    }
  }
  await writing;
  if (batch.length) await write(batch);
  return done;
}
