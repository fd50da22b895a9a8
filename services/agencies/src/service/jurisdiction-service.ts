import fs from 'node:fs';
import path from 'node:path';
import { In, IsNull, type DataSource } from 'typeorm';
import { AppError, badInput, type RoadStatus } from '@pantau/common';
import type { Loaders } from '../context';
import { Agency } from '../entities/agency.entity';
import { Duty } from '../entities/duty.entity';
import { Road, RoadRegion } from '../entities/road.entity';
import { Topic } from '../entities/topic.entity';
import { resolveJurisdiction, JurisdictionError, type JRegion, type Locale, type RoadOwner } from '../domain/jurisdiction';
import { isRegionCode, lineage } from '../domain/regions';
import { SEED_DIR } from '../storage/seed-registry';

let roadOwners: Record<RoadStatus, RoadOwner> | null = null;
function loadRoadOwners(): Record<RoadStatus, RoadOwner> {
  roadOwners ??= JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'duties.json'), 'utf8')).roadOwners;
  return roadOwners!;
}

/** Routing (service layer): loads what the pure rule in domain/jurisdiction.ts needs and maps its refusals. */
export class JurisdictionService {
  constructor(
    readonly ds: DataSource,
    private readonly loaders: Pick<Loaders, 'region'>,
  ) {}

  async resolve(input: { topic: string; regionCode: string; roadId?: string | null }, locale: Locale): Promise<{ agency: Agency; reasons: string[] }> {
    const topic = await this.ds.getRepository(Topic).findOneBy({ code: input.topic });
    if (!topic) throw badInput('UNKNOWN_TOPIC', { field: 'topic', topic: input.topic });
    if (!isRegionCode(input.regionCode)) throw badInput('INVALID_REGION_CODE', { field: 'regionCode' });
    const codes = lineage(input.regionCode);
    const regions = await this.loaders.region.loadMany(codes);
    if (regions.some((r) => !r || r instanceof Error)) throw badInput('UNKNOWN_REGION', { field: 'regionCode', regionCode: input.regionCode });
    let road = null;
    if (input.roadId) {
      const r = await this.ds.getRepository(Road).findOneBy({ id: input.roadId });
      if (!r) throw badInput('UNKNOWN_ROAD', { field: 'roadId', roadId: input.roadId });
      const crossings = await this.ds.getRepository(RoadRegion).findBy({ roadId: r.id });
      road = { id: r.id, name: r.name, status: r.status, regionCodes: crossings.map((c) => c.regionCode) };
    }
    const duties = await this.ds.getRepository(Duty).findBy({ topicCode: topic.code });
    const kinds = [...new Set([...duties.map((d) => d.kind), ...Object.values(loadRoadOwners()).map((o) => o.kind)])];
    const agencies = await this.ds.getRepository(Agency).find({
      where: [
        { kind: In(kinds), regionCode: In([...codes, ...(road?.regionCodes ?? [])]), active: true },
        { kind: In(kinds), regionCode: IsNull(), active: true },
      ],
    });
    try {
      const result = resolveJurisdiction(
        { topic, lineage: regions as JRegion[], duties, agencies, road, roadOwners: loadRoadOwners() },
        locale,
      );
      return { agency: agencies.find((a) => a.id === result.agency.id)!, reasons: result.reasons };
    } catch (err) {
      if (err instanceof JurisdictionError) throw new AppError(err.refusal.key, err.refusal.params as never);
      throw err;
    }
  }
}
