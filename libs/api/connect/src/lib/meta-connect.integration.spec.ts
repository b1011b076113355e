import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { FakeFacebook, FakeInstagram, graphError, requestMatching } from '@kadens/api/platforms/testing';
import { randomBytes } from 'node:crypto';

import { connectJourney, type ConnectJourney, PUBLIC_URL, CALLBACK } from './connect.testing';
import { ConnectModule } from './connect.module';
import { FACEBOOK_SCOPE } from './meta-flow';

const APP = { FACEBOOK_APP_ID: 'kadens-fb', FACEBOOK_APP_SECRET: 'fb-secret' };

function metaApp(baseUrl: string): Promise<TestApp> {
  return createTestApp([ConnectModule], {
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    APP_ROLES: 'api',
    PUBLIC_URL,
    ...APP,
    FACEBOOK_DIALOG_URL: baseUrl,
    FACEBOOK_GRAPH_URL: baseUrl,
  });
}

describe('connecting a Facebook Page by Facebook Login against PostgreSQL and the fake Graph API', () => {
  let t: TestApp;
  let j: ConnectJourney;
  const facebook = new FakeFacebook();

  beforeAll(async () => {
    await facebook.start();
    facebook.login.oauth.clients.push({ clientId: APP.FACEBOOK_APP_ID, clientSecret: APP.FACEBOOK_APP_SECRET, redirectUris: [CALLBACK] });
    t = await metaApp(facebook.server.baseUrl);
    j = await connectJourney(t);
  });
  afterAll(async () => {
    await t?.close();
    await facebook.stop();
  });

  it('dialog → long-lived user token → the pages the person manages → the picked page is stored encrypted', async () => {
    const channelId = await j.newChannel('facebook');
    const authorize = new URL(await j.start(channelId));
    expect(authorize.pathname).toBe('/v24.0/dialog/oauth');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'kadens-fb',
      redirect_uri: CALLBACK,
      scope: FACEBOOK_SCOPE,
      response_type: 'code',
    });
    const to = await j.landing(j.admin, await j.consent(authorize.toString()));
    const signInId = to.searchParams.get('choose') as string;
    expect(Object.fromEntries(to.searchParams)).toEqual({ channel: channelId, choose: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await j.row(channelId)).toBeUndefined();

    const listed = await j.admin.get(`${j.connectionPath(channelId)}/choices/${signInId}`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      platform: 'facebook',
      choices: [
        { id: facebook.pageId, name: facebook.pageName, kind: 'page', pictureUrl: 'https://scontent.example/kadens.png' },
        { id: '2233445566', name: 'Kadens bibliotek', kind: 'page' },
      ],
    });
    expect(JSON.stringify(listed.body)).not.toContain('token');
    const exchange = facebook.server.requestsTo('GET', /^\/v24\.0\/oauth\/access_token$/).at(-1);
    expect(exchange?.query.get('grant_type')).toBe('fb_exchange_token');
    const [stored] = await t.db.query(`SELECT sealed FROM connection_choices WHERE id = $1`, [signInId]);
    expect((stored.sealed as Buffer).includes(facebook.accessToken)).toBe(false);

    // Another session of the same person, and an editor, see nothing.
    expect((await j.admin2.get(`${j.connectionPath(channelId)}/choices/${signInId}`)).status).toBe(404);
    expect((await j.editor.get(`${j.connectionPath(channelId)}/choices/${signInId}`)).status).toBe(403);
    const unknownChoice = await j.admin.post(`${j.connectionPath(channelId)}/choices/${signInId}`).send({ choiceId: '999' });
    expect(unknownChoice.status).toBe(404);
    expect(unknownChoice.body.code).toBe('connection_choice_unknown');

    const chosen = await j.admin.post(`${j.connectionPath(channelId)}/choices/${signInId}`).send({ choiceId: facebook.pageId });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({
      status: 'connected',
      accountName: facebook.pageName,
      settings: { pageId: facebook.pageId },
      credentialNames: ['accessToken'],
      baseUrl: facebook.server.baseUrl,
      expiresAt: null,
      connectedBy: { userId: j.adminId },
    });
    const row = await j.row(channelId);
    expect(row?.credentials.includes(facebook.accessToken)).toBe(false);

    const again = await j.admin.post(`${j.connectionPath(channelId)}/choices/${signInId}`).send({ choiceId: '2233445566' });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('connection_choice_used');
  });

  it('denied consent, a refused code and a refused token exchange land with their reason and store nothing', async () => {
    const channelId = await j.newChannel('facebook');
    facebook.login.oauth.denyNextConsent();
    const denied = await j.landing(j.admin, await j.consent(await j.start(channelId)));
    expect(Object.fromEntries(denied.searchParams)).toEqual({ channel: channelId, connectError: 'denied' });

    // Graph's own error envelope on the token endpoint ({error: {message, type, code}}).
    facebook.server.replyNext(
      requestMatching('POST', /\/oauth\/access_token$/),
      graphError(400, 100, 'This authorization code has been used.', { subcode: 36009 }),
    );
    const usedCode = await j.landing(j.admin, await j.consent(await j.start(channelId)));
    expect(usedCode.searchParams.get('connectError')).toBe('token_refused');

    facebook.server.replyNext(requestMatching('GET', /\/oauth\/access_token$/), graphError(400, 190, 'Error validating access token'));
    const refusedExchange = await j.landing(j.admin, await j.consent(await j.start(channelId)));
    expect(refusedExchange.searchParams.get('connectError')).toBe('token_refused');

    facebook.server.replyNext(requestMatching('GET', /\/me\/accounts$/), { status: 503, raw: 'Service Unavailable' });
    const down = await j.landing(j.admin, await j.consent(await j.start(channelId)));
    expect(down.searchParams.get('connectError')).toBe('platform_unreachable');

    expect(await j.row(channelId)).toBeUndefined();
    expect(await t.db.query(`SELECT 1 FROM connection_choices WHERE channel_id = $1`, [channelId])).toEqual([]);
  });

  it('no pages: nothing to choose; an expired or reused state, or an expired choice, connects nothing', async () => {
    const channelId = await j.newChannel('facebook');
    const pages = facebook.login.pages;
    facebook.login.pages = [];
    const none = await j.landing(j.admin, await j.consent(await j.start(channelId)));
    facebook.login.pages = pages;
    expect(none.searchParams.get('connectError')).toBe('nothing_to_choose');

    const callback = await j.consent(await j.start(channelId));
    await t.db.query(`UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect((await j.landing(j.admin, callback)).searchParams.get('connectError')).toBe('state_expired');

    const reused = await j.consent(await j.start(channelId));
    const signInId = (await j.landing(j.admin, reused)).searchParams.get('choose');
    expect((await j.landing(j.admin, reused)).searchParams.get('connectError')).toBe('state_used');

    await t.db.query(`UPDATE connection_choices SET expires_at = now() - interval '1 second' WHERE id = $1`, [signInId]);
    const expired = await j.admin.get(`${j.connectionPath(channelId)}/choices/${signInId}`);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('connection_choice_expired');
    expect((await j.admin.post(`${j.connectionPath(channelId)}/choices/${signInId}`).send({ choiceId: facebook.pageId })).status).toBe(410);
    // Another channel's address with this sign-in: not found.
    const other = await j.newChannel('facebook');
    expect((await j.admin.get(`${j.connectionPath(other)}/choices/${signInId}`)).status).toBe(404);
    expect(await j.row(channelId)).toBeUndefined();
  });
});

describe('connecting an Instagram account by Facebook Login against PostgreSQL and the fake Graph API', () => {
  let t: TestApp;
  let j: ConnectJourney;
  const instagram = new FakeInstagram();

  beforeAll(async () => {
    await instagram.start();
    instagram.login.oauth.clients.push({ clientId: APP.FACEBOOK_APP_ID, clientSecret: APP.FACEBOOK_APP_SECRET, redirectUris: [CALLBACK] });
    t = await metaApp(instagram.server.baseUrl);
    j = await connectJourney(t);
  });
  afterAll(async () => {
    await t?.close();
    await instagram.stop();
  });

  it('lists only the Instagram accounts linked to the pages, and stores the picked one with its page token', async () => {
    const channelId = await j.newChannel('instagram');
    const authorize = new URL(await j.start(channelId));
    expect(authorize.searchParams.get('scope')).toContain('instagram_content_publish');
    const signInId = (await j.landing(j.admin, await j.consent(authorize.toString()))).searchParams.get('choose');
    const listed = await j.admin.get(`${j.connectionPath(channelId)}/choices/${signInId}`);
    expect(listed.body).toEqual({
      platform: 'instagram',
      choices: [{ id: instagram.igUserId, name: `@${instagram.username}`, kind: 'instagram_account' }],
    });
    const chosen = await j.admin.post(`${j.connectionPath(channelId)}/choices/${signInId}`).send({ choiceId: instagram.igUserId });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({
      status: 'connected',
      settings: { igUserId: instagram.igUserId },
      credentialNames: ['accessToken'],
    });
  });

  it('a Facebook app missing on the installation is a 400 naming the platform', async () => {
    const bare = await createTestApp([ConnectModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      APP_ROLES: 'api',
      PUBLIC_URL,
    });
    try {
      const journey = await connectJourney(bare);
      const response = await journey.admin.post(`${journey.connectionPath(await journey.newChannel('instagram'))}/authorize`).send({});
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'oauth_not_configured', errors: [{ field: 'platform' }] });
      expect(response.body.message).toContain('FACEBOOK_APP_ID');
    } finally {
      await bare.close();
    }
  });
});
