import { envInt, type Logger } from '@pantau/common';
import { In, IsNull, type DataSource } from 'typeorm';
import { AttachmentEntity } from '../entities';
import { withTransaction } from '../service/transactions';
import { keyLockFor } from './key-lock';
import type { AttachmentStorage } from './storage';

const HOUR_MS = 3_600_000;

/** Uploads never attached to a report, response or detail within this long are deleted. */
export const ORPHAN_MAX_AGE_MS = 24 * HOUR_MS;
export const DEFAULT_SWEEP_INTERVAL_MS = HOUR_MS;

/** `ATTACHMENT_SWEEP_INTERVAL_MS` (default hourly; 0 turns the periodic sweep off). */
export function sweepIntervalMs(): number {
  return envInt('ATTACHMENT_SWEEP_INTERVAL_MS', DEFAULT_SWEEP_INTERVAL_MS);
}

export interface SweepOptions {
  ds: DataSource;
  storage: AttachmentStorage;
  /** Default: the current time. */
  now?: Date;
  /** Default ORPHAN_MAX_AGE_MS. */
  maxAgeMs?: number;
  /** Rows read per round (default 500). */
  batch?: number;
}

export interface SweepResult {
  /** Attachment rows deleted. */
  rows: number;
  /** Files deleted from storage (content no other row references). */
  files: number;
}

/**
 * Deletes uploads that were never linked (reportId still null) and are older than `maxAgeMs`: the
 * row, and the stored file unless another attachment row still references the same content hash
 * (storage is content-addressed, so one file can back several rows). Per content hash the work runs
 * under the same in-process lock as the upload route, and the delete re-checks `reportId IS NULL`, so
 * an upload being linked at that moment is either linked (and kept) or gone (and the link fails).
 */
export async function sweepOrphanAttachments(opts: SweepOptions): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - (opts.maxAgeMs ?? ORPHAN_MAX_AGE_MS));
  const batch = opts.batch ?? 500;
  const lock = keyLockFor(opts.storage);
  const repo = opts.ds.getRepository(AttachmentEntity);
  const out: SweepResult = { rows: 0, files: 0 };
  for (;;) {
    const orphans = await repo
      .createQueryBuilder('a')
      .select(['a.id', 'a.storageKey'])
      .where('a.reportId IS NULL AND a.uploadedAt < :cutoff', { cutoff })
      .orderBy('a.uploadedAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(batch)
      .getMany();
    if (!orphans.length) break;
    const byKey = new Map<string, string[]>();
    for (const a of orphans) byKey.set(a.storageKey, [...(byKey.get(a.storageKey) ?? []), a.id]);
    let deleted = 0;
    for (const [key, ids] of byKey) {
      await lock.run(key, async () => {
        const res = await withTransaction(opts.ds, (em) =>
          em.createQueryBuilder().delete().from(AttachmentEntity).where({ id: In(ids), reportId: IsNull() }).execute(),
        );
        deleted += res.affected ?? 0;
        const stillReferenced = await repo.exists({ where: { storageKey: key } });
        if (!stillReferenced && (await opts.storage.exists(key))) {
          await opts.storage.remove(key);
          out.files += 1;
        }
      });
    }
    out.rows += deleted;
    // fewer than a full page, or nothing deletable (all linked meanwhile): done
    if (orphans.length < batch || deleted === 0) break;
  }
  return out;
}

export interface SweeperHandle {
  /** Runs one sweep now (waits for a running one first); resolves with its result. */
  runNow(): Promise<SweepResult>;
  /** Stops the timer and waits for a running sweep. */
  stop(): Promise<void>;
}

/**
 * Sweeps every `intervalMs` (first run right away), never two at once; failures are logged and the
 * next tick tries again. The timer does not keep the process alive.
 */
export function startOrphanSweeper(opts: Omit<SweepOptions, 'now'> & { intervalMs: number; logger: Logger }): SweeperHandle {
  let running: Promise<SweepResult> | null = null;
  let stopped = false;
  const sweep = (): Promise<SweepResult> => {
    if (running) return running.then(() => sweep());
    // wall-clock time, like the uploads' uploadedAt
    running = sweepOrphanAttachments(opts)
      .then((r) => {
        if (r.rows) opts.logger.info({ ...r }, 'orphan attachments swept');
        return r;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const tick = () => {
    if (stopped || running) return;
    sweep().catch((err) => opts.logger.warn({ err }, 'orphan attachment sweep failed'));
  };
  const timer = opts.intervalMs > 0 ? setInterval(tick, opts.intervalMs) : null;
  timer?.unref();
  if (timer) setImmediate(tick);
  return {
    runNow: sweep,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
