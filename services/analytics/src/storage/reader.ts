import { isMysql, LIKE_ESCAPE, likePrefix, num, numOrNull } from '@pantau/common';
import { FINE_BUCKETS, fineBucketRange } from '../domain/buckets';
import { MEASURE_NAMES, addInto, districtKeyOf, zeroMeasures, zeroNow, type DurationMetric, type Measures, type NowCounts } from '../domain/facts';
import { nearestRank } from '../domain/metrics';
import type { Scope } from '../domain/scope';
import { addDays, addMonths, firstDayOfMonth, monthKeyOfDayKey, type ZonedCalendar } from '../domain/time';
import { FACTS_TABLE, METRIC_IDS, PENDING_TABLE, grainByName, hasAllTime, hasHist, histTable, rollupTable, type Grain, type Period } from './grains';
import { sumMeasureColumns, sumMeasuresOverFacts } from './measures-sql';
import { chunkRows, inList, type Db } from './sql';

/**
 * The read path. Every figure is assembled from additive measures summed over a *plan*: the query's
 * time range split into partial days at its edges (read from the fact table by submittedMs), whole days
 * (day rollups) and whole months (month rollups) of the grain that serves the filter.
 *
 * `useRollups: false` computes the same numbers straight from the fact table (GROUP BY, ORDER BY … LIMIT
 * 1 OFFSET for percentiles): the benchmark's baseline and a cross-check in the tests.
 */
export type GroupBy = 'none' | 'agency' | 'topic' | 'day' | 'month';

export type Segment =
  | { kind: 'facts'; fromMs: number | null; toMs: number | null }
  | { kind: 'day' | 'month' | 'all'; from: number | null; to: number | null };

interface Where {
  sql: string;
  params: unknown[];
}

const and = (parts: Where[]): Where => {
  const used = parts.filter((p) => p.sql);
  return { sql: used.length ? used.map((p) => p.sql).join(' AND ') : '1 = 1', params: used.flatMap((p) => p.params) };
};

/** Splits [from, to) into partial days (facts), whole days and (if allowed) whole months. */
export function planRange(fromMs: number | null, toMs: number | null, cal: ZonedCalendar, allowMonths: boolean): Segment[] {
  if (fromMs !== null && toMs !== null && fromMs >= toMs) return [];
  const segs: Segment[] = [];
  let d0: number | null = null;
  let d1: number | null = null;
  if (fromMs !== null) {
    const day = cal.dayKey(fromMs);
    d0 = cal.startOfDay(day) === fromMs ? day : addDays(day, 1);
  }
  if (toMs !== null) d1 = cal.dayKey(toMs); // whole days end before the day holding `to`
  if (d0 !== null && d1 !== null && d0 > d1) return [{ kind: 'facts', fromMs, toMs }]; // within one day
  const tail: Segment[] = [];
  if (fromMs !== null && cal.startOfDay(d0!) !== fromMs) segs.push({ kind: 'facts', fromMs, toMs: cal.startOfDay(d0!) });
  if (toMs !== null && cal.startOfDay(d1!) !== toMs) tail.push({ kind: 'facts', fromMs: cal.startOfDay(d1!), toMs });
  if (d0 === null || d1 === null || d0 < d1) {
    if (allowMonths) {
      // whole months inside [d0, d1)
      const m0 = d0 === null ? null : d0 % 100 === 1 ? monthKeyOfDayKey(d0) : addMonths(monthKeyOfDayKey(d0), 1);
      const m1 = d1 === null ? null : monthKeyOfDayKey(d1);
      if (m0 === null || m1 === null || m0 < m1) {
        const mStart = m0 === null ? null : firstDayOfMonth(m0);
        const mEnd = m1 === null ? null : firstDayOfMonth(m1);
        if (mStart !== null && (d0 === null || d0 < mStart)) segs.push({ kind: 'day', from: d0, to: mStart });
        segs.push({ kind: 'month', from: m0, to: m1 });
        if (mEnd !== null && (d1 === null || mEnd < d1)) segs.push({ kind: 'day', from: mEnd, to: d1 });
      } else {
        segs.push({ kind: 'day', from: d0, to: d1 });
      }
    } else {
      segs.push({ kind: 'day', from: d0, to: d1 });
    }
  }
  return [...segs, ...tail];
}

