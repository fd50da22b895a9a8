import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import { grainByName } from '../grains';
import { rebuildAllTime } from '../writer';

/**
 * All-time per-agency rollup (issue 11): `ru_agency_all` with the columns of `ru_agency_month` less the
 * month, `hist_agency_all` keyed (metric, agencyId, bucket); filled from what is stored already.
 */
export class AgencyAllTime1766100000000 implements MigrationInterface {
  name = 'AgencyAllTime1766100000000';

  async up(q: QueryRunner): Promise<void> {
    const month = await q.getTable('ru_agency_month');
    if (!month) throw new Error('ru_agency_month is missing');
    const columns: TableColumnOptions[] = month.columns
      .filter((c) => c.name !== 'month')
      .map((c) => ({ name: c.name, type: c.type, length: c.length, isPrimary: c.isPrimary, default: c.default, isNullable: c.isNullable }));
    await q.createTable(new Table({ name: 'ru_agency_all', columns }));
    const agency = columns.find((c) => c.name === 'agencyId')!;
    await q.createTable(
      new Table({
        name: 'hist_agency_all',
        columns: [
          { name: 'metric', type: 'smallint', isPrimary: true },
          { ...agency, isPrimary: true },
          { name: 'bucket', type: 'smallint', isPrimary: true },
          { name: 'n', type: 'bigint', default: 0 },
        ],
      }),
    );
    await rebuildAllTime(q.manager, grainByName('agency'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('hist_agency_all');
    await q.dropTable('ru_agency_all');
  }
}
