import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { readdir, rm, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';

import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import type { MediaPage, MediaView } from '@kadens/shared/contracts';
import { ConflictException, Inject, Injectable, NotFoundException, type OnModuleInit, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { MediaQueryDto } from './media.dto';
import { loadMediaRow, MEDIA_COLUMNS, type MediaRow, toMediaView } from './media-rows';
import { type MediaVariant, MediaUrlSigner } from './signing/media-url-signer';
import { MEDIA_STORAGE, type MediaStorage, MediaNotStoredError } from './storage/media-storage';
import { ImageProcessingError, processImage, THUMBNAIL_MIME_TYPE } from './upload/process-image';
import { probeVideo, VideoProbeError } from './upload/probe-video';
import { receiveUpload } from './upload/receive-upload';

export interface MediaContent {
  stream: Readable;
  mimeType: string;
  /** Known for the stored original (sent as Content-Length), not for the thumbnail. */
  bytes?: number;
}

/** Uploads older than this in MEDIA_DIR/.tmp were left by a process that stopped mid-upload. */
const STALE_UPLOAD_MS = 6 * 3600_000;

@Injectable()
export class MediaService implements OnModuleInit {
  private readonly signer: MediaUrlSigner;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {
    this.signer = new MediaUrlSigner(db.manager);
  }

  /** Removes what a stopped process left in the temporary directory (never a running upload: only old files). */
  async onModuleInit(): Promise<void> {
    const tmpDir = join(this.config.media.dir, '.tmp');
    const names = await readdir(tmpDir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(tmpDir, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_UPLOAD_MS) await rm(path, { force: true });
    }
  }

  /**
   * Receives an upload into a temporary file, then: images are re-encoded without metadata and with the
   * orientation applied, and get a thumbnail; videos are probed for size and duration. The results are
   * streamed into storage and the row written last, so a failure leaves no row without its file.
   */
  async upload(organizationId: string, userId: string, request: IncomingMessage): Promise<MediaView> {
    const tmpDir = join(this.config.media.dir, '.tmp');
    const received = await receiveUpload(request, { ...this.config.media, tmpDir });
    const id = randomUUID();
    const storageKey = `${organizationId}/${id}`;
    const processed = `${received.path}.processed`;
    const thumbnail = `${received.path}.thumb`;
    const stored: string[] = [];
    try {
      let facts: { width: number; height: number; bytes: number; durationMs: number | null };
      let thumbnailKey: string | null = null;
      if (received.kind === 'image') {
        const image = await processImage(received.path, processed, thumbnail, received.mimeType);
        facts = { ...image, durationMs: null };
        await this.storage.put(storageKey, createReadStream(processed), received.mimeType);
        stored.push(storageKey);
        thumbnailKey = `${storageKey}.thumb`;
        await this.storage.put(thumbnailKey, createReadStream(thumbnail), THUMBNAIL_MIME_TYPE);
        stored.push(thumbnailKey);
      } else {
        const video = await probeVideo(received.path);
        facts = { ...video, bytes: received.bytes };
        await this.storage.put(storageKey, createReadStream(received.path), received.mimeType);
        stored.push(storageKey);
      }
      const [row]: MediaRow[] = await this.db.query(
        `INSERT INTO media (id, organization_id, kind, mime_type, file_name, bytes, width, height, duration_ms, alt_text, storage_key, thumbnail_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING ${MEDIA_COLUMNS.replace(/m\./g, '')}`,
        [
          id,
          organizationId,
          received.kind,
          received.mimeType,
          received.fileName,
          facts.bytes,
          facts.width,
          facts.height,
          facts.durationMs,
          received.altText,
          storageKey,
          thumbnailKey,
          userId,
        ],
      );
      return toMediaView(row as MediaRow);
    } catch (error) {
      await Promise.all(stored.map((key) => this.storage.delete(key).catch(() => undefined)));
      if (error instanceof ImageProcessingError || error instanceof VideoProbeError) {
        throw new UnprocessableEntityException({
          message: `file: cannot be read as ${received.mimeType} (${error.message})`,
          code: 'unreadable_media',
          errors: [{ field: 'file', messages: [`cannot be read as ${received.mimeType}`] }],
        });
      }
      throw error;
    } finally {
      await Promise.all([received.path, processed, thumbnail].map((path) => rm(path, { force: true })));
    }
  }

  async list(organizationId: string, query: MediaQueryDto): Promise<MediaPage> {
    const search = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const where = `m.organization_id = $1 AND ($2::text IS NULL OR m.alt_text ILIKE $2 OR m.file_name ILIKE $2) AND ($3::text IS NULL OR m.kind = $3)`;
    const params = [organizationId, search, query.kind ?? null];
    const [rows, counted] = await Promise.all([
      this.db.query(`SELECT ${MEDIA_COLUMNS} FROM media m WHERE ${where} ORDER BY m.created_at DESC, m.id LIMIT $4 OFFSET $5`, [
        ...params,
        query.limit ?? 50,
        query.offset ?? 0,
      ]) as Promise<MediaRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM media m WHERE ${where}`, params) as Promise<Array<{ total: number }>>,
    ]);
    return { items: rows.map(toMediaView), total: counted[0]?.total ?? 0 };
  }

  async get(organizationId: string, mediaId: string): Promise<MediaView> {
    return toMediaView(await loadMediaRow(this.db.manager, organizationId, mediaId));
  }

  async updateAltText(organizationId: string, mediaId: string, altText: string): Promise<MediaView> {
    await loadMediaRow(this.db.manager, organizationId, mediaId);
    await this.db.query(`UPDATE media SET alt_text = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      mediaId,
      altText.trim(),
    ]);
    return this.get(organizationId, mediaId);
  }

  async content(organizationId: string, mediaId: string, variant: MediaVariant): Promise<MediaContent> {
    return this.open(await loadMediaRow(this.db.manager, organizationId, mediaId), variant);
  }

  /** Refused (409, naming them) while any post uses the medium; the posts must drop it first. */
  async remove(organizationId: string, mediaId: string): Promise<void> {
    const row = await this.db.transaction(async (tx) => {
      const locked = await loadMediaRow(tx, organizationId, mediaId);
      await tx.query(`SELECT id FROM media WHERE id = $1 FOR UPDATE`, [mediaId]);
      const posts: Array<{ id: string; title: string; planned_at: Date | null; state: string }> = await tx.query(
        `SELECT p.id, p.title, p.planned_at, p.state FROM post_media pm JOIN posts p ON p.id = pm.post_id
          WHERE pm.organization_id = $1 AND pm.media_id = $2 ORDER BY p.planned_at NULLS LAST, p.title`,
        [organizationId, mediaId],
      );
      if (posts.length > 0) {
        // One error per post: `post` carries what the web needs to link to it.
        throw new ConflictException({
          message: `id: the medium is used by ${posts.map((post) => `“${post.title}”`).join(', ')}; remove it from those posts first`,
          code: 'media_in_use',
          errors: posts.map((post) => ({
            field: 'id',
            messages: [`used by the post “${post.title}”`],
            post: { id: post.id, title: post.title, plannedAt: post.planned_at?.toISOString() ?? null, state: post.state },
          })),
        });
      }
      await tx.query(`DELETE FROM media WHERE organization_id = $1 AND id = $2`, [organizationId, mediaId]);
      return locked;
    });
    await Promise.all(
      [row.storage_key, row.thumbnail_key].filter((key): key is string => key !== null).map((key) => this.storage.delete(key)),
    );
  }

  /**
   * A URL under PUBLIC_URL that serves the medium without a session until it expires (platforms that
   * fetch media by URL: Instagram, Facebook; the webhook's payload). The adapters call this.
   */
  async signedUrl(organizationId: string, mediaId: string, variant: MediaVariant = 'original', ttlSeconds?: number): Promise<string> {
    await loadMediaRow(this.db.manager, organizationId, mediaId);
    const expiresAt = Math.floor(Date.now() / 1000) + (ttlSeconds ?? this.config.media.signedUrlTtlSeconds);
    return `${this.config.publicUrl}/api/media/signed/${await this.signer.sign({ mediaId, variant, expiresAt })}`;
  }

  /** The medium a valid signed token names; 404 for a bad, expired or orphaned token (no hint which). */
  async signedContent(token: string): Promise<MediaContent> {
    const claim = await this.signer.verify(token);
    const [row]: MediaRow[] = claim ? await this.db.query(`SELECT ${MEDIA_COLUMNS} FROM media m WHERE m.id = $1`, [claim.mediaId]) : [];
    if (!claim || !row) throw new NotFoundException({ message: 'Media not found or link expired', code: 'media_not_found' });
    return this.open(row, claim.variant);
  }

  private async open(row: MediaRow, variant: MediaVariant): Promise<MediaContent> {
    const key = variant === 'thumbnail' ? row.thumbnail_key : row.storage_key;
    if (!key) throw new NotFoundException({ message: 'This medium has no thumbnail', code: 'media_not_found' });
    try {
      const stream = await this.storage.get(key);
      return variant === 'thumbnail'
        ? { stream, mimeType: THUMBNAIL_MIME_TYPE }
        : { stream, mimeType: row.mime_type, bytes: Number(row.bytes) };
    } catch (error) {
      if (error instanceof MediaNotStoredError)
        throw new NotFoundException({ message: 'The stored file is missing', code: 'media_not_stored' });
      throw error;
    }
  }
}
