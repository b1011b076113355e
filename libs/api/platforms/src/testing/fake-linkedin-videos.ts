import { createHash } from 'node:crypto';

import type { FakeHttpServer, FakeReply, ReceivedRequest } from './fake-http-server';

/** Parts of the Videos API's multipart upload: 4 MB each, the last one shorter. */
export const LINKEDIN_VIDEO_PART_BYTES = 4_194_304;

/** One video of the Videos API: its owner, declared size, the parts PUT so far and its status. */
export interface FakeLinkedInVideo {
  urn: string;
  owner: string;
  fileSizeBytes: number;
  /** Each part's bytes (null until PUT) and the ETag it was answered with. */
  parts: Array<{ firstByte: number; lastByte: number; data: Buffer | null; etag: string | null }>;
  status: 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';
  /** How many more status reads answer PROCESSING after the upload is finalized. */
  processingReads: number;
}

/**
 * LinkedIn's Videos API, as documented: `POST /rest/videos?action=initializeUpload`
 * `{initializeUploadRequest: {owner, fileSizeBytes, uploadCaptions, uploadThumbnail}}` → `{value: {video,
 * uploadInstructions: [{uploadUrl, firstByte, lastByte}], uploadToken}}` (parts of 4 MB); a PUT of each
 * part answers its ETag; `POST /rest/videos?action=finalizeUpload` `{finalizeUploadRequest: {video,
 * uploadToken, uploadedPartIds}}` checks the ETags in order; `GET /rest/videos/{urn}` answers the status
 * (PROCESSING for `processingReads` reads, then AVAILABLE, or PROCESSING_FAILED when `failProcessing`).
 * Routes are added to the fake LinkedIn's server behind its token and version checks (`guard`).
 */
export class FakeLinkedInVideos {
  readonly videos: FakeLinkedInVideo[] = [];
  /** Status reads that answer PROCESSING after each finalize. */
  processingReads = 1;
  failProcessing = false;

  constructor(
    private readonly server: FakeHttpServer,
    guard: (request: ReceivedRequest, next: () => FakeReply) => FakeReply,
    private readonly owners: () => string[],
  ) {
    server.route('POST', '/rest/videos', (request) => guard(request, () => this.action(request)));
    server.route('PUT', '/dms-uploads/videos/:id/:part', (request, params) =>
      guard(request, () => this.receivePart(params['id'] ?? '', Number(params['part']), request)),
    );
    server.route('GET', '/rest/videos/:urn', (request, params) => guard(request, () => this.read(decodeURIComponent(params['urn'] ?? ''))));
  }

  /** Whether a post may use this URN: a video of this API that is AVAILABLE. */
  isAvailable(urn: string): boolean {
    return this.videos.some((video) => video.urn === urn && video.status === 'AVAILABLE');
  }

  clear(): void {
    this.videos.length = 0;
  }

  private action(request: ReceivedRequest): FakeReply {
    const action = request.query.get('action');
    const body = (request.json ?? {}) as Record<string, Record<string, unknown> | undefined>;
    if (action === 'initializeUpload') return this.initialize(body['initializeUploadRequest'] ?? {});
    if (action === 'finalizeUpload') return this.finalize(body['finalizeUploadRequest'] ?? {});
    return error(400, `Unknown action ${String(action)}`, 'ILLEGAL_ARGUMENT');
  }

  private initialize(input: Record<string, unknown>): FakeReply {
    const { owner, fileSizeBytes } = input;
    if (typeof owner !== 'string' || typeof fileSizeBytes !== 'number' || fileSizeBytes <= 0) {
      return error(400, 'initializeUploadRequest.owner and fileSizeBytes are required', 'ILLEGAL_ARGUMENT');
    }
    if (!this.owners().includes(owner)) return error(403, `Not enough permissions to upload as ${owner}`, 'ACCESS_DENIED');
    const id = `C5D10AQ${String(this.videos.length + 1).padStart(8, '0')}`;
    const parts: FakeLinkedInVideo['parts'] = [];
    for (let first = 0; first < fileSizeBytes; first += LINKEDIN_VIDEO_PART_BYTES) {
      parts.push({ firstByte: first, lastByte: Math.min(first + LINKEDIN_VIDEO_PART_BYTES, fileSizeBytes) - 1, data: null, etag: null });
    }
    const video: FakeLinkedInVideo = {
      urn: `urn:li:video:${id}`,
      owner,
      fileSizeBytes,
      parts,
      status: 'WAITING_UPLOAD',
      processingReads: 0,
    };
    this.videos.push(video);
    const uploadInstructions = parts.map((part, index) => ({
      uploadUrl: `${this.server.baseUrl}/dms-uploads/videos/${id}/${index}`,
      firstByte: part.firstByte,
      lastByte: part.lastByte,
    }));
    return {
      status: 200,
      json: { value: { uploadUrlsExpireAt: Date.now() + 86_400_000, video: video.urn, uploadInstructions, uploadToken: '' } },
    };
  }

  private receivePart(id: string, index: number, request: ReceivedRequest): FakeReply {
    const part = this.videos.find((candidate) => candidate.urn === `urn:li:video:${id}`)?.parts[index];
    if (part === undefined) return error(404, 'Upload URL not found', 'NOT_FOUND');
    if (request.raw.length !== part.lastByte - part.firstByte + 1) {
      return error(400, `Part ${index} must be ${part.lastByte - part.firstByte + 1} bytes, not ${request.raw.length}`, 'ILLEGAL_ARGUMENT');
    }
    part.data = request.raw;
    part.etag = `/ETag/${createHash('md5').update(request.raw).digest('hex')}`;
    return { status: 200, headers: { etag: part.etag }, raw: '' };
  }

  private finalize(input: Record<string, unknown>): FakeReply {
    const video = this.videos.find((candidate) => candidate.urn === input['video']);
    if (video === undefined) return error(404, `Video ${String(input['video'])} not found`, 'NOT_FOUND');
    const ids = input['uploadedPartIds'];
    const expected = video.parts.map((part) => part.etag);
    if (!Array.isArray(ids) || ids.length !== expected.length || ids.some((id, index) => id !== expected[index] || id === null)) {
      return error(400, 'uploadedPartIds do not match the uploaded parts', 'ILLEGAL_ARGUMENT');
    }
    video.status = this.failProcessing ? 'PROCESSING_FAILED' : 'PROCESSING';
    video.processingReads = this.processingReads;
    return { status: 200, raw: '' };
  }

  private read(urn: string): FakeReply {
    const video = this.videos.find((candidate) => candidate.urn === urn);
    if (video === undefined) return error(404, `Video ${urn} not found`, 'NOT_FOUND');
    if (video.status === 'PROCESSING' && video.processingReads-- <= 0) video.status = 'AVAILABLE';
    return { status: 200, json: { id: video.urn, owner: video.owner, status: video.status } };
  }

  /** The whole file as uploaded, parts in order. */
  static bytesOf(video: FakeLinkedInVideo): Buffer {
    return Buffer.concat(video.parts.map((part) => part.data ?? Buffer.alloc(0)));
  }
}

function error(status: number, message: string, code: string): FakeReply {
  return { status, json: { status, code, message } };
}
