import type { MediaKind, MediaMimeType, MediaView } from '@kadens/shared/contracts';
import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const MEDIA_COLUMNS = `m.id, m.organization_id, m.kind, m.mime_type, m.file_name, m.bytes, m.width, m.height, m.duration_ms,
  m.alt_text, m.storage_key, m.thumbnail_key, m.created_at`;

export interface MediaRow {
  id: string;
  organization_id: string;
  kind: MediaKind;
  mime_type: MediaMimeType;
  file_name: string;
  bytes: string | number;
  width: number;
  height: number;
  duration_ms: number | null;
  alt_text: string;
  storage_key: string;
  thumbnail_key: string | null;
  created_at: Date;
}

export function toMediaView(row: MediaRow): MediaView {
  const base = `/api/organizations/${row.organization_id}/media/${row.id}/content`;
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mime_type,
    fileName: row.file_name,
    bytes: Number(row.bytes),
    width: row.width,
    height: row.height,
    ...(row.duration_ms !== null ? { durationMs: row.duration_ms } : {}),
    altText: row.alt_text,
    thumbnailUrl: row.thumbnail_key ? `${base}?variant=thumbnail` : null,
    contentUrl: base,
    createdAt: row.created_at.toISOString(),
  };
}

export async function loadMediaRow(manager: EntityManager, organizationId: string, mediaId: string): Promise<MediaRow> {
  const [row]: MediaRow[] = await manager.query(`SELECT ${MEDIA_COLUMNS} FROM media m WHERE m.organization_id = $1 AND m.id = $2`, [
    organizationId,
    mediaId,
  ]);
  if (!row) throw new NotFoundException({ message: 'Media not found', code: 'media_not_found' });
  return row;
}
