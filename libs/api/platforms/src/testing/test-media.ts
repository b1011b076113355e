import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

import type { MediaUploads, PublishMedium } from '../lib/platform-adapter';

/** A medium as the pipeline hands it over, from bytes in memory; `signedUrl` answers the given URL. */
export function testMedium(
  data: Buffer,
  facts: Partial<Omit<PublishMedium, 'open' | 'signedUrl' | 'bytes'>> & { signedUrl?: string } = {},
): PublishMedium & { opened: number } {
  const id = facts.id ?? randomUUID();
  const medium = {
    id,
    kind: facts.kind ?? (facts.mimeType?.startsWith('video/') ? 'video' : 'image'),
    mimeType: facts.mimeType ?? 'image/jpeg',
    bytes: data.length,
    width: facts.width ?? 1200,
    height: facts.height ?? 800,
    durationMs: facts.durationMs ?? null,
    altText: facts.altText ?? '',
    opened: 0,
    open: async () => {
      medium.opened++;
      return Readable.from([data]);
    },
    signedUrl: async () => facts.signedUrl ?? `https://kadens.example/api/media/signed/${id}.o.9999999999.sig`,
  } satisfies PublishMedium & { opened: number };
  return medium;
}

/** Bytes that look like a small JPEG (its markers), different per seed, with a NUL and high bytes to catch text decoding. */
export function jpegBytes(seed: number, length = 4096): Buffer {
  const data = Buffer.alloc(length);
  for (let i = 0; i < length; i++) data[i] = (i * 31 + seed * 17) % 256;
  data[0] = 0xff;
  data[1] = 0xd8;
  data[length - 2] = 0xff;
  data[length - 1] = 0xd9;
  return data;
}

/** The pipeline's memory of uploads for one target revision, in memory. */
export function memoryUploads(): MediaUploads & { remembered: Map<string, string> } {
  const remembered = new Map<string, string>();
  return {
    remembered,
    find: async (mediaId) => remembered.get(mediaId) ?? null,
    remember: async (mediaId, platformMediaId) => {
      remembered.set(mediaId, platformMediaId);
    },
  };
}
