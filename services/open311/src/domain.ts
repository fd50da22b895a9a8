/**
 * Open311 GeoReport v2 ↔ Pantau: plain functions (unit-tested in __tests__/domain.test.ts).
 */
import { CLOSED_STATUSES, isClosedStatus, OPEN_STATUSES, TEXT_LIMITS, type ReportStatus as ContractReportStatus } from '@pantau/contract';

export interface Topic {
  code: string;
  labelId: string;
  labelEn: string;
  asset: boolean;
}

export interface Road {
  id: string;
  name: string;
  status: string;
}

/** Groups of the GeoReport `group` field (Indonesian), by topic code; unknown topics fall in "Lainnya". */
const GROUPS: Record<string, string> = {
  JALAN: 'Infrastruktur',
  DRAINASE: 'Infrastruktur',
  AIR_BERSIH: 'Infrastruktur',
  LISTRIK: 'Infrastruktur',
  TRANSPORTASI: 'Infrastruktur',
  KESEHATAN: 'Layanan sosial',
  PENDIDIKAN: 'Layanan sosial',
  BANTUAN_SOSIAL: 'Layanan sosial',
  KEPENDUDUKAN: 'Administrasi',
  PERIZINAN: 'Administrasi',
  ADMINISTRASI_DESA: 'Administrasi',
  INFORMASI_PUBLIK: 'Administrasi',
  DANA_DESA: 'Pemerintahan desa',
  LINGKUNGAN: 'Lingkungan',
  PERTANIAN: 'Lingkungan',
};

const STOPWORDS = new Set(['dan', 'atau', 'and', 'the', 'of', 'di', 'ke', 'yang', 'untuk']);

export function topicGroup(code: string): string {
  return GROUPS[code] ?? 'Lainnya';
}

/** Comma-separated keywords from both labels (lower case, no stop words, no duplicates). */
export function topicKeywords(t: Topic): string {
  const words = `${t.labelId} ${t.labelEn}`
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w));
  return [...new Set([t.code.toLowerCase().replace(/_/g, ' '), ...words])].join(',');
}

/** GET services: one entry per topic. `metadata` is true where the topic takes a road (an extra attribute worth a definition call). */
export function serviceOf(t: Topic) {
  return {
    service_code: t.code,
    service_name: t.labelId,
    description: `${t.labelId} (${t.labelEn})`,
    metadata: t.asset,
    type: 'realtime',
    keywords: topicKeywords(t),
    group: topicGroup(t.code),
  };
}

export interface AttributeValue {
  key: string;
  name: string;
}

export interface Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: AttributeValue[];
}

const BOOLEAN_VALUES: AttributeValue[] = [
  { key: 'false', name: 'Tidak' },
  { key: 'true', name: 'Ya' },
];

/**
 * GET services/{code}: the attributes POST requests understands (`attribute[code]=…`), all optional. Roads for
 * asset topics are listed as values (those in the jurisdiction, at most 100).
 */
export function serviceDefinition(t: Topic, roads: Road[]) {
  const attributes: Attribute[] = [];
  // fields in the order of the spec's table (XML clients may read them in order)
  const add = (a: Omit<Attribute, 'order' | 'variable'>) =>
    attributes.push({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: attributes.length + 1,
      description: a.description,
      ...(a.values ? { values: a.values } : {}),
    });
  if (t.asset) {
    add({
      code: 'road_id',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      description: 'Ruas jalan yang dilaporkan (menentukan instansi pemilik: nasional, provinsi, kabupaten atau desa).',
      values: roads.map((r) => ({ key: r.id, name: `${r.name} (${r.status})` })),
    });
  }
  add({
    code: 'classification',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: null,
    description: 'Jenis laporan (bawaan: PENGADUAN).',
    values: [
      { key: 'PENGADUAN', name: 'Pengaduan' },
      { key: 'ASPIRASI', name: 'Aspirasi' },
      { key: 'PERMINTAAN_INFORMASI', name: 'Permintaan informasi' },
    ],
  });
  add({
    code: 'anonymous',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: null,
    description: 'Anonim: identitas pelapor tidak ditampilkan kepada instansi terlapor maupun publik.',
    values: BOOLEAN_VALUES,
  });
  add({
    code: 'confidential',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: null,
    description: 'Rahasia: isi laporan tidak ditampilkan kepada publik (laporan tidak muncul di GET requests).',
    values: BOOLEAN_VALUES,
  });
  add({
    code: 'region_code',
    datatype: 'string',
    required: false,
    datatype_description: 'Kode wilayah Kemendagri di dalam jurisdiction_id, mis. 64.02.18.2001',
    description: 'Desa/kelurahan atau kecamatan lokasi masalah (bawaan: jurisdiction_id).',
  });
  add({
    code: 'title',
    datatype: 'string',
    required: false,
    datatype_description: `${TEXT_LIMITS.title.min}–${TEXT_LIMITS.title.max} karakter`,
    description: 'Judul laporan (bawaan: awal deskripsi).',
  });
  return { service_code: t.code, attributes };
}

