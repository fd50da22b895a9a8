/**
 * The domain vocabulary shared by every Pantau service (design brief, "Domain").
 * Plain TypeScript enums: each service registers the ones it exposes as GraphQL enums.
 */

export enum Role {
  ADMIN = 'ADMIN',
  LIAISON = 'LIAISON',
  OMBUDSMAN = 'OMBUDSMAN',
  LEADERSHIP = 'LEADERSHIP',
}

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  DISTRICT = 'DISTRICT',
  VILLAGE = 'VILLAGE',
}

export enum ReportStatus {
  SUBMITTED = 'SUBMITTED',
  DISPOSITIONED = 'DISPOSITIONED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  ON_HOLD = 'ON_HOLD',
  ARCHIVED = 'ARCHIVED',
}

/** Statuses in which a report is still open (being handled or waiting for the reporter). */
export const OPEN_STATUSES: readonly ReportStatus[] = [
  ReportStatus.SUBMITTED,
  ReportStatus.DISPOSITIONED,
  ReportStatus.IN_PROGRESS,
  ReportStatus.ON_HOLD,
];

/** Statuses in which a report is closed: completed, or archived without a finding. */
export const CLOSED_STATUSES: readonly ReportStatus[] = [ReportStatus.COMPLETED, ReportStatus.ARCHIVED];

export function isClosedStatus(status: string): boolean {
  return (CLOSED_STATUSES as readonly string[]).includes(status);
}

export enum Classification {
  ASPIRASI = 'ASPIRASI',
  PENGADUAN = 'PENGADUAN',
  PERMINTAAN_INFORMASI = 'PERMINTAAN_INFORMASI',
}

/** Ombudsman RI maladministration types (UU 37/2008, Per-ORI 26/2017 art. 11). */
export enum Maladministration {
  PENUNDAAN_BERLARUT = 'PENUNDAAN_BERLARUT',
  TIDAK_MEMBERIKAN_PELAYANAN = 'TIDAK_MEMBERIKAN_PELAYANAN',
  TIDAK_KOMPETEN = 'TIDAK_KOMPETEN',
  PENYALAHGUNAAN_WEWENANG = 'PENYALAHGUNAAN_WEWENANG',
  PERMINTAAN_IMBALAN = 'PERMINTAAN_IMBALAN',
  PENYIMPANGAN_PROSEDUR = 'PENYIMPANGAN_PROSEDUR',
  BERTINDAK_TIDAK_PATUT = 'BERTINDAK_TIDAK_PATUT',
  BERPIHAK = 'BERPIHAK',
  KONFLIK_KEPENTINGAN = 'KONFLIK_KEPENTINGAN',
  DISKRIMINASI = 'DISKRIMINASI',
}

export const MALADMINISTRATION_LABELS: Record<Maladministration, { id: string; en: string }> = {
  PENUNDAAN_BERLARUT: { id: 'Penundaan berlarut', en: 'Undue delay' },
  TIDAK_MEMBERIKAN_PELAYANAN: { id: 'Tidak memberikan pelayanan', en: 'Failure to serve' },
  TIDAK_KOMPETEN: { id: 'Tidak kompeten', en: 'Incompetence' },
  PENYALAHGUNAAN_WEWENANG: { id: 'Penyalahgunaan wewenang', en: 'Abuse of authority' },
  PERMINTAAN_IMBALAN: { id: 'Permintaan imbalan', en: 'Requesting payment' },
  PENYIMPANGAN_PROSEDUR: { id: 'Penyimpangan prosedur', en: 'Deviation from procedure' },
  BERTINDAK_TIDAK_PATUT: { id: 'Bertindak tidak patut', en: 'Improper conduct' },
  BERPIHAK: { id: 'Berpihak', en: 'Partiality' },
  KONFLIK_KEPENTINGAN: { id: 'Konflik kepentingan', en: 'Conflict of interest' },
  DISKRIMINASI: { id: 'Diskriminasi', en: 'Discrimination' },
};

/** The API schema's description of each status: one text, so every subgraph declaring the enum says the same. */
export const REPORT_STATUS_DESCRIPTIONS: Record<ReportStatus, string> = {
  SUBMITTED: 'Submitted, not yet verified (belum terverifikasi).',
  DISPOSITIONED: 'Verified and routed to an agency, no response yet (terdisposisi).',
  IN_PROGRESS: 'The agency has responded and is following up (sedang diproses).',
  COMPLETED: 'Follow-up done (selesai); the reporter may rate it and reopen it within 14 days.',
  ON_HOLD: 'Waiting for more detail from the reporter (tertunda).',
  ARCHIVED: 'Rejected with a reason (arsip).',
};

/** The API schema's description of each maladministration type (reports and analytics both declare them). */
export const MALADMINISTRATION_DESCRIPTIONS: Record<Maladministration, string> = {
  PENUNDAAN_BERLARUT: 'Undue delay.',
  TIDAK_MEMBERIKAN_PELAYANAN: 'Failure to serve.',
  TIDAK_KOMPETEN: 'Incompetence.',
  PENYALAHGUNAAN_WEWENANG: 'Abuse of authority.',
  PERMINTAAN_IMBALAN: 'Requesting payment (money, goods or services) for a service.',
  PENYIMPANGAN_PROSEDUR: 'Deviation from procedure.',
  BERTINDAK_TIDAK_PATUT: 'Improper conduct.',
  BERPIHAK: 'Partiality.',
  KONFLIK_KEPENTINGAN: 'Conflict of interest.',
  DISKRIMINASI: 'Discrimination.',
};

/** `{ VALUE: text }` as the `{ VALUE: { description } }` map that schema builders take for enum values. */
export function enumValueDescriptions<K extends string>(texts: Record<K, string>): Record<K, { description: string }> {
  return Object.fromEntries(Object.entries(texts).map(([k, description]) => [k, { description }])) as Record<K, { description: string }>;
}

/** Level of a road (asset) and so of the government that owns it. */
export enum RoadStatus {
  NASIONAL = 'NASIONAL',
  PROVINSI = 'PROVINSI',
  KABUPATEN = 'KABUPATEN',
  KOTA = 'KOTA',
  DESA = 'DESA',
}

/** Names of the events that reports publishes through its outbox. */
export enum ReportEventType {
  ReportSubmitted = 'ReportSubmitted',
  ReportDispositioned = 'ReportDispositioned',
  ReportHeld = 'ReportHeld',
  ReportArchived = 'ReportArchived',
  ReportForwarded = 'ReportForwarded',
  ReportResponded = 'ReportResponded',
  ReportCompleted = 'ReportCompleted',
  ReportRated = 'ReportRated',
  ReportReopened = 'ReportReopened',
  ReportClassified = 'ReportClassified',
  /** The reporter answered a hold with more detail (ON_HOLD → SUBMITTED). */
  ReportDetailAdded = 'ReportDetailAdded',
}
