import type { ResultMetric, ResultNumbers } from '@kadens/shared/contracts';
import type { DataSource } from 'typeorm';

const COLUMN: Record<ResultMetric, string> = {
  views: 'views',
  reach: 'reach',
  reactions: 'reactions',
  comments: 'comments',
  shares: 'shares',
  clicks: 'clicks',
  saves: 'saves',
  videoViews: 'video_views',
};

export interface PublishedPostSpec {
  organizationId: string;
  authorId: string;
  title: string;
  themeId: string;
  contentTypeId: string;
  initiativeId?: string | null;
  audienceIds?: string[];
  /** The instant it went out, and the organisation's local day of it (as the results engine fixes it). */
  publishedAt: string;
  publishedOn: string;
  targets: Array<{ channelId: string; latest?: ResultNumbers; manual?: ResultNumbers; demo?: boolean }>;
}

/**
 * A published post with one target_results row per channel, written straight to the tables the results
 * engine and the demo seeder fill (rollup_pending set, as they leave it). Returns the target ids in order.
 */
export async function insertPublishedPost(db: DataSource, spec: PublishedPostSpec): Promise<{ postId: string; targetIds: string[] }> {
  const [post]: Array<{ id: string }> = await db.query(
    `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, initiative_id, planned_at, author_id, state)
     VALUES ($1, $2, 'Body', $3, $4, $5, $6, $7, 'approved') RETURNING id`,
    [spec.organizationId, spec.title, spec.contentTypeId, spec.themeId, spec.initiativeId ?? null, spec.publishedAt, spec.authorId],
  );
  const postId = post?.id as string;
  for (const audienceId of spec.audienceIds ?? []) {
    await db.query(`INSERT INTO post_audiences (organization_id, post_id, audience_id) VALUES ($1, $2, $3)`, [
      spec.organizationId,
      postId,
      audienceId,
    ]);
  }
  const targetIds: string[] = [];
  for (const target of spec.targets) {
    const [row]: Array<{ id: string }> = await db.query(
      `INSERT INTO post_targets (organization_id, post_id, channel_id, state, published_at, external_url)
       VALUES ($1, $2, $3, 'published', $4, $5) RETURNING id`,
      [spec.organizationId, postId, target.channelId, spec.publishedAt, `https://example.org/${postId}/${target.channelId}`],
    );
    const targetId = row?.id as string;
    targetIds.push(targetId);
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const [prefix, numbers] of [
      ['', target.latest ?? {}],
      ['manual_', target.manual ?? {}],
    ] as const) {
      for (const [metric, value] of Object.entries(numbers) as Array<[ResultMetric, number]>) {
        columns.push(`${prefix}${COLUMN[metric]}`);
        values.push(value);
      }
    }
    const fixed = [targetId, spec.organizationId, postId, target.channelId, spec.publishedAt, spec.publishedOn, target.demo ?? false];
    await db.query(
      `INSERT INTO target_results (target_id, organization_id, post_id, channel_id, published_at, published_on, demo, collected_at${
        target.manual ? ', manual_at' : ''
      }${columns.map((c) => `, ${c}`).join('')})
       VALUES ($1, $2, $3, $4, $5, $6, $7, now()${target.manual ? ', now()' : ''}${columns.map((_, i) => `, $${i + 8}`).join('')})`,
      [...fixed, ...values],
    );
  }
  return { postId, targetIds };
}
