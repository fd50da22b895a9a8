/**
 * Content type from a file's first bytes (magic numbers), never from the client's claim.
 * Accepted: JPEG, PNG, WebP, MP4 (ISO base media with an MP4-family brand), PDF.
 */
import { ATTACHMENT_TYPES, type AttachmentType } from '@pantau/contract';

/** The accepted types are part of the public contract (the dashboard's file picker offers the same). */
export const ALLOWED_TYPES = ATTACHMENT_TYPES;
export type AllowedType = AttachmentType;

/** Bytes needed to decide. */
export const MAGIC_BYTES = 16;

const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4A ', 'MSNV', 'dash', 'mmp4', 'f4v ']);

const ascii = (b: Buffer, start: number, end: number) => b.subarray(start, end).toString('latin1');

export function sniffContentType(head: Buffer): AllowedType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp' && MP4_BRANDS.has(ascii(head, 8, 12))) return 'video/mp4';
  if (head.length >= 5 && ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export const EXTENSIONS: Record<AllowedType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
};
