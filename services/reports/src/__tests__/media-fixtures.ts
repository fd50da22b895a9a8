/**
 * MP4 and PDF files assembled in the tests (no downloaded samples, no encoder): ISO-BMFF boxes byte by
 * byte, PDFs by hand or with pdf-lib.
 */

/** A box: 32-bit size, type, payload. */
export function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/** A box with a 64-bit size (size field 1). */
export function box64(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(16);
  head.writeUInt32BE(1, 0);
  head.write(type, 4, 'latin1');
  head.writeBigUInt64BE(BigInt(16 + body.length), 8);
  return Buffer.concat([head, body]);
}

/** A box whose size field is 0 ("to the end of the file"). */
export function boxToEnd(type: string, ...payload: Buffer[]): Buffer {
  const b = box(type, ...payload);
  b.writeUInt32BE(0, 0);
  return b;
}

/** The same bytes as `b` (a box with a 32- or 64-bit size) turned into a zeroed `free` box. */
export function freed(b: Buffer): Buffer {
  const out = Buffer.from(b);
  const headerSize = out.readUInt32BE(0) === 1 ? 16 : 8;
  out.write('free', 4, 'latin1');
  out.fill(0, headerSize);
  return out;
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
};
const u64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(n, 0);
  return b;
};
const text = (s: string) => Buffer.from(s, 'latin1');

export const ftyp = (major = 'isom') => box('ftyp', text(major), u32(0x200), text('isommp41'));

/** mvhd / tkhd / mdhd with the given creation and modification times; the rest of each box is filled plausibly. */
function timed(type: 'mvhd' | 'tkhd' | 'mdhd', version: 0 | 1, created: bigint, modified: bigint, rest: Buffer): Buffer {
  const times = version === 1 ? Buffer.concat([u64(created), u64(modified)]) : Buffer.concat([u32(Number(created)), u32(Number(modified))]);
  return box(type, Buffer.from([version, 0, 0, type === 'tkhd' ? 3 : 0]), times, rest);
}

/** 2026-11-30 10:00 UTC in seconds since 1904-01-01 (the ISO-BMFF epoch). */
export const CAPTURE_TIME = BigInt(Date.UTC(2026, 10, 30, 10) / 1000 + 2_082_844_800);

export const mvhd = (version: 0 | 1, t: bigint) =>
  timed('mvhd', version, t, t && t + 5n, Buffer.concat([u32(1000), version === 1 ? u64(3000n) : u32(3000), u32(0x00010000), Buffer.from([1, 0]), Buffer.alloc(10), Buffer.alloc(36, 1), Buffer.alloc(24), u32(2)]));
export const tkhd = (version: 0 | 1, t: bigint) =>
  timed('tkhd', version, t, t && t + 7n, Buffer.concat([u32(1), u32(0), version === 1 ? u64(3000n) : u32(3000), Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(36, 2), u32(320 << 16), u32(240 << 16)]));
export const mdhd = (version: 0 | 1, t: bigint) =>
  timed('mdhd', version, t, t && t + 9n, Buffer.concat([u32(90000), version === 1 ? u64(270000n) : u32(270000), Buffer.from([0x55, 0xc4, 0, 0])]));