/**
 * A region filter on a fact row, through the district key (first three code segments) so that the
 * (districtKey, submittedMs) index serves it: a district is one key, a regency or province a key prefix,
 * and a village its district plus a regionCode condition.
 */
export function regionWhere(prefix: string): Where {
  const segments = prefix.split('.').length;
  if (segments === 3) return { sql: 'districtKey = ?', params: [prefix] };
  // the prefix is a validated Kemendagri code (scope.ts); escaped anyway, as every value inside a LIKE
  if (segments < 3) return { sql: `(districtKey = ? OR districtKey LIKE ? ${LIKE_ESCAPE})`, params: [prefix, likePrefix(`${prefix}.`)] };
  return { sql: `districtKey = ? AND (regionCode = ? OR regionCode LIKE ? ${LIKE_ESCAPE})`, params: [districtKeyOf(prefix), prefix, likePrefix(`${prefix}.`)] };
}

export class AnalyticsReader {
  constructor(
    private readonly db: Db,
    private readonly cal: ZonedCalendar,
    readonly useRollups = true,
    /** analytics_pending rows whose deadlines passed before this instant were pruned (writer.prunePending). */
    private readonly pendingPrunedBefore = 0,
  ) {}

  /**
   * Where the facts with a deadline still ahead of `now` are read: the narrow pending table, unless `now`
   * is before its pruned horizon (a clock set back, a test) — then the fact table, so figures stay exact.
   */
  private pendingSource(now: number): string {
    return this.useRollups && now >= this.pendingPrunedBefore ? PENDING_TABLE : FACTS_TABLE;
  }

  /** The grain that serves a scope (grouped by `groupBy`), or null when only the fact table can. */
  grainFor(s: Scope, groupBy: GroupBy): Grain | null {
    if (!this.useRollups) return null;
    const dims = new Set<string>();
    if (s.agencyIds !== null || groupBy === 'agency') dims.add('agency');
    if (s.topic !== null || groupBy === 'topic') dims.add('topic');
    if (s.regionPrefix !== null) {
      if (s.regionPrefix.split('.').length > 3) return null; // village: the fact table's region index
      dims.add('district');
    }
    if (dims.size > 1) return null;
    if (dims.size === 0) return grainByName('all');
    return grainByName([...dims][0] as 'agency' | 'topic' | 'district');
  }

  plan(s: Scope, grain: Grain | null, allowMonths: boolean, allowAllTime = allowMonths): Segment[] {
    if (s.empty) return [];
    if (!grain) return [{ kind: 'facts', fromMs: s.fromMs, toMs: s.toMs }];
    // all time on a grain with an all-time rollup: one row per key (leaderboard, Agency.performance)
    if (allowAllTime && s.fromMs === null && s.toMs === null && hasAllTime(grain)) return [{ kind: 'all', from: null, to: null }];
    return planRange(s.fromMs, s.toMs, this.cal, allowMonths);
  }

  /** Filter on the fact table: the scope's dimensions and a submittedMs range. */
  factsWhere(s: Scope, fromMs: number | null, toMs: number | null): Where {
    const parts: Where[] = [];
    if (fromMs !== null) parts.push({ sql: 'submittedMs >= ?', params: [fromMs] });
    if (toMs !== null) parts.push({ sql: 'submittedMs < ?', params: [toMs] });
    if (s.regionPrefix !== null) parts.push(regionWhere(s.regionPrefix));
    if (s.agencyIds !== null) parts.push({ sql: `agencyId IN (${inList(s.agencyIds.length)})`, params: s.agencyIds });
    if (s.topic !== null) parts.push({ sql: 'topic = ?', params: [s.topic] });
    return and(parts);
  }

  private scopeWhere(s: Scope): Where {
    return this.factsWhere(s, s.fromMs, s.toMs);
  }

