/**
 * Error codes of the public API with the parameters each one carries in `extensions`, and the stable
 * sub-codes (`reason`) of specific refusals with theirs. Clients translate by code, reason and
 * parameters with the catalogue in ./error-messages (`formatError`); the text is never parsed.
 *
 * Shape on every route of every process:
 *   {"errors":[{"message":"<in the request's language>","extensions":{"code":"<CODE>","reason":"<REASON>", ...params,
 *               "messageId":"<Indonesian, deprecated>"}}]}
 */

/** Parameters of a refused input: which field, and the rule it broke where one applies. */
export interface FieldParams {
  /** The argument or input field, e.g. `title` or `reporter.phone` (translated with `fieldLabel`). */
  field?: string;
  /** Length or value range that was not met. */
  min?: number;
  max?: number;
}

/** Parameters of each code without a reason (the code's general message may use only these). */
export interface CodeParams {
  /** A value the caller sent is not acceptable (validation, unknown id/topic/region, bad cursor or date). */
  BAD_USER_INPUT: FieldParams;
  /** No such record or route. */
  NOT_FOUND: Record<string, never>;
  /** No token, or a bad, expired, forged or revoked one (HTTP 401 at request level). */
  UNAUTHENTICATED: Record<string, never>;
  /** The signed-in role may not do this. */
  FORBIDDEN: Record<string, never>;
  /** The record changed since the caller read it (expectedVersion) or the request repeats a unique one. */
  CONFLICT: Record<string, never>;
  /** The report's status does not allow this action now. */
  INVALID_TRANSITION: { status?: string };
  /** Too many requests: try again after `retryAfterSeconds` (HTTP 429, `Retry-After`); `limit` names the limit. */
  RATE_LIMITED: { retryAfterSeconds: number; limit?: string };
  /** Operation limits (HTTP 400): `limit` is the configured maximum, `found` what the operation has. */
  MAX_DEPTH_EXCEEDED: { limit: number; found?: number };
  MAX_ALIASES_EXCEEDED: { limit: number; found?: number };
  MAX_ROOT_FIELDS_EXCEEDED: { limit: number; found?: number };
  MAX_TOKENS_EXCEEDED: { limit: number; found?: number };
  MAX_DIRECTIVES_EXCEEDED: { limit: number; found?: number };
  COST_LIMIT_EXCEEDED: { limit: number; found?: number };
  /** The operation ran longer than `limitMs` and was stopped (HTTP 503). */
  OPERATION_TIMEOUT: { limitMs: number };
  /** An upload did not finish within `limitMs` (HTTP 408). */
  UPLOAD_TIMEOUT: { limitMs: number };
  /** Request body over the limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: { limit?: number };
  /** Not JSON (or not multipart for uploads) (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE: Record<string, never>;
  /** Headers over Node's limit (HTTP 431). */
  REQUEST_HEADER_FIELDS_TOO_LARGE: Record<string, never>;
  /** The document does not parse / does not match the schema. */
  GRAPHQL_PARSE_FAILED: Record<string, never>;
  GRAPHQL_VALIDATION_FAILED: Record<string, never>;
  PERSISTED_QUERY_NOT_FOUND: Record<string, never>;
  PERSISTED_QUERY_NOT_SUPPORTED: Record<string, never>;
  /** A subgraph behind the gateway does not answer (`service`: which one, `reason`: how). */
  SUBGRAPH_UNAVAILABLE: { service?: string };
  /** The service cannot reach its own store (or a dependency) right now; nothing was written. */
  SERVICE_UNAVAILABLE: Record<string, never>;
  /** Internal outbox endpoint: the events asked for were pruned (HTTP 410). */
  OUTBOX_PRUNED: { prunedThrough: number };
  /** Anything else; logged on the server, never detailed to the client. */
  INTERNAL_SERVER_ERROR: Record<string, never>;
}

/**
 * Parameters of each stable sub-code, keyed `CODE.REASON`. A reason names one specific refusal; its
 * message (./error-messages) may use exactly these parameters. `field` values are API field paths.
 */
