import { type MigrationInterface, type QueryRunner, Table, TableIndex, type TableColumnOptions } from 'typeorm';

/**
 * Analytics schema: the per-report fact table, the consumer cursor, rollups at four grains × two periods
 * and the duration histograms. Same on SQLite and MariaDB (Table API). Instants are epoch milliseconds
 * (BIGINT): durations are integer differences and comparisons are identical on both stores.
 *
 * The lists below are frozen copies: a new measure needs a new migration (a test checks they match the
 * domain's measure list).
 */
export const MEASURE_COLUMNS_V1 = [
  'reports', 'open',
  'st_SUBMITTED', 'st_DISPOSITIONED', 'st_IN_PROGRESS', 'st_COMPLETED', 'st_ON_HOLD', 'st_ARCHIVED',
  'mal_PENUNDAAN_BERLARUT', 'mal_TIDAK_MEMBERIKAN_PELAYANAN', 'mal_TIDAK_KOMPETEN', 'mal_PENYALAHGUNAAN_WEWENANG',
  'mal_PERMINTAAN_IMBALAN', 'mal_PENYIMPANGAN_PROSEDUR', 'mal_BERTINDAK_TIDAK_PATUT', 'mal_BERPIHAK',
  'mal_KONFLIK_KEPENTINGAN', 'mal_DISKRIMINASI', 'mal_UNCLASSIFIED',
  'publicCount', 'dispositioned', 'forwarded', 'hops', 'responded', 'evidenced', 'completed', 'everCompleted',
  'reopened', 'rated', 'ratingSum',
  'verOn', 'verLate', 'verPending', 'respOn', 'respLate', 'respPending', 'complOn', 'complLate', 'complPending',
  'overduePending',
  'verN', 'verSum', 'frAgN', 'frAgSum', 'frCitN', 'frCitSum', 'complN', 'complSum',
];

const GRAINS_V1: Array<{ name: string; key: TableColumnOptions | null; histDay: boolean; histMonth: boolean }> = [
  { name: 'all', key: null, histDay: true, histMonth: true },
  { name: 'agency', key: { name: 'agencyId', type: 'varchar', length: '64' }, histDay: false, histMonth: true },
  { name: 'topic', key: { name: 'topic', type: 'varchar', length: '64' }, histDay: false, histMonth: true },
  { name: 'district', key: { name: 'districtKey', type: 'varchar', length: '20' }, histDay: false, histMonth: true },
];

const bigint = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
const small = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'smallint', isNullable: nullable });
const int = (name: string): TableColumnOptions => ({ name, type: 'int', default: 0 });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

/**
 * Secondary indexes of the fact table (exported so the bulk loader can drop them before a load and
 * build them afterwards, which is much faster than maintaining them row by row).
 */
export const FACT_INDEXES_V1: TableIndex[] = [
  new TableIndex({ name: 'idx_af_submitted', columnNames: ['submittedMs'] }),
  // Dimension + period; `topic` included so that counts by topic under a filter never read the rows.
  new TableIndex({ name: 'idx_af_agency', columnNames: ['agencyId', 'submittedMs', 'topic'] }),
  new TableIndex({ name: 'idx_af_topic', columnNames: ['topic', 'submittedMs'] }),
  // Region filters go through the district key (a village filter adds a regionCode condition).
  new TableIndex({ name: 'idx_af_district', columnNames: ['districtKey', 'submittedMs', 'topic'] }),
  // Exact percentiles: the in-bucket selection walks one of these in duration order.
  new TableIndex({ name: 'idx_af_ver', columnNames: ['verMs', 'submittedMs'] }),
  new TableIndex({ name: 'idx_af_frag', columnNames: ['frAgMs', 'submittedMs'] }),
  new TableIndex({ name: 'idx_af_frcit', columnNames: ['frCitMs', 'submittedMs'] }),
  new TableIndex({ name: 'idx_af_compl', columnNames: ['complMs', 'submittedMs'] }),
  // Per-agency medians (leaderboard): the located bucket of each agency.
  new TableIndex({ name: 'idx_af_agency_frag', columnNames: ['agencyId', 'frAgB', 'frAgMs'] }),
];