  /** Filter on a grain's rollup: its key and a period range. */
  private rollupWhere(s: Scope, grain: Grain, seg: { kind: Period; from: number | null; to: number | null }): Where {
    const parts: Where[] = [];
    if (seg.from !== null) parts.push({ sql: `${seg.kind} >= ?`, params: [seg.from] });
    if (seg.to !== null) parts.push({ sql: `${seg.kind} < ?`, params: [seg.to] });
    if (grain.key === 'agencyId' && s.agencyIds !== null) parts.push({ sql: `agencyId IN (${inList(s.agencyIds.length)})`, params: s.agencyIds });
    if (grain.key === 'topic' && s.topic !== null) parts.push({ sql: 'topic = ?', params: [s.topic] });
    if (grain.key === 'districtKey' && s.regionPrefix !== null) parts.push(regionWhere(s.regionPrefix));
    return and(parts);
  }

  /** A day or month segment as an instant range (for reading it from the fact table). */
  private segmentMs(seg: Segment): { fromMs: number | null; toMs: number | null } {
    if (seg.kind === 'facts') return seg;
    if (seg.kind === 'all') return { fromMs: null, toMs: null };
    const start = (k: number | null) => (k === null ? null : seg.kind === 'day' ? this.cal.startOfDay(k) : this.cal.startOfMonth(k));
    return { fromMs: start(seg.from), toMs: start(seg.to) };
  }

  // ------------------------------------------------------------------ measures

  /** Measures summed over the scope, per group (key '' for 'none'; day/month keys as strings). */
  async measures(s: Scope, groupBy: GroupBy): Promise<Map<string, Measures>> {
    const out = new Map<string, Measures>();
    const grain = this.grainFor(s, groupBy);
    for (const seg of this.plan(s, grain, groupBy !== 'day', groupBy === 'none' || groupBy === 'agency' || groupBy === 'topic')) {
      const rows = seg.kind === 'facts' ? await this.factMeasures(s, seg, groupBy) : await this.rollupMeasures(s, grain!, seg, groupBy);
      for (const row of rows) {
        let key = groupBy === 'none' ? '' : String(row.g);
        if (groupBy === 'month' && seg.kind === 'day') key = String(monthKeyOfDayKey(Number(row.g)));
        const m: Measures = {};
        for (const n of MEASURE_NAMES) m[n] = num(row[n]);
        if (m.reports === 0 && groupBy !== 'none') continue;
        addInto(out.get(key) ?? out.set(key, zeroMeasures()).get(key)!, m);
      }
    }
    if (groupBy === 'none' && !out.has('')) out.set('', zeroMeasures());
    return out;
  }

  private groupColumn(groupBy: GroupBy, source: 'facts' | Period): string | null {
    switch (groupBy) {
      case 'none':
        return null;
      case 'agency':
        return 'agencyId';
      case 'topic':
        return 'topic';
      case 'day':
        if (source === 'all') throw new Error('an all-time segment has no days');
        return 'day';
      case 'month':
        if (source === 'all') throw new Error('an all-time segment has no months');
        return source === 'day' ? 'day' : 'month';
    }
  }

  private async factMeasures(s: Scope, seg: { fromMs: number | null; toMs: number | null }, groupBy: GroupBy) {
    const g = this.groupColumn(groupBy, 'facts');
    const w = and([this.factsWhere(s, seg.fromMs, seg.toMs), groupBy === 'agency' ? { sql: 'agencyId IS NOT NULL', params: [] } : { sql: '', params: [] }]);
    const sql = `SELECT ${g ? `${g} AS g, ` : ''}${sumMeasuresOverFacts()} FROM ${FACTS_TABLE} WHERE ${w.sql}${g ? ` GROUP BY ${g}` : ''}`;
    return (await this.db.query(sql, w.params)) as Record<string, unknown>[];
  }

  private async rollupMeasures(s: Scope, grain: Grain, seg: { kind: Period; from: number | null; to: number | null }, groupBy: GroupBy) {
    const g = this.groupColumn(groupBy, seg.kind);
    const w = this.rollupWhere(s, grain, seg);
    const sql = `SELECT ${g ? `${g} AS g, ` : ''}${sumMeasureColumns()} FROM ${rollupTable(grain.name, seg.kind)} WHERE ${w.sql}${g ? ` GROUP BY ${g}` : ''}`;
    return (await this.db.query(sql, w.params)) as Record<string, unknown>[];
  }

