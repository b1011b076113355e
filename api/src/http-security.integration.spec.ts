import { SESSION_COOKIE, setupOpenApi } from '@kadens/api/core';
import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { type DemoTestApp, startDemoTestApp } from '@kadens/api/organizations/testing';
import { UPLOAD_HEADER } from '@kadens/shared/contracts';
import type { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import { gzipSync } from 'node:zlib';

import { DOMAIN_MODULES } from './app.module';

const EVIL = 'https://evil.example';

/** A route that shows what Express made of the client's address and scheme (for TRUST_PROXY). */
function addWhoAmI(app: INestApplication): void {
  app.getHttpAdapter().get('/whoami', (req: Request, res: Response) => res.json({ ip: req.ip, protocol: req.protocol }));
}

describe('HTTP security against PostgreSQL: cross-site requests, bad input, headers', () => {
  let demo: DemoTestApp;
  let post: string;
  let channel: string;
  let newPost: () => Record<string, unknown>;
  const state = async (id: string): Promise<string> => (await demo.t.db.query(`SELECT state FROM posts WHERE id = $1`, [id]))[0].state;

  beforeAll(async () => {
    demo = await startDemoTestApp(DOMAIN_MODULES, { APP_ROLES: 'api', PUBLIC_URL: 'http://kadens.test:3000' });
    const [type] = await demo.t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 LIMIT 1`, [demo.fjordvik]);
    const [theme] = await demo.t.db.query(
      `INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Drift', '#1e88e5') RETURNING id`,
      [demo.fjordvik],
    );
    [{ id: channel }] = await demo.t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'facebook', 'Facebook') RETURNING id`,
      [demo.fjordvik],
    );
    newPost = () => ({
      title: 'Brøyting',
      body: 'Slik brøyter vi.',
      contentTypeId: type.id,
      themeId: theme.id,
      plannedAt: '2027-02-10T09:00:00Z',
      targets: [{ channelId: channel }],
    });
    const created = await demo.admin.post(demo.url(demo.fjordvik, 'posts')).send(newPost());
    expect(created.status).toBe(201);
    post = created.body.id;
  });
  afterAll(() => demo?.t.close());

  describe('cross-site requests (CSRF)', () => {
    const cancel = () => demo.url(demo.fjordvik, `posts/${post}/cancel`);

    it('refuses a cross-site form POST that carries the session cookie with 403, changing nothing', async () => {
      const response = await demo.admin.post(cancel()).set('Origin', EVIL).type('form').send('reason=pwned');
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'cross_site_request' });
      expect(await state(post)).toBe('draft');
    });

    it.each([
      [{ 'Sec-Fetch-Site': 'cross-site' }],
      [{ 'Sec-Fetch-Site': 'same-site' }],
      [{ Origin: 'null' }],
      [{ Origin: 'http://kadens.test:3000.evil.example' }],
      [{ Origin: EVIL, 'Sec-Fetch-Site': 'same-origin' }],
    ])('refuses %j with a JSON body too', async (headers) => {
      const response = await demo.admin.post(cancel()).set(headers).send({ reason: 'x' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('cross_site_request');
      expect(await state(post)).toBe('draft');
    });

    it.each([
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'application/json; charset=latin1',
    ])('refuses a %s body with 415 naming body, even same-origin', async (type) => {
      const response = await demo.admin
        .post(cancel())
        .set('Content-Type', type)
        .set('Origin', 'http://kadens.test:3000')
        .send('{"reason":"x"}');
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({ code: 'unsupported_media_type', errors: [{ field: 'body' }] });
      expect(await state(post)).toBe('draft');
    });

    it.each([
      ['the CSV import', 'imports/posts?dryRun=true', 'text/csv', 'date;channels;theme;title\n'],
      ['the media upload', 'media', 'multipart/form-data; boundary=x', '--x--\r\n'],
    ])('refuses %s without the Kadens-Upload header, even same-origin, naming it', async (_name, path, type, body) => {
      const refused = await demo.admin
        .post(demo.url(demo.fjordvik, path))
        .unset(UPLOAD_HEADER)
        .set('Content-Type', type)
        .set('Origin', 'http://kadens.test:3000')
        .send(body);
      expect(refused.status).toBe(415);
      expect(refused.body).toMatchObject({ code: 'unsupported_media_type', errors: [{ field: 'body' }] });
      expect(refused.body.message).toContain(`${UPLOAD_HEADER}: 1`);
      const accepted = await demo.admin
        .post(demo.url(demo.fjordvik, path))
        .set('Content-Type', type)
        .set('Origin', 'http://kadens.test:3000')
        .send(body);
      expect(accepted.status).not.toBe(415);
    });

    it('refuses a compressed body with 415 (no inflating of bombs)', async () => {
      const response = await demo.admin
        .post(cancel())
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(gzipSync('{"reason":"x"}'));
      expect(response.status).toBe(415);
      expect(response.body.errors[0].field).toBe('body');
    });

    it('refuses a login from another site (login CSRF) without setting a cookie', async () => {
      const response = await demo.t
        .anonymous()
        .post('/api/auth/login')
        .set('Origin', EVIL)
        .send({ email: 'admin@kadens.demo', password: DEMO_PASSWORD });
      expect(response.status).toBe(403);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('accepts the web app: same-origin JSON, a bodiless POST, and Origin = PUBLIC_URL', async () => {
      // The request's own origin: scheme and Host header (here not PUBLIC_URL's).
      const host = 'http://kadens.internal:8080';
      // Angular's HttpClient.post(url, null): no body, no Content-Type, Origin and Sec-Fetch-Site set.
      const other = await demo.admin
        .post(demo.url(demo.fjordvik, 'posts'))
        .set('Origin', 'http://kadens.test:3000')
        .set('Sec-Fetch-Site', 'same-origin')
        .send(newPost());
      expect(other.status).toBe(201);
      const submit = await demo.admin
        .post(demo.url(demo.fjordvik, `posts/${other.body.id}/submit`))
        .set('Host', 'kadens.internal:8080')
        .set('Origin', host)
        .set('Sec-Fetch-Site', 'same-origin');
      expect(submit.status).toBe(200);
      const cancelled = await demo.admin.post(cancel()).set('Host', 'kadens.internal:8080').set('Origin', host).send({ reason: 'Avlyst' });
      expect(cancelled.status).toBe(200);
      expect(await state(post)).toBe('cancelled');
      const login = await demo.t
        .anonymous()
        .post('/api/auth/login')
        .set('Origin', 'http://kadens.test:3000')
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ email: 'viewer@kadens.demo', password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
    });

    it('lets non-browser clients (no Origin, no Sec-Fetch-Site) through, and never checks GET', async () => {
      expect((await demo.admin.get(demo.url(demo.fjordvik, 'posts/' + post)).set('Origin', EVIL)).status).toBe(200);
      expect((await demo.admin.patch(demo.url(demo.fjordvik, 'posts/' + post)).send({ title: 'x' })).status).not.toBe(403);
    });
  });

  describe('bad input: 400 naming the field, never a 500', () => {
    it.each([
      ['a NUL in the e-mail', { email: 'admin\u0000@kadens.demo', password: 'x' }, 'email', 'invalid_characters'],
      ['a lone surrogate in the e-mail', { email: 'x\ud800y@kadens.demo', password: 'x' }, 'email', 'invalid_characters'],
      ['a lone low surrogate in the password', { email: 'a@b.no', password: '\udc00' }, 'password', 'invalid_characters'],
      ['a __proto__ key', JSON.parse('{"email":"a@b.no","password":"x","__proto__":{"admin":true}}'), '__proto__', 'forbidden_key'],
    ])('refuses %s at login', async (_case, body, field, code) => {
      const response = await demo.t.anonymous().post('/api/auth/login').send(body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code, errors: [{ field }] });
    });

    it('names the dotted path of a NUL deep in a post, and of a lone surrogate in a comment', async () => {
      const nested = await demo.admin
        .patch(demo.url(demo.fjordvik, `posts/${post}`))
        .send({ targets: [{ channelId: channel, body: 'hei\u0000' }] });
      expect(nested.status).toBe(400);
      expect(nested.body.errors).toEqual([{ field: 'targets.0.body', messages: [expect.stringMatching(/NUL/)] }]);
      const comment = await demo.admin.post(demo.url(demo.fjordvik, `posts/${post}/comments`)).send({ body: 'x\ud800y' });
      expect(comment.status).toBe(400);
      expect(comment.body.errors[0].field).toBe('body');
    });

    it.each([33, 2000, 100_000])('refuses JSON nested %i deep with 400 naming body', async (depth) => {
      const response = await demo.admin
        .post(demo.url(demo.fjordvik, `posts/${post}/comments`))
        .set('Content-Type', 'application/json')
        .send(`{"body":${'['.repeat(depth)}${']'.repeat(depth)}}`);
      expect([400, 413]).toContain(response.status);
      expect(response.body.errors[0].field).toBe('body');
    });

    it('accepts nesting up to the limit', async () => {
      const ok = await demo.admin
        .post(demo.url(demo.fjordvik, `posts/${post}/comments`))
        .set('Content-Type', 'application/json')
        .send(`{"body":${'['.repeat(30)}${']'.repeat(30)}}`);
      expect(ok.status).toBe(400);
      expect(ok.body.code).toBe('validation_failed');
    });

    it('refuses a NUL or lone surrogate in a query string or route parameter, naming it', async () => {
      const query = await demo.t.anonymous().get('/api/public/fjordvik/availability.ics?lang=nb%00');
      expect(query.status).toBe(400);
      expect(query.body.errors[0].field).toBe('lang');
      const param = await demo.admin.get(demo.url(demo.fjordvik, 'posts/%00'));
      expect(param.status).toBe(400);
      expect(param.body.errors[0].field).toBe('id');
      const slug = await demo.t.anonymous().get('/api/public/fjord%00vik/availability');
      expect(slug.status).toBe(400);
      expect(slug.body.errors[0].field).toBe('slug');
      const surrogate = await demo.admin.get(`${demo.url(demo.fjordvik, 'posts')}/${encodeURIComponent('x')}%ED%A0%80`);
      expect(surrogate.status).toBeLessThan(500);
    });

    it('refuses a PUT of channel promises that leaves out a required field', async () => {
      const path = demo.url(demo.fjordvik, `channels/${channel}/promises`);
      const empty = await demo.admin.put(path).send({});
      expect(empty.status).toBe(400);
      expect(empty.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['cadence', 'serviceHours']);
      expect((await demo.admin.put(path).send({ cadence: null })).body.errors.map((e: { field: string }) => e.field)).toEqual([
        'serviceHours',
      ]);
      expect((await demo.admin.put(path).send({ cadence: null, serviceHours: null })).status).toBe(200);
      expect((await demo.admin.put(path).send({ cadence: 'weekly', serviceHours: null })).status).toBe(400);
    });
  });

  describe('headers', () => {
    it('sends CSP with frame-ancestors none, nosniff, Referrer-Policy and no HSTS on http', async () => {
      const response = await demo.t.anonymous().get('/api/health');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('sets the session cookie without Secure on http', async () => {
      const login = await demo.t.anonymous().post('/api/auth/login').send({ email: 'viewer@kadens.demo', password: DEMO_PASSWORD });
      expect(String(login.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    });
  });
});

describe('HTTP security with an https PUBLIC_URL and TRUST_PROXY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(DOMAIN_MODULES, { APP_ROLES: 'api', PUBLIC_URL: 'https://kadens.example', TRUST_PROXY: 'loopback' }, (app) => {
      setupOpenApi(app);
      addWhoAmI(app);
    });
    await t.app.get(DemoSeeder).seed();
  });
  afterAll(() => t?.close());

  it('sends HSTS and marks the session cookie Secure', async () => {
    const login = await t
      .anonymous()
      .post('/api/auth/login')
      .set('Origin', 'https://kadens.example')
      .send({ email: 'admin@kadens.demo', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(login.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(login.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it('serves Swagger UI under its own CSP, with no inline script it would block', async () => {
    const page = await t.anonymous().get('/api/docs/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await t.anonymous().get('/api/docs/swagger-ui-init.js')).status).toBe(200);
  });

  it('believes X-Forwarded-For and -Proto from a trusted (loopback) proxy', async () => {
    const response = await t.anonymous().get('/whoami').set('X-Forwarded-For', '203.0.113.7').set('X-Forwarded-Proto', 'https');
    expect(response.body).toEqual({ ip: '203.0.113.7', protocol: 'https' });
  });
});

describe('TRUST_PROXY unset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([], {}, addWhoAmI);
  });
  afterAll(() => t?.close());

  it('ignores X-Forwarded-For and -Proto: nobody can forge their address', async () => {
    const response = await t.anonymous().get('/whoami').set('X-Forwarded-For', '203.0.113.7').set('X-Forwarded-Proto', 'https');
    expect(response.body.ip).not.toBe('203.0.113.7');
    expect(response.body.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(response.body.protocol).toBe('http');
  });
});
