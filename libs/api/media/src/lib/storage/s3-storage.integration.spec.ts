// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver.d.ts" />
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

import S3rver from '@20minutes/s3rver';
import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';
import sharp from 'sharp';

import { MediaModule } from '../media.module';
import { MEDIA_STORAGE, type MediaStorage, MediaNotStoredError } from './media-storage';
import { S3Storage } from './s3-storage';

/** The S3 backend against s3rver, a local S3-compatible server started here (no Docker, no network). */
describe('S3-compatible media storage', () => {
  let server: S3rver;
  let dir: string;
  let endpoint: string;
  const bucket = 'kadens-media';
  const settings = () => ({
    bucket,
    endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kadens-s3-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
    const address = (await server.run()) as AddressInfo;
    endpoint = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('streams a multipart upload in, reads it back, deletes it', async () => {
    const storage = new S3Storage(settings());
    const key = '5a1f8a43-7b0b-4d3f-9a55-0c4b9f0e1a11/0b2b7d0e-1f7b-4a6a-8b5d-3f2f6f6e2c22';
    // 12 MB in 1 MB pieces: three parts of lib-storage's multipart upload.
    const piece = Buffer.alloc(1024 * 1024, 'k');
    await storage.put(
      key,
      Readable.from(
        (function* () {
          for (let i = 0; i < 12; i++) yield piece;
        })(),
      ),
      'video/mp4',
    );
    const back = await text(await storage.get(key));
    expect(back.length).toBe(12 * 1024 * 1024);
    expect(back.startsWith('kkkk')).toBe(true);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(MediaNotStoredError);
    storage.close();
  });

  it('is what the API stores into when MEDIA_S3_BUCKET is set', async () => {
    let demo: DemoTestApp | undefined;
    try {
      demo = await startDemoTestApp([MediaModule], {
        MEDIA_S3_BUCKET: bucket,
        MEDIA_S3_ENDPOINT: endpoint,
        MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
        MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
        MEDIA_DIR: dir,
      });
      expect(demo.t.app.get<MediaStorage>(MEDIA_STORAGE).kind).toBe('s3');
      const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
        .jpeg()
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSMapDatum: 'KADENS-GPS-DATUM' } })
        .toBuffer();
      const uploaded = await demo.editor
        .post(demo.url(demo.fjordvik, 'media'))
        .attach('file', photo, 'bilde.jpg')
        .field('altText', 'Grønn flate');
      expect(uploaded.status).toBe(201);
      const content = await demo.editor
        .get(demo.url(demo.fjordvik, `media/${uploaded.body.id}/content`))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(content.status).toBe(200);
      const bytes = content.body as Buffer;
      expect(bytes.includes('KADENS-GPS-DATUM')).toBe(false);
      expect((await sharp(bytes).metadata()).width).toBe(64);
      const direct = new S3Storage(settings());
      expect((await text(await direct.get(`${demo.fjordvik}/${uploaded.body.id}.thumb`))).length).toBeGreaterThan(0);
      expect((await demo.editor.delete(demo.url(demo.fjordvik, `media/${uploaded.body.id}`))).status).toBe(204);
      await expect(direct.get(`${demo.fjordvik}/${uploaded.body.id}`)).rejects.toBeInstanceOf(MediaNotStoredError);
      direct.close();
    } finally {
      await demo?.t.close();
    }
  });
});
