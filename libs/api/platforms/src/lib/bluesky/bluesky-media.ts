import type { OutboundClient } from '@kadens/api/outbound';

import { isRecord } from '../http/http-failure';
import { fileBody } from '../http/media-upload';
import type { PublishMedium } from '../platform-adapter';
import { PlatformInvalidContentError, PlatformTransientError } from '../platform-errors';
import type { BlueskySession } from './bluesky-sessions';
import { xrpc } from './bluesky-xrpc';

/** `app.bsky.embed.images#image.image`: at most 1,000,000 bytes (the lexicon's `maxSize`). */
export const BLUESKY_MAX_IMAGE_BYTES = 1_000_000;
/** `app.bsky.embed.video#video`: at most 100,000,000 bytes, MP4. */
export const BLUESKY_MAX_VIDEO_BYTES = 100_000_000;

/** A blob reference as the PDS answers it and a record embeds it. */
export interface BlueskyBlob {
  $type: 'blob';
  ref: { $link: string };
  mimeType: string;
  size: number;
}

/**
 * What the embeds can carry, checked before anything is uploaded: up to four images, or one MP4 video
 * within the lexicon's size; never both. An image's size is `fitBlueskyImage`'s: it makes a larger one
 * smaller, or refuses it. The platform rules check the same for the composer; this is the adapter's own
 * guard, with a message that names the medium.
 */
export function assertBlueskyMedia(media: readonly PublishMedium[]): void {
  const videos = media.filter((medium) => medium.kind === 'video');
  const refuse = (message: string, code: string) => {
    throw new PlatformInvalidContentError('bluesky', message, { code });
  };
  if (videos.length > 0 && (videos.length > 1 || media.length > 1))
    refuse('Bluesky takes up to four images or one video per post', 'media.mixed');
  if (media.length > 4) refuse(`Bluesky takes at most 4 images per post, not ${media.length}`, 'media.too_many');
  for (const medium of media) {
    if (medium.kind !== 'video') continue;
    if (medium.mimeType !== 'video/mp4') refuse(`Medium ${medium.id}: Bluesky takes video as MP4 only`, 'media.type');
    if (medium.bytes > BLUESKY_MAX_VIDEO_BYTES) {
      refuse(`Medium ${medium.id} is ${medium.bytes} bytes; Bluesky takes at most ${BLUESKY_MAX_VIDEO_BYTES}`, 'media.too_large');
    }
  }
}

/** `com.atproto.repo.uploadBlob`: the file as the body, its type as Content-Type. Invisible until a record embeds it. */
export async function uploadBlob(
  client: OutboundClient,
  pds: string,
  session: BlueskySession,
  medium: PublishMedium,
  timeoutMs: number,
  now: number,
): Promise<BlueskyBlob> {
  const body = await xrpc({
    client,
    pds,
    nsid: 'com.atproto.repo.uploadBlob',
    method: 'POST',
    bearer: session.accessJwt,
    raw: { body: await fileBody(medium), contentType: medium.mimeType, length: medium.bytes },
    timeoutMs,
    effect: 'none',
    now,
  });
  const blob = body['blob'];
  if (!isRecord(blob) || !isRecord(blob['ref']) || typeof blob['ref']['$link'] !== 'string') {
    throw new PlatformTransientError('bluesky', 'uploadBlob answered without a blob reference', { code: 'unreadable_response' });
  }
  return {
    $type: 'blob',
    ref: { $link: blob['ref']['$link'] },
    mimeType: typeof blob['mimeType'] === 'string' ? blob['mimeType'] : medium.mimeType,
    size: typeof blob['size'] === 'number' ? blob['size'] : medium.bytes,
  };
}

/** The record's embed: images with their alt texts and aspect ratios, or the one video. */
export function mediaEmbed(media: readonly PublishMedium[], blobs: readonly BlueskyBlob[]): Record<string, unknown> {
  const aspectRatio = (medium: PublishMedium) =>
    medium.width > 0 && medium.height > 0 ? { aspectRatio: { width: medium.width, height: medium.height } } : {};
  const [first] = media;
  if (first?.kind === 'video') {
    return {
      $type: 'app.bsky.embed.video',
      video: blobs[0],
      ...(first.altText === '' ? {} : { alt: first.altText.slice(0, 1000) }),
      ...aspectRatio(first),
    };
  }
  return {
    $type: 'app.bsky.embed.images',
    images: media.map((medium, index) => ({ image: blobs[index], alt: medium.altText, ...aspectRatio(medium) })),
  };
}
