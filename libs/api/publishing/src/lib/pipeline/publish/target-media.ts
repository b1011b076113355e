import type { MediaService } from '@kadens/api/media';
import type { MediaUploads, PublishMedium } from '@kadens/api/platforms';
import type { EntityManager } from 'typeorm';

interface TargetMediumRow {
  target_id: string;
  organization_id: string;
  id: string;
  kind: 'image' | 'video';
  mime_type: string;
  bytes: string;
  width: number;
  height: number;
  duration_ms: number | null;
  alt_text: string;
}

/**
 * The media of the claimed targets' posts, in each post's order: one statement for the whole claim
 * batch (read in the claim's transaction, so they are the media of the revision just claimed).
 */
export async function readTargetMedia(tx: EntityManager, targetIds: readonly string[]): Promise<Map<string, TargetMediumRow[]>> {
  const byTarget = new Map<string, TargetMediumRow[]>();
  if (targetIds.length === 0) return byTarget;
  const rows: TargetMediumRow[] = await tx.query(
    `SELECT t.id AS target_id, t.organization_id, m.id, m.kind, m.mime_type, m.bytes, m.width, m.height, m.duration_ms, m.alt_text
       FROM post_targets t
       JOIN post_media pm ON pm.organization_id = t.organization_id AND pm.post_id = t.post_id
       JOIN media m ON m.id = pm.media_id
      WHERE t.id = ANY($1::uuid[])
      ORDER BY t.id, pm.position`,
    [[...targetIds]],
  );
  for (const row of rows) byTarget.set(row.target_id, [...(byTarget.get(row.target_id) ?? []), row]);
  return byTarget;
}

/** The rows as the adapters take them: facts, and the stored file or a signed URL on demand (nothing is read before). */
export function handOverMedia(rows: readonly TargetMediumRow[] | undefined, media: MediaService): PublishMedium[] {
  return (rows ?? []).map((row) => ({
    id: row.id,
    kind: row.kind,
    mimeType: row.mime_type,
    bytes: Number(row.bytes),
    width: row.width,
    height: row.height,
    durationMs: row.duration_ms,
    altText: row.alt_text,
    open: async () => (await media.content(row.organization_id, row.id, 'original')).stream,
    signedUrl: () => media.signedUrl(row.organization_id, row.id, 'original'),
  }));
}

/**
 * `target_media_uploads` for one target revision: what the platform already holds, so a retry of the
 * same revision attaches it again instead of uploading twice. Written outside the claim's transaction,
 * as soon as each upload succeeds.
 */
export function targetMediaUploads(db: EntityManager, targetId: string, revision: number): MediaUploads {
  return {
    async find(mediaId) {
      const [row]: Array<{ platform_media_id: string }> = await db.query(
        `SELECT platform_media_id FROM target_media_uploads WHERE target_id = $1 AND revision = $2 AND media_id = $3`,
        [targetId, revision, mediaId],
      );
      return row?.platform_media_id ?? null;
    },
    async remember(mediaId, platformMediaId) {
      await db.query(
        `INSERT INTO target_media_uploads (target_id, revision, media_id, platform_media_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (target_id, revision, media_id) DO UPDATE SET platform_media_id = EXCLUDED.platform_media_id`,
        [targetId, revision, mediaId, platformMediaId],
      );
    },
  };
}