export interface ReasonParams {
  // ------------------------------------------------------------------ input values (BAD_USER_INPUT)
  /** Required text missing, empty or only spaces. */
  'BAD_USER_INPUT.REQUIRED': { field: string };
  'BAD_USER_INPUT.TOO_SHORT': { field: string; min: number; max: number };
  'BAD_USER_INPUT.TOO_LONG': { field: string; min?: number; max: number };
  /** A lone UTF-16 surrogate (cannot be stored). */
  'BAD_USER_INPUT.INVALID_CHARACTER': { field: string };
  /** Not an ISO-8601 date-time with a zone; `received` is a short preview of what came. */
  'BAD_USER_INPUT.INVALID_DATETIME': { field: string; received: string };
  'BAD_USER_INPUT.INVALID_EMAIL': { field: string };
  'BAD_USER_INPUT.INVALID_PHONE': { field: string };
  'BAD_USER_INPUT.INVALID_REGION_CODE': { field: string };
  'BAD_USER_INPUT.INVALID_TOPIC_CODE': { field: string };
  'BAD_USER_INPUT.INVALID_IDEMPOTENCY_KEY': { field: string };
  'BAD_USER_INPUT.INVALID_TRACKING_ID': { field: string };
  /** Any other pattern or allowed-values check. */
  'BAD_USER_INPUT.INVALID_VALUE': { field: string };
  'BAD_USER_INPUT.NOT_INTEGER': { field: string };
  /** Not an id this API issued (a report id, an attachment id from POST /attachments). */
  'BAD_USER_INPUT.INVALID_ID': { field: string };
  'BAD_USER_INPUT.OUT_OF_RANGE': { field: string; min: number; max: number };
  'BAD_USER_INPUT.BELOW_MIN': { field: string; min: number };
  'BAD_USER_INPUT.TOO_MANY_ITEMS': { field: string; max: number; found: number };
  /** Analytics: a trend of more than `max` points (a shorter period or a longer interval is needed). */
  'BAD_USER_INPUT.TOO_MANY_TREND_POINTS': { max: number };
  'BAD_USER_INPUT.UNKNOWN_TOPIC': { field: string; topic: string };
  'BAD_USER_INPUT.UNKNOWN_REGION': { field: string; regionCode: string };
  'BAD_USER_INPUT.UNKNOWN_ROAD': { field: string; roadId: string };
  'BAD_USER_INPUT.UNKNOWN_AGENCY': { field: string; agencyId: string };
  'BAD_USER_INPUT.AGENCY_INACTIVE': { field: string; agencyId: string };
  'BAD_USER_INPUT.UNKNOWN_ATTACHMENT': { field: string; attachmentId: string };
  /** Routing: the topic is not about a road, yet a road was given. */
  'BAD_USER_INPUT.ROAD_NOT_APPLICABLE': { field: string; topic: string };
  /** Routing: the road does not pass through the region. */
  'BAD_USER_INPUT.ROAD_OUTSIDE_REGION': { field: string; roadId: string; regionCode: string };
  /** Routing (intake): no agency at any level owns the topic for the region (the registry's NOT_FOUND.NO_AGENCY). */
  'BAD_USER_INPUT.NO_AGENCY': { topic: string; regionCode: string };
  /** Disposition without agencyId while the report has no routing suggestion. */
  'BAD_USER_INPUT.AGENCY_REQUIRED': { field: string };
  'BAD_USER_INPUT.ANONYMITY_LOCKED': { field: string };
  'BAD_USER_INPUT.CONFIDENTIALITY_LOCKED': { field: string };
  'BAD_USER_INPUT.SAME_AGENCY': { field: string };
  'BAD_USER_INPUT.BEFORE_SUBMISSION': Record<string, never>;
  'BAD_USER_INPUT.INVALID_RATING': { field: string; min: number; max: number };
  'BAD_USER_INPUT.UNKNOWN_MALADMINISTRATION': { field: string };
  /** A relay cursor that is not this list's. */
  'BAD_USER_INPUT.INVALID_CURSOR': { field: string };
  /** `_entities` representations: not an object, an unknown type, or without its key fields. */
  'BAD_USER_INPUT.REPRESENTATION_NOT_OBJECT': { field: string };
  'BAD_USER_INPUT.UNKNOWN_ENTITY_TYPE': { field: string; typename: string };
  'BAD_USER_INPUT.MISSING_KEY_FIELDS': { field: string; typename: string; keyFields: string[] };
  // ------------------------------------------------------------------ requests (BAD_USER_INPUT)
  'BAD_USER_INPUT.INVALID_JSON': Record<string, never>;
  'BAD_USER_INPUT.INCOMPLETE_BODY': Record<string, never>;
  'BAD_USER_INPUT.MALFORMED_REQUEST': Record<string, never>;
  'BAD_USER_INPUT.URL_TOO_LONG': Record<string, never>;
  'BAD_USER_INPUT.REQUEST_TIMEOUT': Record<string, never>;
  'BAD_USER_INPUT.INVALID_HTTP': Record<string, never>;
  'BAD_USER_INPUT.UNKNOWN_OPERATION': { operationName: string };
  'BAD_USER_INPUT.OPERATION_NAME_REQUIRED': Record<string, never>;
  /** Uploads. */
  'BAD_USER_INPUT.UPLOAD_NO_FILE': Record<string, never>;
  'BAD_USER_INPUT.UPLOAD_EMPTY': Record<string, never>;
  'BAD_USER_INPUT.INVALID_MULTIPART': Record<string, never>;
  /** Open311 and other form/query parameters. */
  'BAD_USER_INPUT.REPEATED_PARAMETER': { field: string };
  'BAD_USER_INPUT.UNKNOWN_SERVICE_CODE': { field: string; serviceCode: string };
  'BAD_USER_INPUT.INVALID_COORDINATES': Record<string, never>;
  'BAD_USER_INPUT.LOCATION_REQUIRED': Record<string, never>;
  'BAD_USER_INPUT.REGION_OUTSIDE_JURISDICTION': { field: string; jurisdictionId: string };
  'BAD_USER_INPUT.NOT_BOOLEAN': { field: string };
  'BAD_USER_INPUT.NOT_ONE_OF': { field: string; allowed: string[] };
  'BAD_USER_INPUT.INVALID_URL': { field: string; max: number };
  'BAD_USER_INPUT.START_AFTER_END': Record<string, never>;
  'BAD_USER_INPUT.METHOD_NOT_ALLOWED': { method: string };
  /** Internal outbox paging arguments. */
  'BAD_USER_INPUT.OUTBOX_PAGE': { max: number };
  /** An error raised by GraphQL itself (variables, arguments); `detail` is its English text. */
  'BAD_USER_INPUT.GRAPHQL': { detail: string };
  'GRAPHQL_PARSE_FAILED.GRAPHQL': { detail: string };
  'GRAPHQL_VALIDATION_FAILED.GRAPHQL': { detail: string };
  /** A subscription or mutation sent to an API that has none. */
  'GRAPHQL_VALIDATION_FAILED.NO_OPERATION_TYPE': { operation: string };
  // ------------------------------------------------------------------ not found
  'NOT_FOUND.ROUTE': Record<string, never>;
  'NOT_FOUND.REPORT': Record<string, never>;
  'NOT_FOUND.TRACKING_ID': Record<string, never>;
  'NOT_FOUND.STAFF_ACCOUNT': Record<string, never>;
  'NOT_FOUND.API_CLIENT': Record<string, never>;
  'NOT_FOUND.ATTACHMENT': Record<string, never>;
  'NOT_FOUND.REGION': { regionCode: string };
  /** Routing: no agency at any level owns the topic for the region. */
  'NOT_FOUND.NO_AGENCY': { topic: string; regionCode: string };
  /** Open311: an unknown jurisdiction_id, service_code, service request or method. */
  'NOT_FOUND.JURISDICTION': { jurisdictionId: string };
  'NOT_FOUND.SERVICE_CODE': { serviceCode: string };
  'NOT_FOUND.SERVICE_REQUEST': Record<string, never>;
  'NOT_FOUND.OPEN311_METHOD': Record<string, never>;
  // ------------------------------------------------------------------ sign-in and tokens
  'UNAUTHENTICATED.SIGN_IN_REQUIRED': Record<string, never>;
  'UNAUTHENTICATED.STAFF_REQUIRED': Record<string, never>;
  'UNAUTHENTICATED.WRONG_CREDENTIALS': Record<string, never>;
  'UNAUTHENTICATED.MALFORMED_AUTHORIZATION': Record<string, never>;
  /** `detail`: why the token failed, in English (e.g. `expired`, `invalid claim aud`). */
  'UNAUTHENTICATED.INVALID_TOKEN': { detail: string };
  'UNAUTHENTICATED.SESSION_INVALID': Record<string, never>;
  'UNAUTHENTICATED.SERVICE_CREDENTIAL_REQUIRED': Record<string, never>;
  // ------------------------------------------------------------------ roles
  'FORBIDDEN.ADMIN_ONLY': Record<string, never>;
  'FORBIDDEN.OWN_ACCOUNT': Record<string, never>;
  'FORBIDDEN.OWN_AGENCY_ONLY': Record<string, never>;
  /** A lifecycle action by the wrong actor: `allowed` names who may (ADMIN, CURRENT_LIAISON, …). */
  'FORBIDDEN.ACTION_NOT_ALLOWED': { action: string; allowed: string };
  'FORBIDDEN.CROSS_ORIGIN': Record<string, never>;
  'FORBIDDEN.INVALID_API_KEY': Record<string, never>;
  // ------------------------------------------------------------------ conflicts
  'CONFLICT.STALE_VERSION': { currentVersion: number };
  'CONFLICT.IDEMPOTENCY_KEY_REUSED': Record<string, never>;
  // ------------------------------------------------------------------ lifecycle
  'INVALID_TRANSITION.STATUS': { action: string; status: string };
  'INVALID_TRANSITION.NOT_VERIFIED': { status: string };
  'INVALID_TRANSITION.ALREADY_RATED': { status: string };
  'INVALID_TRANSITION.REOPEN_WINDOW_CLOSED': { status: string; days: number };
  // ------------------------------------------------------------------ rate limits
  'RATE_LIMITED.SIGN_IN': { retryAfterSeconds: number; retryAfterMinutes: number; limit?: string };
  // ------------------------------------------------------------------ transport
  'PAYLOAD_TOO_LARGE.BODY': { limit: number };
  'PAYLOAD_TOO_LARGE.FILE': { limit: number };
  'UNSUPPORTED_MEDIA_TYPE.CHARSET': Record<string, never>;
  'UNSUPPORTED_MEDIA_TYPE.ENCODING': Record<string, never>;
  'UNSUPPORTED_MEDIA_TYPE.JSON_REQUIRED': Record<string, never>;
  'UNSUPPORTED_MEDIA_TYPE.MULTIPART_REQUIRED': Record<string, never>;
  'UNSUPPORTED_MEDIA_TYPE.FORM_REQUIRED': Record<string, never>;
  'UNSUPPORTED_MEDIA_TYPE.FILE_TYPE': { allowed: string[] };
  'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_IMAGE': { maxMegapixels: number };
  'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_FILE': Record<string, never>;
  // ------------------------------------------------------------------ availability
  // (SUBGRAPH_UNAVAILABLE's reasons are lower case: they were published so before reasons had a catalogue)
  'SUBGRAPH_UNAVAILABLE.connection': { service: string };
  'SUBGRAPH_UNAVAILABLE.timeout': { service: string };
  'SUBGRAPH_UNAVAILABLE.bad_response': { service: string };
  'SERVICE_UNAVAILABLE.DATABASE': Record<string, never>;
  'SERVICE_UNAVAILABLE.REGISTRY': Record<string, never>;
  'SERVICE_UNAVAILABLE.SESSION_CHECK': Record<string, never>;
  'SERVICE_UNAVAILABLE.NOT_READY': { missing: string[] };
  'SUBGRAPH_UNAVAILABLE.FIGURES': Record<string, never>;
}

