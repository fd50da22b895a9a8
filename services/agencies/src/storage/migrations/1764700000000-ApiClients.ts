import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** Open311 client applications and the hashes of their API keys (issue 14). */
export class ApiClients1764700000000 implements MigrationInterface {
  name = 'ApiClients1764700000000';

  async up(q: QueryRunner): Promise<void> {
    const sqlite = q.connection.options.type === 'better-sqlite3';
    const now = sqlite
      ? { type: 'datetime', default: "(strftime('%Y-%m-%d %H:%M:%f','now'))" }
      : { type: 'datetime', precision: 3, default: 'CURRENT_TIMESTAMP(3)' };
    await q.createTable(
      new Table({
        name: 'api_clients',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'contact', type: 'varchar', length: '254', isNullable: true },
          { name: 'keyHash', type: 'varchar', length: '64' },
          { name: 'keyPrefix', type: 'varchar', length: '16' },
          { name: 'createdAt', ...now },
          { name: 'createdBy', type: 'varchar', length: '36' },
          { name: 'revokedAt', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [{ name: 'uq_api_clients_key_hash', columnNames: ['keyHash'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('api_clients');
  }
}
