import { RegionLevel, RoadStatus } from '@pantau/common';
import { AgencyLevel } from '../../entities/agency.entity';
import { resolveJurisdiction, JurisdictionError, type JurisdictionData } from '../jurisdiction';

const lineage = [
  { code: '64', name: 'Kalimantan Timur', level: RegionLevel.PROVINCE },
  { code: '64.02', name: 'Kabupaten Kutai Kartanegara', level: RegionLevel.REGENCY },
  { code: '64.02.18', name: 'Muara Wis', level: RegionLevel.DISTRICT },
  { code: '64.02.18.2002', name: 'Sebemban', level: RegionLevel.VILLAGE },
];
const agencies = [
  { id: 'bbpjn', name: 'BBPJN Kaltim', level: AgencyLevel.NATIONAL, kind: 'ROAD_AGENCY', regionCode: '64' },
  { id: 'pln', name: 'PLN', level: AgencyLevel.NATIONAL, kind: 'ELECTRICITY', regionCode: null },
  { id: 'prov-pu', name: 'PU Provinsi', level: AgencyLevel.PROVINCE, kind: 'PUBLIC_WORKS', regionCode: '64' },
  { id: 'kab-pu', name: 'PU Kukar', level: AgencyLevel.REGENCY, kind: 'PUBLIC_WORKS', regionCode: '64.02' },
  { id: 'kab-other-pu', name: 'PU Paser', level: AgencyLevel.REGENCY, kind: 'PUBLIC_WORKS', regionCode: '64.01' },
  { id: 'kec', name: 'Kecamatan Muara Wis', level: AgencyLevel.DISTRICT, kind: 'DISTRICT_OFFICE', regionCode: '64.02.18' },
  { id: 'desa', name: 'Desa Sebemban', level: AgencyLevel.VILLAGE, kind: 'VILLAGE_GOVERNMENT', regionCode: '64.02.18.2002' },
];
const roadOwners = {
  NASIONAL: { level: AgencyLevel.NATIONAL, kind: 'ROAD_AGENCY', labelId: 'jalan nasional', labelEn: 'national road' },
  PROVINSI: { level: AgencyLevel.PROVINCE, kind: 'PUBLIC_WORKS', labelId: 'jalan provinsi', labelEn: 'provincial road' },
  KABUPATEN: { level: AgencyLevel.REGENCY, kind: 'PUBLIC_WORKS', labelId: 'jalan kabupaten', labelEn: 'regency road' },
  KOTA: { level: AgencyLevel.REGENCY, kind: 'PUBLIC_WORKS', labelId: 'jalan kota', labelEn: 'city road' },
  DESA: { level: AgencyLevel.VILLAGE, kind: 'VILLAGE_GOVERNMENT', labelId: 'jalan desa', labelEn: 'village road' },
};
const roadTopic = { code: 'JALAN', labelId: 'Jalan', labelEn: 'Roads', asset: true };
const roadDuties = [
  { level: AgencyLevel.REGENCY, kind: 'PUBLIC_WORKS', priority: 0 },
  { level: AgencyLevel.PROVINCE, kind: 'PUBLIC_WORKS', priority: 0 },
];

function data(over: Partial<JurisdictionData>): JurisdictionData {
  return { topic: roadTopic, lineage, duties: roadDuties, agencies, roadOwners, road: null, ...over };
}
const road = (status: RoadStatus, regionCodes = ['64.02.18']) => ({ id: 'r', name: 'Jalan X', status, regionCodes });

describe('resolveJurisdiction', () => {
  it.each([
    [RoadStatus.NASIONAL, 'bbpjn'],
    [RoadStatus.PROVINSI, 'prov-pu'],
    [RoadStatus.KABUPATEN, 'kab-pu'],
    [RoadStatus.DESA, 'desa'],
  ])('routes a %s road to its owner', (status, expected) => {
    const r = resolveJurisdiction(data({ road: road(status, ['64.02.18', '64.02.18.2002']) }), 'en');
    expect(r.agency.id).toBe(expected);
    expect(r.reasons[0]).toContain(`status ${status}`);
  });

  it('finds the village of a village road reported at district level', () => {
    const r = resolveJurisdiction(data({ lineage: lineage.slice(0, 3), road: road(RoadStatus.DESA, ['64.02.18', '64.02.18.2002']) }));
    expect(r.agency.id).toBe('desa');
  });

  it('rejects a road that does not pass through the region', () => {
    expect(() => resolveJurisdiction(data({ road: road(RoadStatus.KABUPATEN, ['64.02.06']) }))).toThrow(JurisdictionError);
  });

  it('rejects a road reference on a non-road topic', () => {
    const topic = { code: 'KESEHATAN', labelId: 'Kesehatan', labelEn: 'Health', asset: false };
    expect(() => resolveJurisdiction(data({ topic, road: road(RoadStatus.KABUPATEN) }))).toThrow(expect.objectContaining({ refusal: expect.objectContaining({ key: 'BAD_USER_INPUT.ROAD_NOT_APPLICABLE' }) }));
  });

  it('walks up to the nearest level with an owner and says why', () => {
    const r = resolveJurisdiction(data({}), 'en');
    expect(r.agency.id).toBe('kab-pu');
    expect(r.reasons).toHaveLength(3);
    expect(r.reasons[0]).toMatch(/No owner .* village level \(Sebemban\)/);
    expect(r.reasons[1]).toMatch(/district level \(Muara Wis\)/);
    expect(r.reasons[2]).toMatch(/regency\/city level belongs to PUBLIC_WORKS agencies: PU Kukar/);
  });

  it('takes the preferred kind first and falls back to the next kind at the same level', () => {
    const duties = [
      { level: AgencyLevel.VILLAGE, kind: 'KELURAHAN_OFFICE', priority: 1 },
      { level: AgencyLevel.VILLAGE, kind: 'VILLAGE_GOVERNMENT', priority: 0 },
    ];
    expect(resolveJurisdiction(data({ duties })).agency.id).toBe('desa');
  });

  it('moves up when the level has an owner kind but no agency is registered for that region', () => {
    const duties = [
      { level: AgencyLevel.VILLAGE, kind: 'KELURAHAN_OFFICE', priority: 0 },
      { level: AgencyLevel.DISTRICT, kind: 'DISTRICT_OFFICE', priority: 0 },
    ];
    const r = resolveJurisdiction(data({ duties }), 'en');
    expect(r.agency.id).toBe('kec');
    expect(r.reasons[0]).toMatch(/No KELURAHAN_OFFICE agency is registered for Sebemban/);
  });

  it('uses country-wide national agencies when there is no regional office', () => {
    const duties = [{ level: AgencyLevel.NATIONAL, kind: 'ELECTRICITY', priority: 0 }];
    expect(resolveJurisdiction(data({ duties })).agency.id).toBe('pln');
  });

  it('never picks another regency’s agency', () => {
    const other = [
      { code: '64', name: 'Kalimantan Timur', level: RegionLevel.PROVINCE },
      { code: '64.03', name: 'Berau', level: RegionLevel.REGENCY },
    ];
    expect(resolveJurisdiction(data({ lineage: other })).agency.id).toBe('prov-pu');
  });

  it('fails clearly when no level owns the topic', () => {
    expect(() => resolveJurisdiction(data({ duties: [] }))).toThrow(expect.objectContaining({ refusal: expect.objectContaining({ key: 'NOT_FOUND.NO_AGENCY' }) }));
  });

  it('speaks Indonesian by default', () => {
    expect(resolveJurisdiction(data({})).reasons[2]).toMatch(/dimiliki instansi jenis PUBLIC_WORKS/);
  });
});
