import sharp from 'sharp';
import { PHOTO_MAX_PIXELS, PHOTO_SIZE } from './limits';

// No decoded photo lingers in libvips' operation cache after its request.
sharp.cache(false);

export type PhotoError = 'errors.photoNotImage' | 'errors.photoHeic' | 'errors.photoTooManyPixels';
export type NormalizedPhoto = { ok: true; bytes: Uint8Array } | { ok: false; error: PhotoError };

/**
 * Redraws an uploaded photo as a new WebP image of at most 512 × 512 px (T6). Only the pixels
 * survive: sharp writes no EXIF, XMP, IPTC or ICC data unless asked to (we never ask), so the
 * place, the camera and the time a photo was taken do not reach our storage. Orientation is
 * applied to the pixels first, so nothing is lost by dropping the EXIF tag.
 *
 * Only formats recognised by their first bytes reach the decoder (no SVG, PDF or other formats a
 * decoder could be talked into opening), and the pixel limit is checked from the header before
 * anything is decoded, so a small file that would expand to gigabytes is refused cheaply.
 */
export async function normalizePhoto(input: Uint8Array): Promise<NormalizedPhoto> {
  const format = sniffImageFormat(input);
  if (format === 'heic') return { ok: false, error: 'errors.photoHeic' };
  if (format === null) return { ok: false, error: 'errors.photoNotImage' };
  const image = sharp(input, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error', animated: false });
  try {
    const { width, height } = await image.metadata();
    if (!width || !height) return { ok: false, error: 'errors.photoNotImage' };
    if (width * height > PHOTO_MAX_PIXELS) return { ok: false, error: 'errors.photoTooManyPixels' };
    const output = await image
      .autoOrient()
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
    return { ok: true, bytes: new Uint8Array(output) };
  } catch (error) {
    const pixelLimit = error instanceof Error && /pixel limit/i.test(error.message);
    return { ok: false, error: pixelLimit ? 'errors.photoTooManyPixels' : 'errors.photoNotImage' };
  }
}

type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'tiff' | 'heic';

/** The image format by its signature, or null. HEIC is named so that the page can explain it. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  if (ascii(4, 8) === 'ftyp') {
    // An ISO media file: the major brand, then the compatible brands, up to the box's end.
    const end = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset).getUint32(0));
    const brands = [ascii(8, 12)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(at, at + 4));
    if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'avif';
    // The prebuilt decoder reads AV1 (AVIF) but not HEVC, the codec of iPhone photos.
    if (brands.some((brand) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand))) return 'heic';
  }
  return null;
}
