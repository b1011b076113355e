import { FakeFacebook } from '../../testing/fake-facebook';
import { requestMatching } from '../../testing/fake-http-server';
import { localOutbound } from '../../testing/local-outbound';
import { jpegBytes, memoryUploads, testMedium } from '../../testing/test-media';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import { PlatformInvalidContentError } from '../platform-errors';
import { FacebookAdapter } from './facebook-adapter';

const SIGNED = 'https://kadens.example/api/media/signed';

describe('FacebookAdapter media against a fake Graph API (photos from signed URLs, attached_media, videos)', () => {
  const fake = new FakeFacebook();
  const adapter = new FacebookAdapter({ outbound: localOutbound() });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = { baseUrl, credentials: { accessToken: fake.accessToken }, settings: { pageId: fake.pageId } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.posts.length = 0;
    fake.photos.length = 0;
    fake.videos.length = 0;
    fake.server.received.length = 0;
  });

  let n = 0;
  const request = (media: PublishRequest['media']): PublishRequest => ({
    idempotencyKey: `target-fb:${n}`,
    content: { text: `Åpen dag på brannstasjonen ${n++}`, link: null, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
    media,
  });

  it('has Facebook fetch each image from its signed URL, unpublished with its alt text, then attaches them to one post', async () => {
    const first = testMedium(jpegBytes(1), { altText: 'Brannbil med stige', signedUrl: `${SIGNED}/a.o.1.sig` });
    const second = testMedium(jpegBytes(2), { altText: 'Barn prøver hjelm', signedUrl: `${SIGNED}/b.o.1.sig` });

    const result = await adapter.publish(request([first, second]));

    expect(fake.photos.map(({ url, altText, published }) => ({ url, altText, published }))).toEqual([
      { url: `${SIGNED}/a.o.1.sig`, altText: 'Brannbil med stige', published: false },
      { url: `${SIGNED}/b.o.1.sig`, altText: 'Barn prøver hjelm', published: false },
    ]);
    expect(fake.posts).toEqual([
      expect.objectContaining({ id: result.externalId, photos: [`${SIGNED}/a.o.1.sig`, `${SIGNED}/b.o.1.sig`] }),
    ]);
  });

  it('publishes a video through /videos with file_url = the signed URL', async () => {
    const video = testMedium(jpegBytes(3), { mimeType: 'video/mp4', altText: 'Film', signedUrl: `${SIGNED}/v.o.1.sig` });

    const result = await adapter.publish(request([video]));

    expect(fake.videos).toEqual([expect.objectContaining({ id: result.externalId, fileUrl: `${SIGNED}/v.o.1.sig` })]);
    expect(fake.videos[0]?.description).toMatch(/^Åpen dag på brannstasjonen/);
  });

  it('refuses a video together with photos before sending anything', async () => {
    const media = [testMedium(jpegBytes(4), { mimeType: 'video/mp4' }), testMedium(jpegBytes(5), { altText: 'Bilde' })];

    await expect(adapter.publish(request(media))).rejects.toBeInstanceOf(PlatformInvalidContentError);
    expect(fake.server.received).toHaveLength(0);
  });

  it('reuses the unpublished photos of an earlier attempt for the same revision', async () => {
    const uploads = memoryUploads();
    const publish = { ...request([testMedium(jpegBytes(6), { altText: 'Rådhuset' })]), uploads };
    fake.server.replyNext(requestMatching('POST', /\/feed$/), {
      status: 503,
      json: { error: { message: 'down', code: 2, type: 'OAuthException' } },
    });

    await expect(adapter.publish(publish)).rejects.toThrow();
    await adapter.publish(publish);

    expect(fake.photos).toHaveLength(1);
    expect(fake.posts).toHaveLength(1);
  });

  it('publishes without media as before: a feed post, no photo', async () => {
    await adapter.publish(request(undefined));

    expect(fake.photos).toHaveLength(0);
    expect(fake.posts).toHaveLength(1);
  });
});
