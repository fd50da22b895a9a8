/**
 * Input limits and patterns of the public API, written once: the services validate with them
 * (class-validator decorators, the lifecycle rules) and the dashboard's forms check with them before a
 * round trip (the server still decides). Lengths count characters of the trimmed text.
 */

/** An inclusive length range of a text field. */
export interface LengthRange {
  readonly min: number;
  readonly max: number;
}

export const TEXT_LIMITS = {
  /** submitReport: title. */
  title: { min: 5, max: 200 },
  /** submitReport: body (what happened, where and when). */
  body: { min: 20, max: 5000 },
  /** submitReport: reporter.name. */
  reporterName: { min: 2, max: 120 },
  /** submitReport: reporter.email. */
  reporterEmail: { min: 3, max: 254 },
  /** holdReport: what the reporter must add. */
  holdNote: { min: 5, max: 2000 },
  /** archiveReport, forwardReport, reopenReport: reason. */
  reason: { min: 5, max: 2000 },
  /** respondToReport: body. */
  response: { min: 10, max: 5000 },
  /** addReportDetail: detail. */
  detail: { min: 10, max: 5000 },
  /** Optional staff notes (disposition, complete, classify). */
  optionalNote: { min: 0, max: 2000 },
  /** rateReport: comment. */
  comment: { min: 0, max: 1000 },
  /** Agency and road ids given as input. */
  id: { min: 1, max: 64 },
  /** A tracking ID as typed (hyphens and spaces allowed); see TRACKING_ID for the real check. */
  trackingIdInput: { min: 13, max: 40 },
} as const satisfies Record<string, LengthRange>;

export type TextField = keyof typeof TEXT_LIMITS;

/** True when the trimmed text's length is within the range. */
export function lengthOk(value: string, range: LengthRange): boolean {
  const n = value.trim().length;
  return n >= range.min && n <= range.max;
}

/** rateReport: a whole number of stars. */
export const RATING = { min: 1, max: 5 } as const;

export function isRating(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= RATING.min && (value as number) <= RATING.max;
}

/** Kemendagri region code: province `64`, regency `64.02`, district `64.02.18`, village `64.02.18.2001`. */
export const REGION_CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function isRegionCode(value: string): boolean {
  return REGION_CODE_PATTERN.test(value);
}

/** Indonesian mobile number, e.g. 0812-3456-7890 or +6281234567890. */
export const PHONE_PATTERN = /^(\+62|62|0)8[0-9 -]{7,14}$/;

/** A topic code from the registry, e.g. JALAN. */
export const TOPIC_CODE_PATTERN = /^[A-Za-z0-9_]{2,40}$/;

/** submitReport's idempotencyKey: a client-chosen key (a UUID made when the form opened). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** Attachments: what the reports service accepts (it decides by the bytes, never by the client's claim). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const ATTACHMENTS = {
  /** Default largest file in bytes, inclusive (a deployment may change it with ATTACHMENT_MAX_BYTES). */
  maxBytes: 10 * 1024 * 1024,
  /** Files per submission, per response and per detail. */
  maxPerItem: 10,
} as const;

/** Relay connections: `first` defaults to 20 and is capped at 100. */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** Ids or codes in a list argument such as publicReports(ids) or topics. */
export const MAX_LIST_ARGUMENT = 100;

/** A reporter may reopen a completed report within this many calendar days. */
export const REOPEN_WINDOW_DAYS = 14;

/**
 * Service levels in working days (Perpres 76/2013, Permenpan-RB 62/2018): admin verification after
 * submission, the agency's first response after disposition, completion after disposition (60 when the
 * report needs an examination). The SLA clock that counts them lives in the reports service's domain.
 */
export const SLA_DAYS = {
  verification: 3,
  firstResponse: 5,
  completion: 14,
  completionExamination: 60,
} as const;
