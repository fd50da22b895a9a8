import { EXTENSIONS, type AllowedType } from './magic';

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 controls (NUL included), DEL, U+FFFD left by undecodable bytes, characters Windows and shells
// treat specially, bidi embeddings/overrides/isolates and marks (a name can read "gpj.exe" backwards)
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\uFFFD"<>|:*?\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const EDGE = /^[\s.\u200B\u2060\uFEFF]+|[\s\u200B\u2060\uFEFF]+$/g;

/** Accepted spellings of each type's extension; another one gets the type's own appended. */
const KNOWN_EXTENSIONS: Record<AllowedType, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'video/mp4': ['mp4', 'm4v'],
  'application/pdf': ['pdf'],
};

export const MAX_FILENAME_CHARS = 120;

/**
 * A client's file name made safe to store and to send back in Content-Disposition: the last path
 * segment only (either slash), valid UTF-16/UTF-8 (lone surrogates dropped), NFC, no control, bidi or
 * reserved characters, no leading dots, at most 120 characters (never splitting a character), and an
 * extension matching the type detected from the bytes. Empty → `lampiran.<ext>`.
 */
export function safeFilename(raw: string | undefined | null, type: AllowedType): string {
  const ext = EXTENSIONS[type];
  const last = (raw ?? '').replace(/\\/g, '/').split('/').pop() ?? '';
  let name = last.replace(LONE_SURROGATES, '').normalize('NFC').replace(UNWANTED, '').replace(EDGE, '');
  const dot = name.lastIndexOf('.');
  const given = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!KNOWN_EXTENSIONS[type].includes(given)) name = name ? `${name}.${ext}` : '';
  if (!name) return `lampiran.${ext}`;
  const chars = Array.from(name);
  if (chars.length > MAX_FILENAME_CHARS) {
    const suffix = Array.from(name.slice(name.lastIndexOf('.')));
    name = chars.slice(0, MAX_FILENAME_CHARS - suffix.length).join('').replace(EDGE, '') + suffix.join('');
  }
  return name;
}

/** The neutral name a file of an anonymous report is stored and served under: `lampiran-<n>.<ext>`. */
export function neutralFilename(n: number, type: string): string {
  const ext = (EXTENSIONS as Record<string, string>)[type] ?? 'bin';
  return `lampiran-${n}.${ext}`;
}

const NEUTRAL = /^lampiran-(\d+)\.[a-z0-9]+$/;

/** The number of a neutral name, or null. */
export function neutralNumber(filename: string): number | null {
  const m = NEUTRAL.exec(filename);
  return m ? Number(m[1]) : null;
}
