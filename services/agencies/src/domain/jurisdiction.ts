import { RegionLevel, RoadStatus } from '@pantau/common';
import { AgencyLevel } from '../entities/agency.entity';

/**
 * Routing: who must act on a complaint about `topic` in `region` (optionally about a road)?
 * Pure function over registry data loaded by the caller. Returns exactly one agency and the chain of
 * reasons, walking up the region hierarchy (village → district → regency → province → national)
 * while a level has no owner for the topic or no agency registered for that region.
 */
export type Locale = 'id' | 'en';

export interface JRegion {
  code: string;
  name: string;
  level: RegionLevel;
}
export interface JAgency {
  id: string;
  name: string;
  level: AgencyLevel;
  kind: string;
  regionCode: string | null;
}
export interface JTopic {
  code: string;
  labelId: string;
  labelEn: string;
  asset: boolean;
}
export interface JDuty {
  level: AgencyLevel;
  kind: string;
  priority: number;
}
export interface JRoad {
  id: string;
  name: string;
  status: RoadStatus;
  regionCodes: string[];
}
export interface RoadOwner {
  level: AgencyLevel;
  kind: string;
  labelId: string;
  labelEn: string;
}

export interface JurisdictionData {
  topic: JTopic;
  /** The region and its ancestors, province first, the region itself last. */
  lineage: JRegion[];
  /** Duties of this topic. */
  duties: JDuty[];
  /** Candidate agencies: active agencies serving a region in the lineage or the whole country. */
  agencies: JAgency[];
  road?: JRoad | null;
  roadOwners: Record<RoadStatus, RoadOwner>;
}

export interface JurisdictionResult {
  agency: JAgency;
  reasons: string[];
}

/** Why no agency was found: a reason of the contract's catalogue with its parameters (no prose here). */
export type JurisdictionRefusal =
  | { key: 'BAD_USER_INPUT.ROAD_NOT_APPLICABLE'; params: { field: string; topic: string } }
  | { key: 'BAD_USER_INPUT.ROAD_OUTSIDE_REGION'; params: { field: string; roadId: string; regionCode: string } }
  | { key: 'NOT_FOUND.NO_AGENCY'; params: { topic: string; regionCode: string } };

export class JurisdictionError extends Error {
  constructor(readonly refusal: JurisdictionRefusal) {
    super(refusal.key);
    this.name = 'JurisdictionError';
  }
}

const LEVEL_NAMES: Record<AgencyLevel, { id: string; en: string }> = {
  VILLAGE: { id: 'desa/kelurahan', en: 'village' },
  DISTRICT: { id: 'kecamatan', en: 'district' },
  REGENCY: { id: 'kabupaten/kota', en: 'regency/city' },
  PROVINCE: { id: 'provinsi', en: 'province' },
  NATIONAL: { id: 'nasional', en: 'national' },
};

const REGION_TO_AGENCY_LEVEL: Record<RegionLevel, AgencyLevel> = {
  VILLAGE: AgencyLevel.VILLAGE,
  DISTRICT: AgencyLevel.DISTRICT,
  REGENCY: AgencyLevel.REGENCY,
  PROVINCE: AgencyLevel.PROVINCE,
};

/** Levels from the region's own level upward, ending at national. */
const WALK: AgencyLevel[] = [
  AgencyLevel.VILLAGE,
  AgencyLevel.DISTRICT,
  AgencyLevel.REGENCY,
  AgencyLevel.PROVINCE,
  AgencyLevel.NATIONAL,
];

function t(locale: Locale, id: string, en: string) {
  return locale === 'en' ? en : id;
}

/** Finds the agency of `kind` at `level` serving the lineage (national agencies: the province's office, else country-wide). */
function findAgency(data: JurisdictionData, level: AgencyLevel, kind: string): JAgency | null {
  const candidates = data.agencies.filter((a) => a.level === level && a.kind === kind);
  if (level === AgencyLevel.NATIONAL) {
    const province = data.lineage[0]?.code;
    return candidates.find((a) => a.regionCode === province) ?? candidates.find((a) => a.regionCode === null) ?? null;
  }
  const region = data.lineage.find((r) => REGION_TO_AGENCY_LEVEL[r.level] === level);
  if (!region) return null;
  return candidates.find((a) => a.regionCode === region.code) ?? null;
}

