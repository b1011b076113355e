import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FakeBluesky } from '../../testing/fake-bluesky';
import { localOutbound } from '../../testing/local-outbound';
import { jpegBytes, testMedium } from '../../testing/test-media';
import type { ChannelConnection, PublishRequest } from '../platform-adapter';
import { BlueskyAdapter } from './bluesky-adapter';
import { BLUESKY_MAX_IMAGE_BYTES } from './bluesky-media';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const THUMB = jpegBytes(7, 20_000);

/** A local web site with pages carrying Open Graph tags and their images. */
function webSite() {
  const server: Server = createServer((request, response) => {
    const page = (image: string) =>
      `<html><head><meta property="og:title" content="Skolemat fra januar"><meta property="og:description" content="Gratis lunsj."><meta property="og:image" content="${image}"></head></html>`;
    switch (request.url) {
      case '/nyhet':
        return void response.writeHead(200, { 'content-type': 'text/html' }).end(page('/lunsj.jpg'));
      case '/stor':
        return void response.writeHead(200, { 'content-type': 'text/html' }).end(page('/stor.jpg'));
      case '/lunsj.jpg':
        return void response.writeHead(200, { 'content-type': 'image/jpeg' }).end(THUMB);
      case '/stor.jpg':
        return void response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpegBytes(8, BLUESKY_MAX_IMAGE_BYTES + 1));
      default:
        return void response.writeHead(500).end('broken');
    }
  });
  return {
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Bluesky link cards (app.bsky.embed.external) against a fake PDS and a local web site', () => {
  const fake = new FakeBluesky();
  const web = webSite();
  let site: string;
  let connection: ChannelConnection;
  let adapter: BlueskyAdapter;

  beforeAll(async () => {
    const pdsUrl = await fake.start();
    site = await web.start();
    connection = { credentials: { identifier: fake.handle, appPassword: fake.appPassword }, settings: { pdsUrl } };
  });
  afterAll(async () => {
    await fake.stop();
    await web.stop();
  });
  beforeEach(() => {
    adapter = new BlueskyAdapter({ outbound: localOutbound(), now: () => NOW });
    fake.records.clear();
    fake.blobs.length = 0;
  });

  const request = (text: string, link: string, extra: Partial<PublishRequest> = {}): PublishRequest => ({
    idempotencyKey: `card:${text}`,
    content: { text, link, mediaUrls: [] },
    connection,
    timeoutMs: 5000,
    ...extra,
  });

  it('sends the page’s title, description and its image uploaded as the thumbnail blob', async () => {
    await adapter.publish(request('Nytt om skolemat', `${site}/nyhet`));

    const embed = fake.embedOf(`Nytt om skolemat\n\n${site}/nyhet`);
    expect(fake.blobs).toHaveLength(1);
    expect(fake.blobs[0]).toMatchObject({ mimeType: 'image/jpeg' });
    expect(fake.blobs[0].data.equals(THUMB)).toBe(true);
    expect(embed).toEqual({
      $type: 'app.bsky.embed.external',
      external: {
        uri: `${site}/nyhet`,
        title: 'Skolemat fra januar',
        description: 'Gratis lunsj.',
        thumb: { $type: 'blob', ref: { $link: fake.blobs[0].cid }, mimeType: 'image/jpeg', size: THUMB.length },
      },
    });
  });

  it('skips a thumbnail larger than 1,000,000 bytes; keeps the card', async () => {
    await adapter.publish(request('Stort bilde', `${site}/stor`));
    expect(fake.blobs).toHaveLength(0);
    expect(fake.embedOf(`Stort bilde\n\n${site}/stor`)).toEqual({
      $type: 'app.bsky.embed.external',
      external: { uri: `${site}/stor`, title: 'Skolemat fra januar', description: 'Gratis lunsj.' },
    });
  });

  it('publishes with a bare card when the page cannot be read', async () => {
    await adapter.publish(request('Ødelagt side', `${site}/feil`));
    expect(fake.embedOf(`Ødelagt side\n\n${site}/feil`)).toEqual({
      $type: 'app.bsky.embed.external',
      external: { uri: `${site}/feil`, title: `${site}/feil`, description: '' },
    });
  });

  it('keeps the images embed when the post has images, and fetches no card', async () => {
    const medium = testMedium(jpegBytes(3), { altText: 'Barn i snøen', width: 1200, height: 800 });
    await adapter.publish(request('Med bilde', `${site}/nyhet`, { media: [medium] }));
    const embed = fake.embedOf(`Med bilde\n\n${site}/nyhet`);
    expect(embed?.['$type']).toBe('app.bsky.embed.images');
    expect(fake.blobs).toHaveLength(1);
  });
});
