/**
 * Domain vocabulary for the dashboard. The enums and the maladministration names (Ombudsman RI,
 * Per-ORI 26/2017 art. 11) come from @pantau/contract, the same source the services use, so an
 * Indonesian label is written once.
 */
import {
  MALADMINISTRATION_LABELS,
  Maladministration,
  ReportStatus,
  Classification,
  ReportEventType,
  Role,
  RegionLevel,
} from '@pantau/contract';
import type { Lang } from '../i18n/format';

export { MALADMINISTRATION_LABELS, Maladministration, ReportStatus, Classification, ReportEventType, Role, RegionLevel };

/** The analytics breakdown adds UNCLASSIFIED to the ten types. */
export type MaladministrationCategory = Maladministration | 'UNCLASSIFIED';

export const MALADMINISTRATION_TYPES = Object.values(Maladministration) as Maladministration[];
export const REPORT_STATUSES = Object.values(ReportStatus) as ReportStatus[];
export const REGION_LEVELS = Object.values(RegionLevel) as RegionLevel[];

const UNCLASSIFIED_LABEL = { id: 'Belum diklasifikasikan', en: 'Unclassified' };

export function maladministrationLabel(type: string, lang: Lang): string {
  if (type === 'UNCLASSIFIED') return UNCLASSIFIED_LABEL[lang];
  const label = MALADMINISTRATION_LABELS[type as Maladministration];
  return label ? label[lang] : type;
}

export function isMaladministration(value: string | null | undefined): value is Maladministration {
  return !!value && (MALADMINISTRATION_TYPES as string[]).includes(value);
}

export function isReportStatus(value: string): value is ReportStatus {
  return (REPORT_STATUSES as string[]).includes(value);
}

/** Statuses counted as open (not finished): everything but COMPLETED and ARCHIVED (@pantau/contract). */
export { OPEN_STATUSES } from '@pantau/contract';
