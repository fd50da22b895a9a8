import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

/**
 * Metadata removal for PDF uploads, with pdf-lib: the file is parsed and written afresh (a single
 * revision: no incremental-update history, no comments, no unreferenced objects), without
 * - the document information dictionary (Title, Author, Subject, Keywords, Creator, Producer, dates)
 *   and the trailer's file identifier (/ID),
 * - every /Metadata (XMP) and /PieceInfo (application private data) entry, on the catalog, the pages
 *   and any other dictionary or stream (images, fonts, form XObjects), and the objects they pointed to,
 * - every object no longer reachable from the catalog (old revisions' Info dictionaries, orphan XMP).
 *
 * Encrypted, damaged or unparseable files (any object pdf-lib cannot parse) are refused (`PdfUnreadable`),
 * as are files without a page.
 */

export class PdfUnreadable extends Error {}

const METADATA_KEYS = [PDFName.of('Metadata'), PDFName.of('PieceInfo')];

function dictOf(obj: PDFObject | undefined): PDFDict | undefined {
  if (obj instanceof PDFDict) return obj;
  if (obj instanceof PDFStream) return obj.dict;
  return undefined;
}

/** Every indirect object reachable from `roots`. */
function reachable(doc: PDFDocument, roots: PDFObject[]): Set<string> {
  const seen = new Set<string>();
  const stack: PDFObject[] = [...roots];
  while (stack.length) {
    const obj = stack.pop()!;
    if (obj instanceof PDFRef) {
      const key = obj.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      const target = doc.context.lookup(obj);
      if (target) stack.push(target);
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) stack.push(obj.get(i));
    } else {
      const dict = dictOf(obj);
      if (dict) for (const [, v] of dict.entries()) stack.push(v);
    }
  }
  return seen;
}

/**
 * Returns the cleaned PDF's bytes. Pure apart from pdf-lib's parsing: the input is not modified.
 * Throws `PdfUnreadable` for encrypted, damaged or page-less files.
 */
export async function stripPdfMetadata(input: Uint8Array): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    // updateMetadata: false, or pdf-lib would write its own Producer and dates; an object pdf-lib cannot
    // parse is refused (kept, it would be written back as the raw bytes it was, unseen by this cleaning)
    doc = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (err) {
    throw new PdfUnreadable((err as Error).message);
  }
  try {
    if (doc.isEncrypted) throw new PdfUnreadable('encrypted');
    if (doc.getPageCount() < 1) throw new PdfUnreadable('no page');
    const { context } = doc;

    // 1. the document information dictionary and the file identifier
    const info = context.trailerInfo.Info;
    if (info instanceof PDFRef) context.delete(info);
    context.trailerInfo.Info = undefined;
    context.trailerInfo.ID = undefined;

    // 2. /Metadata and /PieceInfo wherever they are (catalog, pages, XObjects, fonts, …)
    const dicts: PDFDict[] = [doc.catalog];
    for (const [, obj] of context.enumerateIndirectObjects()) {
      const dict = dictOf(obj);
      if (dict) dicts.push(dict);
    }
    // direct page dictionaries are indirect objects already; inherited-attribute dictionaries too
    for (const dict of dicts) {
      for (const key of METADATA_KEYS) {
        const value = dict.get(key);
        if (value === undefined) continue;
        if (value instanceof PDFRef) context.delete(value);
        dict.delete(key);
      }
    }

    // 3. nothing unreachable from the catalog is written (previous revisions, orphan XMP streams)
    const keep = reachable(doc, [context.trailerInfo.Root ?? doc.catalog]);
    for (const [ref] of context.enumerateIndirectObjects()) {
      if (!keep.has(ref.toString())) context.delete(ref);
    }

    // a fresh file: one revision; no blank page added, no form appearances regenerated
    return await doc.save({ addDefaultPage: false, updateFieldAppearances: false, useObjectStreams: false });
  } catch (err) {
    if (err instanceof PdfUnreadable) throw err;
    throw new PdfUnreadable((err as Error).message);
  }
}
