import type { DataSource, EntityManager } from 'typeorm';
import { isMysql } from '@pantau/common';

/** Anything that runs a raw query: the data source, or a transaction's entity manager. */
export type Db = DataSource | EntityManager;

/** SQLite accepts at most 32,766 bound parameters per statement; MariaDB 65,535. */
const MAX_PARAMS = 30_000;

export function chunkRows<T>(rows: T[], columnsPerRow: number, maxRows = 2000): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMS / Math.max(1, columnsPerRow))));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const placeholders = (n: number) => `(${new Array(n).fill('?').join(', ')})`;

/**
 * Multi-row upsert. `mode: 'add'` adds the new values to the existing row (rollup increments);
 * `mode: 'replace'` overwrites the non-key columns (fact rows).
 */
export async function upsertRows(
  db: Db,
  table: string,
  keyColumns: string[],
  valueColumns: string[],
  rows: unknown[][],
  mode: 'add' | 'replace',
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...keyColumns, ...valueColumns];
  const mysql = isMysql(db);
  const set = valueColumns
    .map((c) =>
      mysql
        ? mode === 'add'
          ? `${c} = ${c} + VALUES(${c})`
          : `${c} = VALUES(${c})`
        : mode === 'add'
          ? `${c} = ${c} + excluded.${c}`
          : `${c} = excluded.${c}`,
    )
    .join(', ');
  for (const chunk of chunkRows(rows, columns.length)) {
    const values = chunk.map(() => placeholders(columns.length)).join(', ');
    const sql = mysql
      ? `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON DUPLICATE KEY UPDATE ${set}`
      : `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${set}`;
    await db.query(sql, chunk.flat());
  }
}

export async function insertRows(db: Db, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (const chunk of chunkRows(rows, columns.length)) {
    const values = chunk.map(() => placeholders(columns.length)).join(', ');
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
}

export const inList = (n: number) => new Array(n).fill('?').join(', ');
