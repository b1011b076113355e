import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MediaModule } from '@kadens/api/media';
import { NotificationsModule } from '@kadens/api/notifications';
import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';
import { PostsModule } from '@kadens/api/posts';
import type { MediaView } from '@kadens/shared/contracts';
import sharp from 'sharp';

import { ApprovalsModule } from './approvals.module';

/** Posts with media of the library (issue 12): order, platform media rules, alt text before submit, 409 on delete. */
describe('post media against PostgreSQL', () => {
  let demo: DemoTestApp;
  const ids: Record<string, string> = {};
  const media = (path = '') => demo.url(demo.fjordvik, `media${path}`);

  beforeAll(async () => {
    demo = await startDemoTestApp([MediaModule, PostsModule, NotificationsModule, ApprovalsModule], {
      APP_ROLES: 'api',
      MEDIA_DIR: join(tmpdir(), `kadens-post-media-${process.pid}`),
    });
    const insert = async (table: string, values: Record<string, unknown>) => {
      const columns = Object.keys(values);
      const [row]: Array<{ id: string }> = await demo.t.db.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        Object.values(values),
      );
      return row?.id ?? '';
    };
    ids['theme'] = await insert('themes', { organization_id: demo.fjordvik, name: 'Barnehage', color: '#1e88e5' });
    ids['x'] = await insert('channels', { organization_id: demo.fjordvik, platform: 'x', name: 'X @fjordvik' });
    ids['mastodon'] = await insert('channels', { organization_id: demo.fjordvik, platform: 'mastodon', name: 'Mastodon' });
    const [news]: Array<{ id: string }> = await demo.t.db.query(
      `SELECT id FROM content_types WHERE organization_id = $1 AND key = 'news'`,
      [demo.fjordvik],
    );
    ids['news'] = news?.id ?? '';
    for (const [key, altText, color] of [
      ['photo', 'Barn som bygger snømann', '#c33'],
      ['logo', '', '#33c'],
    ] as const) {
      const image = await sharp({ create: { width: 120, height: 80, channels: 3, background: color } })
        .jpeg()
        .toBuffer();
      const uploaded = await demo.editor.post(media()).attach('file', image, `${key}.jpg`).field('altText', altText);
      expect(uploaded.status).toBe(201);
      ids[key] = uploaded.body.id;
    }
    // A video as the library stores it (the upload itself is tested in libs/api/media).
    ids['video'] = await insert('media', {
      id: '6f1c1d2e-9a47-4c55-8e1a-0b3c7d9e2f10',
      organization_id: demo.fjordvik,
      kind: 'video',
      mime_type: 'video/mp4',
      file_name: 'film.mp4',
      bytes: 1000,
      width: 1280,
      height: 720,
      duration_ms: 9_500,
      storage_key: `${demo.fjordvik}/6f1c1d2e-9a47-4c55-8e1a-0b3c7d9e2f10`,
    });
  });
  afterAll(() => demo?.t.close());

  it('carries media in order; refuses broken media rules and foreign media; alt text before submit; 409 on delete', async () => {
    const post = {
      title: 'Vinter i barnehagen',
      body: 'Se hva barna laget i dag!',
      contentTypeId: ids['news'],
      themeId: ids['theme'],
      plannedAt: '2027-01-12T09:00:00Z',
      targets: [{ channelId: ids['x'] }, { channelId: ids['mastodon'] }],
    };
    const posts = demo.url(demo.fjordvik, 'posts');
    const mixed = await demo.editor.post(posts).send({ ...post, mediaIds: [ids['photo'], ids['video']] });
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe('media_rules');
    expect(mixed.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'mediaIds', rule: 'media.mixed_kinds', channelId: ids['x'] }),
        expect.objectContaining({ field: 'mediaIds', rule: 'media.mixed_kinds', channelId: ids['mastodon'] }),
      ]),
    );
    const foreign = await demo.editor.post(posts).send({ ...post, mediaIds: [ids['photo'], '00000000-0000-4000-8000-000000000000'] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('mediaIds.1');
    const twice = await demo.editor.post(posts).send({ ...post, mediaIds: [ids['photo'], ids['photo']] });
    expect(twice.body.errors[0].field).toBe('mediaIds.1');

    const created = await demo.editor.post(posts).send({ ...post, mediaIds: [ids['logo'], ids['photo']] });
    expect(created.status).toBe(201);
    expect(created.body.mediaIds).toEqual([ids['logo'], ids['photo']]);
    expect(created.body.media.map((m: MediaView) => m.altText)).toEqual(['', 'Barn som bygger snømann']);
    const postId = created.body.id as string;
    expect((await demo.viewer.get(`${posts}/${postId}`)).body.mediaIds).toEqual([ids['logo'], ids['photo']]);

    const submit = await demo.editor.post(`${posts}/${postId}/submit`).send({});
    expect(submit.status).toBe(422);
    expect(submit.body).toMatchObject({ code: 'alt_text_required', errors: [{ field: 'mediaIds.0', mediaId: ids['logo'] }] });
    expect(submit.body.message).toContain('logo.jpg');

    const reordered = await demo.editor.patch(`${posts}/${postId}`).send({ mediaIds: [ids['photo']] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.mediaIds).toEqual([ids['photo']]);
    expect(reordered.body.revision).toBe(2);
    expect((await demo.editor.post(`${posts}/${postId}/submit`).send({})).status).toBe(200);

    const refused = await demo.editor.delete(media(`/${ids['photo']}`));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'media_in_use',
      errors: [
        { field: 'id', post: { id: postId, title: 'Vinter i barnehagen', plannedAt: '2027-01-12T09:00:00.000Z', state: 'in_review' } },
      ],
    });
    expect(refused.body.message).toContain('Vinter i barnehagen');
    expect((await demo.editor.delete(media(`/${ids['logo']}`))).status).toBe(204);
  });
});
