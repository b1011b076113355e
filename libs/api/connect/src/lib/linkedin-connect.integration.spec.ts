import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { FakeLinkedIn, linkedinError, requestMatching } from '@kadens/api/platforms/testing';
import { ConnectionCredentials } from '@kadens/api/publishing';
import { randomBytes } from 'node:crypto';

import { CALLBACK, connectJourney, type ConnectJourney, PUBLIC_URL } from './connect.testing';
import { ConnectModule } from './connect.module';
import { LINKEDIN_SCOPE } from './linkedin-flow';

describe('connecting a LinkedIn organisation page by 3-legged OAuth against PostgreSQL and the fake LinkedIn', () => {
  let t: TestApp;
  let j: ConnectJourney;
  const linkedin = new FakeLinkedIn();

  beforeAll(async () => {
    await linkedin.start();
    linkedin.oauth.clients.push({ clientId: 'kadens-li', clientSecret: 'li-secret', redirectUris: [CALLBACK] });
    t = await createTestApp([ConnectModule], {
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      APP_ROLES: 'api',
      PUBLIC_URL,
      LINKEDIN_CLIENT_ID: 'kadens-li',
      LINKEDIN_CLIENT_SECRET: 'li-secret',
      LINKEDIN_OAUTH_URL: linkedin.server.baseUrl,
      LINKEDIN_API_URL: linkedin.server.baseUrl,
    });
    j = await connectJourney(t);
  });
  afterAll(async () => {
    await t?.close();
    await linkedin.stop();
  });
  afterEach(() => {
    linkedin.oauth.refreshTokenPolicy = 'never';
  });

  const choose = async (channelId: string): Promise<{ signInId: string; choices: unknown }> => {
    const to = await j.landing(j.admin, await j.consent(await j.start(channelId)));
    const signInId = to.searchParams.get('choose') ?? `none: ${to.search}`;
    const listed = await j.admin.get(`${j.connectionPath(channelId)}/choices/${signInId}`);
    return { signInId, choices: listed.body };
  };

  it('organisation scopes → the pages the person administers → the picked one, expiring in 60 days without a refresh token', async () => {
    const channelId = await j.newChannel('linkedin');
    const authorize = new URL(await j.start(channelId));
    expect(authorize.pathname).toBe('/oauth/v2/authorization');
    expect(authorize.searchParams.get('scope')).toBe(LINKEDIN_SCOPE);
    const { signInId, choices } = await choose(channelId);
    expect(choices).toEqual({
      platform: 'linkedin',
      choices: [
        { id: linkedin.organizationId, name: linkedin.organizationName, kind: 'organization' },
        { id: '55555', name: 'Kadens bibliotek', kind: 'organization' },
      ],
    });
    const acl = linkedin.server.requestsTo('GET', /^\/rest\/organizationAcls$/).at(-1);
    expect(Object.fromEntries(acl?.query ?? [])).toMatchObject({ q: 'roleAssignee', role: 'ADMINISTRATOR' });
    const token = linkedin.server.requestsTo('POST', /^\/oauth\/v2\/accessToken$/).at(-1);
    expect(token?.form.get('client_secret')).toBe('li-secret');

    const chosen = await j.admin.post(`${j.connectionPath(channelId)}/choices/${signInId}`).send({ choiceId: linkedin.organizationId });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({
      status: 'connected',
      accountName: linkedin.organizationName,
      settings: { authorUrn: `urn:li:organization:${linkedin.organizationId}` },
      credentialNames: ['accessToken'],
    });
    const expiresIn = new Date(chosen.body.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(59 * 24 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(60 * 24 * 3600_000);
  });

  it('keeps the refresh token when LinkedIn grants one, and the worker renews with it (secret in the form)', async () => {
    linkedin.oauth.refreshTokenPolicy = 'always';
    const channelId = await j.newChannel('linkedin');
    const { signInId } = await choose(channelId);
    const chosen = await j.admin.post(`${j.connectionPath(channelId)}/choices/${signInId}`).send({ choiceId: linkedin.organizationId });
    expect(chosen.body.credentialNames).toEqual(['accessToken', 'refreshToken']);

    await t.db.query(`UPDATE channel_connections SET expires_at = now() + interval '1 minute' WHERE channel_id = $1`, [channelId]);
    const before = linkedin.oauth.refreshes;
    const fresh = await t.app.get(ConnectionCredentials).fresh(channelId);
    expect(linkedin.oauth.refreshes).toBe(before + 1);
    expect(fresh?.credentials['accessToken']).toBe(linkedin.accessToken);
    const refresh = linkedin.server.requestsTo('POST', /^\/oauth\/v2\/accessToken$/).at(-1);
    expect(refresh?.form.get('grant_type')).toBe('refresh_token');
    expect(refresh?.form.get('client_secret')).toBe('li-secret');
    const [row] = await t.db.query(`SELECT expires_at FROM channel_connections WHERE channel_id = $1`, [channelId]);
    expect((row.expires_at as Date).getTime()).toBeGreaterThan(Date.now() + 59 * 24 * 3600_000);
  });

  it("a declined consent, a refused code and LinkedIn's error on the organisation list store nothing", async () => {
    const channelId = await j.newChannel('linkedin');
    linkedin.oauth.denyNextConsent();
    const declined = await j.landing(j.admin, await j.consent(await j.start(channelId)));
    expect(Object.fromEntries(declined.searchParams)).toEqual({ channel: channelId, connectError: 'denied' });

    linkedin.server.replyNext(requestMatching('POST', /^\/oauth\/v2\/accessToken$/), {
      status: 400,
      json: {
        error: 'invalid_request',
        error_description:
          'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired.',
      },
    });
    expect((await j.landing(j.admin, await j.consent(await j.start(channelId)))).searchParams.get('connectError')).toBe('token_refused');

    linkedin.server.replyNext(
      requestMatching('GET', /^\/rest\/organizationAcls$/),
      linkedinError(403, 'Not enough permissions to access: organizationAcls.FINDER-roleAssignee', 'ACCESS_DENIED', 100),
    );
    expect((await j.landing(j.admin, await j.consent(await j.start(channelId)))).searchParams.get('connectError')).toBe('token_refused');

    const callback = await j.consent(await j.start(channelId));
    expect((await j.landing(j.admin, callback)).searchParams.get('choose')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await j.landing(j.admin, callback)).searchParams.get('connectError')).toBe('state_used');
    expect(await j.row(channelId)).toBeUndefined();
  });
});
