import fs from 'node:fs';
import type { AllowedType } from './magic';
import { Mp4Unreadable, stripMp4Metadata } from './mp4-metadata';
import { PdfUnreadable } from './pdf-metadata';
import { stripPdfMetadataBounded } from './pdf-worker';

export type DocumentType = Extract<AllowedType, 'video/mp4' | 'application/pdf'>;

/** An MP4 or PDF upload whose structure cannot be read: refused, nothing stored. */
export class UnreadableFile extends Error {}

/**
 * The cleaned bytes of an uploaded MP4 or PDF (see mp4-metadata.ts and pdf-metadata.ts). Uploads are at
 * most ATTACHMENT_MAX_BYTES (10 MiB by default) and are read into memory, as images are for re-encoding; PDFs
 * are parsed in a worker thread with a heap and a time limit (pdf-worker.ts).
 */
export async function stripMetadata(file: string, type: DocumentType): Promise<Uint8Array> {
  const bytes = await fs.promises.readFile(file);
  try {
    return type === 'video/mp4' ? stripMp4Metadata(bytes) : await stripPdfMetadataBounded(bytes);
  } catch (err) {
    if (err instanceof Mp4Unreadable || err instanceof PdfUnreadable) throw new UnreadableFile(err.message);
    throw err;
  }
}