  /**
   * Reports per topic. From the topic grain when the scope has no other dimension; otherwise a COUNT over
   * the fact table that the (dimension, submittedMs, topic) indexes answer without reading rows.
   */
  async topicCounts(s: Scope): Promise<Map<string, number>> {
    if (this.grainFor(s, 'topic')) {
      return new Map([...(await this.measures(s, 'topic'))].map(([topic, m]) => [topic, m.reports]));
    }
    const out = new Map<string, number>();
    if (s.empty) return out;
    const w = this.scopeWhere(s);
    const rows: Array<{ g: unknown; n: unknown }> = await this.db.query(`SELECT topic AS g, COUNT(*) AS n FROM ${FACTS_TABLE} WHERE ${w.sql} GROUP BY topic`, w.params);
    for (const r of rows) if (num(r.n) > 0) out.set(String(r.g), num(r.n));
    return out;
  }

  // ------------------------------------------------------------------ figures that depend on `now`

  /**
   * Steps and reports overdue at `now`. Measures count every fact with an overdue instant (`…Pending`);
   * the facts whose instant is still ahead of `now` (few: recent, unfinished reports) are read from the
   * narrow analytics_pending table by its pendingMax index and subtracted. (Raw mode reads the facts.)
   */
  async nowCounts(s: Scope, groupBy: 'none' | 'agency', now: number, measures: Map<string, Measures>): Promise<Map<string, NowCounts>> {
    const future = new Map<string, NowCounts>();
    if (!s.empty) {
      const g = groupBy === 'agency' ? 'agencyId' : null;
      const w = and([this.scopeWhere(s), { sql: 'pendingMax >= ?', params: [now] }]);
      const ge = (c: string) => `SUM(CASE WHEN ${c} >= ? THEN 1 ELSE 0 END)`;
      const rows: Record<string, unknown>[] = await this.db.query(
        `SELECT ${g ? `${g} AS g, ` : ''}${ge('overdueFrom')} AS overdue, ${ge('verOverdueFrom')} AS ver, ${ge('respOverdueFrom')} AS resp,
           ${ge('complOverdueFrom')} AS compl FROM ${this.pendingSource(now)} WHERE ${w.sql}${g ? ` GROUP BY ${g}` : ''}`,
        [now, now, now, now, ...w.params],
      );
      for (const r of rows) {
        future.set(g ? String(r.g) : '', { overdue: num(r.overdue), verOverdue: num(r.ver), respOverdue: num(r.resp), complOverdue: num(r.compl) });
      }
    }
    const out = new Map<string, NowCounts>();
    for (const [key, m] of measures) {
      const f = future.get(key);
      out.set(key, {
        overdue: m.overduePending - (f?.overdue ?? 0),
        verOverdue: m.verPending - (f?.verOverdue ?? 0),
        respOverdue: m.respPending - (f?.respOverdue ?? 0),
        complOverdue: m.complPending - (f?.complOverdue ?? 0),
      });
    }
    return out;
  }

  // ------------------------------------------------------------------ many regions at once

