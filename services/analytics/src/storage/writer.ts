import type { OutboxEvent } from '@pantau/common';
import { isMysql, numOrNull } from '@pantau/common';
import {
  FACT_COLUMNS,
  MEASURE_NAMES,
  addInto,
  factFromSnapshot,
  isZero,
  measuresOf,
  zeroMeasures,
  type Fact,
  type Measures,
} from '../domain/facts';
import type { ZonedCalendar } from '../domain/time';
import {
  CURSOR_TABLE,
  FACTS_TABLE,
  GRAINS,
  METRIC_IDS,
  OUTBOX_CURSOR,
  PENDING_COLUMNS,
  PENDING_TABLE,
  allDerivedTables,
  hasAllTime,
  histTable,
  rollupTable,
  type Grain,
  type Period,
} from './grains';
import { measureSql } from './measures-sql';
import { chunkRows, inList, insertRows, upsertRows, type Db } from './sql';

/**
 * The write path: applying outbox events to facts and rollups (incremental), and rebuilding rollups
 * from facts (bulk). Both keep the invariant every query relies on: each rollup row is the sum of the
 * measures of the facts that fall in it.
 */

const STRING_COLUMNS = new Set<keyof Fact>(['reportId', 'agencyId', 'regionCode', 'districtKey', 'topic', 'classification', 'status', 'malType']);

export function factFromRow(row: Record<string, unknown>): Fact {
  const f: Record<string, unknown> = {};
  for (const c of FACT_COLUMNS) {
    const v = row[c];
    f[c] = STRING_COLUMNS.has(c) ? (v === null || v === undefined ? null : String(v)) : numOrNull(v);
  }
  return f as unknown as Fact;
}

export const factRow = (f: Fact): unknown[] => FACT_COLUMNS.map((c) => f[c]);