export const GPS = '+37.7749-122.4194/';
export const APPLE_LOCATION_KEY = 'com.apple.quicktime.location.ISO6709';
export const DEVICE = 'Pixel Rahasia 9 Pro';
export const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="37,46.494N" dc:creator="Budi Santoso"/></rdf:RDF></x:xmpmeta>`;

/** udta as phones write it: ©xyz location, ©mak/©mod device, ©day date. */
export const udta = () =>
  box(
    'udta',
    box('\xa9xyz', Buffer.from([0, GPS.length, 0x15, 0xc7]), text(GPS)),
    box('\xa9mak', Buffer.from([0, 6, 0x15, 0xc7]), text('Google')),
    box('\xa9mod', Buffer.from([0, DEVICE.length, 0x15, 0xc7]), text(DEVICE)),
    box('\xa9day', Buffer.from([0, 24, 0x15, 0xc7]), text('2026-11-30T18:00:00+0800')),
  );

/** Apple's QuickTime metadata: hdlr mdta, keys, ilst. */
export const appleMeta = () =>
  box(
    'meta',
    box('hdlr', Buffer.alloc(8), text('mdta'), Buffer.alloc(13)),
    box('keys', Buffer.alloc(4), u32(2), box('mdta', text(APPLE_LOCATION_KEY)), box('mdta', text('com.apple.quicktime.model'))),
    box('ilst', box('\0\0\0\x01', box('data', u32(1), u32(0), text('+37.7749-122.4194+012.000/'))), box('\0\0\0\x02', box('data', u32(1), u32(0), text(DEVICE)))),
  );

/** ISO `meta` full box with an ID3 / iTunes-style ilst. */
export const isoMeta = () => box('meta', Buffer.alloc(4), box('hdlr', Buffer.alloc(8), text('mdir'), Buffer.alloc(13)), box('ilst', box('\xa9too', box('data', u32(1), u32(0), text(DEVICE)))));

export const xmpUuid = () => box('uuid', XMP_UUID, text(XMP));

export interface Mp4Parts {
  ftyp: Buffer;
  moov: Buffer;
  top: Buffer[];
  mdat: Buffer;
  /** Offset of the first media sample in the file. */
  sampleOffset: number;
}

export const SAMPLE_DATA = Buffer.from('\0\0\0\x10frame-0-payload-bytes-of-h264-data');

/**
 * A phone-like MP4: ftyp, moov { mvhd, trak (video) { tkhd, edts, mdia { mdhd, hdlr, minf { stbl { stco } } }, meta, udta },
 * trak (audio) { tkhd v1, mdia { mdhd v1 … } }, udta, meta, uuid XMP }, top-level meta, uuid XMP, free, mdat.
 * `clean: true` builds what the cleaned file must be: metadata boxes freed and zeroed, times zero.
 * `largeMdat` gives the mdat a 64-bit size; `mdatToEnd` a size field of 0.
 */
export function phoneMp4(opts: { clean?: boolean; largeMdat?: boolean; mdatToEnd?: boolean; moovLast?: boolean } = {}): Buffer {
  const t = opts.clean ? 0n : CAPTURE_TIME;
  const meta = (b: Buffer) => (opts.clean ? freed(b) : b);
  const build = (chunkOffset: number) => {
    const stco = box('stco', Buffer.alloc(4), u32(1), u32(chunkOffset));
    const stbl = box('stbl', box('stsd', Buffer.alloc(4), u32(0)), box('stts', Buffer.alloc(4), u32(0)), box('stsz', Buffer.alloc(4), u32(SAMPLE_DATA.length), u32(1)), box('stsc', Buffer.alloc(4), u32(0)), stco);
    const videoTrak = box(
      'trak',
      tkhd(0, t),
      box('edts', box('elst', Buffer.alloc(4), u32(1), u32(3000), u32(0), u32(0x00010000))),
      box('mdia', mdhd(0, t), box('hdlr', Buffer.alloc(8), text('vide'), Buffer.alloc(12), text('VideoHandle\0')), box('minf', box('vmhd', Buffer.alloc(12)), box('dinf', box('dref', Buffer.alloc(4), u32(0))), stbl)),
      meta(isoMeta()),
      meta(udta()),
    );
    const audioTrak = box('trak', tkhd(1, t), box('mdia', mdhd(1, t), box('hdlr', Buffer.alloc(8), text('soun'), Buffer.alloc(12), text('SoundHandle\0')), box('minf', box('smhd', Buffer.alloc(8)))));
    const moov = box('moov', mvhd(0, t), videoTrak, audioTrak, meta(udta()), meta(appleMeta()), meta(xmpUuid()));
    const head = ftyp('mp42');
    const before = [meta(isoMeta()), meta(xmpUuid()), opts.clean ? box('free', Buffer.alloc(6 + GPS.length)) : box('free', text(`stale ${GPS}`))];
    const mdatPayload = Buffer.concat([SAMPLE_DATA, Buffer.alloc(32, 0xab)]);
    const mdat = opts.largeMdat ? box64('mdat', mdatPayload) : opts.mdatToEnd ? boxToEnd('mdat', mdatPayload) : box('mdat', mdatPayload);
    const mdatHeader = opts.largeMdat ? 16 : 8;
    const order = opts.moovLast ? [head, ...before, mdat, moov] : [head, moov, ...before, mdat];
    const mdatStart = Buffer.concat(order.slice(0, order.indexOf(mdat))).length;
    return { bytes: Buffer.concat(order), sample: mdatStart + mdatHeader };
  };
  // the chunk offset is the sample's position; box sizes do not depend on its value
  const first = build(0);
  return build(first.sample).bytes;
}

/** A minimal MP4 of exactly `size` bytes (ftyp + mdat): no metadata, so it is stored as sent. */
export function mp4OfSize(size: number): Buffer {
  const head = ftyp();
  if (size < head.length + 8) throw new Error('too small for an MP4');
  const mdat = Buffer.alloc(size - head.length, 0x42);
  mdat.writeUInt32BE(mdat.length, 0);
  mdat.write('mdat', 4, 'latin1');
  return Buffer.concat([head, mdat]);
}

/** A one-page PDF written by hand (classic xref table), of exactly `size` bytes when given (padding inside its content stream). */
export function handPdf(opts: { size?: number; text?: string } = {}): Buffer {
  const make = (pad: number) => {
    const content = `BT /F1 14 Tf 50 780 Td (${opts.text ?? 'Contoh berkas Pantau'}) Tj ET\n${' '.repeat(pad)}`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(Buffer.byteLength(out, 'latin1'));
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  };
  if (opts.size === undefined) return make(0);
  let pad = Math.max(0, opts.size - make(0).length);
  for (let i = 0; i < 5; i++) {
    const b = make(pad);
    if (b.length === opts.size) return b;
    pad += opts.size - b.length;
    if (pad < 0) break;
  }
  throw new Error(`cannot make a PDF of exactly ${opts.size} bytes`);
}
