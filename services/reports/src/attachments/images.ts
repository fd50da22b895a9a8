import sharp from 'sharp';
import type { AllowedType } from './magic';

// Files are processed once: libvips' operation cache would only hold memory.
sharp.cache(false);

/** Images larger than this many pixels are refused (a small file can decode to gigabytes). */
export const MAX_IMAGE_PIXELS = 40_000_000;

export type ImageType = Extract<AllowedType, 'image/jpeg' | 'image/png' | 'image/webp'>;

export const isImageType = (t: AllowedType): t is ImageType => t === 'image/jpeg' || t === 'image/png' || t === 'image/webp';

export class UnreadableImage extends Error {}

/**
 * Decodes an uploaded image and encodes it again in the same format with the EXIF orientation applied
 * and no metadata at all: no EXIF (camera, author, GPS, time), no XMP, no IPTC, no ICC profile or its
 * comments (pixels are converted to sRGB), no PNG text chunks. The stored file is what is hashed and
 * served, so an anonymous reporter's photo cannot identify them through its metadata.
 */
export async function reencodeImage(file: string, type: ImageType): Promise<Buffer> {
  try {
    // animated WebP keeps its frames; JPEG and PNG are single images
    const img = sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS, animated: type === 'image/webp', failOn: 'error' }).rotate();
    switch (type) {
      case 'image/jpeg':
        return await img.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
      case 'image/png':
        return await img.png({ compressionLevel: 9 }).toBuffer();
      case 'image/webp':
        return await img.webp({ quality: 90 }).toBuffer();
    }
  } catch (err) {
    throw new UnreadableImage((err as Error).message);
  }
}
