/**
 * The limits the forms spell out ("5–200 characters", "at most 10 files"), filled into the messages'
 * `{min}` / `{max}` / `{size}` / `{days}` placeholders from @pantau/contract — the numbers the services
 * validate with — in the language's number format. No message writes a limit itself.
 */
import { ATTACHMENTS, RATING, REOPEN_WINDOW_DAYS, TEXT_LIMITS, type LengthRange, type TextField } from '@pantau/contract';
import type { I18n } from '../i18n/I18n';

export type LimitParams = { min: string; max: string };

/** `{min}` and `{max}` of a range, formatted. */
export function rangeParams(number: I18n['number'], range: LengthRange): LimitParams {
  return { min: number(range.min), max: number(range.max) };
}

/** `{min}` and `{max}` of a text field's length limits. */
export function textLimitParams(number: I18n['number'], field: TextField): LimitParams {
  return rangeParams(number, TEXT_LIMITS[field]);
}

export function ratingParams(number: I18n['number']): LimitParams {
  return rangeParams(number, RATING);
}

/** `{days}`: how long a reporter may reopen a completed report. */
export function reopenParams(number: I18n['number']): { days: string } {
  return { days: number(REOPEN_WINDOW_DAYS) };
}

/** A size in bytes as people read it ("10 MB", "512 KB"). */
export function byteSize(number: I18n['number'], bytes: number): string {
  if (bytes >= 1024 * 1024) return `${number(Math.round((bytes / (1024 * 1024)) * 10) / 10, 1)} MB`;
  return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** `{max}` files of `{size}` each. */
export function uploadParams(number: I18n['number'], maxBytes: number = ATTACHMENTS.maxBytes): { max: string; size: string } {
  return { max: number(ATTACHMENTS.maxPerItem), size: byteSize(number, maxBytes) };
}
