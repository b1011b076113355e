import type { TestApp } from '@kadens/api/core/testing';
import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';

import { StrategyModule } from '../lib/strategy.module';

/** The demo organisations and people, logged in, on a fresh database with the strategy routes. */
export type StrategyTestApp = DemoTestApp;

export function startStrategyTestApp(): Promise<StrategyTestApp> {
  return startDemoTestApp([StrategyModule]);
}

/** What makes a strategy item "in use": a post, written straight to the tables (posts have their own module). */
export interface PostReferences {
  organizationId: string;
  authorId: string;
  themeId: string;
  initiativeId?: string;
  channelIds?: string[];
  audienceIds?: string[];
}

export async function insertPost(t: TestApp, refs: PostReferences): Promise<string> {
  const { organizationId } = refs;
  const [contentType]: Array<{ id: string }> = await t.db.query(
    `INSERT INTO content_types (organization_id, name) VALUES ($1, 'News ' || gen_random_uuid()) RETURNING id`,
    [organizationId],
  );
  const [post]: Array<{ id: string }> = await t.db.query(
    `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, initiative_id, author_id)
     VALUES ($1, 'A post', 'Body', $2, $3, $4, $5) RETURNING id`,
    [organizationId, contentType?.id, refs.themeId, refs.initiativeId ?? null, refs.authorId],
  );
  const postId = post?.id ?? '';
  for (const channelId of refs.channelIds ?? []) {
    await t.db.query(`INSERT INTO post_targets (organization_id, post_id, channel_id) VALUES ($1, $2, $3)`, [
      organizationId,
      postId,
      channelId,
    ]);
  }
  for (const audienceId of refs.audienceIds ?? []) {
    await t.db.query(`INSERT INTO post_audiences (organization_id, post_id, audience_id) VALUES ($1, $2, $3)`, [
      organizationId,
      postId,
      audienceId,
    ]);
  }
  return postId;
}

/** The fields a 400 names. */
export function fieldsOf(body: { errors?: Array<{ field: string }> }): string[] {
  return (body.errors ?? []).map((error) => error.field);
}
