import { isMysql } from '@pantau/common';
import { createTestStore, storeKinds, type TestStore } from '@pantau/testing';
import type { DataSource } from 'typeorm';
import { openReportsStore } from '../storage/datasource';

describe.each(storeKinds())('reports store on %s', (kind) => {
  let store: TestStore;
  let ds: DataSource;
  beforeAll(async () => {
    store = createTestStore(kind);
    ds = await openReportsStore(store.config('reports'));
  });
  afterAll(async () => {
    await ds?.destroy();
    await store?.cleanup();
  });

  it('migrates to a schema that matches the entities', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    // the full-text index is dialect-specific (MariaDB FULLTEXT / SQLite FTS5) and not declared on the entity
    expect(sql.upQueries.map((q) => q.query).filter((q) => !/ft_report_title_body/.test(q))).toEqual([]);
    expect(isMysql(ds)).toBe(kind === 'mysql');
  });

  it('keeps the timeline append-only', async () => {
    await ds.query(
      `INSERT INTO timeline_event (id, reportId, type, at, actorRole, toStatus) VALUES ('e1', 'r1', 'ReportSubmitted', ?, 'REPORTER', 'SUBMITTED')`,
      [kind === 'mysql' ? new Date() : new Date().toISOString()],
    );
    await expect(ds.query(`UPDATE timeline_event SET note = 'x'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM timeline_event`)).rejects.toThrow(/append-only/);
  });
});
