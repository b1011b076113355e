import { randomBytes } from 'node:crypto';

import { requestMatching } from '../../testing/fake-http-server';
import { FakeLinkedIn } from '../../testing/fake-linkedin';
import { type FakeLinkedInVideo, FakeLinkedInVideos } from '../../testing/fake-linkedin-videos';
import { localOutbound } from '../../testing/local-outbound';
import { jpegBytes, memoryUploads, testMedium } from '../../testing/test-media';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import { PlatformInvalidContentError } from '../platform-errors';
import { LinkedInAdapter } from './linkedin-adapter';

describe('LinkedInAdapter media against a fake Posts/Images/Videos API (initializeUpload, PUT, finalizeUpload, content.media / multiImage)', () => {
  const fake = new FakeLinkedIn();
  const adapter = new LinkedInAdapter({ outbound: localOutbound() });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = {
      baseUrl,
      credentials: { accessToken: fake.accessToken },
      settings: { authorUrn: `urn:li:organization:${fake.organizationId}` },
    };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.posts.length = 0;
    fake.images.length = 0;
    fake.videos.clear();
    fake.videos.processingReads = 1;
    fake.videos.failProcessing = false;
    fake.server.received.length = 0;
  });

  let n = 0;
  const request = (media: PublishRequest['media']): PublishRequest => ({
    idempotencyKey: `target-li:${n}`,
    content: { text: `Vi ansetter lærere ${n++}`, link: null, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
    media,
  });

  it('uploads one image and posts it as content.media with its alt text', async () => {
    const image = testMedium(jpegBytes(1), { altText: 'Lærer med elever i klasserommet' });

    await adapter.publish(request([image]));

    expect(fake.images).toEqual([
      {
        urn: expect.stringMatching(/^urn:li:image:/),
        owner: `urn:li:organization:${fake.organizationId}`,
        data: jpegBytes(1),
        contentType: 'image/jpeg',
      },
    ]);
    expect(fake.posts[0]?.images).toEqual([{ urn: fake.images[0]?.urn, altText: 'Lærer med elever i klasserommet' }]);
    expect(fake.server.requestsTo('POST', /^\/rest\/posts$/)[0]?.json).toHaveProperty('content.media');
  });

  it('posts several images as content.multiImage, in order, each with its alt text', async () => {
    const media = [
      testMedium(jpegBytes(2), { altText: 'Skolegården' }),
      testMedium(jpegBytes(3, 5000), { mimeType: 'image/png', altText: 'Biblioteket' }),
    ];

    await adapter.publish(request(media));

    expect(fake.images.map((image) => image.data)).toEqual([jpegBytes(2), jpegBytes(3, 5000)]);
    expect(fake.posts[0]?.images).toEqual([
      { urn: fake.images[0]?.urn, altText: 'Skolegården' },
      { urn: fake.images[1]?.urn, altText: 'Biblioteket' },
    ]);
  });

  it('uploads a video in the parts initializeUpload names, finalizes it with their ETags, waits until AVAILABLE, then posts it', async () => {
    const file = randomBytes(9 * 1024 * 1024 + 5);
    const video = testMedium(file, { mimeType: 'video/mp4', durationMs: 12_000 });
    fake.videos.processingReads = 2;

    await adapter.publish(request([video]));

    const [uploaded] = fake.videos.videos;
    expect(uploaded?.owner).toBe(`urn:li:organization:${fake.organizationId}`);
    expect(uploaded?.parts.map((part) => part.data?.length)).toEqual([4_194_304, 4_194_304, 1_048_581]);
    expect(FakeLinkedInVideos.bytesOf(uploaded as FakeLinkedInVideo).equals(file)).toBe(true);
    const finalize = fake.server.requestsTo('POST', /^\/rest\/videos$/).find((call) => call.query.get('action') === 'finalizeUpload');
    expect(finalize?.json).toEqual({
      finalizeUploadRequest: { video: uploaded?.urn, uploadToken: '', uploadedPartIds: uploaded?.parts.map((part) => part.etag) },
    });
    expect(fake.server.requestsTo('GET', /^\/rest\/videos\//)).toHaveLength(3);
    expect(fake.posts[0]?.video).toBe(uploaded?.urn);
    expect(fake.server.requestsTo('POST', /^\/rest\/posts$/)[0]?.json).toMatchObject({ content: { media: { id: uploaded?.urn } } });
  });

  it('refuses a video LinkedIn could not process, naming the medium, and posts nothing', async () => {
    fake.videos.failProcessing = true;
    const video = testMedium(randomBytes(1000), { id: 'b0a1c2d3-0000-4000-8000-000000000002', mimeType: 'video/mp4' });

    const error = await adapter.publish(request([video])).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PlatformInvalidContentError);
    expect((error as Error).message).toContain('b0a1c2d3-0000-4000-8000-000000000002');
    expect(fake.posts).toHaveLength(0);
  });

  it('reuses the video of an earlier attempt for the same revision: no second upload', async () => {
    const uploads = memoryUploads();
    const publish = { ...request([testMedium(randomBytes(5000), { mimeType: 'video/mp4' })]), uploads };
    fake.server.replyNext(requestMatching('POST', /^\/rest\/posts$/), { status: 503, json: { status: 503, message: 'down' } });

    await expect(adapter.publish(publish)).rejects.toThrow();
    await adapter.publish(publish);

    expect(fake.videos.videos).toHaveLength(1);
    expect(fake.server.requestsTo('PUT', /^\/dms-uploads\/videos\//)).toHaveLength(1);
    expect(fake.posts[0]?.video).toBe(fake.videos.videos[0]?.urn);
  });

  it('reuses the images of an earlier attempt for the same revision', async () => {
    const uploads = memoryUploads();
    const publish = { ...request([testMedium(jpegBytes(5), { altText: 'Rådhuset' })]), uploads };
    fake.server.replyNext(requestMatching('POST', /^\/rest\/posts$/), { status: 503, json: { status: 503, message: 'down' } });

    await expect(adapter.publish(publish)).rejects.toThrow();
    await adapter.publish(publish);

    expect(fake.server.requestsTo('PUT', /^\/dms-uploads\//)).toHaveLength(1);
    expect(fake.posts[0]?.images).toEqual([{ urn: fake.images[0]?.urn, altText: 'Rådhuset' }]);
  });

  it('publishes without media as before: no upload, no content', async () => {
    await adapter.publish(request(undefined));

    expect(fake.images).toHaveLength(0);
    expect(fake.server.requestsTo('POST', /^\/rest\/posts$/)[0]?.json).not.toHaveProperty('content');
  });
});
