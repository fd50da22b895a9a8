import { ATTACHMENT_TYPES, ATTACHMENTS } from '@pantau/contract';
import { requestHeaders } from '../graphql/client';
import { errorText } from '../graphql/formErrors';
import type { Lang } from '../i18n/format';

/** What the reports service accepts (@pantau/contract; it checks the bytes, this only spares a pointless upload). */
export const ACCEPTED_TYPES: readonly string[] = ATTACHMENT_TYPES;
export const ACCEPT_ATTR = `${ACCEPTED_TYPES.join(',')},.jpg,.jpeg,.png,.webp,.mp4,.pdf`;
export const MAX_FILE_BYTES = ATTACHMENTS.maxBytes;
export const MAX_FILES = ATTACHMENTS.maxPerItem;

export const ATTACHMENTS_URL = '/attachments';

export interface UploadedAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url?: string;
}

/** How the server refuses an upload (the shared JSON error shape). */
interface UploadErrorBody {
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown; [param: string]: unknown } }>;
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** A file the browser will most likely be refused for: the reason key, or null to try the upload. */
export function precheckFile(file: File): 'tooLarge' | 'badType' | 'empty' | null {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'tooLarge';
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const typeOk = file.type ? ACCEPTED_TYPES.includes(file.type) : ['jpg', 'jpeg', 'png', 'webp', 'mp4', 'pdf'].includes(ext);
  return typeOk ? null : 'badType';
}

/**
 * POST /attachments (multipart, one part `file`) on the same origin (the gateway proxies it to the
 * reports service). Staff send their token; citizens upload without one. The answer's id goes into
 * submitReport / respondToReport `attachmentIds`.
 */
export async function uploadAttachment(
  file: File,
  opts: { token: string | null; lang: Lang; signal?: AbortSignal; url?: string },
): Promise<UploadedAttachment> {
  const body = new FormData();
  body.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(opts.url ?? ATTACHMENTS_URL, { method: 'POST', body, headers: requestHeaders(opts.token, opts.lang), signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new UploadError((err as Error).message, 'network', 0);
  }
  const payload = (await res.json().catch(() => null)) as (UploadedAttachment & UploadErrorBody) | null;
  if (!res.ok || !payload?.id) {
    // The one JSON error shape of every Pantau route: { errors: [{ message, extensions: { code, reason?, ...params } }] },
    // translated by code and parameters with the contract's catalogue.
    const e = Array.isArray(payload?.errors) ? payload.errors[0] : undefined;
    const ext = e?.extensions;
    if (ext && typeof ext.code === 'string') throw new UploadError(errorText(opts.lang, ext), ext.code, res.status);
    throw new UploadError(`HTTP ${res.status}`, `HTTP_${res.status}`, res.status);
  }
  return { id: payload.id, filename: payload.filename, contentType: payload.contentType, size: payload.size, url: payload.url };
}

/**
 * GET an attachment with the viewer's credentials: staff by Bearer token, the reporter by the
 * `X-Tracking-Id` header (never in the URL, so it stays out of logs and history).
 */
export async function fetchAttachment(url: string, opts: { token: string | null; lang: Lang; trackingId?: string | null }): Promise<Blob> {
  const headers = requestHeaders(opts.trackingId ? null : opts.token, opts.lang);
  if (opts.trackingId) headers['X-Tracking-Id'] = opts.trackingId;
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.blob();
}
