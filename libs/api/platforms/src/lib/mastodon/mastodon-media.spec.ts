import { requestMatching } from '../../testing/fake-http-server';
import { FakeMastodon } from '../../testing/fake-mastodon';
import { localOutbound } from '../../testing/local-outbound';
import { jpegBytes, memoryUploads, testMedium } from '../../testing/test-media';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import { MastodonAdapter } from './mastodon-adapter';

describe('MastodonAdapter media against a fake instance (POST /api/v2/media, processing poll, media_ids)', () => {
  const fake = new FakeMastodon();
  const adapter = new MastodonAdapter({ outbound: localOutbound() });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const instanceUrl = await fake.start();
    connection = { credentials: { accessToken: fake.accessToken }, settings: { instanceUrl } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.statuses.length = 0;
    fake.media.length = 0;
    fake.server.received.length = 0;
    fake.processingPolls = 0;
  });

  const request = (media: PublishRequest['media'], idempotencyKey = 'target-m:1'): PublishRequest => ({
    idempotencyKey,
    content: { text: 'Bilder fra dugnaden', link: null, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
    media,
  });

  it('uploads each medium with its bytes and description, then attaches them in order', async () => {
    const first = testMedium(jpegBytes(1), { altText: 'Barn som planter tulipaner' });
    const second = testMedium(jpegBytes(2, 9000), { mimeType: 'image/png', altText: 'Foreldre med river' });

    const result = await adapter.publish(request([first, second]));

    expect(fake.media.map((m) => ({ description: m.description, mimeType: m.mimeType, data: m.data }))).toEqual([
      { description: 'Barn som planter tulipaner', mimeType: 'image/jpeg', data: jpegBytes(1) },
      { description: 'Foreldre med river', mimeType: 'image/png', data: jpegBytes(2, 9000) },
    ]);
    expect(fake.statuses).toEqual([expect.objectContaining({ id: result.externalId, mediaIds: fake.media.map((m) => m.id) })]);
    expect(fake.media.every((m) => m.statusId === result.externalId)).toBe(true);
  });

  it('polls GET /api/v1/media/:id while the instance answers 206, and attaches only when processed', async () => {
    fake.processingPolls = 2;
    const video = testMedium(jpegBytes(3), { mimeType: 'video/mp4', altText: 'Film fra åpningen', durationMs: 4000 });

    const result = await adapter.publish(request([video]));

    expect(fake.server.requestsTo('GET', /^\/api\/v1\/media\//)).toHaveLength(3);
    expect(fake.statuses[0]).toEqual(expect.objectContaining({ id: result.externalId, mediaIds: [fake.media[0]?.id] }));
  });

  it('reuses the uploads of an earlier attempt for the same revision: a retry uploads nothing again', async () => {
    const uploads = memoryUploads();
    const medium = testMedium(jpegBytes(4), { altText: 'Rådhuset i snø' });
    fake.server.replyNext(requestMatching('POST', /^\/api\/v1\/statuses$/), { status: 503, json: { error: 'Service unavailable' } });

    await expect(adapter.publish({ ...request([medium]), uploads })).rejects.toThrow();
    const result = await adapter.publish({ ...request([medium]), uploads });

    expect(fake.server.requestsTo('POST', /^\/api\/v2\/media$/)).toHaveLength(1);
    expect(fake.statuses[0]?.mediaIds).toEqual([uploads.remembered.get(medium.id)]);
    expect(result.externalId).toBe(fake.statuses[0]?.id);
  });

  it('publishes without media as before: no upload, no media_ids', async () => {
    await adapter.publish(request(undefined));

    expect(fake.server.requestsTo('POST', /^\/api\/v2\/media$/)).toHaveLength(0);
    expect(fake.statuses[0]?.mediaIds).toEqual([]);
    expect(fake.statuses[0]?.content).toBe('Bilder fra dugnaden');
  });
});
