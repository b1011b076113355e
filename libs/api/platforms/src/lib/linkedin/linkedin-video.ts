import { setTimeout as delay } from 'node:timers/promises';

import type { CallEffect, HttpResponse } from '../http/http-call';
import { isRecord, stringField, successBody } from '../http/http-failure';
import type { PublishMedium } from '../platform-adapter';
import { PlatformInvalidContentError, PlatformTransientError } from '../platform-errors';

/** How long a video may stay PROCESSING before the attempt gives up (a retry waits again, without uploading again). */
export const LINKEDIN_VIDEO_PROCESSING_LIMIT_MS = 120_000;
const POLL_INTERVAL_MS = 250;
const MAX_POLL_INTERVAL_MS = 5_000;

/** What the Videos API needs of the adapter: its authenticated REST call and a PUT to an upload URL. */
export interface LinkedInVideoApi {
  call(method: 'GET' | 'POST', path: string, effect: CallEffect, body?: string): Promise<HttpResponse>;
  /** PUT of one part to its upload URL; answers the response (its ETag names the part). */
  put(url: URL, part: Uint8Array<ArrayBuffer>): Promise<HttpResponse>;
  now(): number;
}

interface UploadInstruction {
  uploadUrl: URL;
  firstByte: number;
  lastByte: number;
}

/**
 * Videos API, as documented: `POST /rest/videos?action=initializeUpload` with the owner and the file's
 * size answers the video URN and one upload instruction per part (byte ranges of 4 MB); each part is PUT
 * to its URL and its ETag kept; `POST /rest/videos?action=finalizeUpload` with the ETags in order ends the
 * upload. Answers the video URN. The file is read once, one part in memory at a time.
 */
export async function uploadLinkedInVideo(api: LinkedInVideoApi, owner: string, medium: PublishMedium): Promise<string> {
  const initialized = await api.call(
    'POST',
    '/rest/videos?action=initializeUpload',
    'none',
    JSON.stringify({ initializeUploadRequest: { owner, fileSizeBytes: medium.bytes, uploadCaptions: false, uploadThumbnail: false } }),
  );
  const value = successBody('linkedin', initialized, 'none')['value'];
  const video = stringField(value, 'video');
  const instructions = isRecord(value) ? readInstructions(value['uploadInstructions'], medium.bytes) : null;
  if (video === null || instructions === null) {
    throw new PlatformTransientError('linkedin', 'initializeUpload answered without a video and upload instructions for every byte', {
      code: 'unreadable_response',
    });
  }
  const partIds: string[] = [];
  let part = 0;
  for await (const bytes of partsOf(await medium.open(), instructions)) {
    const instruction = instructions[part++] as UploadInstruction;
    const response = await api.put(instruction.uploadUrl, bytes);
    const etag = response.headers.get('etag');
    if (etag === null || etag === '') {
      throw new PlatformTransientError('linkedin', `The upload of part ${part} of medium ${medium.id} answered without an ETag`, {
        code: 'unreadable_response',
      });
    }
    partIds.push(etag);
  }
  const uploadToken = isRecord(value) && typeof value['uploadToken'] === 'string' ? value['uploadToken'] : '';
  await api.call(
    'POST',
    '/rest/videos?action=finalizeUpload',
    'none',
    JSON.stringify({ finalizeUploadRequest: { video, uploadToken, uploadedPartIds: partIds } }),
  );
  return video;
}

/**
 * `GET /rest/videos/{urn}` until its status is AVAILABLE (a post may use it only then); PROCESSING_FAILED
 * refuses the medium; still processing after the limit is transient (the next attempt asks again).
 */
export async function waitForLinkedInVideo(api: LinkedInVideoApi, urn: string, medium: PublishMedium): Promise<void> {
  const deadline = api.now() + LINKEDIN_VIDEO_PROCESSING_LIMIT_MS;
  for (let poll = 0; ; poll++) {
    const response = await api.call('GET', `/rest/videos/${encodeURIComponent(urn)}`, 'none');
    const status = stringField(successBody('linkedin', response, 'none'), 'status');
    if (status === 'AVAILABLE') return;
    if (status === 'PROCESSING_FAILED') {
      throw new PlatformInvalidContentError('linkedin', `LinkedIn could not process medium ${medium.id} as a video`, {
        code: 'media.processing_failed',
      });
    }
    if (api.now() > deadline) {
      throw new PlatformTransientError('linkedin', `LinkedIn was still processing medium ${medium.id} (${status ?? 'no status'})`, {
        code: 'media.processing',
      });
    }
    await delay(Math.min(POLL_INTERVAL_MS * 2 ** poll, MAX_POLL_INTERVAL_MS));
  }
}

/** The instructions in byte order, if they cover the file exactly once from its first byte to its last. */
function readInstructions(listed: unknown, bytes: number): UploadInstruction[] | null {
  if (!Array.isArray(listed) || listed.length === 0) return null;
  const instructions: UploadInstruction[] = [];
  for (const item of listed) {
    const url = stringField(item, 'uploadUrl');
    const firstByte = isRecord(item) ? item['firstByte'] : undefined;
    const lastByte = isRecord(item) ? item['lastByte'] : undefined;
    if (url === null || typeof firstByte !== 'number' || typeof lastByte !== 'number' || !URL.canParse(url)) return null;
    instructions.push({ uploadUrl: new URL(url), firstByte, lastByte });
  }
  instructions.sort((a, b) => a.firstByte - b.firstByte);
  let next = 0;
  for (const instruction of instructions) {
    if (instruction.firstByte !== next || instruction.lastByte < instruction.firstByte) return null;
    next = instruction.lastByte + 1;
  }
  return next === bytes ? instructions : null;
}

/** The file cut at the instructions' byte ranges, one part at a time. */
async function* partsOf(file: AsyncIterable<unknown>, instructions: readonly UploadInstruction[]): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let index = 0;
  let part = Buffer.alloc(partLength(instructions[0]));
  let filled = 0;
  for await (const chunk of file) {
    let data = chunk as Buffer;
    while (data.length > 0) {
      const taken = Math.min(part.length - filled, data.length);
      data.copy(part, filled, 0, taken);
      filled += taken;
      data = data.subarray(taken);
      if (filled === part.length) {
        yield new Uint8Array(part.buffer, part.byteOffset, part.length) as Uint8Array<ArrayBuffer>;
        index++;
        if (index === instructions.length) return;
        part = Buffer.alloc(partLength(instructions[index]));
        filled = 0;
      }
    }
  }
  if (index < instructions.length)
    throw new PlatformTransientError('linkedin', 'The stored file was shorter than its size', { code: 'media.unreadable' });
}

function partLength(instruction: UploadInstruction | undefined): number {
  return instruction === undefined ? 0 : instruction.lastByte - instruction.firstByte + 1;
}
