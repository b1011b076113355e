import type { Readable } from 'node:stream';

/**
 * Where media files live: one interface, two backends (local disk, S3-compatible). Keys are
 * `<organizationId>/<mediaId>[.thumb]`; the backends never see names people chose.
 */
export interface MediaStorage {
  readonly kind: 'local' | 's3';
  /** Stores a stream under `key` (replacing it), streaming: the body is never held whole in memory. */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The stored bytes as a stream; throws MediaNotStoredError when there is no such key. */
  get(key: string): Promise<Readable>;
  /** Removes the key; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

export class MediaNotStoredError extends Error {
  constructor(readonly key: string) {
    super(`No stored media under ${key}`);
  }
}
