import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

import { FakeBluesky } from '../../testing/fake-bluesky';
import { requestMatching } from '../../testing/fake-http-server';
import { localOutbound } from '../../testing/local-outbound';
import { jpegBytes, memoryUploads, testMedium } from '../../testing/test-media';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import { PlatformInvalidContentError } from '../platform-errors';
import { BlueskyAdapter } from './bluesky-adapter';

/** A picture of random pixels (nothing for a compressor to find): `channels` 4 gives it transparency. */
async function noise(width: number, height: number, channels: 3 | 4): Promise<Buffer> {
  const pixels = randomBytes(width * height * channels);
  if (channels === 4) for (let i = 3; i < pixels.length; i += 4) pixels[i] = i % 7 === 0 ? 0 : 255;
  const image = sharp(pixels, { raw: { width, height, channels } });
  return channels === 4 ? image.png({ compressionLevel: 1 }).toBuffer() : image.jpeg({ quality: 95 }).toBuffer();
}

describe('BlueskyAdapter media against a fake PDS (uploadBlob, app.bsky.embed.images / .video)', () => {
  const fake = new FakeBluesky();
  let adapter: BlueskyAdapter;
  let connection: ChannelConnection;

  beforeAll(async () => {
    const pdsUrl = await fake.start();
    connection = { credentials: { identifier: fake.handle, appPassword: fake.appPassword }, settings: { pdsUrl } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    adapter = new BlueskyAdapter({ outbound: localOutbound() });
    fake.records.clear();
    fake.blobs.length = 0;
    fake.server.received.length = 0;
  });

  const request = (media: PublishRequest['media'], idempotencyKey = 'target-b:1'): PublishRequest => ({
    idempotencyKey,
    content: { text: 'Vårdugnad i barnehagen', link: null, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
    media,
  });
  const uploads = requestMatching('POST', /uploadBlob$/);

  it('uploads each image as a blob and embeds them with alt text and aspect ratio (valid against the lexicon)', async () => {
    const first = testMedium(jpegBytes(1), { altText: 'Barn med spader', width: 1600, height: 900 });
    const second = testMedium(jpegBytes(2, 6000), { mimeType: 'image/png', altText: 'Nyplantet bed', width: 800, height: 800 });

    await adapter.publish(request([first, second]));

    expect(fake.blobs.map((blob) => ({ mimeType: blob.mimeType, data: blob.data }))).toEqual([
      { mimeType: 'image/jpeg', data: jpegBytes(1) },
      { mimeType: 'image/png', data: jpegBytes(2, 6000) },
    ]);
    const [record] = [...fake.records.values()];
    expect(record?.value['embed']).toEqual({
      $type: 'app.bsky.embed.images',
      images: [
        {
          image: expect.objectContaining({ ref: { $link: fake.blobs[0]?.cid } }),
          alt: 'Barn med spader',
          aspectRatio: { width: 1600, height: 900 },
        },
        {
          image: expect.objectContaining({ ref: { $link: fake.blobs[1]?.cid } }),
          alt: 'Nyplantet bed',
          aspectRatio: { width: 800, height: 800 },
        },
      ],
    });
  });

  it('embeds one MP4 video as app.bsky.embed.video with its alt text', async () => {
    const video = testMedium(jpegBytes(3), {
      mimeType: 'video/mp4',
      altText: 'Film fra åpningen',
      width: 1920,
      height: 1080,
      durationMs: 9000,
    });

    await adapter.publish(request([video]));

    const [record] = [...fake.records.values()];
    expect(record?.value['embed']).toEqual({
      $type: 'app.bsky.embed.video',
      video: expect.objectContaining({ mimeType: 'video/mp4', ref: { $link: fake.blobs[0]?.cid } }),
      alt: 'Film fra åpningen',
      aspectRatio: { width: 1920, height: 1080 },
    });
  });

  it('makes a phone-sized photo small enough for the lexicon: a JPEG of at most 1,000,000 bytes, 2,000 px, its aspect ratio', async () => {
    const photo = await noise(3000, 2000, 3);
    expect(photo.length).toBeGreaterThan(1_000_000);
    const medium = testMedium(photo, { altText: 'Skolegården i sol', width: 3000, height: 2000 });

    await adapter.publish(request([medium]));

    const [blob] = fake.blobs;
    expect(blob?.mimeType).toBe('image/jpeg');
    expect(blob?.data.length).toBeLessThanOrEqual(1_000_000);
    const facts = await sharp(blob?.data).metadata();
    expect([facts.format, facts.width, facts.height]).toEqual(['jpeg', 2000, 1333]);
    const [record] = [...fake.records.values()];
    expect(record?.value['embed']).toEqual({
      $type: 'app.bsky.embed.images',
      images: [
        {
          image: expect.objectContaining({ size: blob?.data.length }),
          alt: 'Skolegården i sol',
          aspectRatio: { width: 2000, height: 1333 },
        },
      ],
    });
  });

  it('keeps transparency when it makes an image smaller (WebP), and a small image as it is', async () => {
    const logo = await noise(1400, 1400, 4);
    expect(logo.length).toBeGreaterThan(1_000_000);
    const small = testMedium(jpegBytes(9), { altText: 'Liten' });

    await adapter.publish(request([testMedium(logo, { mimeType: 'image/png', altText: 'Logo', width: 1400, height: 1400 }), small]));

    expect(fake.blobs.map((blob) => blob.mimeType)).toEqual(['image/webp', 'image/jpeg']);
    const facts = await sharp(fake.blobs[0]?.data).metadata();
    expect([facts.format, facts.hasAlpha, (fake.blobs[0]?.data.length ?? Infinity) <= 1_000_000]).toEqual(['webp', true, true]);
    expect(fake.blobs[1]?.data).toEqual(jpegBytes(9));
  });

  it('refuses, before uploading, an image over the lexicon’s 1,000,000 bytes it cannot read to make smaller, naming the medium', async () => {
    const large = testMedium(jpegBytes(4, 1_000_001), { id: 'a3f0c2de-0000-4000-8000-000000000001', altText: 'Stort bilde' });

    const error = await adapter.publish(request([large])).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PlatformInvalidContentError);
    expect((error as Error).message).toContain('a3f0c2de-0000-4000-8000-000000000001');
    expect(fake.server.received.filter(uploads)).toHaveLength(0);
  });

  it('reuses the blobs of an earlier attempt for the same revision', async () => {
    const memory = memoryUploads();
    const medium = testMedium(jpegBytes(5), { altText: 'Rådhuset' });
    fake.server.replyNext(requestMatching('POST', /createRecord$/), { status: 503, json: { error: 'Unavailable', message: 'down' } });

    await expect(adapter.publish({ ...request([medium]), uploads: memory })).rejects.toThrow();
    await adapter.publish({ ...request([medium]), uploads: memory });

    expect(fake.server.received.filter(uploads)).toHaveLength(1);
    expect(fake.records.size).toBe(1);
  });

  it('publishes without media as before: no upload, no embed', async () => {
    await adapter.publish(request(undefined));

    expect(fake.server.received.filter(uploads)).toHaveLength(0);
    expect([...fake.records.values()][0]?.value['embed']).toBeUndefined();
  });
});
