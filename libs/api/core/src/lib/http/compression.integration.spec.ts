import { Controller, Get, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import { Public } from '../auth/public.decorator';
import { loadAppConfig } from '../config/app-config';
import { CoreModule } from '../core.module';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../../testing';
import { configureHttpApp } from './configure-http-app';

const ROWS = Array.from({ length: 200 }, (_, i) => ({ id: i, title: `post number ${i}`, state: 'scheduled' }));

/** An answer large enough (about 11 kB of JSON) to pass compression's 1 kB threshold. */
@Controller('compression-probe')
class CompressionProbeController {
  @Public()
  @Get()
  rows(): typeof ROWS {
    return ROWS;
  }
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
