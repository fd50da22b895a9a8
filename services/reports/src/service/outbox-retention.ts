import { isMysql, type Logger } from '@pantau/common';
import type { DataSource } from 'typeorm';

/**
 * Outbox retention (issue 11). The outbox grew forever (~9 KB per report: one full ReportSnapshot per
 * transition). An event is deleted once
 *   1. every consumer that ever pulled has acknowledged it (a pull with `after=N` acknowledges N: the
 *      analytics consumer stores its cursor with the facts, so it asks only for what it has not applied), and
 *   2. it occurred more than PANTAU_OUTBOX_RETENTION_DAYS ago (default 30; `off` keeps everything),
 *      so that a consumer restored from a snapshot (backup) younger than that can catch up.
 * Nothing is pruned before some consumer has pulled. A pull for events already pruned is refused with
 * 410 OUTBOX_PRUNED (never silently skipped: the consumer would otherwise take the hole for a gap).
 * A rebuild from zero then needs a snapshot of the consumer's store, or a full resnapshot (one event per
 * report with its current snapshot: enough, since applying an event only upserts the report's fact).
 */
export const DEFAULT_OUTBOX_RETENTION_DAYS = 30;

export function outboxRetentionMs(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = (env.PANTAU_OUTBOX_RETENTION_DAYS ?? '').trim().toLowerCase();
  if (raw === 'off' || raw === 'never' || raw === 'none') return null;
  const days = raw === '' ? DEFAULT_OUTBOX_RETENTION_DAYS : Number(raw);
  if (!Number.isFinite(days) || days < 0) return DEFAULT_OUTBOX_RETENTION_DAYS * 86_400_000;
  return days * 86_400_000;
}

/** Highest seq deleted so far (0: nothing pruned). */
export async function prunedThrough(ds: DataSource): Promise<number> {
  const rows: Array<{ t: unknown }> = await ds.query('SELECT throughSeq AS t FROM outbox_pruned WHERE id = 1');
  return rows.length ? Number(rows[0].t) : 0;
}

const lastAck = new WeakMap<DataSource, Map<string, number>>();

/** Records that `service` has every event up to `seq` (written only when it moves forward). */
export async function recordAck(ds: DataSource, service: string, seq: number): Promise<void> {
  let seen = lastAck.get(ds);
  if (!seen) lastAck.set(ds, (seen = new Map()));
  if ((seen.get(service) ?? -1) >= seq) return;
  const now = new Date();
  if (isMysql(ds)) {
    await ds.query(
      'INSERT INTO outbox_consumer (service, ackedSeq, updatedAt) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE ackedSeq = GREATEST(ackedSeq, VALUES(ackedSeq)), updatedAt = VALUES(updatedAt)',
      [service, seq, now],
    );
  } else {
    await ds.query(
      'INSERT INTO outbox_consumer (service, ackedSeq, updatedAt) VALUES (?, ?, ?) ON CONFLICT (service) DO UPDATE SET ackedSeq = MAX(ackedSeq, excluded.ackedSeq), updatedAt = excluded.updatedAt',
      [service, seq, now.toISOString()],
    );
  }
  seen.set(service, seq);
}

export interface PruneResult {
  deleted: number;
  throughSeq: number;
}

/** Deletes acknowledged events older than the retention, in batches; returns how many and how far. */
export async function pruneOutbox(ds: DataSource, opts: { retentionMs: number | null; now?: Date; batch?: number }): Promise<PruneResult> {
  const before = await prunedThrough(ds);
  if (opts.retentionMs === null) return { deleted: 0, throughSeq: before };
  const acks: Array<{ m: unknown; n: unknown }> = await ds.query('SELECT MIN(ackedSeq) AS m, COUNT(*) AS n FROM outbox_consumer');
  if (!acks.length || Number(acks[0].n) === 0) return { deleted: 0, throughSeq: before };
  const acked = Number(acks[0].m);
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.retentionMs);
  const batch = opts.batch ?? 5000;
  let deleted = 0;
  let through = before;
  for (;;) {
    // the oldest prunable run, in seq order: stop at the first event still inside the retention
    const rows: Array<{ seq: unknown; occurredAt: unknown }> = await ds.query(
      'SELECT seq, occurredAt FROM outbox_event WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
      [through, acked, batch],
    );
    let last = through;
    for (const r of rows) {
      const at = r.occurredAt instanceof Date ? r.occurredAt : new Date(`${String(r.occurredAt).replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(String(r.occurredAt)) ? '' : 'Z'}`);
      if (!(at < cutoff)) break;
      last = Number(r.seq);
    }
    if (last === through) break;
    await ds.transaction(async (em) => {
      const res = await em.query('DELETE FROM outbox_event WHERE seq > ? AND seq <= ?', [through, last]);
      deleted += Number(isMysql(ds) ? res.affectedRows : (res?.changes ?? last - through));
      await em.query('UPDATE outbox_pruned SET throughSeq = ? WHERE id = 1', [last]);
    });
    through = last;
    if (rows.length < batch || Number(rows[rows.length - 1].seq) !== last) break;
  }
  return { deleted, throughSeq: through };
}

export interface PrunerHandle {
  runNow(): Promise<PruneResult>;
  stop(): Promise<void>;
}

/** Prunes every `intervalMs` (PANTAU_OUTBOX_PRUNE_INTERVAL_MS, default hourly; 0: never), first after one interval. */
export function startOutboxPruner(opts: { ds: DataSource; logger?: Logger; intervalMs?: number; retentionMs?: number | null }): PrunerHandle {
  const intervalMs = opts.intervalMs ?? Number(process.env.PANTAU_OUTBOX_PRUNE_INTERVAL_MS ?? 3_600_000);
  const retentionMs = opts.retentionMs === undefined ? outboxRetentionMs() : opts.retentionMs;
  let running: Promise<PruneResult> | null = null;
  const runNow = () =>
    (running ??= pruneOutbox(opts.ds, { retentionMs })
      .then((r) => {
        if (r.deleted) opts.logger?.info(r, 'outbox pruned');
        return r;
      })
      .finally(() => (running = null)));
  const timer = intervalMs > 0 ? setInterval(() => runNow().catch((err) => opts.logger?.warn({ err: (err as Error).message }, 'outbox prune failed')), intervalMs) : null;
  timer?.unref();
  return {
    runNow,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
