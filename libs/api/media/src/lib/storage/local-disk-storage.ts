import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { type MediaStorage, MediaNotStoredError } from './media-storage';

/** Files under one directory (`MEDIA_DIR`, default `./.data/media`); a write lands under a temporary name first. */
export class LocalDiskStorage implements MediaStorage {
  readonly kind = 'local' as const;

  constructor(private readonly root: string) {}

  async put(key: string, body: Readable): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.${Date.now()}.part`;
    try {
      await pipeline(body, createWriteStream(partial));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw new MediaNotStoredError(key);
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    const root = resolve(this.root);
    const path = resolve(root, ...key.split('/'));
    if (!path.startsWith(root + sep) || !/^[0-9a-f-]+\/[0-9a-f-]+(\.thumb)?$/.test(key)) throw new Error(`Not a media key: ${key}`);
    return join(path);
  }
}
