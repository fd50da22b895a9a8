import type { EntityManager } from 'typeorm';
import { isMysql } from '@pantau/common';
import { BurstCountEntity, ReportEntity } from '../entities';
import { burstKeys, counterKeys } from '../domain/bursts';
import type { WorkingCalendar } from '../domain/sla';
import { insertRows } from './insert';

/** Sets the keys a report's bursts are counted by (its local day, text and reporter hashes). */
export function setBurstKeys(r: ReportEntity, calendar: WorkingCalendar): ReportEntity {
  return Object.assign(r, burstKeys(r, calendar.localDay(r.submittedAt)));
}

/**
 * Adds reports to the per-day burst counters: one multi-row upsert (counts summed per key first).
 * Callers take the outbox seq before this (the one-row outbox_head lock), so counter writers are
 * serialised and two submissions never lock the same counters in opposite orders.
 */
export async function countBurstKeys(em: EntityManager, reports: ReportEntity[], perStatement = 500): Promise<void> {
  const counts = new Map<string, { day: string; burstKey: string; reports: number }>();
  for (const r of reports) {
    if (!r.localDay || !r.textHash) throw new Error(`report ${r.id}: burst keys not set`);
    for (const k of counterKeys({ localDay: r.localDay, textHash: r.textHash, reporterHash: r.reporterHash })) {
      const id = `${r.localDay}|${k}`;
      const c = counts.get(id) ?? counts.set(id, { day: r.localDay, burstKey: k, reports: 0 }).get(id)!;
      c.reports++;
    }
  }
  const rows = [...counts.values()].sort((a, b) => (a.day + a.burstKey < b.day + b.burstKey ? -1 : 1));
  const table = em.connection.getMetadata(BurstCountEntity).tableName;
  const onConflict = isMysql(em.connection) ? 'ON DUPLICATE KEY UPDATE reports = reports + VALUES(reports)' : 'ON CONFLICT (day, burstKey) DO UPDATE SET reports = reports + excluded.reports';
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await em.query(
      `INSERT INTO ${table} (day, burstKey, reports) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')} ${onConflict}`,
      chunk.flatMap((c) => [c.day, c.burstKey, c.reports]),
    );
  }
}

/** Inserts new reports with their burst keys set (the counters are added by countBurstKeys, after the outbox seq). */
export async function insertReports(em: EntityManager, reports: ReportEntity[], calendar: WorkingCalendar, perStatement?: number): Promise<void> {
  for (const r of reports) setBurstKeys(r, calendar);
  await insertRows(em, ReportEntity, reports, perStatement);
}