function regionAt(data: JurisdictionData, level: AgencyLevel): JRegion | undefined {
  return data.lineage.find((r) => REGION_TO_AGENCY_LEVEL[r.level] === level);
}

export function resolveJurisdiction(data: JurisdictionData, locale: Locale = 'id'): JurisdictionResult {
  const target = data.lineage[data.lineage.length - 1];
  const topicLabel = locale === 'en' ? data.topic.labelEn : data.topic.labelId;
  const reasons: string[] = [];

  if (data.road) {
    const road = data.road;
    if (!data.topic.asset) {
      throw new JurisdictionError({ key: 'BAD_USER_INPUT.ROAD_NOT_APPLICABLE', params: { field: 'roadId', topic: data.topic.code } });
    }
    const crosses = road.regionCodes.some((c) => c === target.code || c.startsWith(`${target.code}.`) || target.code.startsWith(`${c}.`));
    if (!crosses) {
      throw new JurisdictionError({ key: 'BAD_USER_INPUT.ROAD_OUTSIDE_REGION', params: { field: 'roadId', roadId: road.id, regionCode: target.code } });
    }
    const owner = data.roadOwners[road.status];
    reasons.push(
      t(
        locale,
        `Jalan "${road.name}" berstatus ${road.status}: ${owner.labelId}.`,
        `Road "${road.name}" has status ${road.status}: ${owner.labelEn}.`,
      ),
    );
    let agency = findAgency(data, owner.level, owner.kind);
    if (!agency && owner.level === AgencyLevel.VILLAGE) {
      // A village road reported at district level: the village it lies in is on the road's own list.
      const village = road.regionCodes.find((c) => c.split('.').length === 4 && c.startsWith(`${target.code}.`));
      agency = data.agencies.find((a) => a.level === owner.level && a.kind === owner.kind && a.regionCode === village) ?? null;
    }
    if (agency) {
      reasons.push(t(locale, `Instansi pemilik: ${agency.name}.`, `Owning agency: ${agency.name}.`));
      return { agency, reasons };
    }
    reasons.push(
      t(
        locale,
        `Belum ada instansi ${owner.kind} tingkat ${LEVEL_NAMES[owner.level].id} terdaftar untuk wilayah ini; dicari ke tingkat di atasnya.`,
        `No ${owner.kind} agency at ${LEVEL_NAMES[owner.level].en} level is registered for this region; looking at the levels above.`,
      ),
    );
  }

  const start = WALK.indexOf(REGION_TO_AGENCY_LEVEL[target.level]);
  for (const level of WALK.slice(start)) {
    const duties = data.duties.filter((d) => d.level === level).sort((a, b) => a.priority - b.priority);
    const where = level === AgencyLevel.NATIONAL ? t(locale, 'nasional', 'national') : (regionAt(data, level)?.name ?? '');
    if (duties.length === 0) {
      reasons.push(
        t(
          locale,
          `Tidak ada pemilik tupoksi "${topicLabel}" di tingkat ${LEVEL_NAMES[level].id}${where && level !== 'NATIONAL' ? ` (${where})` : ''}; naik ke tingkat berikutnya.`,
          `No owner of "${topicLabel}" at ${LEVEL_NAMES[level].en} level${where && level !== 'NATIONAL' ? ` (${where})` : ''}; moving up.`,
        ),
      );
      continue;
    }
    for (const duty of duties) {
      const agency = findAgency(data, level, duty.kind);
      if (agency) {
        reasons.push(
          t(
            locale,
            `Tupoksi "${topicLabel}" di tingkat ${LEVEL_NAMES[level].id} dimiliki instansi jenis ${duty.kind}: ${agency.name}.`,
            `"${topicLabel}" at ${LEVEL_NAMES[level].en} level belongs to ${duty.kind} agencies: ${agency.name}.`,
          ),
        );
        return { agency, reasons };
      }
    }
    reasons.push(
      t(
        locale,
        `Belum ada instansi ${duties.map((d) => d.kind).join('/')} terdaftar untuk ${where}; naik ke tingkat berikutnya.`,
        `No ${duties.map((d) => d.kind).join('/')} agency is registered for ${where}; moving up.`,
      ),
    );
  }
  throw new JurisdictionError({ key: 'NOT_FOUND.NO_AGENCY', params: { topic: data.topic.code, regionCode: target.code } });
}
