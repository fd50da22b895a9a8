import DataLoader from 'dataloader';
import {
  compareByKeys,
  ConnectionArgs,
  forbidden,
  isMysql,
  keysetConnection,
  keysetPageQuery,
  keysetPaginate,
  LIKE_ESCAPE,
  likeContains,
  lazyTotalCount,
  pageSize,
  type PageInfo,
  type SortKey,
  unauthenticated,
  type Viewer,
} from '@pantau/common';
import { Brackets, In, type SelectQueryBuilder } from 'typeorm';
import { ReportEntity } from '../entities';
import { listScope, privacyViewerNeedsPublicContent } from './privacy-scope';
import { fts5Query, mysqlBooleanQuery, searchTerms } from '../service/search';
import type { ReportsContext } from '../context';
import type { ReportFilter } from './inputs';
import { ReportOrder, type ReportView } from './types';
import { presentReport } from './present';
import { listCounter } from '../service/list-counts';
import { applyFilter } from '../storage/report-filter';

const fromIso = (v: unknown) => new Date(String(v));

const ORDERS: Record<ReportOrder, SortKey<ReportEntity>[]> = {
  SUBMITTED_AT_DESC: [
    { column: 'r.submittedAt', value: (r) => r.submittedAt, direction: 'DESC', fromCursor: fromIso },
    { column: 'r.id', value: (r) => r.id, direction: 'DESC' },
  ],
  SUBMITTED_AT_ASC: [
    { column: 'r.submittedAt', value: (r) => r.submittedAt, direction: 'ASC', fromCursor: fromIso },
    { column: 'r.id', value: (r) => r.id, direction: 'ASC' },
  ],
  UPDATED_AT_DESC: [
    { column: 'r.updatedAt', value: (r) => r.updatedAt, direction: 'DESC', fromCursor: fromIso },
    { column: 'r.id', value: (r) => r.id, direction: 'DESC' },
  ],
};


export function applySearch(qb: SelectQueryBuilder<ReportEntity>, search: string, mysql: boolean) {
  const terms = searchTerms(search);
  if (!terms.length) return;
  if (mysql) {
    const { match, short } = mysqlBooleanQuery(terms);
    if (match) qb.andWhere('MATCH(r.title, r.body) AGAINST (:fts IN BOOLEAN MODE)', { fts: match });
    short.forEach((t, i) => {
      qb.andWhere(new Brackets((w) => w.where(`r.title LIKE :s${i} ${LIKE_ESCAPE}`).orWhere(`r.body LIKE :s${i} ${LIKE_ESCAPE}`)), { [`s${i}`]: likeContains(t) });
    });
  } else {
    qb.andWhere('r.id IN (SELECT report_id FROM report_fts WHERE report_fts MATCH :fts)', { fts: fts5Query(terms) });
  }
}

export function requireStaff(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated('STAFF_REQUIRED');
  return viewer;
}

type ListArgs = { filter?: ReportFilter | null; search?: string | null; orderBy?: ReportOrder | null; page: ConnectionArgs };

const emptyList = () => ({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });

/**
 * The filtered query of a staff report list (no order, no page), or null when it can match nothing.
 * A liaison sees only its agency's reports. Viewers who may not read confidential content (leadership)
 * get confidential reports in filters but never in text search, since a search hit would reveal the
 * hidden words.
 */
function listQuery(ctx: ReportsContext, args: ListArgs & { agencyId?: string }): SelectQueryBuilder<ReportEntity> | null {
  const viewer = requireStaff(ctx.viewer);
  const scope = listScope(viewer);
  const filter: ReportFilter = { ...(args.filter ?? {}) };
  if (args.agencyId) {
    if (filter.agencyId && filter.agencyId !== args.agencyId) return null;
    filter.agencyId = args.agencyId;
  }
  if ('agencyId' in scope) {
    if (filter.agencyId && filter.agencyId !== scope.agencyId) {
      throw forbidden('OWN_AGENCY_ONLY');
    }
    filter.agencyId = scope.agencyId;
  }
  const qb = ctx.ds.getRepository(ReportEntity).createQueryBuilder('r');
  qb.where('1 = 1');
  applyFilter(qb, filter, ctx.now);
  if (args.search?.trim()) {
    if (privacyViewerNeedsPublicContent(viewer)) qb.andWhere('r.confidential = :notConf', { notConf: false });
    applySearch(qb, args.search, isMysql(ctx.ds));
  }
  return qb;
}

/** The staff report list: one statement for the page, one more for totalCount only when it is selected (cached: service/list-counts.ts). */
export async function listReports(ctx: ReportsContext, args: ListArgs & { agencyId?: string }) {
  const qb = listQuery(ctx, args);
  if (!qb) return emptyList();
  const viewer = ctx.viewer!;
  const result = await keysetPaginate(qb, args.page, ORDERS[args.orderBy ?? ReportOrder.SUBMITTED_AT_DESC], { count: listCounter(ctx.ds) });
  // mutate, don't spread: spreading would read (and run) the lazy totalCount
  const edges = result.edges.map((e) => ({ cursor: e.cursor, node: presentReport(e.node, viewer, ctx.now) }));
  return Object.assign(result, { edges });
}

