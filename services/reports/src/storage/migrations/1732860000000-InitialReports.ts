import { type MigrationInterface, type QueryRunner, Table, TableIndex, type TableColumnOptions } from 'typeorm';

const id = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
const int = (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(dflt !== undefined ? { default: dflt } : {}),
});
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: 0 });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });

function isMysqlRunner(qr: QueryRunner): boolean {
  const t = qr.connection.options.type;
  return t === 'mysql' || t === 'mariadb';
}

/**
 * Reports' schema, written with the Table API so it runs on SQLite and MariaDB alike; the dialect
 * branches are the full-text index (MariaDB FULLTEXT / SQLite FTS5 kept in sync by triggers) and the
 * triggers that make the timeline append-only.
 */
export class InitialReports1732860000000 implements MigrationInterface {
  name = 'InitialReports1732860000000';

  async up(qr: QueryRunner): Promise<void> {
    const mysql = isMysqlRunner(qr);
    await qr.createTable(
      new Table({
        name: 'report',
        columns: [
          { ...id('id'), isPrimary: true },
          str('trackingId', 24),
          str('idempotencyKey', 100, true),
          str('requestHash', 64, true),
          str('title', 200),
          text('body'),
          str('topic', 64),
          str('classification', 32),
          str('status', 20),
          bool('anonymous'),
          bool('confidential'),
          bool('examination'),
          str('regionCode', 32),
          str('roadId', 64, true),
          str('agencyId', 64, true),
          str('suggestedAgencyId', 64, true),
          text('routingReasons', true),
          str('maladministrationType', 40, true),
          str('reporterName', 120, true),
          str('reporterEmail', 254, true),
          str('reporterPhone', 32, true),
          time('submittedAt'),
          time('dispositionedAt', true),
          time('firstResponseAt', true),
          time('completedAt', true),
          time('archivedAt', true),
          time('ratedAt', true),
          time('verificationDueAt'),
          time('responseDueAt', true),
          time('completionDueAt', true),
          int('forwardCount', false, 0),
          int('responseCount', false, 0),
          int('evidenceResponseCount', false, 0),
          int('reopenCount', false, 0),
          int('rating', true),
          time('updatedAt'),
          int('version'),
        ],
        indices: [
          { name: 'uq_report_tracking', columnNames: ['trackingId'], isUnique: true },
          { name: 'uq_report_idempotency', columnNames: ['idempotencyKey'], isUnique: true },
          { name: 'idx_report_submitted', columnNames: ['submittedAt', 'id'] },
          { name: 'idx_report_agency_submitted', columnNames: ['agencyId', 'submittedAt'] },
          { name: 'idx_report_status', columnNames: ['status', 'submittedAt'] },
          { name: 'idx_report_region', columnNames: ['regionCode'] },
          { name: 'idx_report_updated', columnNames: ['updatedAt', 'id'] },
        ],
      }),
    );

    await qr.createTable(
      new Table({
        name: 'timeline_event',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          id('id'),
          id('reportId'),
          str('type', 40),
          time('at'),
          str('actorId', 64, true),
          str('actorRole', 20),
          str('fromStatus', 20, true),
          str('toStatus', 20),
          str('fromAgencyId', 64, true),
          str('toAgencyId', 64, true),
          text('note', true),
          id('responseId', true),
        ],
        indices: [{ name: 'idx_timeline_report', columnNames: ['reportId', 'seq'] }],
      }),
    );

    await qr.createTable(
      new Table({
        name: 'outbox_event',
        columns: [
          { name: 'seq', type: 'bigint', isPrimary: true },
          id('id'),
          str('type', 40),
          id('reportId'),
          time('occurredAt'),
          str('actorRole', 20),
          text('payload'),
        ],
        indices: [
          { name: 'uq_outbox_id', columnNames: ['id'], isUnique: true },
          { name: 'idx_outbox_report', columnNames: ['reportId'] },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'outbox_head',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'seq', type: 'bigint' },
        ],
      }),
    );
    await qr.query('INSERT INTO outbox_head (id, seq) VALUES (1, 0)');

    await qr.createTable(
      new Table({
        name: 'response',
        columns: [{ ...id('id'), isPrimary: true }, id('reportId'), str('agencyId', 64), str('authorId', 64, true), text('body'), time('createdAt')],
        indices: [{ name: 'idx_response_report', columnNames: ['reportId', 'createdAt'] }],
      }),
    );

    await qr.createTable(
      new Table({
        name: 'attachment',
        columns: [
          { ...id('id'), isPrimary: true },
          id('reportId', true),
          id('responseId', true),
          str('filename', 255),
          str('contentType', 64),
          int('size'),
          str('sha256', 64),
          str('storageKey', 128),
          time('uploadedAt'),
          str('uploaderRole', 20),
          str('uploaderId', 64, true),
        ],
        indices: [
          { name: 'idx_attachment_report', columnNames: ['reportId'] },
          { name: 'idx_attachment_response', columnNames: ['responseId'] },
        ],
      }),
    );

    if (mysql) {
      await qr.createIndex('report', new TableIndex({ name: 'ft_report_title_body', columnNames: ['title', 'body'], isFulltext: true }));
      for (const op of ['UPDATE', 'DELETE']) {
        await qr.query(
          `CREATE TRIGGER timeline_event_no_${op.toLowerCase()} BEFORE ${op} ON timeline_event FOR EACH ROW ` +
            `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'timeline_event is append-only'`,
        );
      }
    } else {
      await qr.query(
        `CREATE VIRTUAL TABLE report_fts USING fts5(report_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')`,
      );
      await qr.query(
        `CREATE TRIGGER report_fts_ai AFTER INSERT ON report BEGIN ` +
          `INSERT INTO report_fts (report_id, title, body) VALUES (new.id, new.title, new.body); END`,
      );
      await qr.query(
        `CREATE TRIGGER report_fts_au AFTER UPDATE OF title, body ON report BEGIN ` +
          `UPDATE report_fts SET title = new.title, body = new.body WHERE report_id = old.id; END`,
      );
      await qr.query(`CREATE TRIGGER report_fts_ad AFTER DELETE ON report BEGIN DELETE FROM report_fts WHERE report_id = old.id; END`);
      for (const op of ['UPDATE', 'DELETE']) {
        await qr.query(
          `CREATE TRIGGER timeline_event_no_${op.toLowerCase()} BEFORE ${op} ON timeline_event BEGIN ` +
            `SELECT RAISE(ABORT, 'timeline_event is append-only'); END`,
        );
      }
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    const mysql = isMysqlRunner(qr);
    for (const op of ['update', 'delete']) await qr.query(`DROP TRIGGER IF EXISTS timeline_event_no_${op}`);
    if (!mysql) {
      for (const t of ['ai', 'au', 'ad']) await qr.query(`DROP TRIGGER IF EXISTS report_fts_${t}`);
      await qr.query('DROP TABLE IF EXISTS report_fts');
    }
    for (const t of ['attachment', 'response', 'outbox_head', 'outbox_event', 'timeline_event', 'report']) {
      await qr.dropTable(t, true);
    }
  }
}
