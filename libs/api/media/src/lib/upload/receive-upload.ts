import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { randomUUID } from 'node:crypto';

import type { MediaKind, MediaMimeType } from '@kadens/shared/contracts';
import { BadRequestException, HttpException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import Busboy from 'busboy';

import { SNIFF_BYTES, sniffMediaType } from './sniff-type';

export const MAX_ALT_TEXT = 5000;

export interface UploadLimits {
  maxImageBytes: number;
  maxVideoBytes: number;
  /** Where the upload is written while it arrives (removed by the caller). */
  tmpDir: string;
}

export interface ReceivedUpload {
  path: string;
  fileName: string;
  mimeType: MediaMimeType;
  kind: MediaKind;
  bytes: number;
  altText: string;
}

const error = (status: number, field: string, message: string, code: string): HttpException => {
  const body = { message: `${field}: ${message}`, code, errors: [{ field, messages: [message] }] };
  if (status === 413) return new PayloadTooLargeException(body);
  if (status === 415) return new UnsupportedMediaTypeException(body);
  if (status === 400) return new BadRequestException(body);
  return new HttpException(body, status);
};

/**
 * Reads a multipart upload (field `file`, optional `altText`) straight to a temporary file: the type
 * is told from the first bytes as they arrive, the size is counted on the way and the upload refused
 * as soon as it passes its type's limit. Nothing is buffered beyond busboy's and the file stream's
 * small chunks. A refused upload is still read to its end (and thrown away), so the client gets the
 * answer instead of a broken pipe.
 */
export async function receiveUpload(request: IncomingMessage, limits: UploadLimits): Promise<ReceivedUpload> {
  if (!String(request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    throw error(415, 'file', 'send multipart/form-data with the file in the field "file"', 'unsupported_media_type');
  }
  await mkdir(limits.tmpDir, { recursive: true });
  const path = join(limits.tmpDir, `${randomUUID()}.upload`);
  let busboy: Busboy.Busboy;
  try {
    busboy = Busboy({
      headers: request.headers,
      limits: {
        files: 1,
        fields: 5,
        parts: 8,
        fieldSize: MAX_ALT_TEXT * 4,
        fileSize: Math.max(limits.maxImageBytes, limits.maxVideoBytes) + 1,
      },
    });
  } catch {
    throw error(400, 'file', 'the multipart body cannot be read (boundary missing)', 'malformed_body');
  }

  return new Promise<ReceivedUpload>((resolve, reject) => {
    let failure: HttpException | null = null;
    let writing: Promise<void> | null = null;
    let file: Omit<ReceivedUpload, 'altText' | 'path'> | null = null;
    let altText = '';
    const fail = (problem: HttpException) => (failure ??= problem);

    busboy.on('file', (name, stream, info) => {
      if (name !== 'file' || writing) {
        stream.resume();
        fail(
          error(
            400,
            name === 'file' ? 'file' : name,
            name === 'file' ? 'send one file per upload' : 'unexpected file; send it as "file"',
            'validation_failed',
          ),
        );
        return;
      }
      const gate = new UploadGate(limits);
      writing = copyDraining(stream, gate, path)
        .then(() => {
          if (!gate.detected) throw error(400, 'file', 'is empty', 'validation_failed');
          file = { fileName: cleanFileName(info.filename), mimeType: gate.detected.mimeType, kind: gate.detected.kind, bytes: gate.bytes };
        })
        .catch((problem: unknown) => {
          fail(problem instanceof HttpException ? problem : error(400, 'file', 'the upload broke off', 'upload_incomplete'));
        });
    });
    busboy.on('field', (name, value, info) => {
      if (name !== 'altText') return void fail(error(400, name, 'unknown field; send file and altText', 'validation_failed'));
      if (info.valueTruncated || value.length > MAX_ALT_TEXT)
        return void fail(error(400, 'altText', `must be at most ${MAX_ALT_TEXT} characters`, 'validation_failed'));
      altText = value.trim();
    });
    busboy.on('filesLimit', () => fail(error(400, 'file', 'send one file per upload', 'validation_failed')));
    busboy.on('partsLimit', () => fail(error(400, 'file', 'too many parts; send file and altText', 'validation_failed')));
    busboy.on('error', () => {
      fail(error(400, 'file', 'the multipart body cannot be read', 'malformed_body'));
      finish();
    });
    busboy.on('close', () => finish());

    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      void (async () => {
        await writing;
        if (!failure && !file) fail(error(400, 'file', 'is required', 'validation_failed'));
        if (failure || !file) {
          await rm(path, { force: true });
          request.unpipe(busboy);
          request.resume();
          return reject(failure);
        }
        resolve({ ...file, path, altText });
      })();
    };
    request.pipe(busboy);
  });
}

/**
 * `source → gate → file`, like `pipeline` — except that on an error the source is not destroyed but
 * drained: busboy waits for a destroyed part stream forever, and the request would never end.
 */
function copyDraining(source: Readable, gate: UploadGate, path: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    let stopped = false;
    const stop = (problem: unknown) => {
      if (stopped) return;
      stopped = true;
      source.unpipe(gate);
      gate.unpipe(out);
      out.destroy();
      source.resume();
      reject(problem);
    };
    source.on('error', stop);
    gate.on('error', stop);
    out.on('error', stop);
    out.on('close', () => {
      if (!stopped) resolve();
    });
    source.pipe(gate).pipe(out);
  });
}

/** Tells the type from the first bytes and counts the rest against the type's limit. */
class UploadGate extends Transform {
  detected: ReturnType<typeof sniffMediaType> = null;
  bytes = 0;
  private head: Buffer[] = [];
  private headBytes = 0;

  constructor(private readonly limits: UploadLimits) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (!this.detected) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < SNIFF_BYTES) return done();
      const head = Buffer.concat(this.head);
      this.head = [];
      this.detected = sniffMediaType(head);
      if (!this.detected) return done(unsupported());
      chunk = head;
    }
    const limit = this.detected.kind === 'image' ? this.limits.maxImageBytes : this.limits.maxVideoBytes;
    if (this.bytes > limit) {
      return done(
        error(
          413,
          'file',
          `a${this.detected.kind === 'image' ? 'n image' : ' video'} may be at most ${Math.floor(limit / 1024 / 1024)} MB`,
          'file_too_large',
        ),
      );
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (!this.detected && this.headBytes > 0) {
      this.detected = sniffMediaType(Buffer.concat(this.head));
      if (!this.detected) return done(unsupported());
      this.push(Buffer.concat(this.head));
    }
    done();
  }
}

const unsupported = () =>
  error(
    415,
    'file',
    'is not a JPEG, PNG, WebP or GIF image, nor an MP4 or MOV video (told from its content, not its name)',
    'unsupported_media_type',
  );

/** The name as uploaded, for search only: no path, no control characters, at most 255 characters. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'upload';
}
