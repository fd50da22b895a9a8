import { badInput, RegionLevel } from '@pantau/common';
import { isRegionCode } from '@pantau/contract';

/**
 * Kemendagri region codes are hierarchical by prefix: province `64`, regency `64.02`,
 * district `64.02.18`, village `64.02.18.2001` (the pattern is part of the public contract).
 */
export { isRegionCode };

/**
 * A region code a client passed as a filter (trimmed): a Kemendagri code or BAD_USER_INPUT naming the
 * argument. Codes reach LIKE prefixes (`64.02.%`), so `%`, `_` and anything else are refused, not matched.
 */
export function regionCodeArg(value: string, arg: string): string {
  const code = value.trim();
  if (!isRegionCode(code)) {
    throw badInput('INVALID_REGION_CODE', { field: arg });
  }
  return code;
}

export function levelOf(code: string): RegionLevel {
  if (!isRegionCode(code)) throw new Error(`Not a Kemendagri region code: "${code}"`);
  return [RegionLevel.PROVINCE, RegionLevel.REGENCY, RegionLevel.DISTRICT, RegionLevel.VILLAGE][code.split('.').length - 1];
}

export function parentCode(code: string): string | null {
  const parts = code.split('.');
  return parts.length > 1 ? parts.slice(0, -1).join('.') : null;
}

/** The code itself and every ancestor, province first. */
export function lineage(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

export const LEVEL_ORDER: RegionLevel[] = [
  RegionLevel.VILLAGE,
  RegionLevel.DISTRICT,
  RegionLevel.REGENCY,
  RegionLevel.PROVINCE,
];

/** In a regency code, the 3rd-4th digits >= 71 denote a city (kota) rather than a regency (kabupaten). */
export function isCityCode(regencyCode: string): boolean {
  const parts = regencyCode.split('.');
  return parts.length >= 2 && Number(parts[1]) >= 71;
}

/** Village codes 1xxx are urban kelurahan (administered by the district), 2xxx rural desa (self-governing). */
export function isKelurahanCode(villageCode: string): boolean {
  const parts = villageCode.split('.');
  return parts.length === 4 && parts[3].startsWith('1');
}
