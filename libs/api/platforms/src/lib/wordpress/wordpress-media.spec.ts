import { requestMatching } from '../../testing/fake-http-server';
import { FakeWordPress } from '../../testing/fake-wordpress';
import { localOutbound } from '../../testing/local-outbound';
import { jpegBytes, memoryUploads, testMedium } from '../../testing/test-media';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import { WordPressAdapter } from './wordpress-adapter';

describe('WordPressAdapter media against a fake site (POST /wp/v2/media, alt_text, featured_media)', () => {
  const fake = new FakeWordPress();
  const adapter = new WordPressAdapter({ outbound: localOutbound() });
  let connection: ChannelConnection;

  beforeAll(async () => {
    const siteUrl = await fake.start();
    connection = { credentials: { username: fake.username, applicationPassword: fake.applicationPassword }, settings: { siteUrl } };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.posts.length = 0;
    fake.media.length = 0;
    fake.server.received.length = 0;
  });

  let n = 0;
  const request = (media: PublishRequest['media']): PublishRequest => ({
    idempotencyKey: `target-wp:${n++}`,
    content: { text: 'Ny skolevei\nFortauet er ferdig.', link: null, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
    media,
  });

  it('uploads each file with Content-Disposition and its alt text; the first image is featured, the rest inline', async () => {
    const first = testMedium(jpegBytes(1), { altText: 'Det nye fortauet' });
    const second = testMedium(jpegBytes(2, 5000), { mimeType: 'image/png', altText: 'Elever går til skolen' });

    await adapter.publish(request([first, second]));

    expect(fake.media.map((m) => ({ mimeType: m.mimeType, fileName: m.fileName, altText: m.altText, data: m.data }))).toEqual([
      { mimeType: 'image/jpeg', fileName: `${first.id}.jpg`, altText: 'Det nye fortauet', data: jpegBytes(1) },
      { mimeType: 'image/png', fileName: `${second.id}.png`, altText: 'Elever går til skolen', data: jpegBytes(2, 5000) },
    ]);
    const [post] = fake.posts;
    expect(post?.featuredMedia).toBe(fake.media[0]?.id);
    expect(post?.content).toContain(`<img src="${fake.server.baseUrl}/wp-content/uploads/${second.id}.png" alt="Elever går til skolen"`);
    expect(post?.content).not.toContain(`${first.id}.jpg`);
  });

  it('reuses the attachments of an earlier attempt for the same revision', async () => {
    const uploads = memoryUploads();
    const publish = { ...request([testMedium(jpegBytes(3), { altText: 'Rådhuset' })]), uploads };
    fake.server.replyNext(requestMatching('POST', /\/wp\/v2\/posts$/), { status: 503, json: { code: 'unavailable', message: 'down' } });

    await expect(adapter.publish(publish)).rejects.toThrow();
    await adapter.publish(publish);

    expect(fake.server.requestsTo('POST', /\/wp\/v2\/media$/)).toHaveLength(1);
    expect(fake.posts[0]?.featuredMedia).toBe(fake.media[0]?.id);
  });

  it('publishes without media as before: no upload, no featured image', async () => {
    await adapter.publish(request(undefined));

    expect(fake.server.requestsTo('POST', /\/wp\/v2\/media/)).toHaveLength(0);
    expect(fake.posts[0]?.featuredMedia).toBe(0);
  });
});