export async function loadFacts(db: Db, reportIds: string[]): Promise<Map<string, Fact>> {
  const out = new Map<string, Fact>();
  for (const chunk of chunkRows(reportIds, 1, 1000)) {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ${FACT_COLUMNS.join(', ')} FROM ${FACTS_TABLE} WHERE reportId IN (${inList(chunk.length)})`,
      chunk,
    );
    for (const row of rows) {
      const f = factFromRow(row);
      out.set(f.reportId, f);
    }
  }
  return out;
}

export async function readCursor(db: Db, forUpdate = false): Promise<number> {
  const lock = forUpdate && isMysql(db) ? ' FOR UPDATE' : '';
  const rows: Array<{ seq: unknown }> = await db.query(`SELECT seq FROM ${CURSOR_TABLE} WHERE name = ?${lock}`, [OUTBOX_CURSOR]);
  return rows.length ? Number(rows[0].seq) : 0;
}

export async function writeCursor(db: Db, seq: number): Promise<void> {
  await upsertRows(db, CURSOR_TABLE, ['name'], ['seq', 'updatedMs'], [[OUTBOX_CURSOR, seq, Date.now()]], 'replace');
}

/** Sums rollup and histogram deltas per row key, then writes them as increments. */
export class DeltaAccumulator {
  private readonly rollups = new Map<string, Map<string, { keys: unknown[]; m: Measures }>>();
  private readonly hists = new Map<string, Map<string, { keys: unknown[]; n: number }>>();

  add(f: Fact, sign: 1 | -1): void {
    const m = measuresOf(f);
    for (const g of GRAINS) {
      const gk = g.key ? f[g.key] : null;
      if (g.key && gk === null) continue; // reports not yet routed belong to no agency
      for (const period of ['day', 'month'] as Period[]) {
        const pk = period === 'day' ? f.day : f.month;
        const keys = g.key ? [gk, pk] : [pk];
        const table = rollupTable(g.name, period);
        let rows = this.rollups.get(table);
        if (!rows) this.rollups.set(table, (rows = new Map()));
        const id = JSON.stringify(keys);
        let row = rows.get(id);
        if (!row) rows.set(id, (row = { keys, m: zeroMeasures() }));
        addInto(row.m, m, sign);
        if (!(period === 'day' ? g.histDay : g.histMonth)) continue;
        const htable = histTable(g.name, period);
        let hrows = this.hists.get(htable);
        if (!hrows) this.hists.set(htable, (hrows = new Map()));
        for (const metric of g.histMetrics) {
          const bucket = f[`${metric}B`];
          if (bucket === null) continue;
          const hkeys = [METRIC_IDS[metric], ...keys, bucket];
          const hid = JSON.stringify(hkeys);
          const h = hrows.get(hid);
          if (h) h.n += sign;
          else hrows.set(hid, { keys: hkeys, n: sign });
        }
      }
      if (hasAllTime(g)) this.addAllTime(g, gk, f, m, sign);
    }
  }

  /** The all-time row of a grain (keyed by the grain's key only) and its histogram. */
  private addAllTime(g: Grain, gk: unknown, f: Fact, m: Measures, sign: 1 | -1): void {
    const table = rollupTable(g.name, 'all');
    let rows = this.rollups.get(table);
    if (!rows) this.rollups.set(table, (rows = new Map()));
    const id = JSON.stringify([gk]);
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { keys: [gk], m: zeroMeasures() }));
    addInto(row.m, m, sign);
    const htable = histTable(g.name, 'all');
    let hrows = this.hists.get(htable);
    if (!hrows) this.hists.set(htable, (hrows = new Map()));
    for (const metric of g.histMetrics) {
      const bucket = f[`${metric}B`];
      if (bucket === null) continue;
      const hkeys = [METRIC_IDS[metric], gk, bucket];
      const hid = JSON.stringify(hkeys);
      const h = hrows.get(hid);
      if (h) h.n += sign;
      else hrows.set(hid, { keys: hkeys, n: sign });
    }
  }

  async flush(db: Db): Promise<void> {
    for (const g of GRAINS) {
      for (const period of ['day', 'month'] as Period[]) {
        const keyCols = g.key ? [g.key, period] : [period];
        const rows = [...(this.rollups.get(rollupTable(g.name, period))?.values() ?? [])]
          .filter((r) => !isZero(r.m))
          .map((r) => [...r.keys, ...MEASURE_NAMES.map((n) => r.m[n])]);
        await upsertRows(db, rollupTable(g.name, period), keyCols, MEASURE_NAMES, rows, 'add');
        const hrows = [...(this.hists.get(histTable(g.name, period))?.values() ?? [])]
          .filter((h) => h.n !== 0)
          .map((h) => [...h.keys, h.n]);
        if (hrows.length) await upsertRows(db, histTable(g.name, period), ['metric', ...keyCols, 'bucket'], ['n'], hrows, 'add');
      }
      if (hasAllTime(g)) {
        const rows = [...(this.rollups.get(rollupTable(g.name, 'all'))?.values() ?? [])]
          .filter((r) => !isZero(r.m))
          .map((r) => [...r.keys, ...MEASURE_NAMES.map((n) => r.m[n])]);
        await upsertRows(db, rollupTable(g.name, 'all'), [g.key!], MEASURE_NAMES, rows, 'add');
        const hrows = [...(this.hists.get(histTable(g.name, 'all'))?.values() ?? [])].filter((h) => h.n !== 0).map((h) => [...h.keys, h.n]);
        if (hrows.length) await upsertRows(db, histTable(g.name, 'all'), ['metric', g.key!, 'bucket'], ['n'], hrows, 'add');
      }
    }
  }
}

export interface ApplyResult {
  /** Events at or before the stored cursor (already applied): ignored. */
  skipped: number;
  /** Facts written. */
  facts: number;
  cursor: number;
}

/**
 * Applies events in seq order inside the caller's transaction, together with the cursor. Events are
 * state-carrying, so only the last snapshot of each report in the batch matters; the rollups move by
 * the difference between the stored fact and the new one. Idempotent: events at or before the cursor,
 * or older than the report's stored fact, change nothing.
 */
export async function applyEvents(db: Db, events: OutboxEvent[], cal: ZonedCalendar): Promise<ApplyResult> {
  const cursor = await readCursor(db, true);
  const fresh = events.filter((e) => e.seq > cursor).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0) return { skipped: events.length, facts: 0, cursor };
  const latest = new Map<string, OutboxEvent>();
  for (const e of fresh) latest.set(e.report.id, e);
  const stored = await loadFacts(db, [...latest.keys()]);
  const acc = new DeltaAccumulator();
  const facts: Fact[] = [];
  for (const [id, e] of latest) {
    const old = stored.get(id) ?? null;
    if (old && old.seq >= e.seq) continue;
    const fact = factFromSnapshot(e.report, e.seq, cal);
    if (old) acc.add(old, -1);
    acc.add(fact, 1);
    facts.push(fact);
  }
  await upsertRows(db, FACTS_TABLE, ['reportId'], FACT_COLUMNS.filter((c) => c !== 'reportId'), facts.map((f) => [f.reportId, ...factRow(f).slice(1)]), 'replace');
  await acc.flush(db);
  await syncPending(db, facts);
  const next = fresh[fresh.length - 1].seq;
  await writeCursor(db, next);
  return { skipped: events.length - fresh.length, facts: facts.length, cursor: next };
}

/** Cursor-table row that marks rollups as behind the facts (a replay from zero in progress, see applyFactsOnly). */
export const ROLLUPS_STALE = 'rollups-stale';

/**
 * The replay-from-zero path (issue 11): applies events to the fact table only, with the cursor, and marks
 * the rollups stale in the same transaction. The rollups, histograms and the pending table are then
 * recomputed once from the facts by rebuildRollups (finishReplay), which the property tests check equal
 * to the incremental path. Idempotent like applyEvents (events at or before the cursor, or older than the
 * stored fact, change nothing).
 */
export async function applyFactsOnly(db: Db, events: OutboxEvent[], cal: ZonedCalendar): Promise<ApplyResult> {
  const cursor = await readCursor(db, true);
  const fresh = events.filter((e) => e.seq > cursor).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0) return { skipped: events.length, facts: 0, cursor };
  const latest = new Map<string, OutboxEvent>();
  for (const e of fresh) latest.set(e.report.id, e);
  const stored = await loadFacts(db, [...latest.keys()]);
  const facts: Fact[] = [];
  for (const [id, e] of latest) {
    const old = stored.get(id) ?? null;
    if (old && old.seq >= e.seq) continue;
    facts.push(factFromSnapshot(e.report, e.seq, cal));
  }
  await upsertRows(db, FACTS_TABLE, ['reportId'], FACT_COLUMNS.filter((c) => c !== 'reportId'), facts.map((f) => [f.reportId, ...factRow(f).slice(1)]), 'replace');
  const next = fresh[fresh.length - 1].seq;
  await upsertRows(db, CURSOR_TABLE, ['name'], ['seq', 'updatedMs'], [[OUTBOX_CURSOR, next, Date.now()], [ROLLUPS_STALE, 1, Date.now()]], 'replace');
  return { skipped: events.length - fresh.length, facts: facts.length, cursor: next };
}

export async function rollupsStale(db: Db): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT seq FROM ${CURSOR_TABLE} WHERE name = ?`, [ROLLUPS_STALE]);
  return rows.length > 0;
}

