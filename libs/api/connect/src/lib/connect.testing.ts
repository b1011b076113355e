import type { TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';

export const PUBLIC_URL = 'http://kadens.test';
export const CALLBACK = `${PUBLIC_URL}/api/oauth/callback`;

/** The demo organisation with an admin (two sessions), an editor, and the steps of a sign-in seen from the browser. */
export interface ConnectJourney {
  org: string;
  adminId: string;
  admin: TestAgent;
  admin2: TestAgent;
  editor: TestAgent;
  newChannel(platform: string): Promise<string>;
  start(channelId: string, body?: object): Promise<string>;
  /** The person approves on the fake consent page: the platform's redirect back to Kadens's callback (a path). */
  consent(authorize: string): Promise<string>;
  /** Where the callback sends the browser (the web's channel page). */
  landing(agent: TestAgent, callbackPath: string): Promise<URL>;
  row(channelId: string): Promise<StoredRow | undefined>;
  connectionPath(channelId: string): string;
}

export interface StoredRow {
  credentials: Buffer;
  credential_names: string[];
  status: string;
  expires_at: Date | null;
  connected_by: string;
  settings: Record<string, unknown>;
  base_url: string | null;
}

export async function connectJourney(t: TestApp): Promise<ConnectJourney> {
  await t.app.get(DemoSeeder).seed();
  const [{ id: org }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
  const [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE email = 'admin@kadens.demo'`);
  const admin = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
  const admin2 = await t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
  const editor = await t.loginAs('editor@kadens.demo', DEMO_PASSWORD);
  const connectionPath = (channelId: string) => `/api/organizations/${org}/channels/${channelId}/connection`;
  return {
    org,
    adminId,
    admin,
    admin2,
    editor,
    connectionPath,
    async newChannel(platform) {
      const [{ id }] = await t.db.query(`INSERT INTO channels (organization_id, platform, name) VALUES ($1, $2, $3) RETURNING id`, [
        org,
        platform,
        `${platform} ${randomBytes(3).toString('hex')}`,
      ]);
      return id;
    },
    async start(channelId, body = {}) {
      const response = await admin.post(`${connectionPath(channelId)}/authorize`).send(body);
      if (response.status !== 200) throw new Error(`authorize: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.authorizeUrl as string;
    },
    async consent(authorize) {
      const response = await fetch(authorize, { redirect: 'manual' });
      const back = response.headers.get('location') ?? '';
      if (response.status !== 302 || !back.startsWith(`${CALLBACK}?`)) throw new Error(`consent: ${response.status} ${back}`);
      return back.slice(PUBLIC_URL.length);
    },
    async landing(agent, callbackPath) {
      const response = await agent.get(callbackPath);
      if (response.status !== 302) throw new Error(`callback: ${response.status}`);
      return new URL(response.headers['location'] as string);
    },
    async row(channelId) {
      const [row] = await t.db.query(
        `SELECT credentials, credential_names, status, expires_at, connected_by, settings, base_url FROM channel_connections WHERE channel_id = $1`,
        [channelId],
      );
      return row as StoredRow | undefined;
    },
  };
}
