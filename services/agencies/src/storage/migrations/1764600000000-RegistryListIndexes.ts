import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * Registry lists served from indexes (issue 11): `regions(search: "", level: …)` is ordered by
 * (name, code) within one level, and `agencies` by (name, id) among active ones. With these the
 * first page reads page-size index entries instead of sorting 91,599 regions.
 */
export class RegistryListIndexes1764600000000 implements MigrationInterface {
  name = 'RegistryListIndexes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('regions', new TableIndex({ name: 'idx_regions_level_name', columnNames: ['level', 'name', 'code'] }));
    await q.createIndex('agencies', new TableIndex({ name: 'idx_agencies_active_name', columnNames: ['active', 'name', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('agencies', 'idx_agencies_active_name');
    await q.dropIndex('regions', 'idx_regions_level_name');
  }
}
