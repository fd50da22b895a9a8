import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { Mp4Unreadable, stripMp4Metadata, topLevelBoxes } from '../attachments/mp4-metadata';
import { PdfUnreadable, stripPdfMetadata } from '../attachments/pdf-metadata';
import { stripPdfMetadataBounded } from '../attachments/pdf-worker';
import { sniffContentType } from '../attachments/magic';
import { appleMeta, APPLE_LOCATION_KEY, box, box64, boxToEnd, DEVICE, ftyp, GPS, handPdf, mp4OfSize, mvhd, phoneMp4, SAMPLE_DATA, tkhd, mdhd, udta, xmpUuid } from './media-fixtures';
import { SAMPLE_FILES } from './helpers';

const has = (b: Uint8Array, s: string) => Buffer.from(b).includes(Buffer.from(s, 'latin1'));

describe('MP4 metadata removal (stripMp4Metadata)', () => {
  const variants = {
    'moov first': {},
    'moov last (not fast-start)': { moovLast: true },
    'mdat with a 64-bit size': { largeMdat: true },
    'mdat with size 0 (to the end of the file)': { mdatToEnd: true },
  } as const;

  it.each(Object.entries(variants))('neutralises udta, meta and uuid boxes and zeroes the times, changing nothing else (%s)', (_name, opts) => {
    const input = phoneMp4(opts);
    const expected = phoneMp4({ ...opts, clean: true });
    expect(input.length).toBe(expected.length);
    for (const s of [GPS, '+37.7749', APPLE_LOCATION_KEY, DEVICE, 'xmpmeta', 'Budi Santoso', '2026-11-30']) expect(has(input, s)).toBe(true);
    const copy = Buffer.from(input);

    const out = stripMp4Metadata(input);
    expect(input.equals(copy)).toBe(true); // pure: the input is not modified
    expect(out.length).toBe(input.length);
    // byte for byte what the clean build is: every non-metadata box identical, metadata boxes freed and zeroed
    expect(out.equals(expected)).toBe(true);
    for (const s of [GPS, '+37.7749', '37.7749', APPLE_LOCATION_KEY, DEVICE, 'xmpmeta', 'Budi Santoso', '2026-11-30', 'Google', 'udta', 'meta', 'uuid', '\xa9xyz']) {
      expect(has(out, s)).toBe(false);
    }
    // the same top-level layout, and the chunk offset still points at the first sample
    expect(topLevelBoxes(out).map((b) => [b.start, b.size])).toEqual(topLevelBoxes(input).map((b) => [b.start, b.size]));
    expect(topLevelBoxes(out).map((b) => b.type)).toEqual(topLevelBoxes(input).map((b) => (['meta', 'uuid'].includes(b.type) ? 'free' : b.type)));
    const stco = out.indexOf('stco');
    const chunk = out.readUInt32BE(stco + 12);
    expect(out.subarray(chunk, chunk + SAMPLE_DATA.length).equals(SAMPLE_DATA)).toBe(true);
    expect(sniffContentType(out)).toBe('video/mp4');
    // cleaning twice changes nothing more
    expect(stripMp4Metadata(out).equals(out)).toBe(true);
  });

  it('cleans a real recording (Chromium MediaRecorder, H.264, fragmented) with phone metadata added, touching nothing else', () => {
    // 2 s of 160x120 H.264 recorded locally by Chromium's MediaRecorder (ftyp, moov{mvhd v1, trak, mvex}, moof/mdat × 2, mfra)
    const rec = fs.readFileSync(path.join(__dirname, 'fixtures/chromium-h264.mp4'));
    const top = topLevelBoxes(rec);
    expect(top.map((b) => b.type)).toEqual(['ftyp', 'moov', 'moof', 'mdat', 'moof', 'mdat', 'mfra']);
    // phone metadata as trailing top-level boxes (offsets of the media stay as recorded)
    const dirty = Buffer.concat([rec, udta(), appleMeta(), xmpUuid()]);
    const out = stripMp4Metadata(dirty);
    expect(out.length).toBe(dirty.length);
    for (const s of [GPS, APPLE_LOCATION_KEY, DEVICE, 'xmpmeta']) expect([s, has(dirty, s), has(out, s)]).toEqual([s, true, false]);
    // the recording itself: only the creation and modification times of mvhd, tkhd and mdhd changed
    const changed: number[] = [];
    for (let i = 0; i < rec.length; i++) if (out[i] !== rec[i]) changed.push(i);
    expect(changed.length).toBeGreaterThan(0);
    const timeRanges = ['mvhd', 'tkhd', 'mdhd'].map((type) => {
      const at = rec.indexOf(type) + 4;
      return [at + 4, at + 4 + (rec[at] === 1 ? 16 : 8)];
    });
    expect(changed.filter((i) => !timeRanges.some(([a, b]) => i >= a && i < b))).toEqual([]);
    for (const [a, b] of timeRanges) expect(out.subarray(a, b).equals(Buffer.alloc(b - a))).toBe(true);
    expect(topLevelBoxes(out).slice(0, top.length)).toEqual(top);
  });

  it('zeroes creation and modification times of mvhd, tkhd and mdhd in versions 0 and 1', () => {
    const t = 0x0123456789abcdefn;
    for (const version of [0, 1] as const) {
      const file = Buffer.concat([ftyp(), box('moov', mvhd(version, t & 0xffffffffn), box('trak', tkhd(version, t & 0xffffffffn), box('mdia', mdhd(version, t & 0xffffffffn))))]);
      const out = stripMp4Metadata(file);
      for (const type of ['mvhd', 'tkhd', 'mdhd']) {
        const at = out.indexOf(type) + 4; // version + flags
        expect(out[at]).toBe(version);
        const timeBytes = version === 1 ? 16 : 8;
        expect(out.subarray(at + 4, at + 4 + timeBytes).equals(Buffer.alloc(timeBytes))).toBe(true);
        expect(file.subarray(at + 4, at + 4 + timeBytes).equals(Buffer.alloc(timeBytes))).toBe(false);
        // the fields after the times (timescale, track id, duration…) are untouched
        const boxEnd = at - 8 + out.readUInt32BE(at - 8);
        expect(out.subarray(at + 4 + timeBytes, boxEnd).equals(file.subarray(at + 4 + timeBytes, boxEnd))).toBe(true);
      }
    }
  });

  it('handles 64-bit sizes on metadata boxes and leaves a file without metadata byte-identical', () => {
    const big = box64('udta', box('\xa9xyz', Buffer.from([0, GPS.length, 0, 0]), Buffer.from(GPS)));
    const file = Buffer.concat([ftyp(), box('moov', mvhd(0, 0n), big), box('mdat', Buffer.from('x'))]);
    const out = stripMp4Metadata(file);
    expect(has(out, GPS)).toBe(false);
    const at = out.indexOf('free') - 4;
    expect(out.readUInt32BE(at)).toBe(1);
    expect(out.readBigUInt64BE(at + 8)).toBe(BigInt(big.length));
    expect(out.subarray(at + 16, at + big.length).equals(Buffer.alloc(big.length - 16))).toBe(true);

    const plain = mp4OfSize(4096);
    expect(stripMp4Metadata(plain).equals(plain)).toBe(true);
    expect(stripMp4Metadata(SAMPLE_FILES.mp4).equals(SAMPLE_FILES.mp4)).toBe(true);
  });

  it('keeps uuid boxes inside track fragments (fragmented MP4 sample data) and cleans the rest of a fragmented file', () => {
    const tfxd = box('uuid', Buffer.from('6d1d9b0542d544e680e2141daff757b2', 'hex'), Buffer.alloc(20, 7));
    const file = Buffer.concat([
      ftyp('iso5'),
      box('moov', mvhd(1, 5n), box('mvex', box('trex', Buffer.alloc(24))), box('udta', Buffer.from(GPS))),
      box('moof', box('mfhd', Buffer.alloc(8)), box('traf', box('tfhd', Buffer.alloc(8)), tfxd)),
      box('mdat', Buffer.alloc(10)),
    ]);
    const out = stripMp4Metadata(file);
    expect(has(out, GPS)).toBe(false);
    expect(out.includes(tfxd)).toBe(true);
  });

  it('refuses truncated and malformed files', () => {
    const good = phoneMp4();
    const bad: Record<string, Buffer> = {
      'cut in the middle of mdat': good.subarray(0, good.length - 3),
      'cut inside a box header': Buffer.concat([good, Buffer.from([0, 0, 0])]),
      'a box larger than the file': Buffer.concat([ftyp(), Buffer.from([0, 0, 0x10, 0, 0x6d, 0x6f, 0x6f, 0x76])]),
      'a box smaller than its header': Buffer.concat([ftyp(), Buffer.from([0, 0, 0, 4, 0x6d, 0x64, 0x61, 0x74])]),
      'a child box running past its parent': Buffer.concat([ftyp(), box('moov', Buffer.from([0, 0, 0, 0x40]), Buffer.from('udta'), Buffer.alloc(8))]),
      'a 64-bit size past the end': (() => {
        const b = box64('mdat', Buffer.alloc(8));
        b.writeBigUInt64BE(1n << 62n, 8);
        return Buffer.concat([ftyp(), b]);
      })(),
      'a truncated 64-bit size': Buffer.concat([ftyp(), Buffer.from([0, 0, 0, 1]), Buffer.from('mdat'), Buffer.from([0, 0])]),
      'a uuid box without its user type': Buffer.concat([ftyp(), box('uuid', Buffer.alloc(4))]),
      'an mvhd of unknown version': Buffer.concat([ftyp(), box('moov', box('mvhd', Buffer.from([2, 0, 0, 0]), Buffer.alloc(100)))]),
      'an mvhd too short for its times': Buffer.concat([ftyp(), box('moov', box('mvhd', Buffer.from([1, 0, 0, 0]), Buffer.alloc(8)))]),
      'not starting with ftyp': Buffer.concat([box('moov', mvhd(0, 0n)), ftyp()]),
      'boxes nested too deeply': Buffer.concat([ftyp(), Array.from({ length: 40 }).reduce<Buffer>((inner) => box('moov', inner), Buffer.alloc(0))]),
      'the former placeholder sample (ftyp size 24 followed by two stray bytes)': Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from('demo-mp4-bytes')]),
    };
    const accepted = Object.entries(bad)
      .filter(([, file]) => {
        try {
          stripMp4Metadata(file);
          return true;
        } catch (err) {
          if (!(err instanceof Mp4Unreadable)) throw err;
          return false;
        }
      })
      .map(([name]) => name);
    expect(accepted).toEqual([]);
    // a box of size 0 runs to the end: valid even when it is the ftyp's only follower
    expect(() => stripMp4Metadata(Buffer.concat([ftyp(), boxToEnd('mdat', Buffer.alloc(3))]))).not.toThrow();
  });
});

