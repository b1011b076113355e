import type { MediaMimeType } from '@kadens/shared/contracts';
import sharp from 'sharp';

// libvips' operation cache keeps decoded images around for reuse; an upload never repeats, so it is off,
// and two threads per image leave the other core to the rest of the API.
sharp.cache(false);
sharp.concurrency(2);

export const THUMBNAIL_SIZE = 480;
/**
 * Larger pictures are refused (422): WebP and GIF encoders hold a whole frame (4 bytes a pixel), so this
 * bounds their memory; 60 MP is above any camera a municipality uses.
 */
export const MAX_IMAGE_PIXELS = 60_000_000;
export const THUMBNAIL_MIME_TYPE = 'image/webp';

export interface ImageFacts {
  width: number;
  height: number;
  bytes: number;
}

export class ImageProcessingError extends Error {}

/**
 * Re-encodes an uploaded image from `input` into `output` in its own format: the EXIF orientation is
 * applied to the pixels (`rotate()`), and every metadata block — EXIF with GPS, XMP, IPTC, comments — is
 * left behind, because sharp writes none unless asked (`keepMetadata`/`withMetadata`, never called here).
 * The ICC profile is converted to sRGB so colours stay right. Then a thumbnail (WebP, 480 px box).
 * libvips reads and writes JPEG and PNG in strips from and to the files, so memory does not grow with the
 * file (bench:media); WebP and GIF encoders hold one frame, bounded by MAX_IMAGE_PIXELS.
 */
export async function processImage(input: string, output: string, thumbnail: string, mimeType: MediaMimeType): Promise<ImageFacts> {
  const animated = mimeType === 'image/gif' || mimeType === 'image/webp';
  try {
    const source = sharp(input, { animated, sequentialRead: true, failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
    // No Huffman optimisation: it keeps every DCT coefficient of the picture in memory (≈ 220 MB for a
    // 25 MB, 31 MP JPEG, against ≈ 45 MB without) for files a few per cent smaller.
    const encoded =
      mimeType === 'image/jpeg'
        ? source.jpeg({ quality: 90, optimiseCoding: false })
        : mimeType === 'image/png'
          ? source.png()
          : mimeType === 'image/webp'
            ? source.webp({ quality: 90 })
            : source.gif();
    const info = await encoded.toFile(output);
    await sharp(output, { sequentialRead: true, limitInputPixels: MAX_IMAGE_PIXELS })
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toFile(thumbnail);
    const height = animated && info.pageHeight ? info.pageHeight : info.height;
    return { width: info.width, height, bytes: info.size };
  } catch (error) {
    throw new ImageProcessingError(error instanceof Error ? error.message : String(error));
  }
}