export type ReportStatus = `${ContractReportStatus}`;
export { OPEN_STATUSES, CLOSED_STATUSES };

export function open311Status(s: ReportStatus): 'open' | 'closed' {
  return isClosedStatus(s) ? 'closed' : 'open';
}

/** `open,closed` → report statuses; null when a value is neither. */
export function statusesFor(raw: string): ReportStatus[] | null {
  const out = new Set<ReportStatus>();
  for (const v of raw.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean)) {
    if (v === 'open') OPEN_STATUSES.forEach((s) => out.add(s));
    else if (v === 'closed') CLOSED_STATUSES.forEach((s) => out.add(s));
    else return null;
  }
  return [...out];
}

/** What happens next, in Indonesian, per status (service_notice). */
export function serviceNotice(s: ReportStatus): string {
  switch (s) {
    case 'SUBMITTED':
      return 'Laporan diterima; admin memverifikasi dan meneruskannya ke instansi berwenang dalam 3 hari kerja.';
    case 'DISPOSITIONED':
      return 'Laporan telah diteruskan ke instansi berwenang; tanggapan pertama paling lambat 5 hari kerja.';
    case 'IN_PROGRESS':
      return 'Instansi sedang menindaklanjuti laporan; penyelesaian paling lambat 14 hari kerja sejak disposisi (60 bila perlu pemeriksaan).';
    case 'ON_HOLD':
      return 'Laporan ditunda: admin meminta keterangan tambahan dari pelapor.';
    case 'COMPLETED':
      return 'Laporan telah selesai ditindaklanjuti.';
    case 'ARCHIVED':
      return 'Laporan diarsipkan (ditolak) dengan alasan yang tercatat.';
  }
}

/** Lines the adapter appends to the body (Pantau has no coordinate fields; the public body carries them). */
const COORD_LINE = /^Koordinat: (-?\d{1,2}(?:\.\d+)?), (-?\d{1,3}(?:\.\d+)?)$/m;
const ADDRESS_LINE = /^Alamat: (.+)$/m;
const MEDIA_LINE = /^Media: (https?:\/\/\S+)$/m;

export interface Location {
  lat?: number;
  long?: number;
  address?: string;
}

export function composeBody(description: string, loc: Location, mediaUrl?: string): string {
  const lines = [description.trim()];
  const extra: string[] = [];
  if (loc.address) extra.push(`Alamat: ${loc.address.replace(/\s+/g, ' ').trim()}`);
  if (loc.lat !== undefined && loc.long !== undefined) extra.push(`Koordinat: ${loc.lat}, ${loc.long}`);
  if (mediaUrl) extra.push(`Media: ${mediaUrl}`);
  if (extra.length) lines.push('', ...extra);
  return lines.join('\n');
}

/** Reads back what composeBody wrote (null body: confidential, nothing to read). */
export function parseBody(body: string | null): { description: string | null; lat: number | null; long: number | null; address: string | null; mediaUrl: string | null } {
  if (body === null) return { description: null, lat: null, long: null, address: null, mediaUrl: null };
  const c = COORD_LINE.exec(body);
  const a = ADDRESS_LINE.exec(body);
  const m = MEDIA_LINE.exec(body);
  const description = body
    .split('\n')
    .filter((l) => !COORD_LINE.test(l) && !ADDRESS_LINE.test(l) && !MEDIA_LINE.test(l))
    .join('\n')
    .trim();
  return {
    description,
    lat: c ? Number(c[1]) : null,
    long: c ? Number(c[2]) : null,
    address: a ? a[1] : null,
    mediaUrl: m ? m[1] : null,
  };
}

/** A title from the description when none is given: its first line, cut at a word boundary to at most 80 characters. */
export function titleFrom(description: string, fallback: string): string {
  const first = description.trim().split('\n')[0].trim();
  let t = first;
  if (t.length > 80) {
    t = t.slice(0, 80);
    const cut = t.lastIndexOf(' ');
    t = `${(cut > 40 ? t.slice(0, cut) : t).trim()}…`;
  }
  return t.length >= 5 ? t : fallback;
}

export { REGION_CODE_PATTERN as REGION_CODE } from '@pantau/contract';

/** Whether `code` is `jurisdiction` or inside it (whole segments). */
export function withinJurisdiction(code: string, jurisdiction: string): boolean {
  return code === jurisdiction || code.startsWith(`${jurisdiction}.`);
}

export function parseBooleanAttribute(raw: string | undefined): boolean | null | undefined {
  if (raw === undefined || raw === '') return undefined;
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'ya'].includes(v)) return true;
  if (['false', '0', 'no', 'tidak'].includes(v)) return false;
  return null;
}
