import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { MEDIA_STORAGE, type MediaStorage } from '@kadens/api/media';
import { FakeMastodon, jpegBytes, requestMatching } from '@kadens/api/platforms/testing';
import { PostsModule } from '@kadens/api/posts';

import { PublishingFixture } from '../../../testing/publishing-fixture';
import { ConnectionsService } from '../../connections/connections.service';
import { PublishingModule } from '../../publishing.module';

/**
 * The pipeline hands the post's media to the adapter: a post with two images in the media library,
 * published to the fake Mastodon, arrives as two uploads with their descriptions, attached to the
 * status in the post's order; a retry after a failure that came after the uploads uploads nothing again.
 */
describe('publishing a post with media to Mastodon against PostgreSQL', () => {
  let t: TestApp;
  let f: PublishingFixture;
  let mediaDir: string;
  const mastodon = new FakeMastodon();
  let channelId: string;

  const settled = async (postId: string, states: string[], timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row]: Array<{ id: string; state: string; external_id: string | null; attempt_count: number; last_error: string | null }> =
        await t.db.query(`SELECT id, state, external_id, attempt_count, last_error FROM post_targets WHERE post_id = $1`, [postId]);
      if (states.includes(row.state)) return row;
      if (Date.now() > deadline) throw new Error(`target did not settle: ${row.state} ${row.last_error}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /** A medium in the library (row and stored file), as an upload would leave it. */
  const storedImage = async (data: Buffer, altText: string, mimeType = 'image/jpeg'): Promise<string> => {
    const id = randomUUID();
    const storageKey = `${f.organizationId}/${id}`;
    await t.app.get<MediaStorage>(MEDIA_STORAGE).put(storageKey, Readable.from([data]), mimeType);
    await t.db.query(
      `INSERT INTO media (id, organization_id, kind, mime_type, file_name, bytes, width, height, alt_text, storage_key)
       VALUES ($1, $2, 'image', $3, $4, $5, 1600, 900, $6, $7)`,
      [id, f.organizationId, mimeType, `${id}.jpg`, data.length, altText, storageKey],
    );
    return id;
  };
  const postWithMedia = async (mediaIds: string[]): Promise<string> => {
    const [post] = await f.approvedPosts(1, new Date(Date.now() + 300), [channelId], 'Dugnad');
    await t.db.query(
      `INSERT INTO post_media (organization_id, post_id, media_id, position) SELECT $1, $2, id, ordinality - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS m(id, ordinality)`,
      [f.organizationId, post, mediaIds],
    );
    return post as string;
  };

  beforeAll(async () => {
    await mastodon.start();
    mediaDir = await mkdtemp(join(tmpdir(), 'kadens-media-publish-'));
    t = await createTestApp([PostsModule, PublishingModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      MEDIA_DIR: mediaDir,
      PUBLISH_DISPATCH_INTERVAL_MS: '100',
      PUBLISH_RECONCILE_INTERVAL_MS: '3600000',
      PUBLISH_LOOKAHEAD_MS: '5000',
      PUBLISH_RETRY_BASE_MS: '100',
      PUBLISH_REQUEST_TIMEOUT_MS: '3000',
      PUBLISH_STUCK_AFTER_MS: '60000',
    });
    f = await new PublishingFixture(t).seed();
    const [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = 'admin@kadens.demo'`);
    [{ id: channelId }] = await t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'mastodon', 'Mastodon') RETURNING id`,
      [f.organizationId],
    );
    await t.app.get(ConnectionsService).storeAuthorized({
      organizationId: f.organizationId,
      channelId,
      actorId: adminId,
      baseUrl: mastodon.server.baseUrl,
      settings: { instanceUrl: mastodon.server.baseUrl },
      credentials: { accessToken: mastodon.accessToken },
      expiresAt: null,
      accountName: `@${mastodon.username}`,
    });
  });

  afterAll(async () => {
    await t?.close();
    await mastodon.stop();
    await rm(mediaDir, { recursive: true, force: true });
  });

  it('uploads both images with their descriptions and attaches them to the status in order', async () => {
    const first = jpegBytes(11, 20_000);
    const second = jpegBytes(12, 30_000);
    const post = await postWithMedia([
      await storedImage(first, 'Barna planter tulipaner'),
      await storedImage(second, 'Foreldre med river'),
    ]);

    const target = await settled(post, ['published', 'failed']);

    expect(target.state).toBe('published');
    const status = mastodon.statuses.find((s) => s.id === target.external_id);
    expect(status?.mediaIds).toHaveLength(2);
    const attached = (status?.mediaIds ?? []).map((id) => mastodon.media.find((m) => m.id === id));
    expect(attached.map((m) => m?.description)).toEqual(['Barna planter tulipaner', 'Foreldre med river']);
    expect(attached.map((m) => m?.data.equals(first) ?? false)).toEqual([true, false]);
    expect(attached[1]?.data.equals(second)).toBe(true);
    expect(attached.every((m) => m?.statusId === status?.id)).toBe(true);
  });

  it('retries a publish that failed after uploading without uploading again', async () => {
    const uploadsBefore = mastodon.media.length;
    mastodon.server.replyNext(requestMatching('POST', /^\/api\/v1\/statuses$/), { status: 503, json: { error: 'Service unavailable' } });
    const post = await postWithMedia([await storedImage(jpegBytes(13), 'Rådhuset i snø')]);

    const target = await settled(post, ['published', 'failed']);

    expect(target.state).toBe('published');
    expect(target.attempt_count).toBe(2);
    expect(mastodon.media.length - uploadsBefore).toBe(1);
    const status = mastodon.statuses.find((s) => s.id === target.external_id);
    expect(status?.mediaIds).toEqual([mastodon.media[mastodon.media.length - 1]?.id]);
    const remembered = await t.db.query(`SELECT platform_media_id FROM target_media_uploads WHERE target_id = $1`, [target.id]);
    expect(remembered).toEqual([{ platform_media_id: status?.mediaIds[0] }]);
  });
});
