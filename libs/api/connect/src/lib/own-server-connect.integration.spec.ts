import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { PlatformAuthError } from '@kadens/api/platforms';
import { FakeBluesky, FakeWordPress, requestMatching, wordpressError } from '@kadens/api/platforms/testing';
import { ConnectionCredentials, CredentialsCipher } from '@kadens/api/publishing';
import { randomBytes } from 'node:crypto';

import { CALLBACK, connectJourney, type ConnectJourney, PUBLIC_URL } from './connect.testing';
import { ConnectModule } from './connect.module';
import { WORDPRESS_APP_ID } from './wordpress-flow';

/** Bluesky (app password → session) and WordPress (the site's application-password screen). */
describe('connecting Bluesky and WordPress against PostgreSQL and the fake servers', () => {
  let t: TestApp;
  let j: ConnectJourney;
  const bluesky = new FakeBluesky();
  const wordpress = new FakeWordPress();

  beforeAll(async () => {
    await Promise.all([bluesky.start(), wordpress.start()]);
    t = await createTestApp([ConnectModule], { CREDENTIALS_KEY: randomBytes(32).toString('base64'), APP_ROLES: 'api', PUBLIC_URL });
    j = await connectJourney(t);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([bluesky.stop(), wordpress.stop()]);
  });

  const opened = async (channelId: string): Promise<Record<string, string>> => {
    const row = await j.row(channelId);
    return t.app.get(CredentialsCipher).open({ organizationId: j.org, channelId }, row?.credentials ?? Buffer.alloc(0));
  };
  const signIn = (channelId: string, body: object) => j.admin.post(`${j.connectionPath(channelId)}/app-password`).send(body);

  describe('Bluesky', () => {
    it('handle + app password → a session stored encrypted, expiring with its access token; the password is not kept', async () => {
      const channelId = await j.newChannel('bluesky');
      const response = await signIn(channelId, {
        identifier: `@${bluesky.handle}`,
        appPassword: bluesky.appPassword,
        pdsUrl: bluesky.server.baseUrl,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'connected',
        accountName: `@${bluesky.handle}`,
        baseUrl: bluesky.server.baseUrl,
        credentialNames: ['accessJwt', 'identifier', 'refreshJwt'],
        connectedBy: { userId: j.adminId },
      });
      const expiresIn = new Date(response.body.expiresAt).getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan(7000_000);
      expect(expiresIn).toBeLessThanOrEqual(7200_000);
      const credentials = await opened(channelId);
      expect(Object.values(credentials)).not.toContain(bluesky.appPassword);
      expect((await j.row(channelId))?.credentials.includes(bluesky.appPassword)).toBe(false);

      // The stored session works for the connection test, without logging in again.
      const created = bluesky.sessionsCreated;
      const test = await j.admin.post(`${j.connectionPath(channelId)}/test`).send({});
      expect(test.body).toMatchObject({ ok: true, accountName: `@${bluesky.handle}` });
      expect(bluesky.sessionsCreated).toBe(created);
    });

    it('renews the session with the refresh token when the access token expires; a spent refresh token asks for a reconnect', async () => {
      const channelId = await j.newChannel('bluesky');
      await signIn(channelId, { identifier: bluesky.handle, appPassword: bluesky.appPassword, pdsUrl: bluesky.server.baseUrl });
      const before = await opened(channelId);
      await t.db.query(`UPDATE channel_connections SET expires_at = now() + interval '1 minute' WHERE channel_id = $1`, [channelId]);
      const refreshed = bluesky.sessionsRefreshed;

      const fresh = await t.app.get(ConnectionCredentials).fresh(channelId);

      expect(bluesky.sessionsRefreshed).toBe(refreshed + 1);
      expect(fresh?.credentials['refreshJwt']).not.toBe(before['refreshJwt']);
      expect(await opened(channelId)).toEqual(fresh?.credentials);
      expect((await j.row(channelId))?.expires_at?.getTime()).toBeGreaterThan(Date.now() + 7000_000);

      bluesky.expireAllTokens();
      await t.db.query(`UPDATE channel_connections SET expires_at = now() WHERE channel_id = $1`, [channelId]);
      await expect(t.app.get(ConnectionCredentials).fresh(channelId)).rejects.toBeInstanceOf(PlatformAuthError);
      expect((await j.row(channelId))?.status).toBe('reconnect_needed');
    });

    it('a refused app password, a PDS the outbound rules refuse, another platform and an editor store nothing', async () => {
      const channelId = await j.newChannel('bluesky');
      const refused = await signIn(channelId, {
        identifier: bluesky.handle,
        appPassword: 'wrong-pass-word-xxxx',
        pdsUrl: bluesky.server.baseUrl,
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'sign_in_refused', errors: [{ field: 'appPassword' }] });
      const privateAddress = await signIn(channelId, {
        identifier: bluesky.handle,
        appPassword: bluesky.appPassword,
        pdsUrl: 'http://10.0.0.7',
      });
      expect(privateAddress.status).toBe(400);
      expect(privateAddress.body.errors[0].field).toBe('pdsUrl');
      const missing = await signIn(channelId, { identifier: bluesky.handle });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe('appPassword');
      const x = await signIn(await j.newChannel('x'), { identifier: bluesky.handle, appPassword: bluesky.appPassword });
      expect(x.body).toMatchObject({ code: 'app_password_not_supported', errors: [{ field: 'platform' }] });
      const editor = await j.editor.post(`${j.connectionPath(channelId)}/app-password`).send({ identifier: 'a', appPassword: 'b' });
      expect(editor.status).toBe(403);
      expect(await j.row(channelId)).toBeUndefined();
    });
  });

  describe('WordPress', () => {
    /** The person approves on the site's "Authorize Application" screen: where WordPress sends the browser (a path). */
    const approve = async (authorize: string): Promise<string> => {
      const response = await fetch(authorize, { redirect: 'manual' });
      const back = response.headers.get('location') ?? '';
      expect(response.status).toBe(302);
      expect(back.startsWith(`${CALLBACK}?`)).toBe(true);
      return back.slice(PUBLIC_URL.length);
    };

    it("the site's authorisation screen → the new application password, proven with users/me and stored encrypted", async () => {
      const channelId = await j.newChannel('wordpress');
      const authorize = new URL(await j.start(channelId, { siteUrl: `${wordpress.server.baseUrl}/` }));
      expect(authorize.origin + authorize.pathname).toBe(`${wordpress.server.baseUrl}/wp-admin/authorize-application.php`);
      expect(authorize.searchParams.get('app_name')).toBe('Kadens');
      expect(authorize.searchParams.get('app_id')).toBe(WORDPRESS_APP_ID);
      const success = new URL(authorize.searchParams.get('success_url') ?? '');
      expect(success.origin + success.pathname).toBe(CALLBACK);
      expect(success.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
      expect(new URL(authorize.searchParams.get('reject_url') ?? '').searchParams.get('error')).toBe('access_denied');

      const to = await j.landing(j.admin, await approve(authorize.toString()));

      expect(Object.fromEntries(to.searchParams)).toEqual({ channel: channelId, connected: '1' });
      expect(await opened(channelId)).toEqual({ username: wordpress.username, applicationPassword: wordpress.applicationPassword });
      expect((await j.row(channelId))?.credentials.includes(wordpress.applicationPassword)).toBe(false);
      const view = await j.admin.get(j.connectionPath(channelId));
      expect(view.body).toMatchObject({
        status: 'connected',
        accountName: wordpress.displayName,
        baseUrl: wordpress.server.baseUrl,
        expiresAt: null,
      });
      expect(wordpress.server.requestsTo('GET', /^\/wp-json\/wp\/v2\/users\/me$/).at(-1)?.headers['authorization']).toMatch(/^Basic /);
    });

    it("a refusal on the screen, the site's error on users/me, an expired state and a site without application passwords store nothing", async () => {
      const channelId = await j.newChannel('wordpress');
      wordpress.denyNextConsent();
      const denied = await j.landing(j.admin, await approve(await j.start(channelId, { siteUrl: wordpress.server.baseUrl })));
      expect(Object.fromEntries(denied.searchParams)).toEqual({ channel: channelId, connectError: 'denied' });

      // WordPress's error shape on users/me ({code, message, data: {status}}).
      wordpress.server.replyNext(
        requestMatching('GET', /\/users\/me$/),
        wordpressError(401, 'incorrect_password', 'The provided password is an invalid application password.'),
      );
      const unreadable = await j.landing(j.admin, await approve(await j.start(channelId, { siteUrl: wordpress.server.baseUrl })));
      expect(unreadable.searchParams.get('connectError')).toBe('account_unreadable');

      const callback = await approve(await j.start(channelId, { siteUrl: wordpress.server.baseUrl }));
      await t.db.query(`UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
      expect((await j.landing(j.admin, callback)).searchParams.get('connectError')).toBe('state_expired');
      expect((await j.landing(j.admin, callback)).searchParams.get('connectError')).toBe('state_expired');
      expect(await j.row(channelId)).toBeUndefined();

      const missing = await j.admin.post(`${j.connectionPath(channelId)}/authorize`).send({});
      expect(missing.body.errors[0].field).toBe('siteUrl');
      wordpress.applicationPasswordsAvailable = false;
      const unavailable = await j.admin.post(`${j.connectionPath(channelId)}/authorize`).send({ siteUrl: wordpress.server.baseUrl });
      wordpress.applicationPasswordsAvailable = true;
      expect(unavailable.status).toBe(400);
      expect(unavailable.body).toMatchObject({ code: 'application_passwords_unavailable', errors: [{ field: 'siteUrl' }] });
      const notWordPress = await j.admin.post(`${j.connectionPath(channelId)}/authorize`).send({ siteUrl: bluesky.server.baseUrl });
      expect(notWordPress.body.errors[0].field).toBe('siteUrl');
    });
  });
});
