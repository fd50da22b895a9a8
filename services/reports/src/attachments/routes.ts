import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type express from 'express';
import { AppError, envInt, viewerFromAuthorization, Role, type Viewer } from '@pantau/common';
import type { DataSource } from 'typeorm';
import { AttachmentEntity, ReportEntity } from '../entities';
import { reportAccess } from '../domain/privacy';
import { parseTrackingId } from '../domain/tracking-id';
import { privacyViewer } from '../resolvers/present';
import { ALLOWED_TYPES, EXTENSIONS, MAGIC_BYTES, sniffContentType } from './magic';
import { keyLockFor } from './key-lock';
import type { AttachmentStorage } from './storage';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export function maxAttachmentBytes(): number {
  return envInt('ATTACHMENT_MAX_BYTES', DEFAULT_MAX_ATTACHMENT_BYTES);
}

function sendError(res: express.Response, status: number, code: string, message: string, messageId: string) {
  res.status(status).json({ error: { code, message, messageId } });
}

async function viewerOf(req: express.Request, res: express.Response): Promise<Viewer | null | undefined> {
  try {
    return await viewerFromAuthorization(req.headers.authorization);
  } catch (err) {
    const e = err as AppError;
    sendError(res, 401, 'UNAUTHENTICATED', e.message, String(e.extensions?.messageId ?? ''));
    return undefined;
  }
}

function safeFilename(raw: string | undefined, ext: string): string {
  const base = path
    .basename((raw ?? '').replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 200);
  return base || `lampiran.${ext}`;
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

interface Upload {
  tmp: string;
  filename: string | undefined;
  size: number;
  sha256: string;
  truncated: boolean;
}

/** Streams the single `file` part of a multipart request to a temp file, hashing as it goes. */
function receive(req: express.Request, storage: AttachmentStorage, maxBytes: number): Promise<Upload | null> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 10, parts: 20 } });
    } catch (err) {
      reject(err);
      return;
    }
    let upload: Promise<Upload> | null = null;
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || upload) {
        stream.resume();
        return;
      }
      const tmp = storage.tempFile();
      const hash = crypto.createHash('sha256');
      let size = 0;
      let truncated = false;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
      });
      stream.on('limit', () => {
        truncated = true;
      });
      upload = pipeline(stream, fs.createWriteStream(tmp)).then(() => ({
        tmp,
        filename: info.filename,
        size,
        sha256: hash.digest('hex'),
        truncated,
      }));
      upload.catch(() => undefined);
    });
    bb.on('error', reject);
    bb.on('close', () => {
      if (!upload) resolve(null);
      else upload.then(resolve, reject);
    });
    req.pipe(bb);
  });
}

export interface AttachmentRoutesOptions {
  ds: DataSource;
  storage: AttachmentStorage;
  maxBytes?: number;
}

/**
 * POST /attachments (multipart/form-data, one part named `file`): type checked by content, size
 * limited, SHA-256 stored; answers 201 { id, filename, contentType, size, sha256, url }. The id is
 * then passed in submitReport / respondToReport `attachmentIds`.
 *
 * GET /attachments/:id: only to viewers allowed to see the report's content — staff by Bearer token,
 * the reporter by `X-Tracking-Id` header (or `?trackingId=`).
 */
export function attachmentRoutes(opts: AttachmentRoutesOptions) {
  const maxBytes = opts.maxBytes ?? maxAttachmentBytes();
  return (app: express.Express) => {
    app.post('/attachments', async (req, res) => {
      const viewer = await viewerOf(req, res);
      if (viewer === undefined) return;
      if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
        sendError(res, 415, 'BAD_USER_INPUT', 'Send the file as multipart/form-data in a part named "file".', 'Kirim berkas sebagai multipart/form-data dengan nama bagian "file".');
        return;
      }
      let up: Upload | null;
      try {
        up = await receive(req, opts.storage, maxBytes);
      } catch (err) {
        sendError(res, 400, 'BAD_USER_INPUT', `Could not read the upload: ${(err as Error).message}`, 'Unggahan tidak dapat dibaca.');
        return;
      }
      if (!up) {
        sendError(res, 400, 'BAD_USER_INPUT', 'No part named "file" in the upload.', 'Tidak ada berkas bernama "file" dalam unggahan.');
        return;
      }
      try {
        if (up.truncated) {
          sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes.`, `Ukuran berkas melebihi batas ${Math.round(maxBytes / 1048576)} MB.`);
          return;
        }
        if (up.size === 0) {
          sendError(res, 400, 'BAD_USER_INPUT', 'The file is empty.', 'Berkas kosong.');
          return;
        }
        const type = sniffContentType(await readHead(up.tmp));
        if (!type) {
          sendError(
            res,
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            `Only ${ALLOWED_TYPES.join(', ')} files are accepted (checked by content).`,
            'Hanya berkas JPEG, PNG, WebP, MP4 atau PDF yang diterima.',
          );
          return;
        }
        const row = Object.assign(new AttachmentEntity(), {
          id: crypto.randomUUID(),
          reportId: null,
          responseId: null,
          detailId: null,
          filename: safeFilename(up.filename, EXTENSIONS[type]),
          contentType: type,
          size: up.size,
          sha256: up.sha256,
          storageKey: up.sha256,
          uploadedAt: new Date(),
          uploaderRole: viewer?.role ?? 'PUBLIC',
          uploaderId: viewer?.id ?? null,
        });
        // under the key lock: the orphan sweep cannot remove this content between the two steps
        await keyLockFor(opts.storage).run(up.sha256, async () => {
          await opts.storage.commit(up.sha256, up.tmp);
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
        await opts.storage.discard(up.tmp);
      }
    });

    app.get('/attachments/:id', async (req, res) => {
      const viewer = await viewerOf(req, res);
      if (viewer === undefined) return;
      const notVisible = () =>
        sendError(res, 404, 'NOT_FOUND', 'No such attachment, or you may not see it.', 'Lampiran tidak ditemukan atau Anda tidak berhak melihatnya.');
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
