import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import type TestAgent from 'supertest/lib/agent';

import { StrategyModule } from '../lib/strategy.module';

/** The demo organisations and people, logged in, on a fresh database with the strategy routes. */
export interface StrategyTestApp {
  t: TestApp;
  /** Admin of both Fjordvik and Bølgeby. */
  admin: TestAgent;
  /** Editor in Fjordvik only. */
  editor: TestAgent;
  /** Approver in both; may read the strategy, not edit it. */
  approver: TestAgent;
  /** Viewer in Fjordvik only. */
  viewer: TestAgent;
  fjordvik: string;
  bolgeby: string;
  /** User id by demo e-mail, across both organisations. */
  userIds: Record<string, string>;
  /** `/api/organizations/{organizationId}/{path}`. */
  url(organizationId: string, path: string): string;
}

export async function startStrategyTestApp(): Promise<StrategyTestApp> {
  const t = await createTestApp([StrategyModule]);
  await t.app.get(DemoSeeder).seed();
  const [admin, editor, approver, viewer] = await Promise.all(
    ['admin', 'editor', 'approver', 'viewer'].map((role) => t.loginAs(`${role}@kadens.demo`, DEMO_PASSWORD)),
  );
  if (!admin || !editor || !approver || !viewer) throw new Error('demo login failed');
  const organizations: Array<{ id: string; slug: string }> = await t.db.query(`SELECT id, slug FROM organizations`);
  const idOf = (slug: string) => organizations.find((o) => o.slug === slug)?.id ?? '';
  const users: Array<{ id: string; email: string }> = await t.db.query(`SELECT id, email FROM users`);
  return {
    t,
    admin,
    editor,
    approver,
    viewer,
    fjordvik: idOf('fjordvik'),
    bolgeby: idOf('bolgeby'),
    userIds: Object.fromEntries(users.map((u) => [u.email, u.id])),
    url: (organizationId, path) => `/api/organizations/${organizationId}/${path}`,
  };
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
    await t.db.query(`INSERT INTO post_targets (organization_id, post_id, channel_id) VALUES ($1, $2, $3)`, [organizationId, postId, channelId]);
  }
  for (const audienceId of refs.audienceIds ?? []) {
    await t.db.query(`INSERT INTO post_audiences (organization_id, post_id, audience_id) VALUES ($1, $2, $3)`, [organizationId, postId, audienceId]);
  }
  return postId;
}

/** The fields a 400 names. */
export function fieldsOf(body: { errors?: Array<{ field: string }> }): string[] {
  return (body.errors ?? []).map((error) => error.field);
}
