import crypto from 'node:crypto';
import type { OutboxEvent, OutboxPage, ReportEventType } from '@pantau/common';
import type { DataSource, EntityManager } from 'typeorm';
import { isMysql } from '@pantau/common';
import { OutboxEventEntity, OutboxHeadEntity, type ReportEntity } from '../entities';
import { insertRows } from '../storage/insert';
import { snapshotOf } from './mapping';

export const OUTBOX_DEFAULT_LIMIT = 500;
export const OUTBOX_MAX_LIMIT = 5000;

/**
 * Takes the next outbox seq in one statement. Updating `outbox_head` takes its row lock until commit:
 * writers of the outbox are serialised at this point only, so seq is gapless and in commit order.
 * MariaDB hands the new value back through LAST_INSERT_ID(expr) (the statement's insertId), SQLite
 * through RETURNING: no second statement to read it while the lock is held.
 */
export async function takeOutboxSeq(em: EntityManager, count = 1): Promise<number> {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`takeOutboxSeq: bad count ${count}`);
  if (isMysql(em)) {
    const res: { insertId?: number | string; affectedRows?: number } = await em.query('UPDATE outbox_head SET seq = LAST_INSERT_ID(seq + ?) WHERE id = 1', [count]);
    if (res?.affectedRows !== 1 || res.insertId === undefined) throw new Error('outbox_head row missing');
    return Number(res.insertId);
  }
  const rows: Array<{ seq: unknown }> = await em.query('UPDATE outbox_head SET seq = seq + ? WHERE id = 1 RETURNING seq', [count]);
  if (rows.length !== 1) throw new Error('outbox_head row missing');
  return Number(rows[0].seq);
}

/**
 * Appends one event inside the caller's transaction (takeOutboxSeq). Call it last in a transaction to
 * hold the outbox_head lock briefly: two statements (seq, event) before the commit.
 */
export async function appendOutbox(
  em: EntityManager,
  report: ReportEntity,
  type: ReportEventType,
  occurredAt: Date,
  actorRole: string,
): Promise<number> {
  const payload = JSON.stringify(snapshotOf(report));
  const seq = await takeOutboxSeq(em);
  await insertRows(em, OutboxEventEntity, [{ seq, id: crypto.randomUUID(), type, reportId: report.id, occurredAt, actorRole, payload }]);
  return seq;
}

export function toOutboxEvent(row: OutboxEventEntity): OutboxEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type as ReportEventType,
    reportId: row.reportId,
    occurredAt: row.occurredAt.toISOString(),
    actorRole: row.actorRole,
    report: JSON.parse(row.payload),
  };
}

/** Events with seq > after, in seq order. */
export async function readOutbox(ds: DataSource, after: number, limit: number): Promise<OutboxPage> {
  const [rows, head] = await Promise.all([
    ds.getRepository(OutboxEventEntity).createQueryBuilder('o').where('o.seq > :after', { after }).orderBy('o.seq', 'ASC').take(limit).getMany(),
    ds.getRepository(OutboxHeadEntity).findOneByOrFail({ id: 1 }),
  ]);
  return { events: rows.map(toOutboxEvent), headSeq: Number(head.seq) };
}
