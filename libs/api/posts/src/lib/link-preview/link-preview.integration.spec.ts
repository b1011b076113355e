import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';

import { PostsModule } from '../posts.module';

/** A local web site: each path answers what the test put there. */
function htmlSite(
  pages: Record<string, (respond: (status: number, headers: Record<string, string>, body?: Buffer | string) => void) => void>,
) {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const page = pages[request.url ?? ''];
    if (page === undefined) return void response.writeHead(404).end('not found');
    page((status, headers, body) => response.writeHead(status, headers).end(body));
  });
  return {
    hits,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const html = (body: string) => (respond: (status: number, headers: Record<string, string>, body?: string | Buffer) => void) =>
  respond(200, { 'content-type': 'text/html; charset=utf-8' }, body);

describe('GET /link-preview against PostgreSQL and a local web site', () => {
  let demo: DemoTestApp;
  let site: string;
  const server = htmlSite({
    '/og': html(`<html><head><title>Fallback</title>
      <meta property="og:title" content="Skolemat fra januar">
      <meta property="og:description" content="Gratis lunsj for alle elever.">
      <meta property="og:image" content="/bilder/lunsj.jpg">
      <meta property="og:site_name" content="Fjordvik kommune"></head><body></body></html>`),
    '/fallbacks': html('<head><title>Brøyting i vinter</title><meta name="description" content="Slik brøyter vi."></head>'),
    '/latin1': (respond) =>
      respond(200, { 'content-type': 'text/html; charset=iso-8859-1' }, Buffer.from('<title>Blåbær på Ørland</title>', 'latin1')),
    '/moved': (respond) => respond(301, { location: '/og' }),
    '/loop1': (respond) => respond(302, { location: '/loop2' }),
    '/loop2': (respond) => respond(302, { location: '/loop3' }),
    '/loop3': (respond) => respond(302, { location: '/loop4' }),
    '/loop4': (respond) => respond(302, { location: '/og' }),
    '/to-metadata': (respond) => respond(302, { location: 'http://169.254.169.254/latest/meta-data/' }),
    '/big': html(`<title>Big</title>${'<p>x</p>'.repeat(80_000)}`),
    '/pdf': (respond) => respond(200, { 'content-type': 'application/pdf' }, '%PDF-1.7'),
    '/bilder/lunsj.jpg': (respond) => respond(200, { 'content-type': 'image/jpeg' }, Buffer.from([0xff, 0xd8, 0xff, 0xd9])),
    '/gone': (respond) => respond(410, { 'content-type': 'text/html' }, 'gone'),
  });
  const preview = (url: string, agent = demo.editor, organizationId = demo.fjordvik) =>
    agent.get(demo.url(organizationId, 'link-preview')).query({ url });

  beforeAll(async () => {
    site = await server.start();
    demo = await startDemoTestApp([PostsModule], { OUTBOUND_ALLOW_HOSTS: '127.0.0.1', COOKIE_SECURE: 'false' });
  });
  afterAll(async () => {
    await demo?.t.close();
    await server.stop();
  });

  it('reads the Open Graph card, the relative image resolved; a viewer may read it too', async () => {
    const response = await preview(`${site}/og`, demo.viewer);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      url: `${site}/og`,
      title: 'Skolemat fra januar',
      description: 'Gratis lunsj for alle elever.',
      imageUrl: `${site}/bilder/lunsj.jpg`,
      siteName: 'Fjordvik kommune',
    });
  });

  it('serves a card’s image through Kadens, and no other address', async () => {
    const image = await demo.editor.get(demo.url(demo.fjordvik, 'link-preview/image')).query({ url: `${site}/bilder/lunsj.jpg` });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.from(image.body as Buffer)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const other = await demo.editor.get(demo.url(demo.fjordvik, 'link-preview/image')).query({ url: `${site}/pdf` });
    expect(other.status).toBe(404);
  });

  it('falls back to <title> and meta description, and decodes the declared charset', async () => {
    expect((await preview(`${site}/fallbacks`)).body).toEqual({
      url: `${site}/fallbacks`,
      title: 'Brøyting i vinter',
      description: 'Slik brøyter vi.',
      imageUrl: null,
      siteName: null,
    });
    expect((await preview(`${site}/latin1`)).body).toMatchObject({ title: 'Blåbær på Ørland' });
  });

  it('follows a redirect (the card is the target’s), but not more than three', async () => {
    expect((await preview(`${site}/moved`)).body).toMatchObject({ url: `${site}/og`, title: 'Skolemat fra januar' });
    const loop = await preview(`${site}/loop1`);
    expect(loop.status).toBe(502);
    expect(loop.body).toMatchObject({ code: 'link_too_many_redirects' });
  });

  it('keeps a card for some minutes: the site is asked once', async () => {
    const before = server.hits.filter((hit) => hit === '/fallbacks').length;
    await preview(`${site}/fallbacks`);
    expect(server.hits.filter((hit) => hit === '/fallbacks').length).toBe(before);
  });

  it.each([
    ['/big', 'link_too_large'],
    ['/pdf', 'link_not_html'],
    ['/gone', 'link_status'],
    ['/to-metadata', 'link_refused'],
  ])('answers 502 for %s (code %s)', async (path, code) => {
    const response = await preview(`${site}${path}`);
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ code });
  });

  it('refuses internal addresses the operator has not allowed, before connecting', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://127.0.0.2/',
      'http://192.168.1.1/',
    ]) {
      const response = await preview(url);
      expect({ url, status: response.status, body: response.body as unknown }).toMatchObject({
        url,
        status: 502,
        body: { code: 'link_refused' },
      });
    }
  });

  it('answers 400 naming url for bad input, 404 for another organisation', async () => {
    for (const url of ['', 'not a url', 'ftp://example.com/file', 'javascript:alert(1)']) {
      const response = await preview(url);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('url');
    }
    expect((await demo.editor.get(demo.url(demo.fjordvik, 'link-preview'))).status).toBe(400);
    expect((await preview(`${site}/og`, demo.editor, demo.bolgeby)).status).toBe(404);
  });
});
