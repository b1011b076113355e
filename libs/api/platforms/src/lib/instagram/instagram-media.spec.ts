import { localOutbound } from '../../testing/local-outbound';
import { FakeInstagram } from '../../testing/fake-instagram';
import { jpegBytes, testMedium } from '../../testing/test-media';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import { InstagramAdapter } from './instagram-adapter';

const SIGNED = 'https://kadens.example/api/media/signed';

describe('InstagramAdapter media against a fake Graph API (containers from signed URLs: image, carousel, reel)', () => {
  const fake = new FakeInstagram();
  const adapter = new InstagramAdapter({ outbound: localOutbound(), polling: { intervalMs: 10, timeoutMs: 1000 } });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    connection = { baseUrl, credentials: { accessToken: fake.accessToken }, settings: { igUserId: fake.igUserId } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.containers.clear();
    fake.media.length = 0;
    fake.pollsBeforeDone = 0;
  });

  const request = (media: PublishRequest['media']): PublishRequest => ({
    idempotencyKey: 'target-ig:1',
    content: { text: 'Sommerles er i gang!', link: null, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
    media,
  });
  const image = (name: string, altText: string) => testMedium(jpegBytes(name.length), { altText, signedUrl: `${SIGNED}/${name}.o.1.sig` });

  it('publishes one image from its signed URL with its alt text', async () => {
    await adapter.publish(request([image('a', 'Barn leser i hengekøye')]));

    expect(fake.media).toEqual([expect.objectContaining({ mediaUrls: [`${SIGNED}/a.o.1.sig`], mediaType: 'IMAGE' })]);
    expect([...fake.containers.values()][0]?.params).toEqual(
      expect.objectContaining({ image_url: `${SIGNED}/a.o.1.sig`, alt_text: 'Barn leser i hengekøye', caption: 'Sommerles er i gang!' }),
    );
  });

  it('publishes several media as a carousel of child containers (is_carousel_item), polled until finished', async () => {
    fake.pollsBeforeDone = 1;
    const video = testMedium(jpegBytes(9), { mimeType: 'video/mp4', signedUrl: `${SIGNED}/v.o.1.sig` });

    await adapter.publish(request([image('a', 'Første'), image('bb', 'Andre'), video]));

    expect(fake.media).toEqual([
      expect.objectContaining({ mediaType: 'CAROUSEL', mediaUrls: [`${SIGNED}/a.o.1.sig`, `${SIGNED}/bb.o.1.sig`, `${SIGNED}/v.o.1.sig`] }),
    ]);
    const children = [...fake.containers.values()].filter((container) => container.params['is_carousel_item'] === 'true');
    expect(children.map((child) => child.params['alt_text'] ?? child.params['media_type'])).toEqual(['Første', 'Andre', 'VIDEO']);
  });

  it('publishes one video as a reel (media_type=REELS, video_url)', async () => {
    const video = testMedium(jpegBytes(8), { mimeType: 'video/mp4', signedUrl: `${SIGNED}/r.o.1.sig` });

    await adapter.publish(request([video]));

    expect(fake.media).toEqual([expect.objectContaining({ mediaType: 'REELS', mediaUrls: [`${SIGNED}/r.o.1.sig`] })]);
  });
});