export class Analytics1764500000000 implements MigrationInterface {
  name = 'Analytics1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const sqlite = q.connection.options.type === 'better-sqlite3';
    const id: TableColumnOptions = sqlite
      ? { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }
      : { name: 'id', type: 'bigint', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };

    await q.createTable(
      new Table({
        name: 'analytics_facts',
        columns: [
          id,
          str('reportId', 64),
          bigint('seq'),
          bigint('submittedMs'),
          { name: 'day', type: 'int' },
          { name: 'month', type: 'int' },
          str('agencyId', 64, true),
          str('regionCode', 20),
          str('districtKey', 20),
          str('topic', 64),
          str('classification', 24),
          str('status', 16),
          small('confidential'),
          str('malType', 32),
          small('examination'),
          bigint('dispositionedMs', true),
          bigint('firstResponseMs', true),
          bigint('completedMs', true),
          bigint('archivedMs', true),
          bigint('verDueMs', true),
          bigint('respDueMs', true),
          bigint('complDueMs', true),
          int('forwardCount'),
          int('responseCount'),
          int('evidenceResponseCount'),
          small('rating', true),
          int('reopenCount'),
          bigint('verMs', true),
          bigint('frAgMs', true),
          bigint('frCitMs', true),
          bigint('complMs', true),
          small('verB', true),
          small('frAgB', true),
          small('frCitB', true),
          small('complB', true),
          small('verOutcome'),
          small('respOutcome'),
          small('complOutcome'),
          bigint('verOverdueFrom', true),
          bigint('respOverdueFrom', true),
          bigint('complOverdueFrom', true),
          bigint('overdueFrom', true),
          bigint('pendingMax', true),
        ],
        indices: [new TableIndex({ name: 'uq_af_report', columnNames: ['reportId'], isUnique: true }), ...FACT_INDEXES_V1],
      }),
    );

    // Facts with a pending deadline (pendingMax not null), narrow and indexed by it: the "overdue now"
    // correction reads the ones whose deadline is still ahead of `now` from here, not from the wide facts.
    await q.createTable(
      new Table({
        name: 'analytics_pending',
        columns: [
          { ...str('reportId', 64), isPrimary: true },
          bigint('pendingMax'),
          bigint('submittedMs'),
          str('agencyId', 64, true),
          str('regionCode', 20),
          str('districtKey', 20),
          str('topic', 64),
          bigint('overdueFrom', true),
          bigint('verOverdueFrom', true),
          bigint('respOverdueFrom', true),
          bigint('complOverdueFrom', true),
        ],
        indices: [new TableIndex({ name: 'idx_ap_pending', columnNames: ['pendingMax'] })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'analytics_cursor',
        columns: [{ name: 'name', type: 'varchar', length: '32', isPrimary: true }, bigint('seq'), bigint('updatedMs')],
      }),
    );

    const measures = MEASURE_COLUMNS_V1.map((n): TableColumnOptions => ({ name: n, type: 'bigint', default: 0 }));
    for (const g of GRAINS_V1) {
      for (const period of ['day', 'month']) {
        const keys: TableColumnOptions[] = [
          ...(g.key ? [{ ...g.key, isPrimary: true }] : []),
          { name: period, type: 'int', isPrimary: true },
        ];
        await q.createTable(new Table({ name: `ru_${g.name}_${period}`, columns: [...keys, ...measures] }));
        if (period === 'day' ? g.histDay : g.histMonth) {
          await q.createTable(
            new Table({
              name: `hist_${g.name}_${period}`,
              // metric first: every histogram read is for one metric over a range of periods.
              columns: [
                { name: 'metric', type: 'smallint', isPrimary: true },
                ...keys,
                { name: 'bucket', type: 'smallint', isPrimary: true },
                { name: 'n', type: 'bigint', default: 0 },
              ],
            }),
          );
        }
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const g of GRAINS_V1) {
      for (const period of ['day', 'month']) {
        await q.dropTable(`ru_${g.name}_${period}`);
        if (period === 'day' ? g.histDay : g.histMonth) await q.dropTable(`hist_${g.name}_${period}`);
      }
    }
    await q.dropTable('analytics_cursor');
    await q.dropTable('analytics_pending');
    await q.dropTable('analytics_facts');
  }
}