  /**
   * Measures and now-counts for several region prefixes of one scope (Region.reportStats batched per
   * filter): per plan segment one read grouped by district key with the prefixes OR-ed, each district's
   * sums then added into every prefix that holds it; one more grouped read of the pending table. The
   * statement count depends on the range, not on the number of regions. `base` carries no region; a
   * village prefix (finer than the district key) is read on its own.
   */
  async regionMeasures(base: Scope, prefixes: string[], now: number): Promise<Map<string, { m: Measures; now: NowCounts }>> {
    const out = new Map<string, { m: Measures; now: NowCounts }>();
    const grouped = [...new Set(prefixes)].filter((p) => p.split('.').length <= 3);
    for (const village of new Set(prefixes.filter((p) => p.split('.').length > 3))) {
      const s = { ...base, regionPrefix: village };
      const m = (await this.measures(s, 'none')).get('')!;
      out.set(village, { m, now: (await this.nowCounts(s, 'none', now, new Map([['', m]]))).get('')! });
    }
    if (!grouped.length) return out;
    const measures = new Map(grouped.map((p) => [p, zeroMeasures()]));
    const region: Where = grouped.map(regionWhere).reduce((acc, w) => ({ sql: `${acc.sql} OR ${w.sql}`, params: [...acc.params, ...w.params] }));
    const regionOr: Where = { sql: `(${region.sql})`, params: region.params };
    const spread = (rows: Record<string, unknown>[], add: (p: string, row: Record<string, unknown>) => void) => {
      for (const row of rows) {
        const d = String(row.g);
        for (const p of grouped) if (d === p || d.startsWith(`${p}.`)) add(p, row);
      }
    };
    const grain = base.empty ? null : this.grainFor({ ...base, regionPrefix: grouped[0] }, 'none');
    if (!base.empty) {
      for (const seg of this.plan({ ...base, regionPrefix: grouped[0] }, grain, true)) {
        let rows: Record<string, unknown>[];
        if (seg.kind === 'facts') {
          const w = and([this.factsWhere(base, seg.fromMs, seg.toMs), regionOr]);
          rows = await this.db.query(`SELECT districtKey AS g, ${sumMeasuresOverFacts()} FROM ${FACTS_TABLE} WHERE ${w.sql} GROUP BY districtKey`, w.params);
        } else {
          const w = and([this.rollupWhere(base, grain!, seg), regionOr]);
          rows = await this.db.query(`SELECT districtKey AS g, ${sumMeasureColumns()} FROM ${rollupTable(grain!.name, seg.kind)} WHERE ${w.sql} GROUP BY districtKey`, w.params);
        }
        spread(rows, (p, row) => {
          const m: Measures = {};
          for (const n of MEASURE_NAMES) m[n] = num(row[n]);
          addInto(measures.get(p)!, m);
        });
      }
    }
    const future = new Map(grouped.map((p) => [p, zeroNow()]));
    if (!base.empty) {
      const w = and([this.scopeWhere(base), regionOr, { sql: 'pendingMax >= ?', params: [now] }]);
      const ge = (c: string) => `SUM(CASE WHEN ${c} >= ? THEN 1 ELSE 0 END)`;
      const rows: Record<string, unknown>[] = await this.db.query(
        `SELECT districtKey AS g, ${ge('overdueFrom')} AS overdue, ${ge('verOverdueFrom')} AS ver, ${ge('respOverdueFrom')} AS resp,
           ${ge('complOverdueFrom')} AS compl FROM ${this.pendingSource(now)} WHERE ${w.sql} GROUP BY districtKey`,
        [now, now, now, now, ...w.params],
      );
      spread(rows, (p, r) => {
        const f = future.get(p)!;
        f.overdue += num(r.overdue);
        f.verOverdue += num(r.ver);
        f.respOverdue += num(r.resp);
        f.complOverdue += num(r.compl);
      });
    }
    for (const p of grouped) {
      const m = measures.get(p)!;
      const f = future.get(p)!;
      out.set(p, {
        m,
        now: {
          overdue: m.overduePending - f.overdue,
          verOverdue: m.verPending - f.verOverdue,
          respOverdue: m.respPending - f.respOverdue,
          complOverdue: m.complPending - f.complOverdue,
        },
      });
    }
    return out;
  }

  // ------------------------------------------------------------------ exact percentiles

