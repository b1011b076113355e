import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import type { PlatformSettingsView } from '@kadens/shared/contracts';
import { randomBytes } from 'node:crypto';

import { ConnectModule } from './connect.module';

describe('GET /api/operator/platforms (which platforms this installation can sign in with)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([ConnectModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      APP_ROLES: 'api',
      PUBLIC_URL: 'http://kadens.test',
      OPERATOR_EMAILS: 'admin@kadens.demo',
      X_CLIENT_ID: 'kadens-x',
      X_CLIENT_SECRET: 'very-secret-x',
      X_API_URL: 'http://127.0.0.1:9/x',
    });
    await t.app.get(DemoSeeder).seed();
  });
  afterAll(() => t?.close());

  it('shows an operator every platform, X configured, the redirect URI to register, and no secret value', async () => {
    const operator = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
    const response = await operator.get('/api/operator/platforms');
    expect(response.status).toBe(200);
    const views = response.body as PlatformSettingsView[];
    expect(views.map((view) => view.platform)).toEqual([
      'facebook',
      'instagram',
      'linkedin',
      'x',
      'mastodon',
      'bluesky',
      'wordpress',
      'webhook',
    ]);
    expect(views.find((view) => view.platform === 'x')).toEqual({
      platform: 'x',
      signIn: 'app',
      configured: true,
      redirectUri: 'http://kadens.test/api/oauth/callback',
      settings: [
        { name: 'X_CLIENT_ID', required: true, set: true },
        { name: 'X_CLIENT_SECRET', required: false, set: true },
        { name: 'X_AUTHORIZE_URL', required: false, set: false },
        { name: 'X_API_URL', required: false, set: true },
      ],
    });
    expect(views.find((view) => view.platform === 'mastodon')).toMatchObject({ signIn: 'per_instance', configured: true });
    expect(views.find((view) => view.platform === 'facebook')).toMatchObject({
      signIn: 'app',
      configured: false,
      settings: expect.arrayContaining([{ name: 'FACEBOOK_APP_ID', required: true, set: false }]),
    });
    expect(views.find((view) => view.platform === 'bluesky')).toMatchObject({
      signIn: 'app_password',
      configured: true,
      redirectUri: null,
    });
    expect(views.find((view) => view.platform === 'webhook')).toMatchObject({ signIn: 'form', configured: false, redirectUri: null });
    expect(response.text).not.toContain('very-secret-x');
    expect(response.text).not.toContain('kadens-x');
  });

  it('refuses anyone else (403 operator_only) and asks who you are first (401)', async () => {
    const editor = await t.loginAs('editor@kadens.demo', DEMO_PASSWORD);
    const refused = await editor.get('/api/operator/platforms');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('operator_only');
    expect((await t.anonymous().get('/api/operator/platforms')).status).toBe(401);
  });
});
