import { setTimeout as delay } from 'node:timers/promises';
import { Readable } from 'node:stream';

import { fileSegments, multipartBody } from '../http/media-upload';
import { isRecord, requiredId, stringField } from '../http/http-failure';
import type { PublishMedium } from '../platform-adapter';
import { PlatformInvalidContentError, PlatformTransientError } from '../platform-errors';

/** X takes segments of up to 5 MB; 4 MB keeps each APPEND well inside it and memory flat. */
export const X_SEGMENT_BYTES = 4 * 1024 * 1024;
/** STATUS checks before a still-processing video fails the attempt (transient: a retry reuses the upload). */
const X_MAX_STATUS_CHECKS = 60;
/** X's alt text limit (`/2/media/metadata`). */
export const X_MAX_ALT_TEXT = 1000;

/** One JSON or multipart call to X, as the adapter makes it (its auth, deadline and error mapping). */
export type XCall = (
  method: 'GET' | 'POST',
  path: string,
  send?: { json?: unknown; body?: ReadableStream<Uint8Array>; headers?: Record<string, string>; query?: Record<string, string> },
) => Promise<Record<string, unknown>>;

/**
 * The documented v2 upload, the same for images and video: `POST /2/media/upload/initialize`
 * `{media_type, total_bytes, media_category}`, the file in ≤ 4 MB `append` segments (multipart
 * `media` + `segment_index`), `finalize`, then `GET /2/media/upload?command=STATUS` while the answer
 * carries `processing_info` (video). The alt text goes to `POST /2/media/metadata` (images and GIFs,
 * as X documents it). Nothing is visible until a post attaches the id.
 */
export async function uploadToX(call: XCall, medium: PublishMedium, sleep: (ms: number) => Promise<unknown> = delay): Promise<string> {
  const category = medium.kind === 'video' ? 'tweet_video' : medium.mimeType === 'image/gif' ? 'tweet_gif' : 'tweet_image';
  const init = await call('POST', '/2/media/upload/initialize', {
    json: { media_type: medium.mimeType, total_bytes: medium.bytes, media_category: category },
  });
  const id = requiredId('x', isRecord(init['data']) ? init['data'] : {}, 'id', 'none');
  const path = `/2/media/upload/${encodeURIComponent(id)}`;
  let index = 0;
  for await (const segment of fileSegments(await medium.open(), () => X_SEGMENT_BYTES)) {
    const part = await multipartBody({ segment_index: String(index) }, 'media', segmentFile(segment), 'segment');
    await call('POST', `${path}/append`, { body: part.body, headers: part.headers });
    index++;
  }
  let answer = await call('POST', `${path}/finalize`);
  for (let check = 0; ; check++) {
    const info = isRecord(answer['data']) && isRecord(answer['data']['processing_info']) ? answer['data']['processing_info'] : null;
    const state = stringField(info, 'state');
    if (info === null || state === 'succeeded') break;
    if (state === 'failed') {
      const error = isRecord(info['error']) ? stringField(info['error'], 'message') : null;
      throw new PlatformInvalidContentError('x', `X could not process medium ${medium.id}: ${error ?? 'no reason given'}`, {
        code: 'media.processing_failed',
      });
    }
    if (check >= X_MAX_STATUS_CHECKS) {
      throw new PlatformTransientError('x', `X was still processing medium ${medium.id}`, { code: 'media.processing' });
    }
    const after = typeof info['check_after_secs'] === 'number' ? info['check_after_secs'] : 1;
    await sleep(Math.min(Math.max(after, 0), 30) * 1000);
    answer = await call('GET', '/2/media/upload', { query: { command: 'STATUS', media_id: id } });
  }
  if (medium.altText !== '' && medium.kind === 'image') {
    await call('POST', '/2/media/metadata', { json: { id, metadata: { alt_text: { text: medium.altText.slice(0, X_MAX_ALT_TEXT) } } } });
  }
  return id;
}

function segmentFile(segment: Buffer): Pick<PublishMedium, 'mimeType' | 'bytes' | 'open'> {
  return { mimeType: 'application/octet-stream', bytes: segment.length, open: async () => Readable.from([segment]) };
}
