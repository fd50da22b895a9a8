import { Brackets, type DataSource } from 'typeorm';
import {
  keysetPaginate,
  LIKE_ESCAPE,
  likeContains,
  likePrefix,
  Role,
  type ConnectionArgs,
  type RegionLevel,
  type RoadStatus,
} from '@pantau/common';
import { regionCodeArg } from '../domain/regions';
import { Agency, type AgencyLevel } from '../entities/agency.entity';
import { Duty } from '../entities/duty.entity';
import { Region } from '../entities/region.entity';
import { Road, RoadRegion } from '../entities/road.entity';
import { StaffAccount } from '../entities/staff-account.entity';
import { Topic } from '../entities/topic.entity';

/** Filters of the agency list (the GraphQL AgencyFilter input has this shape). */
export interface AgencyQuery {
  active?: boolean | null;
  level?: AgencyLevel | null;
  kind?: string | null;
  parentId?: string | null;
  regionCode?: string | null;
  search?: string | null;
}

const agenciesByName = [
  { column: 'a.name', value: (a: Agency) => a.name, direction: 'ASC' as const },
  { column: 'a.id', value: (a: Agency) => a.id, direction: 'ASC' as const },
];
const regionsByCode = [{ column: 'r.code', value: (r: Region) => r.code, direction: 'ASC' as const }];

/**
 * The registry's reads (the agencies service layer): resolvers stay thin and call these; rules that need
 * no I/O live in domain/, storage (entities, migrations, seeding) behind storage/.
 */
export class RegistryService {
  constructor(readonly ds: DataSource) {}

  agencies(filter: AgencyQuery | null | undefined, page: ConnectionArgs) {
    const f = filter ?? {};
    const qb = this.ds.getRepository(Agency).createQueryBuilder('a');
    qb.where('a.active = :active', { active: f.active ?? true });
    if (f.level) qb.andWhere('a.level = :level', { level: f.level });
    if (f.kind) qb.andWhere('a.kind = :kind', { kind: f.kind });
    if (f.parentId) qb.andWhere('a.parentId = :parentId', { parentId: f.parentId });
    if (f.regionCode) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('a.regionCode = :rc', { rc: f.regionCode }).orWhere(`a.regionCode LIKE :rcp ${LIKE_ESCAPE}`, { rcp: likePrefix(`${f.regionCode}.`) }),
        ),
      );
    }
    if (f.search) {
      f.search
        .trim()
        .split(/\s+/)
        .slice(0, 5)
        .forEach((word, i) => {
          // the word taken literally: `%` and `_` match only themselves
          const p = likeContains(word);
          const like = (col: string) => `${col} LIKE :w${i} ${LIKE_ESCAPE}`;
          qb.andWhere(new Brackets((w) => w.where(like('a.name')).orWhere(like('a.code')).orWhere(like('a.nameEn'))), {
            [`w${i}`]: p,
          });
        });
    }
    return keysetPaginate(qb, page, agenciesByName);
  }

  agencyChildren(agencyId: string, page: ConnectionArgs) {
    const qb = this.ds.getRepository(Agency).createQueryBuilder('a').where('a.parentId = :id', { id: agencyId }).andWhere('a.active = :t', { t: true });
    return keysetPaginate(qb, page, agenciesByName);
  }

  /** Topics an agency owns at its level, by topic code; `primary` false when another kind is preferred. */
  async duties(agency: Pick<Agency, 'kind' | 'level'>): Promise<Array<{ topic: Topic; primary: boolean }>> {
    const duties = await this.ds.getRepository(Duty).findBy({ kind: agency.kind, level: agency.level });
    if (!duties.length) return [];
    const topics = await this.topics();
    const byCode = new Map(topics.map((t) => [t.code, t]));
    return duties
      .filter((d) => byCode.has(d.topicCode))
      .map((d) => ({ topic: byCode.get(d.topicCode)!, primary: d.priority === 0 }))
      .sort((a, b) => a.topic.code.localeCompare(b.topic.code));
  }

  /** The agency's active liaison (the earliest created). */
  liaison(agencyId: string) {
    return this.ds.getRepository(StaffAccount).findOne({
      where: { agencyId, role: Role.LIAISON, active: true },
      order: { createdAt: 'ASC', email: 'ASC' },
    });
  }

  regions(search: string | null, level: RegionLevel | undefined, within: string | undefined, page: ConnectionArgs) {
    const term = (search ?? '').trim();
    const qb = this.ds.getRepository(Region).createQueryBuilder('r');
    qb.where('1 = 1');
    // An empty search adds no condition, so (level, name, code) or the primary key serves the page without a scan.
    // User text reaches LIKE escaped: `%`, `_` (and `!`, the escape character) match only themselves.
    if (/^\d{2}(\.\d{0,4})*$/.test(term)) qb.andWhere(`r.code LIKE :p ${LIKE_ESCAPE}`, { p: likePrefix(term) });
    else if (term) qb.andWhere(`r.name LIKE :p ${LIKE_ESCAPE}`, { p: likePrefix(term) });
    if (level) qb.andWhere('r.level = :level', { level });
    // a Kemendagri code or BAD_USER_INPUT (empty: no filter); `within: "%"` listed every region
    if (within?.trim()) qb.andWhere(`r.code LIKE :w ${LIKE_ESCAPE}`, { w: likePrefix(`${regionCodeArg(within, 'within')}.`) });
    return keysetPaginate(qb, page, [{ column: 'r.name', value: (r: Region) => r.name, direction: 'ASC' }, ...regionsByCode]);
  }

  regionChildren(code: string, page: ConnectionArgs) {
    const qb = this.ds.getRepository(Region).createQueryBuilder('r').where('r.parentCode = :code', { code });
    return keysetPaginate(qb, page, regionsByCode);
  }

  roads(regionCode: string | undefined, status: RoadStatus | undefined, page: ConnectionArgs) {
    const qb = this.ds.getRepository(Road).createQueryBuilder('road');
    if (regionCode?.trim()) {
      // a Kemendagri code or BAD_USER_INPUT (empty: no filter): the value reaches LIKE, where `%`/`_` would match every road
      const rc = regionCodeArg(regionCode, 'regionCode');
      const sub = this.ds
        .getRepository(RoadRegion)
        .createQueryBuilder('rr')
        .select('rr.roadId')
        .where(`(rr.regionCode = :rc OR rr.regionCode LIKE :rcp ${LIKE_ESCAPE} OR :rc LIKE ` + (this.ds.options.type === 'better-sqlite3' ? "rr.regionCode || '.%'" : "CONCAT(rr.regionCode, '.%')") + ')');
      qb.where(`road.id IN (${sub.getQuery()})`, { rc, rcp: likePrefix(`${rc}.`) });
    }
    if (status) qb.andWhere('road.status = :status', { status });
    return keysetPaginate(qb, page, [
      { column: 'road.name', value: (r: Road) => r.name, direction: 'ASC' },
      { column: 'road.id', value: (r: Road) => r.id, direction: 'ASC' },
    ]);
  }

  /** Codes of the regions a road passes through, in code order. */
  async roadRegionCodes(roadId: string): Promise<string[]> {
    const rows = await this.ds.getRepository(RoadRegion).find({ where: { roadId }, order: { regionCode: 'ASC' } });
    return rows.map((r) => r.regionCode);
  }

  topics() {
    return this.ds.getRepository(Topic).find({ order: { code: 'ASC' } });
  }
}
