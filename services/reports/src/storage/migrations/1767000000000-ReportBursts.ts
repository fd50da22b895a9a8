import { type MigrationInterface, MoreThan, type QueryRunner, Table, TableIndex } from 'typeorm';
import { ReportEntity } from '../../entities';
import { calendarFromEnv } from '../../domain/sla';
import { countBurstKeys, setBurstKeys } from '../report-rows';

/**
 * Burst keys (issue 11: `reportBursts` read and normalised every report in its period, 1.6 s at 100,000
 * reports): each report's local day, text hash and reporter hash, indexed by day, and the per-day
 * counters of each key. Existing reports are keyed and counted here, in batches, with the reporting time
 * zone of the environment (SLA_TIME_ZONE), as new ones are at intake.
 */
export class ReportBursts1767000000000 implements MigrationInterface {
  name = 'ReportBursts1767000000000';

  async up(qr: QueryRunner): Promise<void> {
    // plain ALTERs: typeorm's addColumn rebuilds a SQLite table, which would drop the full-text triggers on it
    const columns = ['localDay VARCHAR(10) NULL', 'textHash VARCHAR(64) NULL', 'reporterHash VARCHAR(64) NULL'];
    if (qr.connection.options.type === 'better-sqlite3') {
      for (const c of columns) await qr.query(`ALTER TABLE report ADD COLUMN ${c}`);
    } else {
      await qr.query(`ALTER TABLE report ${columns.map((c) => `ADD COLUMN ${c}`).join(', ')}`);
    }
    await qr.createTable(
      new Table({
        name: 'report_burst_count',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'burstKey', type: 'varchar', length: '66', isPrimary: true },
          { name: 'reports', type: 'integer' },
        ],
        indices: [{ name: 'idx_report_burst_count_reports', columnNames: ['reports', 'day'] }],
      }),
    );

    const calendar = calendarFromEnv();
    let after = '';
    for (;;) {
      // through the entity, so submittedAt is read as the driver stores it (SQLite keeps UTC text without a zone)
      const rows = await qr.manager.getRepository(ReportEntity).find({
        select: { id: true, title: true, body: true, reporterEmail: true, reporterPhone: true, submittedAt: true },
        where: { id: MoreThan(after) },
        order: { id: 'ASC' },
        take: 1000,
      });
      if (!rows.length) break;
      for (const r of rows) {
        setBurstKeys(r, calendar);
        await qr.query('UPDATE report SET localDay = ?, textHash = ?, reporterHash = ? WHERE id = ?', [r.localDay, r.textHash, r.reporterHash, r.id]);
      }
      await countBurstKeys(qr.manager, rows);
      after = rows[rows.length - 1].id;
    }

    await qr.createIndex('report', new TableIndex({ name: 'idx_report_burst_text', columnNames: ['localDay', 'textHash'] }));
    await qr.createIndex('report', new TableIndex({ name: 'idx_report_burst_reporter', columnNames: ['localDay', 'reporterHash'] }));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('report', 'idx_report_burst_reporter');
    await qr.dropIndex('report', 'idx_report_burst_text');
    await qr.dropTable('report_burst_count');
    for (const c of ['reporterHash', 'textHash', 'localDay']) await qr.query(`ALTER TABLE report DROP COLUMN ${c}`);
  }
}
