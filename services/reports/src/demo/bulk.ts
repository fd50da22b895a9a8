import type { DataSource } from 'typeorm';
import { AttachmentEntity, OutboxEventEntity, ReportDetailEntity, ResponseEntity, TimelineEventEntity } from '../entities';
import { calendarFromEnv, type WorkingCalendar } from '../domain/sla';
import type { AttachmentStorage } from '../attachments/storage';
import { takeOutboxSeq } from '../service/outbox';
import { withTransaction } from '../service/transactions';
import { insertRows } from '../storage/insert';
import { countBurstKeys, insertReports } from '../storage/report-rows';
import { DEMO_FILES } from './files';
import type { DemoHistory } from './generator';
import fs from 'node:fs';

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
  opts: { batch?: number; onBatch?: (done: BulkResult) => void; calendar?: WorkingCalendar } = {},
): Promise<BulkResult> {
  const calendar = opts.calendar ?? calendarFromEnv();
  const batchSize = opts.batch ?? 500;
  const done: BulkResult = { reports: 0, events: 0 };
  const write = async (hs: DemoHistory[]) => {
    await withTransaction(ds, async (em) => {
      await insertReports(em, hs.map((h) => h.report), calendar, 250);
      await insertRows(em, TimelineEventEntity, hs.flatMap((h) => h.timeline) as TimelineEventEntity[], 1000);
      await insertRows(em, ResponseEntity, hs.flatMap((h) => h.responses), 1000);
      await insertRows(em, ReportDetailEntity, hs.flatMap((h) => h.details), 1000);
      await insertRows(em, AttachmentEntity, hs.flatMap((h) => h.attachments), 1000);
      const events = hs.flatMap((h) => h.outbox);
      const first = (await takeOutboxSeq(em, events.length)) - events.length + 1;
      await insertRows(em, OutboxEventEntity, events.map((e, i) => ({ ...e, seq: first + i })), 1000);
      await countBurstKeys(em, hs.map((h) => h.report));
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
