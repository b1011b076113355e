import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';
import type { MediaView } from '@kadens/shared/contracts';
import sharp from 'sharp';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';

import { mp4Bytes } from '../testing/mp4-fixture';
import { MediaModule } from './media.module';
import { MediaService } from './media.service';

/** A 300 × 200 red JPEG whose EXIF says "rotate 90° clockwise" and carries a GPS position. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Copyright: 'Kadens test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 54/1 30/1', GPSMapDatum: 'KADENS-GPS-DATUM' },
    })
    .toBuffer();
}

const binary = (response: Response): Buffer => response.body as Buffer;
const readBinary = (request: ReturnType<TestAgent['get']>) =>
  request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('media library against PostgreSQL', () => {
  let demo: DemoTestApp;
  let dir: string;
  const ids: Record<string, string> = {};
  const media = (path = '') => demo.url(demo.fjordvik, `media${path}`);
  const upload = (agent: TestAgent, file: Buffer, name: string, altText?: string, organizationId = demo.fjordvik) => {
    const request = agent.post(demo.url(organizationId, 'media')).attach('file', file, name);
    return altText === undefined ? request : request.field('altText', altText);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kadens-media-'));
    demo = await startDemoTestApp([MediaModule], {
      MEDIA_DIR: dir,
      MEDIA_MAX_IMAGE_MB: '1',
      MEDIA_MAX_VIDEO_MB: '2',
      APP_ROLES: 'api',
      PUBLIC_URL: 'https://kadens.example',
      COOKIE_SECURE: 'false',
    });
  });
  afterAll(async () => {
    await demo?.t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('strips the GPS position and applies the orientation; the type comes from the content, not the name', async () => {
    const original = await photoWithGps();
    expect(original.includes('KADENS-GPS-DATUM')).toBe(true);
    const response = await upload(demo.editor, original, 'barnehagen.png', 'Barn som bygger snømann');
    expect(response.status).toBe(201);
    const view = response.body as MediaView;
    expect(view).toMatchObject({
      kind: 'image',
      mimeType: 'image/jpeg',
      fileName: 'barnehagen.png',
      width: 200,
      height: 300,
      altText: 'Barn som bygger snømann',
    });
    expect(view.durationMs).toBeUndefined();
    expect(view.thumbnailUrl).toBe(`/api/organizations/${demo.fjordvik}/media/${view.id}/content?variant=thumbnail`);
    ids['photo'] = view.id;

    const stored = await readBinary(demo.editor.get(media(`/${view.id}/content`)));
    expect(stored.status).toBe(200);
    expect(stored.headers['content-type']).toBe('image/jpeg');
    const bytes = binary(stored);
    expect(bytes.includes('KADENS-GPS-DATUM')).toBe(false);
    expect(bytes.includes('Kadens test')).toBe(false);
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([200, 300]);
    expect(view.bytes).toBe(bytes.length);

    const thumbnail = await readBinary(demo.viewer.get(`${view.thumbnailUrl}`));
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect((await sharp(binary(thumbnail)).metadata()).height).toBe(300);
  });

  it('refuses what is not an image or video, files over the limit, and unknown fields — naming the field', async () => {
    const text = await upload(demo.editor, Buffer.from('just some text, pretending to be a photo'), 'photo.jpg');
    expect(text.status).toBe(415);
    expect(text.body.errors).toEqual([{ field: 'file', messages: [expect.stringMatching(/not a JPEG/)] }]);

    const noise = await sharp(Buffer.from(Array.from({ length: 900 * 900 * 3 }, () => Math.floor(Math.random() * 256))), {
      raw: { width: 900, height: 900, channels: 3 },
    })
      .jpeg({ quality: 100 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(1024 * 1024);
    const large = await upload(demo.editor, noise, 'noise.jpg');
    expect(large.status).toBe(413);
    expect(large.body.errors[0].field).toBe('file');

    const missing = await demo.editor.post(media()).field('altText', 'Uten fil');
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('file');

    const json = await demo.editor.post(media()).send({ file: 'x' });
    expect(json.status).toBe(415);

    // Multipart is let through the cross-site guard on this route only, and only from Kadens' own pages.
    const crossSite = await upload(demo.editor, await photoWithGps(), 'a.jpg').set('Origin', 'https://evil.example');
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.code).toBe('cross_site_request');
    const elsewhere = await demo.editor.patch(media(`/${ids['photo']}`)).attach('file', Buffer.from('x'), 'a.jpg');
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.body.errors[0].field).toBe('body');
  });

  it('reads the size and duration of a video from its header', async () => {
    const response = await upload(demo.editor, mp4Bytes({ width: 1280, height: 720, durationMs: 9_500, mdatBytes: 200_000 }), 'film.mp4');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      width: 1280,
      height: 720,
      durationMs: 9_500,
      thumbnailUrl: null,
    });
    ids['video'] = response.body.id;
    const big = await upload(demo.editor, mp4Bytes({ width: 1, height: 1, durationMs: 1, mdatBytes: 3 * 1024 * 1024 }), 'stor.mov');
    expect(big.status).toBe(413);
  });

  it('lists, searches and pages; edits the alt text', async () => {
    const second = await upload(
      demo.editor,
      await sharp({ create: { width: 40, height: 40, channels: 4, background: '#00f8' } })
        .png()
        .toBuffer(),
      'logo.png',
    );
    expect(second.status).toBe(201);
    ids['logo'] = second.body.id;
    const all = await demo.viewer.get(media('?limit=2'));
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((m: MediaView) => m.id)).toEqual([ids['logo'], ids['video']]);
    const byAlt = await demo.viewer.get(media('?q=snømann'));
    expect(byAlt.body.items.map((m: MediaView) => m.id)).toEqual([ids['photo']]);
    const byName = await demo.viewer.get(media('?q=LOGO&kind=image'));
    expect(byName.body.items.map((m: MediaView) => m.id)).toEqual([ids['logo']]);
    expect((await demo.viewer.get(media('?limit=500'))).body.errors[0].field).toBe('limit');

    const patched = await demo.editor.patch(media(`/${ids['logo']}`)).send({ altText: '  Kommunevåpenet  ' });
    expect(patched.status).toBe(200);
    expect(patched.body.altText).toBe('Kommunevåpenet');
    expect((await demo.editor.patch(media(`/${ids['logo']}`)).send({ altText: 'a'.repeat(5001) })).body.errors[0].field).toBe('altText');
    expect((await demo.editor.get(media(`/${ids['logo']}`))).body.altText).toBe('Kommunevåpenet');
  });

  it('lets viewers look but not upload; other organisations see nothing', async () => {
    expect((await upload(demo.viewer, await photoWithGps(), 'a.jpg')).status).toBe(403);
    expect((await demo.viewer.patch(media(`/${ids['photo']}`)).send({ altText: 'x' })).status).toBe(403);
    // The editor is not a member of Bølgeby; the admin of both must not reach Fjordvik's medium through Bølgeby.
    expect((await upload(demo.editor, await photoWithGps(), 'a.jpg', undefined, demo.bolgeby)).status).toBe(404);
    expect((await demo.admin.get(demo.url(demo.bolgeby, `media/${ids['photo']}`))).status).toBe(404);
    expect((await demo.admin.get(demo.url(demo.bolgeby, `media/${ids['photo']}/content`))).status).toBe(404);
    expect((await demo.admin.delete(demo.url(demo.bolgeby, `media/${ids['photo']}`))).status).toBe(404);
    expect((await demo.admin.get(demo.url(demo.bolgeby, 'media'))).body.total).toBe(0);
  });

  it('serves a signed, expiring URL under PUBLIC_URL without a session', async () => {
    const service = demo.t.app.get(MediaService);
    const url = await service.signedUrl(demo.fjordvik, ids['photo'] as string);
    expect(url.startsWith('https://kadens.example/api/media/signed/')).toBe(true);
    const path = url.slice('https://kadens.example'.length);
    const fetched = await readBinary(demo.t.anonymous().get(path));
    expect(fetched.status).toBe(200);
    expect(fetched.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(binary(fetched)).metadata()).width).toBe(200);

    const forged = path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await demo.t.anonymous().get(forged)).status).toBe(404);
    const expired = await service.signedUrl(demo.fjordvik, ids['photo'] as string, 'original', -1);
    expect((await demo.t.anonymous().get(expired.slice('https://kadens.example'.length))).status).toBe(404);
    expect((await demo.t.anonymous().get('/api/media/signed/nonsense')).status).toBe(404);
  });

  it('deletes a medium no post uses, file and thumbnail with it', async () => {
    expect((await demo.viewer.delete(media(`/${ids['logo']}`))).status).toBe(403);
    expect((await demo.editor.delete(media(`/${ids['logo']}`))).status).toBe(204);
    expect((await demo.editor.get(media(`/${ids['logo']}`))).status).toBe(404);
    expect((await demo.editor.get(media(`/${ids['logo']}/content`))).status).toBe(404);
    expect((await demo.editor.delete(media(`/${ids['logo']}`))).status).toBe(404);
  });
});
