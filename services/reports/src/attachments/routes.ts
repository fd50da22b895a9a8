import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type express from 'express';
import { AppError, DRAIN_MAX_BYTES, drainRequest, envInt, sendAppError, sendJsonError, viewerFromAuthorization, Role, type ErrorKey, type Viewer } from '@pantau/common';
import { ATTACHMENTS } from '@pantau/contract';
import type { DataSource } from 'typeorm';
import { AttachmentEntity, ReportEntity } from '../entities';
import { reportAccess } from '../domain/privacy';
import { parseTrackingId } from '../domain/tracking-id';
import { privacyViewer } from '../resolvers/present';
import { safeFilename } from './filename';
import { isImageType, MAX_IMAGE_PIXELS, reencodeImage, UnreadableImage } from './images';
import { ALLOWED_TYPES, MAGIC_BYTES, sniffContentType } from './magic';
import { keyLockFor } from './key-lock';
import { stripMetadata, UnreadableFile } from './metadata';
import type { AttachmentStorage } from './storage';

export const DEFAULT_MAX_ATTACHMENT_BYTES = ATTACHMENTS.maxBytes;
export const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000;

/** `ATTACHMENT_MAX_BYTES` (default 10 MiB): a file of exactly this many bytes is accepted, one more is refused. */
export function maxAttachmentBytes(): number {
  return envInt('ATTACHMENT_MAX_BYTES', DEFAULT_MAX_ATTACHMENT_BYTES);
}

/** `PANTAU_UPLOAD_TIMEOUT_MS` (default 120 s): an upload still arriving after this long is dropped with its partial file. */
export function uploadTimeoutMs(): number {
  return envInt('PANTAU_UPLOAD_TIMEOUT_MS', DEFAULT_UPLOAD_TIMEOUT_MS);
}

/** Multipart framing allowed on top of the file itself before a declared Content-Length is refused outright. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** A refused upload: HTTP status + a catalogue key and its parameters (the shared JSON error shape). */
class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly key: ErrorKey,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

const tooLarge = (maxBytes: number) => new UploadRefused(413, 'PAYLOAD_TOO_LARGE.FILE', { limit: maxBytes });

const timedOut = (ms: number) => new UploadRefused(408, 'UPLOAD_TIMEOUT', { limitMs: ms });

const badMultipart = () => new UploadRefused(400, 'BAD_USER_INPUT.INVALID_MULTIPART');

/** The client went away: nobody to answer. */
class UploadAborted extends Error {}

function send(req: express.Request, res: express.Response, e: UploadRefused, maxBytes: number) {
  if (e.status === 413) {
    // too large: the client is probably still sending. Read and drop the rest (bounded: at least 2 × the
    // limit, 50 MB by default, 10 s) so it can read this answer; closing under it would reset the connection.
    drainRequest(req, res, { maxBytes: Math.max(2 * maxBytes, DRAIN_MAX_BYTES) });
  } else if (!res.headersSent) {
    // the rest of the body is not read (timeout, malformed): close the connection after answering
    res.setHeader('Connection', 'close');
  }
  sendJsonError(res, e.status, e.key, e.params as never);
}

async function viewerOf(req: express.Request, res: express.Response): Promise<Viewer | null | undefined> {
  try {
    return await viewerFromAuthorization(req.headers.authorization);
  } catch (err) {
    if (err instanceof AppError) sendAppError(res, err, 401);
    else sendJsonError(res, 401, 'UNAUTHENTICATED', {});
    return undefined;
  }
}

