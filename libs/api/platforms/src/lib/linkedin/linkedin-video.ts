import { setTimeout as delay } from 'node:timers/promises';

import type { CallEffect, HttpResponse } from '../http/http-call';
import { isRecord, stringField, successBody } from '../http/http-failure';
import { fileSegments } from '../http/media-upload';
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
  const lengthOf = (index: number) => partLength(instructions[index]);
  for await (const bytes of fileSegments(await medium.open(), lengthOf)) {
    const instruction = instructions[partIds.length];
    if (instruction === undefined || bytes.length !== lengthOf(partIds.length)) throw shorterOrLonger(medium);
    const response = await api.put(instruction.uploadUrl, bytes as Uint8Array<ArrayBuffer>);
    const etag = response.headers.get('etag');
    if (etag === null || etag === '') {
      throw new PlatformTransientError(
        'linkedin',
        `The upload of part ${partIds.length + 1} of medium ${medium.id} answered without an ETag`,
        {
          code: 'unreadable_response',
        },
      );
    }
    partIds.push(etag);
  }
  if (partIds.length < instructions.length) throw shorterOrLonger(medium);
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

function shorterOrLonger(medium: PublishMedium): PlatformTransientError {
  return new PlatformTransientError('linkedin', `The stored file of medium ${medium.id} was not ${medium.bytes} bytes long`, {
    code: 'media.unreadable',
  });
}

/** A part's length; past the last instruction, no end (what is left comes as one extra piece, which is refused). */
function partLength(instruction: UploadInstruction | undefined): number {
  return instruction === undefined ? Infinity : instruction.lastByte - instruction.firstByte + 1;
}
