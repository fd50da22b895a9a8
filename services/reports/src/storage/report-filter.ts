import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { LIKE_ESCAPE, likePrefix, type Maladministration, type ReportStatus } from '@pantau/common';
import type { ReportEntity } from '../entities';

/** What a report list can be narrowed by (the GraphQL `ReportFilter` input has these fields). */
export interface ReportFilterFields {
  status?: ReportStatus[] | null;
  topic?: string | null;
  agencyId?: string | null;
  regionCode?: string | null;
  maladministrationType?: Maladministration | null;
  unclassified?: boolean | null;
  overdue?: boolean | null;
  anonymous?: boolean | null;
  confidential?: boolean | null;
  from?: Date | null;
  to?: Date | null;
}

/** SQL for "a step is past due and not done" (mirrors domain/sla overdueSteps). */
export const OVERDUE_SQL = `(r.status <> 'ARCHIVED' AND (
  (r.dispositionedAt IS NULL AND r.verificationDueAt < :now)
  OR (r.dispositionedAt IS NOT NULL AND r.firstResponseAt IS NULL AND r.responseDueAt IS NOT NULL AND r.responseDueAt < :now)
  OR (r.dispositionedAt IS NOT NULL AND r.status <> 'COMPLETED' AND r.completionDueAt IS NOT NULL AND r.completionDueAt < :now)))`;

/**
 * The report filter as conditions on a query over `report r`: the staff list's `filter` argument and the
 * scope of `reportBursts` (period, topic, agency, region or an ancestor). `now` is what "overdue" is judged at.
 */
export function applyFilter(qb: SelectQueryBuilder<ReportEntity>, f: ReportFilterFields, now: Date) {
  if (f.status?.length) qb.andWhere('r.status IN (:...status)', { status: f.status });
  if (f.topic) qb.andWhere('r.topic = :topic', { topic: f.topic });
  if (f.agencyId) qb.andWhere('r.agencyId = :agencyId', { agencyId: f.agencyId });
  if (f.regionCode) {
    qb.andWhere(new Brackets((w) => w.where('r.regionCode = :rc').orWhere(`r.regionCode LIKE :rcp ${LIKE_ESCAPE}`)), {
      rc: f.regionCode,
      rcp: likePrefix(`${f.regionCode}.`),
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
