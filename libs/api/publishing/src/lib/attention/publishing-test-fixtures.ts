import type { TestApp } from '@kadens/api/core/testing';
import { OrganizationsModule } from '@kadens/api/organizations';
import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';
import type { Platform, PostState, TargetState } from '@kadens/shared/contracts';

import { PublishingModule } from '../publishing.module';

/** The demo organisations and people on a fresh database with the publishing routes (API role only: nothing is dispatched). */
export type PublishingTestApp = DemoTestApp;

export function startPublishingTestApp(): Promise<PublishingTestApp> {
  return startDemoTestApp([OrganizationsModule, PublishingModule], { APP_ROLES: 'api' });
}

let channelCount = 0;

export async function insertChannel(t: TestApp, organizationId: string, platform: Platform = 'mastodon'): Promise<string> {
  channelCount += 1;
  const [row]: Array<{ id: string }> = await t.db.query(
    `INSERT INTO channels (organization_id, platform, name) VALUES ($1, $2, $3) RETURNING id`,
    [organizationId, platform, `${platform} ${channelCount}`],
  );
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
  const [theme]: Array<{ id: string }> = await t.db.query(
    `INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Drift ' || gen_random_uuid(), '#1e88e5') RETURNING id`,
    [organizationId],
  );
  const [contentType]: Array<{ id: string }> = await t.db.query(
    `SELECT id FROM content_types WHERE organization_id = $1 ORDER BY key LIMIT 1`,
    [organizationId],
  );
  const [post]: Array<{ id: string }> = await t.db.query(
    `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, author_id, revision_author_id, state, planned_at)
     VALUES ($1, $2, 'Body', $3, $4, $5, $5, $6, $7) RETURNING id`,
    [
      organizationId,
      fixture.title ?? 'Vinterbrøyting',
      contentType?.id,
      theme?.id,
      fixture.authorId,
      fixture.postState ?? 'approved',
      fixture.plannedAt ?? '2031-01-01T09:00:00Z',
    ],
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
