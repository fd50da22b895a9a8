import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** Registry schema: regions, agencies, topics, duties, roads, staff accounts. Same on SQLite and MariaDB. */
export class Registry1764400000000 implements MigrationInterface {
  name = 'Registry1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const ts = { type: 'datetime', precision: 3, default: 'CURRENT_TIMESTAMP(3)' };
    const sqlite = q.connection.options.type === 'better-sqlite3';
    const now = sqlite ? { type: 'datetime', default: "(strftime('%Y-%m-%d %H:%M:%f','now'))" } : ts;

    await q.createTable(
      new Table({
        name: 'regions',
        columns: [
          { name: 'code', type: 'varchar', length: '13', isPrimary: true },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'level', type: 'varchar', length: '10' },
          { name: 'parentCode', type: 'varchar', length: '13', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_regions_parent', columnNames: ['parentCode', 'code'] }),
          new TableIndex({ name: 'idx_regions_name', columnNames: ['name'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'agencies',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'code', type: 'varchar', length: '40' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'nameEn', type: 'varchar', length: '200', isNullable: true },
          { name: 'level', type: 'varchar', length: '10' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'regionCode', type: 'varchar', length: '13', isNullable: true },
          { name: 'parentId', type: 'varchar', length: '64', isNullable: true },
          { name: 'active', type: 'boolean', default: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_agencies_lookup', columnNames: ['level', 'kind', 'regionCode'] }),
          new TableIndex({ name: 'idx_agencies_parent', columnNames: ['parentId'] }),
          new TableIndex({ name: 'idx_agencies_region', columnNames: ['regionCode'] }),
          new TableIndex({ name: 'idx_agencies_name', columnNames: ['name'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'topics',
        columns: [
          { name: 'code', type: 'varchar', length: '40', isPrimary: true },
          { name: 'labelId', type: 'varchar', length: '120' },
          { name: 'labelEn', type: 'varchar', length: '120' },
          { name: 'asset', type: 'boolean', default: false },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'duties',
        columns: [
          { name: 'topicCode', type: 'varchar', length: '40', isPrimary: true },
          { name: 'level', type: 'varchar', length: '10', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '40', isPrimary: true },
          { name: 'priority', type: 'int', default: 0 },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'roads',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'lengthKm', type: 'float', isNullable: true },
          { name: 'sample', type: 'boolean', default: false },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'road_regions',
        columns: [
          { name: 'roadId', type: 'varchar', length: '64', isPrimary: true },
          { name: 'regionCode', type: 'varchar', length: '13', isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'idx_road_regions_region', columnNames: ['regionCode'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff_accounts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '190' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'passwordHash', type: 'varchar', length: '200' },
          { name: 'role', type: 'varchar', length: '12' },
          { name: 'agencyId', type: 'varchar', length: '64' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'createdAt', ...now },
        ],
        indices: [
          new TableIndex({ name: 'uq_staff_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'idx_staff_agency', columnNames: ['agencyId'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['staff_accounts', 'road_regions', 'roads', 'duties', 'topics', 'agencies', 'regions']) {
      await q.dropTable(t);
    }
  }
}