async function readHead(file: string): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(MAGIC_BYTES);
    const { bytesRead } = await fh.read(buf, 0, MAGIC_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

interface Upload {
  tmp: string;
  filename: string | undefined;
  size: number;
}

/**
 * Streams the single `file` part of a multipart request to a temp file. Whatever happens — the client
 * aborts, the body is malformed, the file passes the limit, the upload takes longer than `timeoutMs`,
 * the disk fails — the write stream is closed (its descriptor released) and the partial file deleted
 * before the promise settles.
 */
function receive(req: express.Request, storage: AttachmentStorage, maxBytes: number, timeoutMs: number): Promise<Upload | null> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        // file names are UTF-8 (browsers send them raw); busboy's default latin1 garbles them
        defParamCharset: 'utf8',
        // busboy flags a file as truncated when it reaches fileSize: one byte more makes the limit inclusive
        limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 50 },
      });
    } catch {
      reject(badMultipart());
      return;
    }
    let settled = false;
    let tmp: string | null = null;
    let out: fs.WriteStream | null = null;
    let file: Readable | null = null;
    let written: Promise<Upload> | null = null;

    const release = async () => {
      clearTimeout(timer);
      req.unpipe(bb);
      file?.destroy();
      bb.destroy();
      if (out) {
        if (!out.closed) {
          out.destroy();
          await finished(out).catch(() => undefined);
        }
      }
      if (tmp) await storage.discard(tmp).catch(() => undefined);
    };
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      void release().finally(() => reject(err));
    };
    const timer = setTimeout(() => fail(timedOut(timeoutMs)), timeoutMs);
    timer.unref();

    req.on('close', () => {
      if (!req.complete) fail(new UploadAborted('client aborted the upload'));
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      file = stream;
      tmp = storage.tempFile();
      out = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
      });
      // deferred: busboy still uses the stream right after emitting 'limit'
      stream.on('limit', () => setImmediate(() => fail(tooLarge(maxBytes))));
      const path = tmp;
      written = pipeline(stream, out).then(() => ({ tmp: path, filename: info.filename, size }));
      written.catch((err: Error) => fail(err));
    });
    bb.on('error', () => fail(badMultipart()));
    bb.on('close', () => {
      if (settled) return;
      if (!written) {
        settled = true;
        clearTimeout(timer);
        resolve(null);
        return;
      }
      written.then(
        (u) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(u);
        },
        (err: Error) => fail(err),
      );
    });
    req.pipe(bb);
  });
}

export interface AttachmentRoutesOptions {
  ds: DataSource;
  storage: AttachmentStorage;
  maxBytes?: number;
  /** Default PANTAU_UPLOAD_TIMEOUT_MS or 120 s. */
  uploadTimeoutMs?: number;
}

/**
 * POST /attachments (multipart/form-data, one part named `file`): type checked by content, size
 * limited (inclusive), images re-encoded without metadata, MP4 and PDF metadata removed (mp4-metadata.ts,
 * pdf-metadata.ts), SHA-256 of the stored bytes; answers 201
 * { id, filename, contentType, size, sha256, url }. The id is then passed in submitReport /
 * respondToReport `attachmentIds`. Refusals use the shared JSON error shape.
 *
 * GET /attachments/:id: only to viewers allowed to see the report's content — staff by Bearer token,
 * the reporter by `X-Tracking-Id` header (or `?trackingId=` when called directly; the gateway forwards
 * no query).
 */
