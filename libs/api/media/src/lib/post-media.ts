import type { MediaView } from '@kadens/shared/contracts';
import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { MEDIA_COLUMNS, type MediaRow, toMediaView } from './media-rows';

/**
 * The media a post shows, in order (`post_media`, owned by this library). The posts library uses it on
 * its own EntityManager, so reads and writes join the caller's transaction:
 * `new PostMedia(tx).replace(organizationId, postId, mediaIds)`.
 */
export class PostMedia {
  constructor(private readonly manager: EntityManager) {}

  /** The media of a post, in the post's order. */
  async ofPost(organizationId: string, postId: string): Promise<MediaView[]> {
    const rows: MediaRow[] = await this.manager.query(
      `SELECT ${MEDIA_COLUMNS} FROM post_media pm JOIN media m ON m.id = pm.media_id
        WHERE pm.organization_id = $1 AND pm.post_id = $2 ORDER BY pm.position`,
      [organizationId, postId],
    );
    return rows.map(toMediaView);
  }

  /**
   * The organisation's media with these ids, in the given order; an id that is not the organisation's
   * (or appears twice) is a 400 naming `mediaIds.<index>`.
   */
  async resolve(organizationId: string, mediaIds: readonly string[]): Promise<MediaView[]> {
    if (mediaIds.length === 0) return [];
    const rows: MediaRow[] = await this.manager.query(
      `SELECT ${MEDIA_COLUMNS} FROM media m WHERE m.organization_id = $1 AND m.id = ANY($2::uuid[])`,
      [organizationId, [...mediaIds]],
    );
    const byId = new Map(rows.map((row) => [row.id, toMediaView(row)]));
    return mediaIds.map((id, index) => {
      const medium = byId.get(id);
      const problem = !medium ? 'unknown medium' : mediaIds.indexOf(id) !== index ? 'is already attached to this post' : null;
      if (problem || !medium) {
        const field = `mediaIds.${index}`;
        throw new BadRequestException({
          message: `${field}: ${problem}`,
          code: 'validation_failed',
          errors: [{ field, messages: [problem] }],
        });
      }
      return medium;
    });
  }

  /** Makes the post show exactly these media, in this order. */
  async replace(organizationId: string, postId: string, mediaIds: readonly string[]): Promise<void> {
    await this.manager.query(`DELETE FROM post_media WHERE organization_id = $1 AND post_id = $2`, [organizationId, postId]);
    if (mediaIds.length === 0) return;
    await this.manager.query(
      `INSERT INTO post_media (organization_id, post_id, media_id, position)
       SELECT $1, $2, id, ordinality - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS t(id, ordinality)`,
      [organizationId, postId, [...mediaIds]],
    );
  }
}
