import type { OutboundClient } from '@kadens/api/outbound';
import type { CredentialsCipher, CredentialsOwner } from '@kadens/api/publishing';
import type { DataSource } from 'typeorm';

import { fieldError } from './connect-flow';
import { OAUTH_REQUEST_TIMEOUT_MS } from './oauth-client';

export const MASTODON_SCOPE = 'read:accounts write:statuses write:media';

export interface MastodonApp {
  clientId: string;
  clientSecret: string;
}

/**
 * Kadens's app on each Mastodon instance, registered once (`POST /api/v1/apps`) per instance and
 * redirect URI, and kept in `mastodon_apps`. Two people starting at once may both register; the
 * first row stored wins and the other app is simply never used. The client secret is stored encrypted
 * with the connection credentials' cipher (CREDENTIALS_KEY), bound to the instance and redirect URI.
 */
export class MastodonApps {
  constructor(
    private readonly db: DataSource,
    private readonly outbound: OutboundClient,
    private readonly website: string,
    private readonly cipher: CredentialsCipher,
  ) {}

  async forInstance(instanceUrl: string, redirectUri: string): Promise<MastodonApp> {
    const known = await this.find(instanceUrl, redirectUri);
    if (known !== null) return known;
    const registered = await this.register(instanceUrl, redirectUri);
    await this.db.query(
      `INSERT INTO mastodon_apps (instance_url, redirect_uri, client_id, client_secret, scopes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [
        instanceUrl,
        redirectUri,
        registered.clientId,
        this.cipher.seal(appOwner(instanceUrl, redirectUri), { clientSecret: registered.clientSecret }),
        MASTODON_SCOPE,
      ],
    );
    return (await this.find(instanceUrl, redirectUri)) ?? registered;
  }

  private async find(instanceUrl: string, redirectUri: string): Promise<MastodonApp | null> {
    const [row]: Array<{ client_id: string; client_secret: Buffer }> = await this.db.query(
      `SELECT client_id, client_secret FROM mastodon_apps WHERE instance_url = $1 AND redirect_uri = $2`,
      [instanceUrl, redirectUri],
    );
    if (!row) return null;
    const { clientSecret = '' } = this.cipher.open(appOwner(instanceUrl, redirectUri), row.client_secret);
    return { clientId: row.client_id, clientSecret };
  }

  private async register(instanceUrl: string, redirectUri: string): Promise<MastodonApp> {
    let body: unknown;
    let status: number;
    try {
      const response = await this.outbound.fetch(`${instanceUrl}/api/v1/apps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ client_name: 'Kadens', redirect_uris: redirectUri, scopes: MASTODON_SCOPE, website: this.website }),
        redirect: 'manual',
        timeoutMs: OAUTH_REQUEST_TIMEOUT_MS,
      });
      status = response.status;
      body = await response.json().catch(() => null);
    } catch (error) {
      throw fieldError('instanceUrl', `The instance could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const clientId = record['client_id'];
    const clientSecret = record['client_secret'];
    if (status !== 200 || typeof clientId !== 'string' || typeof clientSecret !== 'string') {
      const said = typeof record['error'] === 'string' ? `: ${record['error']}` : '';
      throw fieldError('instanceUrl', `The address did not register an app the way a Mastodon instance does (HTTP ${status}${said})`);
    }
    return { clientId, clientSecret };
  }
}

/** Binds a sealed app secret to its row: opened under another instance's name it does not open. */
function appOwner(instanceUrl: string, redirectUri: string): CredentialsOwner {
  return { organizationId: 'mastodon-app', channelId: `${instanceUrl} ${redirectUri}` };
}
