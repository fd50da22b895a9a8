import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** Staff token version (revocation): tokens carry it as `ver`; bumping it ends every session of the account. */
export class StaffTokenVersion1764500000000 implements MigrationInterface {
  name = 'StaffTokenVersion1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('staff_accounts', new TableColumn({ name: 'tokenVersion', type: 'int', default: 0, isNullable: false }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('staff_accounts', 'tokenVersion');
  }
}