  /**
   * Distribution of a duration over the scope: fine-bucket counts (the API histogram is built from them)
   * and exact nearest-rank percentiles. With rollups: bucket counts from the histogram rollups (partial
   * days and grains without a histogram from the fact table), then one in-bucket selection per percentile
   * on the duration index. Without: COUNT, then ORDER BY duration LIMIT 1 OFFSET k-1.
   */
  async distribution(s: Scope, metric: DurationMetric, ps: number[]): Promise<{ fine: number[]; count: number; values: (number | null)[] }> {
    const fine = new Array<number>(FINE_BUCKETS).fill(0);
    if (s.empty) return { fine, count: 0, values: ps.map(() => null) };
    const grain = this.grainFor(s, 'none');
    for (const seg of this.plan(s, grain, true)) {
      let rows: Array<{ b: unknown; n: unknown }>;
      if (seg.kind !== 'facts' && grain && hasHist(grain, seg.kind, metric)) {
        const w = this.rollupWhere(s, grain, seg);
        rows = await this.db.query(
          `SELECT bucket AS b, SUM(n) AS n FROM ${histTable(grain.name, seg.kind)} WHERE metric = ? AND ${w.sql} GROUP BY bucket`,
          [METRIC_IDS[metric], ...w.params],
        );
      } else {
        const r = this.segmentMs(seg);
        const w = this.factsWhere(s, r.fromMs, r.toMs);
        rows = await this.db.query(
          `SELECT ${metric}B AS b, COUNT(*) AS n FROM ${FACTS_TABLE} WHERE ${w.sql} AND ${metric}B IS NOT NULL GROUP BY ${metric}B`,
          w.params,
        );
      }
      for (const r of rows) fine[num(r.b)] += num(r.n);
    }
    const count = fine.reduce((a, b) => a + b, 0);
    const values: (number | null)[] = [];
    for (const p of ps) {
      if (count === 0) {
        values.push(null);
        continue;
      }
      const k = nearestRank(p, count);
      if (!this.useRollups) {
        values.push(await this.selectNth(s, metric, null, null, k - 1));
        continue;
      }
      let before = 0;
      let b = 0;
      while (before + fine[b] < k) before += fine[b++];
      const { lo, hi } = fineBucketRange(b);
      values.push(await this.selectNth(s, metric, lo, hi, k - before - 1));
    }
    return { fine, count, values };
  }

  private async selectNth(s: Scope, metric: DurationMetric, lo: number | null, hi: number | null, offset: number): Promise<number | null> {
    const col = `${metric}Ms`;
    const w = and([
      this.scopeWhere(s),
      { sql: `${col} IS NOT NULL`, params: [] },
      lo !== null ? { sql: `${col} >= ?`, params: [lo] } : { sql: '', params: [] },
      hi !== null ? { sql: `${col} < ?`, params: [hi] } : { sql: '', params: [] },
    ]);
    const skip = Math.max(0, Math.floor(offset));
    const dims = s.regionPrefix !== null || s.agencyIds !== null || s.topic !== null;
    if (dims && lo !== null) {
      // A filtered scope is small: read the bucket's values in scope through the dimension's index and
      // pick in JS. (ORDER BY duration LIMIT would lure the optimizer onto the duration index across all
      // reports, checking the filter row by row.)
      const rows: Array<{ v: unknown }> = await this.db.query(`SELECT ${col} AS v FROM ${FACTS_TABLE} WHERE ${w.sql}`, w.params);
      const values = rows.map((r) => num(r.v)).sort((a, b) => a - b);
      return values[skip] ?? null;
    }
    const rows: Array<{ v: unknown }> = await this.db.query(
      `SELECT ${col} AS v FROM ${FACTS_TABLE} WHERE ${w.sql} ORDER BY ${col} LIMIT 1 OFFSET ${skip}`,
      w.params,
    );
    return rows.length ? numOrNull(rows[0].v) : null;
  }

  /**
   * Median (or another percentile) of the agency's first-response time, per agency in scope.
   */
  async percentileByAgency(s: Scope, p: number): Promise<Map<string, number | null>> {
    if (!this.useRollups) return s.empty ? new Map() : this.percentileByAgencyRaw(s, p, 'frAg');
    const dist = await this.distributionByAgency(s, 'frAg', [p]);
    return new Map([...dist].filter(([, d]) => d.count > 0).map(([a, d]) => [a, d.values[0]]));
  }

