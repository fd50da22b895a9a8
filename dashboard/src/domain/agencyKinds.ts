/**
 * Readable names for the registry's agency kinds (the API gives codes such as PUBLIC_WORKS).
 * An unknown code is shown in words ("SOME_NEW_KIND" → "Some new kind") rather than raw.
 */
import type { Lang } from '../i18n/format';

const KINDS: Record<string, { id: string; en: string }> = {
  AGRICULTURE: { id: 'Pertanian', en: 'Agriculture' },
  CIVIL_REGISTRY: { id: 'Kependudukan dan pencatatan sipil', en: 'Civil registry' },
  COMMUNICATIONS: { id: 'Komunikasi dan informatika', en: 'Communications and informatics' },
  DISTRICT_OFFICE: { id: 'Kantor kecamatan', en: 'District office' },
  EDUCATION: { id: 'Pendidikan', en: 'Education' },
  ELECTRICITY: { id: 'Kelistrikan', en: 'Electricity' },
  ENVIRONMENT: { id: 'Lingkungan hidup', en: 'Environment' },
  HEALTH: { id: 'Kesehatan', en: 'Health' },
  HOSPITAL: { id: 'Rumah sakit', en: 'Hospital' },
  INVESTMENT_PERMITS: { id: 'Penanaman modal dan perizinan', en: 'Investment and permits' },
  KELURAHAN_OFFICE: { id: 'Kantor kelurahan', en: 'Kelurahan office' },
  MINISTRY: { id: 'Kementerian', en: 'Ministry' },
  MINISTRY_HEALTH: { id: 'Kementerian Kesehatan', en: 'Ministry of Health' },
  OMBUDSMAN: { id: 'Ombudsman', en: 'Ombudsman' },
  PUBLIC_WORKS: { id: 'Pekerjaan umum dan penataan ruang', en: 'Public works' },
  REGIONAL_GOVERNMENT: { id: 'Pemerintah daerah', en: 'Regional government' },
  ROAD_AGENCY: { id: 'Pengelola jalan', en: 'Road agency' },
  SOCIAL: { id: 'Sosial', en: 'Social affairs' },
  TRANSPORT: { id: 'Perhubungan', en: 'Transport' },
  VILLAGE_EMPOWERMENT: { id: 'Pemberdayaan masyarakat desa', en: 'Village empowerment' },
  VILLAGE_GOVERNMENT: { id: 'Pemerintah desa', en: 'Village government' },
  WATER_UTILITY: { id: 'Air minum (PDAM)', en: 'Water utility' },
};

export function agencyKindLabel(code: string, lang: Lang): string {
  const known = KINDS[code];
  if (known) return known[lang];
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