/** Recomputes rollups, histograms and pending rows from the facts and clears the stale mark (end of a replay). */
export async function finishReplay(db: Db): Promise<void> {
  await rebuildRollups(db);
  await db.query(`DELETE FROM ${CURSOR_TABLE} WHERE name = ?`, [ROLLUPS_STALE]);
}

/** Cursor-table row holding the instant before which expired analytics_pending rows were deleted. */
export const PENDING_PRUNED = 'pending-pruned';

/**
 * Deletes analytics_pending rows whose every deadline is before `before` (pendingMax < before): for any
 * `now` at or after it they add nothing to "overdue now" (nowCounts reads pendingMax >= now). The horizon
 * is stored with the cursor and only moves forward; readers asked about an earlier `now` read the fact
 * table instead (AnalyticsReader.pendingSource), so every figure stays exact at every instant.
 */
export async function prunePending(db: Db, before: number): Promise<{ deleted: number; horizon: number }> {
  const horizon = Math.max(before, await readPendingHorizon(db));
  // counted first: typeorm reports no affected-row count for a raw DELETE on SQLite
  const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM ${PENDING_TABLE} WHERE pendingMax < ?`, [horizon]);
  if (Number(n) > 0) await db.query(`DELETE FROM ${PENDING_TABLE} WHERE pendingMax < ?`, [horizon]);
  await upsertRows(db, CURSOR_TABLE, ['name'], ['seq', 'updatedMs'], [[PENDING_PRUNED, horizon, Date.now()]], 'replace');
  return { deleted: Number(n), horizon };
}

export async function readPendingHorizon(db: Db): Promise<number> {
  const rows: Array<{ seq: unknown }> = await db.query(`SELECT seq FROM ${CURSOR_TABLE} WHERE name = ?`, [PENDING_PRUNED]);
  return rows.length ? Number(rows[0].seq) : 0;
}

/** Keeps analytics_pending = the facts that have a pending deadline. */
async function syncPending(db: Db, facts: Fact[]): Promise<void> {
  const pending = facts.filter((f) => f.pendingMax !== null);
  const done = facts.filter((f) => f.pendingMax === null).map((f) => f.reportId);
  await upsertRows(db, PENDING_TABLE, ['reportId'], PENDING_COLUMNS.slice(1), pending.map((f) => PENDING_COLUMNS.map((c) => f[c])), 'replace');
  for (const chunk of chunkRows(done, 1, 1000)) await db.query(`DELETE FROM ${PENDING_TABLE} WHERE reportId IN (${inList(chunk.length)})`, chunk);
}

/** Removes every fact, rollup and the cursor (rebuild from zero). */
export async function wipeAll(db: Db): Promise<void> {
  for (const t of [CURSOR_TABLE, FACTS_TABLE, ...allDerivedTables()]) await db.query(`DELETE FROM ${t}`);
}

/**
 * Bulk path: recomputes every rollup and histogram from the fact table with INSERT … SELECT … GROUP BY.
 * Day grains and histograms read the facts; month grains are summed from the day grains (small).
 */
export async function rebuildRollups(db: Db): Promise<void> {
  const sums = MEASURE_NAMES.map((n) => `SUM(${measureSql(n)})`).join(', ');
  const monthOf = isMysql(db) ? 'day DIV 100' : 'day / 100';
  for (const table of allDerivedTables()) await db.query(`DELETE FROM ${table}`);
  await db.query(
    `INSERT INTO ${PENDING_TABLE} (${PENDING_COLUMNS.join(', ')}) SELECT ${PENDING_COLUMNS.join(', ')} FROM ${FACTS_TABLE} WHERE pendingMax IS NOT NULL`,
  );
  for (const g of GRAINS) {
    const key = g.key ? [g.key] : [];
    const dayCols = [...key, 'day'];
    const where = g.key ? `WHERE ${g.key} IS NOT NULL` : '';
    await db.query(
      `INSERT INTO ${rollupTable(g.name, 'day')} (${[...dayCols, ...MEASURE_NAMES].join(', ')})
       SELECT ${dayCols.join(', ')}, ${sums} FROM ${FACTS_TABLE} ${where} GROUP BY ${dayCols.join(', ')}`,
    );
    await db.query(
      `INSERT INTO ${rollupTable(g.name, 'month')} (${[...key, 'month', ...MEASURE_NAMES].join(', ')})
       SELECT ${[...key, `${monthOf}`].join(', ')}, ${MEASURE_NAMES.map((n) => `SUM(${n})`).join(', ')}
       FROM ${rollupTable(g.name, 'day')} GROUP BY ${[...key, monthOf].join(', ')}`,
    );
    if (hasAllTime(g)) await rebuildAllTime(db, g);
    for (const period of ['day', 'month'] as Period[]) {
      if (!(period === 'day' ? g.histDay : g.histMonth)) continue;
      const cols = [...key, period];
      if (period === 'month' && g.histDay) {
        await db.query(
          `INSERT INTO ${histTable(g.name, 'month')} (metric, ${cols.join(', ')}, bucket, n)
           SELECT metric, ${[...key, monthOf].join(', ')}, bucket, SUM(n) FROM ${histTable(g.name, 'day')}
           GROUP BY metric, ${[...key, monthOf].join(', ')}, bucket`,
        );
        continue;
      }
      for (const metric of g.histMetrics) {
        const conds = [`${metric}B IS NOT NULL`, ...(g.key ? [`${g.key} IS NOT NULL`] : [])].join(' AND ');
        await db.query(
          `INSERT INTO ${histTable(g.name, period)} (metric, ${cols.join(', ')}, bucket, n)
           SELECT ${METRIC_IDS[metric]}, ${cols.join(', ')}, ${metric}B, COUNT(*) FROM ${FACTS_TABLE}
           WHERE ${conds} GROUP BY ${cols.join(', ')}, ${metric}B`,
        );
      }
    }
  }
}

/** The all-time rollup of a grain from its month rollup, and its histogram from the facts (bulk rebuild, migration). */
export async function rebuildAllTime(db: Db, g: Grain): Promise<void> {
  const key = g.key!;
  await db.query(`DELETE FROM ${rollupTable(g.name, 'all')}`);
  await db.query(`DELETE FROM ${histTable(g.name, 'all')}`);
  await db.query(
    `INSERT INTO ${rollupTable(g.name, 'all')} (${[key, ...MEASURE_NAMES].join(', ')})
     SELECT ${key}, ${MEASURE_NAMES.map((n) => `SUM(${n})`).join(', ')} FROM ${rollupTable(g.name, 'month')} GROUP BY ${key}`,
  );
  for (const metric of g.histMetrics) {
    await db.query(
      `INSERT INTO ${histTable(g.name, 'all')} (metric, ${key}, bucket, n)
       SELECT ${METRIC_IDS[metric]}, ${key}, ${metric}B, COUNT(*) FROM ${FACTS_TABLE}
       WHERE ${metric}B IS NOT NULL AND ${key} IS NOT NULL GROUP BY ${key}, ${metric}B`,
    );
  }
}

/** Bulk path: plain multi-row INSERTs of facts (benchmark loads; the table is expected to be empty). */
export async function insertFacts(db: Db, facts: Fact[]): Promise<void> {
  await insertRows(db, FACTS_TABLE, FACT_COLUMNS as string[], facts.map(factRow));
}