export function attachmentRoutes(opts: AttachmentRoutesOptions) {
  const maxBytes = opts.maxBytes ?? maxAttachmentBytes();
  const timeoutMs = opts.uploadTimeoutMs ?? uploadTimeoutMs();
  return (app: express.Express) => {
    app.post('/attachments', async (req, res) => {
      const viewer = await viewerOf(req, res);
      if (viewer === undefined) return;
      if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
        sendJsonError(res, 415, 'UNSUPPORTED_MEDIA_TYPE.MULTIPART_REQUIRED', {});
        return;
      }
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
        send(req, res, tooLarge(maxBytes), maxBytes);
        return;
      }
      let up: Upload | null;
      try {
        up = await receive(req, opts.storage, maxBytes, timeoutMs);
      } catch (err) {
        if (err instanceof UploadAborted) return;
        if (err instanceof UploadRefused) return send(req, res, err, maxBytes);
        throw err;
      }
      if (!up) {
        sendJsonError(res, 400, 'BAD_USER_INPUT.UPLOAD_NO_FILE', {});
        return;
      }
      const temps = [up.tmp];
      try {
        if (up.size === 0) {
          sendJsonError(res, 400, 'BAD_USER_INPUT.UPLOAD_EMPTY', {});
          return;
        }
        const type = sniffContentType(await readHead(up.tmp));
        if (!type) {
          sendJsonError(res, 415, 'UNSUPPORTED_MEDIA_TYPE.FILE_TYPE', { allowed: [...ALLOWED_TYPES] });
          return;
        }
        // what is hashed, stored and served is the cleaned file: images re-encoded without any metadata,
        // MP4 and PDF files with their metadata removed (same for every uploader, anonymous or not)
        let clean: Uint8Array;
        if (isImageType(type)) {
          try {
            clean = await reencodeImage(up.tmp, type);
          } catch (err) {
            if (!(err instanceof UnreadableImage)) throw err;
            sendJsonError(res, 415, 'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_IMAGE', { maxMegapixels: Math.round(MAX_IMAGE_PIXELS / 1e6) });
            return;
          }
        } else {
          try {
            clean = await stripMetadata(up.tmp, type);
          } catch (err) {
            if (!(err instanceof UnreadableFile)) throw err;
            sendJsonError(res, 415, 'UNSUPPORTED_MEDIA_TYPE.UNREADABLE_FILE', {});
            return;
          }
        }
        const stored = opts.storage.tempFile();
        temps.push(stored);
        await fs.promises.writeFile(stored, clean, { flag: 'wx', mode: 0o600 });
        const size = clean.length;
        const sha256 = await sha256File(stored);
        const row = Object.assign(new AttachmentEntity(), {
          id: crypto.randomUUID(),
          reportId: null,
          responseId: null,
          detailId: null,
          filename: safeFilename(up.filename, type),
          contentType: type,
          size,
          sha256,
          storageKey: sha256,
          uploadedAt: new Date(),
          uploaderRole: viewer?.role ?? 'PUBLIC',
          uploaderId: viewer?.id ?? null,
        });
        // under the key lock: the orphan sweep cannot remove this content between the two steps
        await keyLockFor(opts.storage).run(sha256, async () => {
          await opts.storage.commit(sha256, stored);
          await opts.ds.getRepository(AttachmentEntity).insert(row);
        });
        res.status(201).json({
          id: row.id,
          filename: row.filename,
          contentType: row.contentType,
          size: row.size,
          sha256: row.sha256,
          url: `/attachments/${row.id}`,
        });
      } finally {
        for (const t of temps) await opts.storage.discard(t);
      }
    });

    app.get('/attachments/:id', async (req, res) => {
      const viewer = await viewerOf(req, res);
      if (viewer === undefined) return;
      const notVisible = () =>
        sendJsonError(res, 404, 'NOT_FOUND.ATTACHMENT', {});
      const id = String(req.params.id);
      if (!/^[0-9a-f-]{36}$/i.test(id)) return notVisible();
      const att = await opts.ds.getRepository(AttachmentEntity).findOneBy({ id });
      if (!att) return notVisible();
      let allowed: boolean;
      if (!att.reportId) {
        // not yet attached: only its uploader (staff) and admins
        allowed = !!viewer && (viewer.role === Role.ADMIN || (att.uploaderId !== null && att.uploaderId === viewer.id));
      } else {
        const report = await opts.ds.getRepository(ReportEntity).findOneBy({ id: att.reportId });
        if (!report) return notVisible();
        const tidRaw = req.header('x-tracking-id') ?? (typeof req.query.trackingId === 'string' ? req.query.trackingId : undefined);
        const asReporter = !!tidRaw && parseTrackingId(tidRaw) === report.trackingId;
        const access = reportAccess(asReporter ? { kind: 'REPORTER' } : privacyViewer(viewer), {
          anonymous: Boolean(report.anonymous),
          confidential: Boolean(report.confidential),
          agencyId: report.agencyId,
        });
        allowed = access.content;
      }
      if (!allowed) return notVisible();
      if (!(await opts.storage.exists(att.storageKey))) return notVisible();
      res.setHeader('Content-Type', att.contentType);
      res.setHeader('Content-Length', String(att.size));
      res.setHeader('ETag', `"${att.sha256}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(att.filename)}`);
      const stream = await opts.storage.open(att.storageKey);
      await pipeline(stream, res).catch(() => undefined);
    });
  };
}
