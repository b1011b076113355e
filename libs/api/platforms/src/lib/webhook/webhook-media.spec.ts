import { FakeWebhookReceiver } from '../../testing/fake-webhook-receiver';
import { localOutbound } from '../../testing/local-outbound';
import { jpegBytes, testMedium } from '../../testing/test-media';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import { WebhookAdapter } from './webhook-adapter';

describe('WebhookAdapter media: signed URLs and alt texts in the payload', () => {
  const receiver = new FakeWebhookReceiver();
  const outbound = localOutbound();
  const adapter = new WebhookAdapter({ outbound });
  let connection: ChannelConnection;

  beforeAll(async () => {
    receiver.secret = `whsec_${Buffer.from('fjordvik-webhook-secret-0123456789').toString('base64')}`;
    await receiver.start();
    connection = { credentials: { secret: receiver.secret }, settings: { url: receiver.url } };
  });
  afterAll(async () => {
    await receiver.stop();
    await outbound.close();
  });
  beforeEach(() => {
    receiver.deliveries.length = 0;
  });

  const request = (media: PublishRequest['media']): PublishRequest => ({
    idempotencyKey: `target-w:${receiver.deliveries.length}`,
    content: { text: 'Nytt fra biblioteket', link: null, mediaUrls: [] },
    connection,
    timeoutMs: 2000,
    media,
  });

  it('sends each medium as {url (signed), mimeType, altText, width, height, durationMs}, in order', async () => {
    const photo = testMedium(jpegBytes(1), {
      altText: 'Lesesalen med nye stoler',
      width: 1600,
      height: 1067,
      signedUrl: 'https://kadens.example/api/media/signed/abc.o.1799999999.mac',
    });
    const video = testMedium(jpegBytes(2), {
      mimeType: 'video/mp4',
      altText: 'Omvisning',
      width: 1280,
      height: 720,
      durationMs: 31000,
      signedUrl: 'https://kadens.example/api/media/signed/def.o.1799999999.mac',
    });

    await adapter.publish(request([photo, video]));

    expect(receiver.deliveries[0]?.payload['media']).toEqual([
      {
        url: 'https://kadens.example/api/media/signed/abc.o.1799999999.mac',
        mimeType: 'image/jpeg',
        altText: 'Lesesalen med nye stoler',
        width: 1600,
        height: 1067,
        durationMs: null,
      },
      {
        url: 'https://kadens.example/api/media/signed/def.o.1799999999.mac',
        mimeType: 'video/mp4',
        altText: 'Omvisning',
        width: 1280,
        height: 720,
        durationMs: 31000,
      },
    ]);
    expect(photo.opened + video.opened).toBe(0);
  });

  it('sends an empty media list for a post without media', async () => {
    await adapter.publish(request(undefined));

    expect(receiver.deliveries[0]?.payload['media']).toEqual([]);
  });
});
