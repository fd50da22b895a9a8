import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * Outbox retention (issue 11): each consumer's acknowledged position (the `after` it last pulled with:
 * everything up to it is applied on its side) and how far the outbox has been pruned.
 */
export class OutboxRetention1766000000000 implements MigrationInterface {
  name = 'OutboxRetention1766000000000';

  async up(qr: QueryRunner): Promise<void> {
    const sqlite = qr.connection.options.type === 'better-sqlite3';
    await qr.createTable(
      new Table({
        name: 'outbox_consumer',
        columns: [
          { name: 'service', type: 'varchar', length: '40', isPrimary: true },
          { name: 'ackedSeq', type: 'bigint', default: 0 },
          { name: 'updatedAt', type: 'datetime', precision: sqlite ? undefined : 3 },
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'outbox_pruned',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'throughSeq', type: 'bigint', default: 0 },
        ],
      }),
    );
    await qr.query('INSERT INTO outbox_pruned (id, throughSeq) VALUES (1, 0)');
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('outbox_pruned');
    await qr.dropTable('outbox_consumer');
  }
}
