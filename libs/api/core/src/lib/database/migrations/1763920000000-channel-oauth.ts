import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Connecting a channel with the platform's OAuth sign-in (issue 11).
 * - `channel_connections` learns when its access token expires (null: it does not, or nobody knows),
 *   who connected it and when; the refresh token lives with the other credentials, encrypted.
 * - `oauth_states`: one row per started sign-in, kept as the SHA-256 of its `state`, bound to the
 *   session, organisation and channel; used once, within 10 minutes. The PKCE verifier waits here.
 * - `mastodon_apps`: the app Kadens registered on an instance (`POST /api/v1/apps`), once per instance
 *   and redirect URI.
 */
export class ChannelOAuth1763920000000 implements MigrationInterface {
  name = 'ChannelOAuth1763920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE channel_connections
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN connected_by uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN connected_at timestamptz`);

    await db.query(`
      CREATE TABLE oauth_states (
        state_hash char(64) PRIMARY KEY,
        session_token_hash char(64) NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        channel_id uuid NOT NULL,
        platform varchar(20) NOT NULL,
        code_verifier varchar(128) NOT NULL,
        instance_url varchar(2048),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        FOREIGN KEY (organization_id, channel_id) REFERENCES channels (organization_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX oauth_states_expires_at_idx ON oauth_states (expires_at)`);

    await db.query(`
      CREATE TABLE mastodon_apps (
        instance_url varchar(2048) NOT NULL,
        redirect_uri varchar(2048) NOT NULL,
        client_id varchar(500) NOT NULL,
        client_secret varchar(500) NOT NULL,
        scopes varchar(500) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (instance_url, redirect_uri)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mastodon_apps`);
    await db.query(`DROP TABLE oauth_states`);
    await db.query(`ALTER TABLE channel_connections DROP COLUMN connected_at, DROP COLUMN connected_by, DROP COLUMN expires_at`);
  }
}