const SECRETS = {
  Title: 'Laporan Jalan Rusak oleh Budi',
  Author: 'Budi Santoso',
  Subject: 'SubjekRahasiaPelapor',
  Keywords: 'kata-kunci-rahasia',
  Creator: 'PembuatRahasia Writer',
  Producer: 'ProdusenRahasia PDF',
};
const XMP_TEXT = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>XmpPenulisRahasia</dc:creator><xmp:CreatorTool>AlatRahasia</xmp:CreatorTool></x:xmpmeta>';
const LATER_AUTHOR = 'Penulis Revisi Kedua';
const FILE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** pdf-lib writes document information as UTF-16 hex strings: look for the text in both forms. */
function mentions(b: Uint8Array, s: string): boolean {
  const utf16 = Buffer.from(s, 'utf16le').swap16().toString('hex');
  return has(b, s) || has(b, utf16.toUpperCase()) || has(b, utf16.toLowerCase());
}

/** A PDF with Info entries, XMP on the catalog and a page, PieceInfo, and an incremental update with another Author and a file ID. */
async function pdfWithMetadata(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]).drawText(`Halaman ${i + 1}`, { x: 20, y: 100, size: 12 });
  doc.setTitle(SECRETS.Title);
  doc.setAuthor(SECRETS.Author);
  doc.setSubject(SECRETS.Subject);
  doc.setKeywords([SECRETS.Keywords]);
  doc.setCreator(SECRETS.Creator);
  doc.setProducer(SECRETS.Producer);
  doc.setCreationDate(new Date('2026-11-30T10:00:00Z'));
  doc.setModificationDate(new Date('2026-11-30T11:00:00Z'));
  const xmp = doc.context.register(doc.context.stream(XMP_TEXT, { Type: 'Metadata', Subtype: 'XML' }));
  doc.catalog.set(PDFName.of('Metadata'), xmp);
  const page = doc.getPage(0).node;
  page.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(XMP_TEXT.replace('Xmp', 'Halaman'), { Type: 'Metadata', Subtype: 'XML' })));
  page.set(PDFName.of('PieceInfo'), doc.context.obj({ AplikasiRahasia: { LastModified: PDFString.of('D:20261130100000Z'), Private: PDFString.of('DataPribadiAplikasi') } }));
  const first = Buffer.from(await doc.save({ useObjectStreams: false }));

  // an incremental update, as editors append it: a new Info dictionary and the previous xref as /Prev
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(first.toString('latin1'))![1]);
  const n = doc.context.largestObjectNumber + 1;
  const obj = `${n} 0 obj\n<< /Author (${LATER_AUTHOR}) /Producer (EditorRevisi 2.0) /ModDate (D:20261201090000+08'00') >>\nendobj\n`;
  const objAt = first.length;
  const xrefAt = objAt + Buffer.byteLength(obj, 'latin1');
  const update =
    obj +
    `xref\n0 1\n0000000000 65535 f \n${n} 1\n${String(objAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${n + 1} /Root ${doc.context.trailerInfo.Root!.toString()} /Info ${n} 0 R /Prev ${prev} /ID [<${FILE_ID}> <${FILE_ID}>] >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([first, Buffer.from(update, 'latin1')]);
}

describe('PDF metadata removal (stripPdfMetadata)', () => {
  it('removes Info, XMP, PieceInfo, the file ID and the incremental history; the result loads with the same pages', async () => {
    const input = await pdfWithMetadata(2);
    const strings = [...Object.values(SECRETS), 'XmpPenulisRahasia', 'HalamanPenulisRahasia', 'AlatRahasia', 'xmpmeta', 'DataPribadiAplikasi', 'AplikasiRahasia', LATER_AUTHOR, 'EditorRevisi', FILE_ID];
    for (const s of strings) expect([s, mentions(input, s)]).toEqual([s, true]);
    expect(Buffer.from(input).toString('latin1').match(/%%EOF/g)).toHaveLength(2);
    const before = await PDFDocument.load(input, { updateMetadata: false });
    expect(before.getAuthor()).toBe(LATER_AUTHOR);

    const out = await stripPdfMetadata(input);
    for (const s of strings) expect([s, mentions(out, s)]).toEqual([s, false]);
    for (const key of ['/Info', '/Metadata', '/PieceInfo', '/Author', '/Producer', '/Creator', '/CreationDate', '/ModDate', '/ID', '/Prev']) {
      expect([key, has(out, key)]).toEqual([key, false]);
    }
    const text = Buffer.from(out).toString('latin1');
    expect(text.match(/%%EOF/g)).toHaveLength(1);
    expect(text.match(/startxref/g)).toHaveLength(1);
    expect(sniffContentType(Buffer.from(out))).toBe('application/pdf');

    const after = await PDFDocument.load(out, { updateMetadata: false });
    expect(after.context.trailerInfo.Info).toBeUndefined(); // before the getters below, which create an empty one
    expect(after.context.trailerInfo.ID).toBeUndefined();
    expect(after.getPageCount()).toBe(2);
    expect(after.getAuthor()).toBeUndefined();
    expect(after.getTitle()).toBeUndefined();
    expect(after.getProducer()).toBeUndefined();
    expect(after.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
    expect(after.getPage(0).node.get(PDFName.of('PieceInfo'))).toBeUndefined();
    // the page content is still there (drawText with the standard font)
    expect(after.getPages().map((p) => p.getSize())).toEqual([{ width: 200, height: 200 }, { width: 200, height: 200 }]);
    // cleaning a clean file keeps it clean (and loadable)
    const again = await stripPdfMetadata(out);
    expect((await PDFDocument.load(again)).getPageCount()).toBe(2);
  });

  it('cleans a hand-written PDF with a classic xref table and keeps its content stream', async () => {
    const out = await stripPdfMetadata(handPdf({ text: 'Isi halaman tetap ada' }));
    expect(has(out, 'Isi halaman tetap ada')).toBe(true);
    expect((await PDFDocument.load(out)).getPageCount()).toBe(1);
    expect((await PDFDocument.load(await stripPdfMetadata(SAMPLE_FILES.pdf))).getPageCount()).toBe(1);
  });

  it('refuses encrypted, unparseable and page-less PDFs', async () => {
    const plain = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: true, useObjectStreams: false }));
    const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(plain.toString('latin1'))![1]);
    const root = (await PDFDocument.load(plain)).context.trailerInfo.Root!.toString();
    const encrypted = Buffer.concat([
      plain,
      Buffer.from(
        `xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 10 /Root ${root} /Prev ${prev} /ID [<${FILE_ID}> <${FILE_ID}>] ` +
          `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'00'.repeat(32)}> /U <${'00'.repeat(32)}> /P -4 >> >>\nstartxref\n${plain.length}\n%%EOF\n`,
        'latin1',
      ),
    ]);
    const noPages = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
    const bad = {
      encrypted,
      'no page': noPages,
      'header only': Buffer.from('%PDF-'),
      'a header and a comment (the former placeholder sample)': Buffer.from('%PDF-1.7\n% demo pdf bytes\n'),
      'whitespace after the header': Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]),
      'cut in half': Buffer.from(await pdfWithMetadata(1)).subarray(0, 400),
    };
    const accepted: string[] = [];
    for (const [name, file] of Object.entries(bad)) {
      try {
        await stripPdfMetadata(file);
        accepted.push(name);
      } catch (err) {
        if (!(err instanceof PdfUnreadable)) throw err;
      }
    }
    expect(accepted).toEqual([]);
  });
});

/** A small PDF whose object stream inflates to many tiny objects (costly to parse: memory and time). */
function objectStreamBomb(objects: number): Buffer {
  const head: string[] = [];
  let body = '';
  for (let i = 0; i < objects; i++) {
    head.push(`${10 + i} ${body.length}`);
    body += '<</A 1>> ';
  }
  const first = head.join(' ') + ' ';
  const z = zlib.deflateSync(Buffer.from(first + body, 'latin1'), { level: 9 });
  const pre =
    '%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>\nendobj\n' +
    `4 0 obj\n<< /Type /ObjStm /N ${objects} /First ${first.length} /Filter /FlateDecode /Length ${z.length} >>\nstream\n`;
  return Buffer.concat([Buffer.from(pre, 'latin1'), z, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

describe('PDF metadata removal in a bounded worker (stripPdfMetadataBounded)', () => {
  it('gives the same bytes as in process', async () => {
    const input = await pdfWithMetadata(2);
    const inWorker = await stripPdfMetadataBounded(input);
    expect(Buffer.from(inWorker).equals(Buffer.from(await stripPdfMetadata(input)))).toBe(true);
    await expect(stripPdfMetadataBounded(Buffer.from('%PDF-1.7\n% bukan PDF\n'))).rejects.toBeInstanceOf(PdfUnreadable);
  });

  it('refuses a file whose parsing passes the heap or the time limit, and keeps working after', async () => {
    const bomb = objectStreamBomb(200_000);
    expect(bomb.length).toBeLessThan(1_100_000);
    const started = Date.now();
    await expect(stripPdfMetadataBounded(bomb, { heapMb: 48, timeoutMs: 30_000 })).rejects.toThrow(/more than 48 MB|took longer/);
    await expect(stripPdfMetadataBounded(bomb, { timeoutMs: 300 })).rejects.toThrow(/took longer than 300 ms/);
    expect(Date.now() - started).toBeLessThan(20_000);
    const input = await pdfWithMetadata(1);
    expect((await PDFDocument.load(await stripPdfMetadataBounded(input))).getPageCount()).toBe(1);
  });
});
