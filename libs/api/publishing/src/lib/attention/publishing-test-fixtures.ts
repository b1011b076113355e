import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder, OrganizationsModule } from '@kadens/api/organizations';
import type { Platform, PostState, TargetState } from '@kadens/shared/contracts';
import type TestAgent from 'supertest/lib/agent';

import { PublishingModule } from '../publishing.module';

/** The demo organisations and people on a fresh database with the publishing routes (API role only: nothing is dispatched). */
export interface PublishingTestApp {
  t: TestApp;
  /** Admin of both Fjordvik and Bølgeby. */
  admin: TestAgent;
  /** Editor in Fjordvik only. */
  editor: TestAgent;
  /** Approver in both. */
  approver: TestAgent;
  /** Viewer in Fjordvik only. */
  viewer: TestAgent;
  fjordvik: string;
  bolgeby: string;
  userIds: Record<string, string>;
  /** `/api/organizations/{organizationId}/{path}`. */
  url(organizationId: string, path: string): string;
}

export async function startPublishingTestApp(): Promise<PublishingTestApp> {
  const t = await createTestApp([OrganizationsModule, PublishingModule], { APP_ROLES: 'api' });
  await t.app.get(DemoSeeder).seed();
  const [admin, editor, approver, viewer] = await Promise.all(['admin', 'editor', 'approver', 'viewer'].map((role) => t.loginAs(`${role}@kadens.demo`, DEMO_PASSWORD)));
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

let channelCount = 0;

export async function insertChannel(t: TestApp, organizationId: string, platform: Platform = 'mastodon'): Promise<string> {
  channelCount += 1;
  const [row]: Array<{ id: string }> = await t.db.query(`INSERT INTO channels (organization_id, platform, name) VALUES ($1, $2, $3) RETURNING id`, [
    organizationId,
    platform,
    `${platform} ${channelCount}`,
  ]);
  return row?.id ?? '';
}

export interface TargetFixture {
  organizationId: string;
  channelId: string;
  authorId: string;
  state: TargetState;
  postState?: PostState;
  /** Far ahead by default, so nothing is ever due during a test. */
  plannedAt?: string;
  title?: string;
  lastError?: { kind: string; message: string };
}

/** A post with one target in the given delivery state, written straight to the tables. */
export async function insertTarget(t: TestApp, fixture: TargetFixture): Promise<{ postId: string; targetId: string }> {
  const { organizationId } = fixture;
  const [theme]: Array<{ id: string }> = await t.db.query(`INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Drift ' || gen_random_uuid(), '#1e88e5') RETURNING id`, [organizationId]);
  const [contentType]: Array<{ id: string }> = await t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 ORDER BY key LIMIT 1`, [organizationId]);
  const [post]: Array<{ id: string }> = await t.db.query(
    `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, author_id, revision_author_id, state, planned_at)
     VALUES ($1, $2, 'Body', $3, $4, $5, $5, $6, $7) RETURNING id`,
    [organizationId, fixture.title ?? 'Vinterbrøyting', contentType?.id, theme?.id, fixture.authorId, fixture.postState ?? 'approved', fixture.plannedAt ?? '2031-01-01T09:00:00Z'],
  );
  const [target]: Array<{ id: string }> = await t.db.query(
    `INSERT INTO post_targets (organization_id, post_id, channel_id, state, last_error_kind, last_error) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [organizationId, post?.id, fixture.channelId, fixture.state, fixture.lastError?.kind ?? null, fixture.lastError?.message ?? null],
  );
  return { postId: post?.id ?? '', targetId: target?.id ?? '' };
}

/** The fields a 400 names. */
export function fieldsOf(body: { errors?: Array<{ field: string }> }): string[] {
  return (body.errors ?? []).map((error) => error.field);
}
