import { Readable } from 'node:stream';
import sharp from 'sharp';

import type { PublishMedium } from '../platform-adapter';
import { PlatformInvalidContentError } from '../platform-errors';
import { BLUESKY_MAX_IMAGE_BYTES } from './bluesky-media';

/** The longest sides tried, largest first (the Bluesky app itself shows images at up to 2,000 px). */
const SIDES = [2000, 1600, 1280, 1000];
/** The qualities tried at each side, best first. */
const QUALITIES = [82, 70, 58];
/** A stored image larger than this is not read into memory to be re-encoded (the media library takes up to 25 MB). */
const MAX_SOURCE_BYTES = 40 * 1024 * 1024;

/**
 * An image the lexicon takes: the medium itself when it is small enough, else a copy re-encoded from the
 * stored file — scaled to fit 2,000 px (then smaller) and written as JPEG, or WebP when it has
 * transparency — until it is at most 1,000,000 bytes. Photos from a phone are 2–6 MB, so most images need
 * it; the stored file (already without metadata and turned the right way up) is left as it is. The same
 * file gives the same bytes, so a retry uploads the same blob. An image that cannot be read or made small
 * enough is refused, naming the medium.
 */
export async function fitBlueskyImage(medium: PublishMedium): Promise<PublishMedium> {
  if (medium.kind !== 'image' || medium.bytes <= BLUESKY_MAX_IMAGE_BYTES) return medium;
  const refuse = (reason: string): never => {
    throw new PlatformInvalidContentError('bluesky', `Medium ${medium.id} is ${medium.bytes} bytes; ${reason}`, {
      code: 'media.too_large',
    });
  };
  if (medium.bytes > MAX_SOURCE_BYTES) refuse(`Bluesky takes at most ${BLUESKY_MAX_IMAGE_BYTES}, and it is too large to re-encode`);
  const source = await readAll(await medium.open());
  let transparent: boolean;
  try {
    // Only an image with an alpha channel is decoded whole to see whether any pixel uses it.
    transparent = (await sharp(source).metadata()).hasAlpha === true && !(await sharp(source).stats()).isOpaque;
  } catch {
    return refuse(`Bluesky takes at most ${BLUESKY_MAX_IMAGE_BYTES}, and it could not be read as an image to make it smaller`);
  }
  for (const side of SIDES) {
    for (const quality of QUALITIES) {
      const resized = sharp(source).resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
      const encoded = transparent ? resized.webp({ quality }) : resized.jpeg({ quality, mozjpeg: true });
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      if (data.length <= BLUESKY_MAX_IMAGE_BYTES) {
        return {
          ...medium,
          mimeType: transparent ? 'image/webp' : 'image/jpeg',
          bytes: data.length,
          width: info.width,
          height: info.height,
          open: async () => Readable.from([data]),
        };
      }
    }
  }
  return refuse(`Bluesky takes at most ${BLUESKY_MAX_IMAGE_BYTES}, and even at 1,000 px it stayed larger`);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
