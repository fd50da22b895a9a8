import DataLoader from 'dataloader';
import type { Request } from 'express';
import { In, type DataSource } from 'typeorm';
import { viewerFromAuthorization, type Viewer } from '@pantau/common';
import { AttachmentEntity, ReportDetailEntity, ReportEntity, ResponseEntity, TimelineEventEntity } from './entities';
import type { ReportsService } from './service/reports-service';

export interface ReportsContext {
  viewer: Viewer | null;
  ds: DataSource;
  service: ReportsService;
  loaders: Loaders;
  now: Date;
}

export interface Loaders {
  report: DataLoader<string, ReportEntity | null>;
  responses: DataLoader<string, ResponseEntity[]>;
  attachmentsOfReport: DataLoader<string, AttachmentEntity[]>;
  attachmentsOfResponse: DataLoader<string, AttachmentEntity[]>;
  details: DataLoader<string, ReportDetailEntity[]>;
  attachmentsOfDetail: DataLoader<string, AttachmentEntity[]>;
  timeline: DataLoader<string, TimelineEventEntity[]>;
}

function groupBy<T>(keys: readonly string[], rows: T[], key: (r: T) => string | null): T[][] {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(r);
  }
  return keys.map((k) => m.get(k) ?? []);
}

/** Batch loaders, one set per request. */
export function createLoaders(ds: DataSource): Loaders {
  return {
    report: new DataLoader(async (ids: readonly string[]) => {
      const rows = await ds.getRepository(ReportEntity).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    responses: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await ds.getRepository(ResponseEntity).find({ where: { reportId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }), (r) => r.reportId),
    ),
    attachmentsOfReport: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await ds.getRepository(AttachmentEntity).find({ where: { reportId: In([...ids]) }, order: { uploadedAt: 'ASC', id: 'ASC' } }),
        (a) => (a.responseId ? null : a.reportId),
      ),
    ),
    attachmentsOfResponse: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await ds.getRepository(AttachmentEntity).find({ where: { responseId: In([...ids]) }, order: { uploadedAt: 'ASC', id: 'ASC' } }),
        (a) => a.responseId,
      ),
    ),
    details: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await ds.getRepository(ReportDetailEntity).find({ where: { reportId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
        (d) => d.reportId,
      ),
    ),
    attachmentsOfDetail: new DataLoader(async (ids: readonly string[]) =>
      groupBy(
        ids,
        await ds.getRepository(AttachmentEntity).find({ where: { detailId: In([...ids]) }, order: { uploadedAt: 'ASC', id: 'ASC' } }),
        (a) => a.detailId,
      ),
    ),
    timeline: new DataLoader(async (ids: readonly string[]) =>
      groupBy(ids, await ds.getRepository(TimelineEventEntity).find({ where: { reportId: In([...ids]) }, order: { seq: 'ASC' } }), (e) => e.reportId),
    ),
  };
}

export async function createContext(service: ReportsService, req: Request): Promise<ReportsContext> {
  return {
    viewer: await viewerFromAuthorization(req.headers.authorization),
    ds: service.ds,
    service,
    loaders: createLoaders(service.ds),
    now: service.clock(),
  };
}