/** Statements per batch: SQLite allows 500 terms in a compound SELECT. */
const BATCH = 100;

/**
 * Agency.reports for many agencies with the same arguments (a request's agency list or leaderboard):
 * batched per argument set by a DataLoader, answered with one UNION ALL of index-driven per-agency pages
 * (ids only) plus one read of those rows, whatever the number of agencies (up to 100 per statement);
 * totalCount, when selected, is one more UNION ALL of counts. Results come back in key order.
 */
export function agencyReports(ctx: ReportsContext, agencyId: string, args: ListArgs) {
  let byArgs = agencyLoaders.get(ctx);
  if (!byArgs) agencyLoaders.set(ctx, (byArgs = new Map()));
  const key = JSON.stringify([args.filter ?? null, args.search ?? null, args.orderBy ?? null, args.page.first ?? null, args.page.after ?? null]);
  let loader = byArgs.get(key);
  if (!loader) {
    const counts = new DataLoader<string, number>((ids) => countsFor(ctx, args, ids), { cache: true });
    loader = new DataLoader((ids) => pagesFor(ctx, args, ids, counts));
    byArgs.set(key, loader);
  }
  return loader.load(agencyId);
}

type AgencyPage = { edges: Array<{ cursor: string; node: ReportView }>; pageInfo: PageInfo; totalCount: number | Promise<number> };
const agencyLoaders = new WeakMap<ReportsContext, Map<string, DataLoader<string, AgencyPage>>>();

function queriesFor(ctx: ReportsContext, args: ListArgs, ids: readonly string[]) {
  return ids.map((agencyId) => {
    try {
      return { agencyId, qb: listQuery(ctx, { ...args, agencyId }) };
    } catch (e) {
      return { agencyId, error: e as Error };
    }
  });
}

async function unionAll(ctx: ReportsContext, parts: Array<[string, unknown[]]>): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < parts.length; i += BATCH) {
    const chunk = parts.slice(i, i + BATCH);
    const sql = chunk.map(([q], j) => `SELECT * FROM (${q}) b${j}`).join(' UNION ALL ');
    out.push(...((await ctx.ds.query(sql, chunk.flatMap(([, p]) => p))) as Record<string, unknown>[]));
  }
  return out;
}

async function pagesFor(ctx: ReportsContext, args: ListArgs, ids: readonly string[], counts: DataLoader<string, number>): Promise<Array<AgencyPage | Error>> {
  const keys = ORDERS[args.orderBy ?? ReportOrder.SUBMITTED_AT_DESC];
  const queries = queriesFor(ctx, args, ids);
  let first = 0;
  const parts: Array<[string, unknown[]]> = [];
  for (const q of queries) {
    if (!q.qb) continue;
    const built = keysetPageQuery(q.qb, args.page, keys);
    first = built.first;
    parts.push(built.page.select('r.id', 'id').addSelect('r.agencyId', 'agencyId').limit(first + 1).getQueryAndParameters());
  }
  const found = parts.length && first > 0 ? await unionAll(ctx, parts) : [];
  const rows = found.length ? await ctx.ds.getRepository(ReportEntity).findBy({ id: In(found.map((r) => String(r.id))) }) : [];
  const byAgency = new Map<string, ReportEntity[]>();
  for (const r of rows) if (r.agencyId) (byAgency.get(r.agencyId) ?? byAgency.set(r.agencyId, []).get(r.agencyId)!).push(r);
  const order = compareByKeys(keys);
  const viewer = ctx.viewer;
  return queries.map((q) => {
    if ('error' in q && q.error) return q.error;
    if (!q.qb) return emptyList();
    const mine = (byAgency.get(q.agencyId) ?? []).sort(order);
    const page = keysetConnection(mine, pageSize(args.page.first), keys);
    const edges = page.edges.map((e) => ({ cursor: e.cursor, node: presentReport(e.node, viewer!, ctx.now) }));
    return lazyTotalCount({ edges, pageInfo: page.pageInfo }, () => counts.load(q.agencyId));
  });
}

async function countsFor(ctx: ReportsContext, args: ListArgs, ids: readonly string[]): Promise<Array<number | Error>> {
  const queries = queriesFor(ctx, args, ids);
  const parts: Array<[string, unknown[]]> = [];
  for (const q of queries) {
    if (!q.qb) continue;
    const [sql, params] = q.qb.clone().select('COUNT(1)', 'n').getQueryAndParameters();
    parts.push([`SELECT ? AS agencyId, n FROM (${sql}) c`, [q.agencyId, ...params]]);
  }
  const rows = parts.length ? await unionAll(ctx, parts) : [];
  const n = new Map(rows.map((r) => [String(r.agencyId), Number(r.n)]));
  return queries.map((q) => ('error' in q && q.error ? q.error : n.get(q.agencyId) ?? 0));
}
