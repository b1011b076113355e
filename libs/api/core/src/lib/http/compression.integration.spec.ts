import { Controller, Get, type INestApplication, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import request from 'supertest';

import { Public } from '../auth/public.decorator';
import { loadAppConfig } from '../config/app-config';
import { CoreModule } from '../core.module';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../../testing';
import { API_BROTLI_QUALITY, API_GZIP_LEVEL } from './compression';
import { configureHttpApp } from './configure-http-app';

const ROWS = Array.from({ length: 200 }, (_, i) => ({ id: i, title: `post number ${i}`, state: 'scheduled' }));

/** A calendar-sized answer (about 1.6 MB of JSON with uuids, as the month's entries are). */
const LARGE_BODY = JSON.stringify(
  Array.from({ length: 2_500 }, (_, i) => ({
    id: randomUUID(),
    title: `Post ${i}`,
    plannedAt: new Date(Date.UTC(2030, 5, 1, 0, i)).toISOString(),
    state: 'approved',
    themeId: randomUUID(),
    audienceIds: [randomUUID()],
    targets: [{ id: randomUUID(), state: 'pending', platform: 'mastodon', channelId: randomUUID() }],
  })),
);

/** An answer large enough (about 11 kB of JSON) to pass compression's 1 kB threshold, and a large one. */
@Controller('compression-probe')
class CompressionProbeController {
  @Public()
  @Get()
  rows(): typeof ROWS {
    return ROWS;
  }

  @Public()
  @Get('large')
  large(@Res() response: Response): void {
    // As the calendar answers: ready JSON text through end(), without Content-Length.
    response.status(200).type('application/json').end(LARGE_BODY);
  }
}

/** The answer's bytes as they went over the wire (supertest would decode them). */
async function rawGet(
  server: Server,
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return new Promise((done, fail) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    }).on('error', fail);
  });
}

describe('compression of API answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([{ module: class ProbeModule {}, controllers: [CompressionProbeController] }]);
  });
  afterAll(() => t.close());

  it('gzips an answer when Accept-Encoding asks for it', async () => {
    const response = await request(t.app.getHttpServer()).get('/api/compression-probe').set('Accept-Encoding', 'gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.body).toEqual(ROWS);
  });

  it('sends the answer as it is when the client does not ask for compression', async () => {
    const response = await request(t.app.getHttpServer()).get('/api/compression-probe').set('Accept-Encoding', 'identity');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toEqual(ROWS);
  });

  it('gzips a large answer at the fast API level, and it decompresses to the same JSON', async () => {
    const response = await rawGet(t.app.getHttpServer(), '/api/compression-probe/large', { 'Accept-Encoding': 'gzip, deflate' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString('utf8')).toBe(LARGE_BODY);
    // Exactly what gzip at the API level makes of it — not the default level 6, which took twice as long on a calendar month.
    expect(response.body.equals(gzipSync(LARGE_BODY, { level: API_GZIP_LEVEL }))).toBe(true);
    expect(response.body.equals(gzipSync(LARGE_BODY, { level: 6 }))).toBe(false);
    expect(response.body.length).toBeLessThan(LARGE_BODY.length / 2);
  });

  it('answers a browser asking for brotli with brotli at the fast API quality', async () => {
    const response = await rawGet(t.app.getHttpServer(), '/api/compression-probe/large', {
      'Accept-Encoding': 'gzip, deflate, br, zstd',
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.body).toString('utf8')).toBe(LARGE_BODY);
    const fast = brotliCompressSync(LARGE_BODY, { params: { [constants.BROTLI_PARAM_QUALITY]: API_BROTLI_QUALITY } });
    expect(response.body.equals(fast)).toBe(true);
    expect(response.body.equals(brotliCompressSync(LARGE_BODY, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }))).toBe(false);
    expect(response.body.length).toBeLessThan(LARGE_BODY.length / 2);
  });

  it('leaves small answers alone', async () => {
    const response = await request(t.app.getHttpServer()).get('/api/health/live').set('Accept-Encoding', 'gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses what is asked for as a server-sent event stream', async () => {
    // The live delivery stream itself is tested (with Accept-Encoding: gzip) in the publishing events spec.
    const response = await request(t.app.getHttpServer())
      .get('/api/compression-probe')
      .set('Accept-Encoding', 'gzip')
      .set('Accept', 'text/event-stream');
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});

describe('the built web app', () => {
  // The static files are mounted when the HTTP adapter exists at module init, as in main.ts; a testing
  // module compiles before its adapter, so this app is created the way main.ts creates it.
  let app: INestApplication;
  let database: TestDatabase;
  let webDist: string;
  const bundle = `console.log(${JSON.stringify('kadens '.repeat(2_000))});`;

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'kadens-web-'));
    writeFileSync(join(webDist, 'index.html'), `<!doctype html><html><body>${'<kd-root></kd-root>'.repeat(200)}</body></html>`);
    writeFileSync(join(webDist, 'main-AB12CD34.js'), bundle);
    writeFileSync(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    database = await createTestDatabase();
    const config = loadAppConfig({ LOG_LEVEL: 'silent', WEB_DIST: webDist, DATABASE_URL: database.url }, process.cwd());
    app = await NestFactory.create(CoreModule.forRoot(config), { bodyParser: false, logger: false });
    configureHttpApp(app, config);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('gzips hashed files and lets browsers keep them for a year', async () => {
    const response = await request(app.getHttpServer()).get('/main-AB12CD34.js').set('Accept-Encoding', 'gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe(bundle);
  });

  it("compresses the web app's files at the default levels, not the API's fast ones", async () => {
    const gzip = await rawGet(app.getHttpServer(), '/main-AB12CD34.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.equals(gzipSync(bundle, { level: 6 }))).toBe(true);
    const br = await rawGet(app.getHttpServer(), '/main-AB12CD34.js', { 'Accept-Encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.equals(brotliCompressSync(bundle, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }))).toBe(true);
  });

  it('makes browsers revalidate index.html, the deep-link fallback and unhashed files', async () => {
    for (const path of ['/', '/index.html', '/calendar/2030-06']) {
      const response = await request(app.getHttpServer()).get(path).set('Accept-Encoding', 'gzip');
      expect({
        path,
        status: response.status,
        cacheControl: response.headers['cache-control'],
        encoding: response.headers['content-encoding'],
      }).toEqual({ path, status: 200, cacheControl: 'no-cache', encoding: 'gzip' });
      expect(response.text).toContain('<kd-root>');
    }
    const icon = await request(app.getHttpServer()).get('/favicon.svg');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('still answers unknown API paths with the JSON 404', async () => {
    const response = await request(app.getHttpServer()).get('/api/no-such-thing').set('Accept-Encoding', 'gzip');
    expect(response.status).toBe(404);
    expect(response.headers['cache-control']).not.toBe('no-cache');
  });
});
