import crypto from 'node:crypto';
import type { OutboxEvent, OutboxPage, ReportEventType } from '@pantau/common';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxEventEntity, OutboxHeadEntity, type ReportEntity } from '../entities';
import { snapshotOf } from './mapping';

export const OUTBOX_DEFAULT_LIMIT = 500;
export const OUTBOX_MAX_LIMIT = 5000;

/**
 * Appends one event inside the caller's transaction. The `outbox_head` row is updated first, which
 * takes its row lock until commit: writers of the outbox are serialised at this point only, so seq is
 * gapless and in commit order. Call it last in a transaction to hold the lock briefly.
 */
export async function appendOutbox(
  em: EntityManager,
  report: ReportEntity,
  type: ReportEventType,
  occurredAt: Date,
  actorRole: string,
): Promise<number> {
  await em.createQueryBuilder().update(OutboxHeadEntity).set({ seq: () => 'seq + 1' }).where('id = 1').execute();
  const head = await em.findOneByOrFail(OutboxHeadEntity, { id: 1 });
  await em.insert(OutboxEventEntity, {
    seq: head.seq,
    id: crypto.randomUUID(),
    type,
    reportId: report.id,
    occurredAt,
    actorRole,
    payload: JSON.stringify(snapshotOf(report)),
  });
  return head.seq;
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