/** `CODE.REASON` keys of the catalogue. */
export type ReasonKey = keyof ReasonParams;

/** The reasons (sub-codes) of one code. */
export type ReasonOf<C extends string> = ReasonKey extends infer K ? (K extends `${C}.${infer R}` ? R : never) : never;

/** Parameters of every code, with the typed `reason` sub-codes it may carry. */
export type ErrorParams = { [C in keyof CodeParams]: CodeParams[C] & { reason?: ReasonOf<C> } };

export type ErrorCode = keyof CodeParams;

/** A catalogue key: a code (its general message) or `CODE.REASON`. */
export type ErrorKey = ErrorCode | ReasonKey;

/** The parameters a catalogue key's message may use. */
export type ErrorKeyParams<K extends ErrorKey> = K extends ReasonKey ? ReasonParams[K] : K extends ErrorCode ? CodeParams[K] : never;

/** Every code, in a stable order (a client's catalogue must have a message for each). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_TRANSITION',
  'RATE_LIMITED',
  'MAX_DEPTH_EXCEEDED',
  'MAX_ALIASES_EXCEEDED',
  'MAX_ROOT_FIELDS_EXCEEDED',
  'MAX_TOKENS_EXCEEDED',
  'MAX_DIRECTIVES_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
  'OPERATION_TIMEOUT',
  'UPLOAD_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_HEADER_FIELDS_TOO_LARGE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'SUBGRAPH_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'OUTBOX_PRUNED',
  'INTERNAL_SERVER_ERROR',
] as const satisfies readonly ErrorCode[];

// Compile-time check that ERROR_CODES lists every key of CodeParams.
type Missing = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
const _everyCodeListed: Missing extends never ? true : Missing = true;
void _everyCodeListed;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The `extensions` of an error with a given code. */
export type ErrorExtensions<C extends ErrorCode = ErrorCode> = { code: C; messageId?: string } & ErrorParams[C];