  /**
   * Distribution of a duration per agency in scope (the per-agency breakdown, batched): fine-bucket counts
   * per agency (histogram rollups, partial days from the fact table) and exact nearest-rank percentiles,
   * the located buckets' values read in one indexed statement per 200 (agency, bucket) pairs. Without
   * rollups: the counts from the fact table and a window function per percentile.
   */
  async distributionByAgency(s: Scope, metric: DurationMetric, ps: number[]): Promise<Map<string, { fine: number[]; count: number; values: (number | null)[] }>> {
    const out = new Map<string, { fine: number[]; count: number; values: (number | null)[] }>();
    if (s.empty) return out;
    const grain = this.grainFor(s, 'agency');
    for (const seg of this.plan(s, grain, true)) {
      let rows: Array<{ a: unknown; b: unknown; n: unknown }>;
      if (seg.kind !== 'facts' && grain && hasHist(grain, seg.kind, metric)) {
        const w = this.rollupWhere(s, grain, seg);
        rows = await this.db.query(
          `SELECT agencyId AS a, bucket AS b, SUM(n) AS n FROM ${histTable(grain.name, seg.kind)} WHERE metric = ? AND ${w.sql} GROUP BY agencyId, bucket`,
          [METRIC_IDS[metric], ...w.params],
        );
      } else {
        const r = this.segmentMs(seg);
        const w = this.factsWhere(s, r.fromMs, r.toMs);
        rows = await this.db.query(
          `SELECT agencyId AS a, ${metric}B AS b, COUNT(*) AS n FROM ${FACTS_TABLE} WHERE ${w.sql} AND ${metric}B IS NOT NULL AND agencyId IS NOT NULL GROUP BY agencyId, ${metric}B`,
          w.params,
        );
      }
      for (const r of rows) {
        const a = String(r.a);
        const d = out.get(a) ?? out.set(a, { fine: new Array<number>(FINE_BUCKETS).fill(0), count: 0, values: [] }).get(a)!;
        d.fine[num(r.b)] += num(r.n);
        d.count += num(r.n);
      }
    }
    for (const d of out.values()) d.values = ps.map(() => null);
    if (!this.useRollups) {
      for (const [i, p] of ps.entries()) for (const [a, v] of await this.percentileByAgencyRaw(s, p, metric)) if (out.has(a)) out.get(a)!.values[i] = v;
      return out;
    }
    const wanted: Array<{ agency: string; p: number; bucket: number; offset: number }> = [];
    for (const [agency, d] of out) {
      if (d.count === 0) continue;
      for (const [pi, p] of ps.entries()) {
        const k = nearestRank(p, d.count);
        let before = 0;
        let b = 0;
        while (before + d.fine[b] < k) before += d.fine[b++];
        wanted.push({ agency, p: pi, bucket: b, offset: k - before - 1 });
      }
    }
    const pairKey = (a: string, b: number) => `${a}\u0000${b}`;
    const pairs = [...new Map(wanted.map((w) => [pairKey(w.agency, w.bucket), w])).values()];
    const values = new Map<string, number[]>();
    const base = this.scopeWhere(s);
    for (const chunk of chunkRows(pairs, 2, 200)) {
      const or = chunk.map(() => `(agencyId = ? AND ${metric}B = ?)`).join(' OR ');
      const rows: Array<{ a: unknown; b: unknown; v: unknown }> = await this.db.query(
        `SELECT agencyId AS a, ${metric}B AS b, ${metric}Ms AS v FROM ${FACTS_TABLE} WHERE ${base.sql} AND (${or})`,
        [...base.params, ...chunk.flatMap((w) => [w.agency, w.bucket])],
      );
      for (const r of rows) {
        const key = pairKey(String(r.a), num(r.b));
        (values.get(key) ?? values.set(key, []).get(key)!).push(num(r.v));
      }
    }
    for (const v of values.values()) v.sort((x, y) => x - y);
    for (const w of wanted) out.get(w.agency)!.values[w.p] = values.get(pairKey(w.agency, w.bucket))?.[w.offset] ?? null;
    return out;
  }

  private async percentileByAgencyRaw(s: Scope, p: number, metric: DurationMetric): Promise<Map<string, number | null>> {
    const w = this.scopeWhere(s);
    const div = isMysql(this.db) ? 'DIV' : '/';
    const rows: Array<{ a: unknown; v: unknown }> = await this.db.query(
      `SELECT a, v FROM (
         SELECT agencyId AS a, ${metric}Ms AS v,
           ROW_NUMBER() OVER (PARTITION BY agencyId ORDER BY ${metric}Ms) AS rn,
           COUNT(*) OVER (PARTITION BY agencyId) AS cnt
         FROM ${FACTS_TABLE} WHERE ${w.sql} AND ${metric}Ms IS NOT NULL AND agencyId IS NOT NULL
       ) ranked WHERE rn = (cnt * ${Math.floor(p)} + 99) ${div} 100`,
      w.params,
    );
    return new Map(rows.map((r) => [String(r.a), num(r.v)]));
  }
}
