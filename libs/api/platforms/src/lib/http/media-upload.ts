import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

import type { PublishMedium } from '../platform-adapter';

/** A `multipart/form-data` body streamed from the stored file, never buffered whole, with its exact length. */
export interface MultipartBody {
  body: ReadableStream<Uint8Array>;
  headers: { 'content-type': string; 'content-length': string };
}

/**
 * Text fields first, then the medium as the file part `fileField` (as platforms' upload endpoints take
 * it: Mastodon's `file`, X's `media`). The length is known from the stored size, so the request carries
 * Content-Length rather than chunked encoding, which some servers refuse for uploads.
 */
export async function multipartBody(
  fields: Readonly<Record<string, string>>,
  fileField: string,
  medium: Pick<PublishMedium, 'mimeType' | 'bytes' | 'open'>,
  fileName: string,
): Promise<MultipartBody> {
  const boundary = `----kadens${randomBytes(12).toString('hex')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = Buffer.from(
    `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${fileName}"\r\nContent-Type: ${medium.mimeType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const file = await medium.open();
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for await (const chunk of file) yield chunk as Buffer;
    yield tail;
  }
  return {
    body: Readable.toWeb(Readable.from(all())) as ReadableStream<Uint8Array>,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + medium.bytes + tail.length),
    },
  };
}

/** The file's stored bytes as a web stream (for a raw binary upload: WordPress, LinkedIn's upload URL). */
export async function fileBody(medium: Pick<PublishMedium, 'open'>): Promise<ReadableStream<Uint8Array>> {
  return Readable.toWeb(await medium.open()) as ReadableStream<Uint8Array>;
}

/** A file name the platform shows nowhere important, from the type: `<id>.jpg`. */
export function uploadFileName(medium: Pick<PublishMedium, 'id' | 'mimeType'>): string {
  const extension = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/webp': 'webp',
    'image/gif': 'gif',
    'video/mp4': 'mp4',
    'video/quicktime': 'mov',
  }[medium.mimeType];
  return `${medium.id}.${extension ?? 'bin'}`;
}

/** Reuses an upload made for this target revision by an earlier attempt, or makes it and remembers it. */
export async function uploadOnce(
  uploads: { find(mediaId: string): Promise<string | null>; remember(mediaId: string, platformMediaId: string): Promise<void> } | undefined,
  medium: Pick<PublishMedium, 'id'>,
  upload: () => Promise<string>,
): Promise<string> {
  const earlier = await uploads?.find(medium.id);
  if (earlier) return earlier;
  const platformMediaId = await upload();
  await uploads?.remember(medium.id, platformMediaId);
  return platformMediaId;
}

/**
 * The stream cut into consecutive pieces of `lengthOf(index)` bytes (whatever is left at the end comes as
 * one shorter piece); at most one piece is held in memory. For platforms that take a file in parts (X's
 * `append` segments, LinkedIn's upload instructions).
 */
export async function* fileSegments(stream: AsyncIterable<unknown>, lengthOf: (index: number) => number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let held = 0;
  let index = 0;
  for await (const chunk of stream) {
    let data = chunk as Buffer;
    while (held + data.length >= lengthOf(index)) {
      const take = lengthOf(index) - held;
      yield Buffer.concat([...pending, data.subarray(0, take)]);
      data = data.subarray(take);
      pending = [];
      held = 0;
      index++;
    }
    if (data.length > 0) {
      pending.push(data);
      held += data.length;
    }
  }
  if (held > 0) yield Buffer.concat(pending);
}
