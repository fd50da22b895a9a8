import { ConnectionArgs, forbidden, isMysql, keysetPaginate, type SortKey, unauthenticated, type Viewer } from '@pantau/common';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { ReportEntity } from '../entities';
import { listScope, privacyViewerNeedsPublicContent } from './privacy-scope';
import { fts5Query, mysqlBooleanQuery, searchTerms } from '../service/search';
import type { ReportsContext } from '../context';
import type { ReportFilter } from './inputs';
import { ReportOrder } from './types';
import { presentReport } from './present';

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

/** SQL for "a step is past due and not done" (mirrors domain/sla overdueSteps). */
export const OVERDUE_SQL = `(r.status <> 'ARCHIVED' AND (
  (r.dispositionedAt IS NULL AND r.verificationDueAt < :now)
  OR (r.dispositionedAt IS NOT NULL AND r.firstResponseAt IS NULL AND r.responseDueAt IS NOT NULL AND r.responseDueAt < :now)
  OR (r.dispositionedAt IS NOT NULL AND r.status <> 'COMPLETED' AND r.completionDueAt IS NOT NULL AND r.completionDueAt < :now)))`;

export function applyFilter(qb: SelectQueryBuilder<ReportEntity>, f: ReportFilter, now: Date) {
  if (f.status?.length) qb.andWhere('r.status IN (:...status)', { status: f.status });
  if (f.topic) qb.andWhere('r.topic = :topic', { topic: f.topic });
  if (f.agencyId) qb.andWhere('r.agencyId = :agencyId', { agencyId: f.agencyId });
  if (f.regionCode) {
    qb.andWhere(new Brackets((w) => w.where('r.regionCode = :rc').orWhere('r.regionCode LIKE :rcp')), {
      rc: f.regionCode,
      rcp: `${f.regionCode}.%`,
    });
  }
  if (f.maladministrationType) qb.andWhere('r.maladministrationType = :mt', { mt: f.maladministrationType });
  if (f.unclassified === true) qb.andWhere('r.maladministrationType IS NULL');
  if (f.unclassified === false) qb.andWhere('r.maladministrationType IS NOT NULL');
  if (f.anonymous !== undefined && f.anonymous !== null) qb.andWhere('r.anonymous = :anon', { anon: f.anonymous });
  if (f.confidential !== undefined && f.confidential !== null) qb.andWhere('r.confidential = :conf', { conf: f.confidential });
  if (f.overdue === true) qb.andWhere(OVERDUE_SQL, { now });
  if (f.overdue === false) qb.andWhere(`NOT ${OVERDUE_SQL}`, { now });
  if (f.from) qb.andWhere('r.submittedAt >= :from', { from: f.from });
  if (f.to) qb.andWhere('r.submittedAt < :to', { to: f.to });
}

export function applySearch(qb: SelectQueryBuilder<ReportEntity>, search: string, mysql: boolean) {
  const terms = searchTerms(search);
  if (!terms.length) return;
  if (mysql) {
    const { match, short } = mysqlBooleanQuery(terms);
    if (match) qb.andWhere('MATCH(r.title, r.body) AGAINST (:fts IN BOOLEAN MODE)', { fts: match });
    short.forEach((t, i) => {
      qb.andWhere(new Brackets((w) => w.where(`r.title LIKE :s${i}`).orWhere(`r.body LIKE :s${i}`)), { [`s${i}`]: `%${t}%` });
    });
  } else {
    qb.andWhere('r.id IN (SELECT report_id FROM report_fts WHERE report_fts MATCH :fts)', { fts: fts5Query(terms) });
  }
}

export function requireStaff(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated('Sign in as staff to list or open reports by id.', 'Masuk sebagai petugas untuk melihat daftar laporan.');
  return viewer;
}

/**
 * The staff report list. A liaison sees only its agency's reports. Viewers who may not read
 * confidential content (leadership) get confidential reports in filters but never in text search,
 * since a search hit would reveal the hidden words.
 */
export async function listReports(
  ctx: ReportsContext,
  args: { filter?: ReportFilter | null; search?: string | null; orderBy?: ReportOrder | null; page: ConnectionArgs; agencyId?: string },
) {
  const viewer = requireStaff(ctx.viewer);
  const scope = listScope(viewer);
  const filter: ReportFilter = { ...(args.filter ?? {}) };
  if (args.agencyId) {
    if (filter.agencyId && filter.agencyId !== args.agencyId) return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };
    filter.agencyId = args.agencyId;
  }
  if ('agencyId' in scope) {
    if (filter.agencyId && filter.agencyId !== scope.agencyId) {
      throw forbidden("A liaison lists only its own agency's reports.", 'Narahubung hanya dapat melihat laporan instansinya sendiri.');
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
  const result = await keysetPaginate(qb, args.page, ORDERS[args.orderBy ?? ReportOrder.SUBMITTED_AT_DESC]);
  return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: presentReport(e.node, viewer, ctx.now) })) };
}
