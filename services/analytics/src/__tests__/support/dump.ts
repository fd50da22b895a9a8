import type { DataSource } from 'typeorm';
import { FACTS_TABLE, CURSOR_TABLE, allDerivedTables } from '../../storage/grains';

const norm = (v: unknown) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v);

/** Every fact (without its surrogate id) and every non-empty rollup row, sorted: equal dumps = equal stores. */
export async function dumpStore(ds: DataSource): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of [FACTS_TABLE, CURSOR_TABLE, ...allDerivedTables()]) {
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM ${t}`);
    out[t] = rows
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id' && k !== 'updatedMs').map(([k, v]) => [k, norm(v)])))
      .filter((r) => (t.startsWith('hist_') ? r.n !== 0 : t.startsWith('ru_') ? r.reports !== 0 : true))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}