/**
 * The parameter names of every catalogue key, at run time (messages may use only these; the contract
 * test checks every placeholder against this list, and the compiler checks this list against the types).
 */
type KnownKeys<T> = string extends keyof T ? never : keyof T & string;
type ParamNames = { [K in ErrorKey]: readonly KnownKeys<ErrorKeyParams<K>>[] };

const FIELD = ['field'] as const;
const LIMIT = ['limit', 'found'] as const;
const NONE = [] as const;

export const ERROR_PARAM_NAMES = {
  BAD_USER_INPUT: ['field', 'min', 'max'],
  NOT_FOUND: NONE,
  UNAUTHENTICATED: NONE,
  FORBIDDEN: NONE,
  CONFLICT: NONE,
  INVALID_TRANSITION: ['status'],
  RATE_LIMITED: ['retryAfterSeconds', 'limit'],
  MAX_DEPTH_EXCEEDED: LIMIT,
  MAX_ALIASES_EXCEEDED: LIMIT,
  MAX_ROOT_FIELDS_EXCEEDED: LIMIT,
  MAX_TOKENS_EXCEEDED: LIMIT,
  MAX_DIRECTIVES_EXCEEDED: LIMIT,
  COST_LIMIT_EXCEEDED: LIMIT,
  OPERATION_TIMEOUT: ['limitMs'],
  UPLOAD_TIMEOUT: ['limitMs'],
  PAYLOAD_TOO_LARGE: ['limit'],
  UNSUPPORTED_MEDIA_TYPE: NONE,
  REQUEST_HEADER_FIELDS_TOO_LARGE: NONE,
  GRAPHQL_PARSE_FAILED: NONE,
  GRAPHQL_VALIDATION_FAILED: NONE,
  PERSISTED_QUERY_NOT_FOUND: NONE,
  PERSISTED_QUERY_NOT_SUPPORTED: NONE,
  SUBGRAPH_UNAVAILABLE: ['service'],
  SERVICE_UNAVAILABLE: NONE,
  OUTBOX_PRUNED: ['prunedThrough'],
  INTERNAL_SERVER_ERROR: NONE,

  'BAD_USER_INPUT.REQUIRED': FIELD,
  'BAD_USER_INPUT.TOO_SHORT': ['field', 'min', 'max'],
  'BAD_USER_INPUT.TOO_LONG': ['field', 'min', 'max'],
  'BAD_USER_INPUT.INVALID_CHARACTER': FIELD,
  'BAD_USER_INPUT.INVALID_DATETIME': ['field', 'received'],
  'BAD_USER_INPUT.INVALID_EMAIL': FIELD,
  'BAD_USER_INPUT.INVALID_PHONE': FIELD,
  'BAD_USER_INPUT.INVALID_REGION_CODE': FIELD,
  'BAD_USER_INPUT.INVALID_TOPIC_CODE': FIELD,
  'BAD_USER_INPUT.INVALID_IDEMPOTENCY_KEY': FIELD,
  'BAD_USER_INPUT.INVALID_TRACKING_ID': FIELD,
  'BAD_USER_INPUT.INVALID_VALUE': FIELD,
  'BAD_USER_INPUT.NOT_INTEGER': FIELD,
  'BAD_USER_INPUT.INVALID_ID': FIELD,
  'BAD_USER_INPUT.OUT_OF_RANGE': ['field', 'min', 'max'],
  'BAD_USER_INPUT.BELOW_MIN': ['field', 'min'],
  'BAD_USER_INPUT.TOO_MANY_ITEMS': ['field', 'max', 'found'],
  'BAD_USER_INPUT.TOO_MANY_TREND_POINTS': ['max'],
  'BAD_USER_INPUT.UNKNOWN_TOPIC': ['field', 'topic'],
  'BAD_USER_INPUT.UNKNOWN_REGION': ['field', 'regionCode'],
  'BAD_USER_INPUT.UNKNOWN_ROAD': ['field', 'roadId'],
  'BAD_USER_INPUT.UNKNOWN_AGENCY': ['field', 'agencyId'],
  'BAD_USER_INPUT.AGENCY_INACTIVE': ['field', 'agencyId'],
  'BAD_USER_INPUT.UNKNOWN_ATTACHMENT': ['field', 'attachmentId'],
  'BAD_USER_INPUT.ROAD_NOT_APPLICABLE': ['field', 'topic'],
  'BAD_USER_INPUT.ROAD_OUTSIDE_REGION': ['field', 'roadId', 'regionCode'],
  'BAD_USER_INPUT.NO_AGENCY': ['topic', 'regionCode'],
  'BAD_USER_INPUT.AGENCY_REQUIRED': FIELD,
  'BAD_USER_INPUT.ANONYMITY_LOCKED': FIELD,
  'BAD_USER_INPUT.CONFIDENTIALITY_LOCKED': FIELD,
  'BAD_USER_INPUT.SAME_AGENCY': FIELD,
  'BAD_USER_INPUT.BEFORE_SUBMISSION': NONE,
  'BAD_USER_INPUT.INVALID_RATING': ['field', 'min', 'max'],
  'BAD_USER_INPUT.UNKNOWN_MALADMINISTRATION': FIELD,
  'BAD_USER_INPUT.INVALID_CURSOR': FIELD,
  'BAD_USER_INPUT.REPRESENTATION_NOT_OBJECT': FIELD,
  'BAD_USER_INPUT.UNKNOWN_ENTITY_TYPE': ['field', 'typename'],
  'BAD_USER_INPUT.MISSING_KEY_FIELDS': ['field', 'typename', 'keyFields'],
  'BAD_USER_INPUT.INVALID_JSON': NONE,
  'BAD_USER_INPUT.INCOMPLETE_BODY': NONE,
  'BAD_USER_INPUT.MALFORMED_REQUEST': NONE,
  'BAD_USER_INPUT.URL_TOO_LONG': NONE,
  'BAD_USER_INPUT.REQUEST_TIMEOUT': NONE,
  'BAD_USER_INPUT.INVALID_HTTP': NONE,
  'BAD_USER_INPUT.UNKNOWN_OPERATION': ['operationName'],
  'BAD_USER_INPUT.OPERATION_NAME_REQUIRED': NONE,
  'BAD_USER_INPUT.UPLOAD_NO_FILE': NONE,
  'BAD_USER_INPUT.UPLOAD_EMPTY': NONE,
  'BAD_USER_INPUT.INVALID_MULTIPART': NONE,
  'BAD_USER_INPUT.REPEATED_PARAMETER': FIELD,
  'BAD_USER_INPUT.UNKNOWN_SERVICE_CODE': ['field', 'serviceCode'],
  'BAD_USER_INPUT.INVALID_COORDINATES': NONE,
  'BAD_USER_INPUT.LOCATION_REQUIRED': NONE,
  'BAD_USER_INPUT.REGION_OUTSIDE_JURISDICTION': ['field', 'jurisdictionId'],
  'BAD_USER_INPUT.NOT_BOOLEAN': FIELD,
  'BAD_USER_INPUT.NOT_ONE_OF': ['field', 'allowed'],
  'BAD_USER_INPUT.INVALID_URL': ['field', 'max'],
  'BAD_USER_INPUT.START_AFTER_END': NONE,
  'BAD_USER_INPUT.METHOD_NOT_ALLOWED': ['method'],
  'BAD_USER_INPUT.OUTBOX_PAGE': ['max'],
  'BAD_USER_INPUT.GRAPHQL': ['detail'],
  'GRAPHQL_PARSE_FAILED.GRAPHQL': ['detail'],
  'GRAPHQL_VALIDATION_FAILED.GRAPHQL': ['detail'],
  'GRAPHQL_VALIDATION_FAILED.NO_OPERATION_TYPE': ['operation'],
  'NOT_FOUND.ROUTE': NONE,
  'NOT_FOUND.REPORT': NONE,
  'NOT_FOUND.TRACKING_ID': NONE,
  'NOT_FOUND.STAFF_ACCOUNT': NONE,
  'NOT_FOUND.API_CLIENT': NONE,
  'NOT_FOUND.ATTACHMENT': NONE,
  'NOT_FOUND.REGION': ['regionCode'],
  'NOT_FOUND.NO_AGENCY': ['topic', 'regionCode'],
  'NOT_FOUND.JURISDICTION': ['jurisdictionId'],
  'NOT_FOUND.SERVICE_CODE': ['serviceCode'],
  'NOT_FOUND.SERVICE_REQUEST': NONE,
  'NOT_FOUND.OPEN311_METHOD': NONE,
  'UNAUTHENTICATED.SIGN_IN_REQUIRED': NONE,
  'UNAUTHENTICATED.STAFF_REQUIRED': NONE,
  'UNAUTHENTICATED.WRONG_CREDENTIALS': NONE,
  'UNAUTHENTICATED.MALFORMED_AUTHORIZATION': NONE,
  'UNAUTHENTICATED.INVALID_TOKEN': ['detail'],
  'UNAUTHENTICATED.SESSION_INVALID': NONE,
  'UNAUTHENTICATED.SERVICE_CREDENTIAL_REQUIRED': NONE,
  'FORBIDDEN.ADMIN_ONLY': NONE,
  'FORBIDDEN.OWN_ACCOUNT': NONE,
  'FORBIDDEN.OWN_AGENCY_ONLY': NONE,
  'FORBIDDEN.ACTION_NOT_ALLOWED': ['action', 'allowed'],
  'FORBIDDEN.CROSS_ORIGIN': NONE,
  'FORBIDDEN.INVALID_API_KEY': NONE,
  'CONFLICT.STALE_VERSION': ['currentVersion'],
  'CONFLICT.IDEMPOTENCY_KEY_REUSED': NONE,
  'INVALID_TRANSITION.STATUS': ['action', 'status'],
  'INVALID_TRANSITION.NOT_VERIFIED': ['status'],
  'INVALID_TRANSITION.ALREADY_RATED': ['status'],
  'INVALID_TRANSITION.REOPEN_WINDOW_CLOSED': ['status', 'days'],
  'RATE_LIMITED.SIGN_IN': ['retryAfterSeconds', 'retryAfterMinutes', 'limit'],
  'PAYLOAD_TOO_LARGE.BODY': ['limit'],
  'PAYLOAD_TOO_LARGE.FILE': ['limit'],
  'UNSUPPORTED_MEDIA_TYPE.CHARSET': NONE,
  'UNSUPPORTED_MEDIA_TYPE.ENCODING': NONE,
  'UNSUPPORTED_MEDIA_TYPE.JSON_REQUIRED': NONE,
  'UNSUPPORTED_MEDIA_TYPE.MULTIPART_REQUIRED': NONE,
  'UNSUPPORTED_MEDIA_TYPE.FORM_REQUIRED': NONE,
  'UNSUPPORTED_MEDIA_TYPE.FILE_TYPE': ['allowed'],
  'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_IMAGE': ['maxMegapixels'],
  'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_FILE': NONE,
  'SUBGRAPH_UNAVAILABLE.connection': ['service'],
  'SUBGRAPH_UNAVAILABLE.timeout': ['service'],
  'SUBGRAPH_UNAVAILABLE.bad_response': ['service'],
  'SERVICE_UNAVAILABLE.DATABASE': NONE,
  'SERVICE_UNAVAILABLE.REGISTRY': NONE,
  'SERVICE_UNAVAILABLE.SESSION_CHECK': NONE,
  'SERVICE_UNAVAILABLE.NOT_READY': ['missing'],
  'SUBGRAPH_UNAVAILABLE.FIGURES': NONE,
} as const satisfies ParamNames;

// Compile-time check the other way: every typed parameter is listed.
type Unlisted = {
  [K in ErrorKey]: Exclude<KnownKeys<ErrorKeyParams<K>>, (typeof ERROR_PARAM_NAMES)[K][number]>;
}[ErrorKey];
const _everyParamListed: Unlisted extends never ? true : Unlisted = true;
void _everyParamListed;

/** Every catalogue key (codes first, then `CODE.REASON`). */
export const ERROR_KEYS = Object.keys(ERROR_PARAM_NAMES) as ErrorKey[];
