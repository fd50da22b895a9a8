/**
 * Metadata removal for MP4 (ISO base media file format) uploads, without re-encoding and without moving
 * a single byte: every box keeps its size and offset, so the sample tables' chunk offsets (stco/co64)
 * stay valid and the video plays as before.
 *
 * - `udta` (©xyz GPS, ©mak/©mod device, ©day date, …), `meta` (Apple's keys such as
 *   `com.apple.quicktime.location.ISO6709`, iTunes-style ilst, ID3) and `uuid` boxes (XMP, vendor data)
 *   become `free` boxes with a zeroed payload, wherever they sit in the walked tree (top level, moov,
 *   trak, mdia, minf, …). The payloads of existing `free`/`skip` boxes are zeroed too (editors leave old
 *   metadata there).
 * - The creation and modification times of `mvhd`, `tkhd` and `mdhd` (versions 0 and 1) are zeroed.
 *
 * A truncated or malformed box structure is refused (`Mp4Unreadable`): nothing half-cleaned is stored.
 */

export class Mp4Unreadable extends Error {}

/** Boxes made only of boxes that are walked into. Not `stsd` and sample entries (their own layouts). */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'mvex', 'moof', 'traf', 'mfra', 'tref']);

/** Boxes that only carry metadata: turned into `free` with a zeroed payload. */
const METADATA = new Set(['udta', 'meta', 'uuid']);

/** Padding boxes: their payload is meaningless, and may hold what an editor removed. */
const PADDING = new Set(['free', 'skip']);

/** Full boxes whose version 0 / 1 layout starts with creation_time and modification_time (32 / 64 bits each). */
const TIMED = new Set(['mvhd', 'tkhd', 'mdhd']);

/** Containers under which a `uuid` box is part of the media (PIFF/Smooth Streaming track-fragment data). */
const UUID_KEPT_UNDER = new Set(['traf']);

/** Deeper than any real file nests its boxes: refuse instead of recursing on hostile input. */
const MAX_DEPTH = 16;

const FREE = Buffer.from('free', 'latin1');

/** One box header as read from the file. */
export interface BoxHeader {
  type: string;
  start: number;
  /** Header bytes: 8, or 16 with a 64-bit size (size field 1); a `uuid` box's 16-byte user type is not counted. */
  headerSize: number;
  /** Total size including the header (a size field of 0 means "to the end of the enclosing box"). */
  size: number;
}

function readHeader(buf: Buffer, start: number, end: number): BoxHeader {
  if (end - start < 8) throw new Mp4Unreadable(`truncated box header at ${start}`);
  const size32 = buf.readUInt32BE(start);
  const type = buf.toString('latin1', start + 4, start + 8);
  let headerSize = 8;
  let size: number;
  if (size32 === 1) {
    if (end - start < 16) throw new Mp4Unreadable(`truncated 64-bit box size at ${start}`);
    const big = buf.readBigUInt64BE(start + 8);
    if (big > BigInt(end - start)) throw new Mp4Unreadable(`box '${type}' at ${start} runs past its container`);
    size = Number(big);
    headerSize = 16;
  } else if (size32 === 0) {
    size = end - start;
  } else {
    size = size32;
  }
  if (size < headerSize) throw new Mp4Unreadable(`box '${type}' at ${start} is smaller than its header`);
  if (start + size > end) throw new Mp4Unreadable(`box '${type}' at ${start} runs past its container`);
  if (type === 'uuid' && size < headerSize + 16) throw new Mp4Unreadable(`uuid box at ${start} has no user type`);
  return { type, start, headerSize, size };
}

function neutralise(out: Buffer, box: BoxHeader): void {
  FREE.copy(out, box.start + 4);
  // the size fields stay; everything after them (a uuid's user type included) becomes zero
  out.fill(0, box.start + box.headerSize, box.start + box.size);
}

function zeroTimes(out: Buffer, box: BoxHeader): void {
  const body = box.start + box.headerSize;
  const bodyLength = box.size - box.headerSize;
  if (bodyLength < 4) throw new Mp4Unreadable(`'${box.type}' at ${box.start} has no version`);
  const version = out[body];
  const timeBytes = version === 1 ? 16 : 8;
  if (version > 1) throw new Mp4Unreadable(`'${box.type}' at ${box.start} has unknown version ${version}`);
  if (bodyLength < 4 + timeBytes) throw new Mp4Unreadable(`'${box.type}' at ${box.start} is truncated`);
  out.fill(0, body + 4, body + 4 + timeBytes);
}

function walk(out: Buffer, start: number, end: number, parent: string | null, depth: number): void {
  if (depth > MAX_DEPTH) throw new Mp4Unreadable('boxes nested too deeply');
  let at = start;
  while (at < end) {
    const box = readHeader(out, at, end);
    const keptUuid = box.type === 'uuid' && parent !== null && UUID_KEPT_UNDER.has(parent);
    if ((METADATA.has(box.type) && !keptUuid) || PADDING.has(box.type)) neutralise(out, box);
    else if (TIMED.has(box.type)) zeroTimes(out, box);
    else if (CONTAINERS.has(box.type)) walk(out, box.start + box.headerSize, box.start + box.size, box.type, depth + 1);
    at += box.size;
  }
}

/**
 * Returns a copy of `input` with its metadata neutralised (same length, every other box byte-identical).
 * Throws `Mp4Unreadable` when the box structure is truncated or malformed, or does not start with `ftyp`.
 */
export function stripMp4Metadata(input: Uint8Array): Buffer {
  const out = Buffer.from(input);
  const first = readHeader(out, 0, out.length);
  if (first.type !== 'ftyp') throw new Mp4Unreadable('the file does not start with an ftyp box');
  walk(out, 0, out.length, null, 0);
  return out;
}

/** The top-level boxes (type, offset, size) of an MP4 file: for tests and diagnostics. */
export function topLevelBoxes(input: Uint8Array): BoxHeader[] {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const boxes: BoxHeader[] = [];
  for (let at = 0; at < buf.length; ) {
    const box = readHeader(buf, at, buf.length);
    boxes.push(box);
    at += box.size;
  }
  return boxes;
}
