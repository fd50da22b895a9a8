import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * The reporter's answer to a hold: `report_detail` rows (text) and `attachment.detailId` for the files
 * added with them; plus the indexes the orphan-upload sweep needs (unlinked by age, references by key).
 */
export class ReportDetails1765000000000 implements MigrationInterface {
  name = 'ReportDetails1765000000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'report_detail',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'reportId', type: 'varchar', length: '36' },
          { name: 'body', type: 'text' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'idx_report_detail_report', columnNames: ['reportId', 'createdAt'] }],
      }),
    );
    await qr.addColumn('attachment', new TableColumn({ name: 'detailId', type: 'varchar', length: '36', isNullable: true }));
    await qr.createIndex('attachment', new TableIndex({ name: 'idx_attachment_detail', columnNames: ['detailId'] }));
    await qr.createIndex('attachment', new TableIndex({ name: 'idx_attachment_orphan', columnNames: ['reportId', 'uploadedAt'] }));
    await qr.createIndex('attachment', new TableIndex({ name: 'idx_attachment_storage', columnNames: ['storageKey'] }));
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const name of ['idx_attachment_storage', 'idx_attachment_orphan', 'idx_attachment_detail']) await qr.dropIndex('attachment', name);
    await qr.dropColumn('attachment', 'detailId');
    await qr.dropTable('report_detail', true);
  }
}
