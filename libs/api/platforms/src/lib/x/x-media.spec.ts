import { FakeX } from '../../testing/fake-x';
import { requestMatching } from '../../testing/fake-http-server';
import { localOutbound } from '../../testing/local-outbound';
import { jpegBytes, memoryUploads, testMedium } from '../../testing/test-media';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import { XAdapter } from './x-adapter';
import { X_SEGMENT_BYTES } from './x-media';

describe('XAdapter media against a fake X API (v2 media upload, STATUS, /2/media/metadata, media.media_ids)', () => {
  const fake = new FakeX();
  const adapter = new XAdapter({ outbound: localOutbound() });
  let connection: ChannelConnection;

  beforeAll(async () => {
    await fake.start();
    connection = { baseUrl: fake.server.baseUrl, credentials: { accessToken: fake.accessToken }, settings: { username: fake.username } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.tweets.length = 0;
    fake.media.length = 0;
    fake.server.received.length = 0;
  });

  let n = 0;
  const request = (media: PublishRequest['media']): PublishRequest => ({
    idempotencyKey: `target-x:${n}`,
    content: { text: `Ny lekeplass åpnet ${n++}`, link: null, mediaUrls: [] },
    connection,
    timeoutMs: 5000,
    media,
  });
  const appends = requestMatching('POST', /\/append$/);

  it('uploads images with their bytes and alt texts and attaches them in order', async () => {
    const first = testMedium(jpegBytes(1), { altText: 'Barn i sklia' });
    const second = testMedium(jpegBytes(2, 7000), { mimeType: 'image/png', altText: 'Ordføreren klipper snoren' });

    const result = await adapter.publish(request([first, second]));

    expect(fake.media.map((m) => ({ type: m.mediaType, category: m.mediaCategory, alt: m.altText, data: fake.dataOf(m) }))).toEqual([
      { type: 'image/jpeg', category: 'tweet_image', alt: 'Barn i sklia', data: jpegBytes(1) },
      { type: 'image/png', category: 'tweet_image', alt: 'Ordføreren klipper snoren', data: jpegBytes(2, 7000) },
    ]);
    expect(fake.tweets).toEqual([expect.objectContaining({ id: result.externalId, mediaIds: fake.media.map((m) => m.id) })]);
  });

  it('sends video in 4 MB segments, polls STATUS until processed, then attaches it', async () => {
    fake.videoProcessingChecks = 2;
    const data = jpegBytes(3, X_SEGMENT_BYTES * 2 + 1234);
    const video = testMedium(data, { mimeType: 'video/mp4', altText: 'Film', durationMs: 20_000 });

    const result = await adapter.publish(request([video]));

    expect(fake.server.received.filter(appends)).toHaveLength(3);
    expect(fake.media[0]?.mediaCategory).toBe('tweet_video');
    expect(fake.dataOf(fake.media[0] as (typeof fake.media)[number]).equals(data)).toBe(true);
    expect(fake.server.requestsTo('GET', /^\/2\/media\/upload$/)).toHaveLength(3);
    expect(fake.tweets[0]).toEqual(expect.objectContaining({ id: result.externalId, mediaIds: [fake.media[0]?.id] }));
  });

  it('reuses an upload an earlier attempt made for the same revision', async () => {
    const uploads = memoryUploads();
    const medium = testMedium(jpegBytes(4), { altText: 'Rådhuset' });
    const publish = request([medium]);
    fake.server.replyNext(requestMatching('POST', /^\/2\/tweets$/), {
      status: 503,
      json: { title: 'Service Unavailable', detail: 'down', type: 'about:blank', status: 503 },
    });

    await expect(adapter.publish({ ...publish, uploads })).rejects.toThrow();
    await adapter.publish({ ...publish, uploads });

    expect(fake.server.requestsTo('POST', /^\/2\/media\/upload\/initialize$/)).toHaveLength(1);
    expect(fake.tweets[0]?.mediaIds).toEqual([fake.media[0]?.id]);
  });

  it('publishes without media as before: no upload, no media field', async () => {
    await adapter.publish(request(undefined));

    expect(fake.server.requestsTo('POST', /^\/2\/media/)).toHaveLength(0);
    expect(fake.server.requestsTo('POST', /^\/2\/tweets$/)[0]?.json).not.toHaveProperty('media');
  });
});
