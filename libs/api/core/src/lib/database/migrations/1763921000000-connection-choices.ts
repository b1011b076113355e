import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Connecting a channel, continued (issue 11).
 * - `connection_choices`: a sign-in that ended with several accounts to pick from (the Facebook pages,
 *   Instagram accounts or LinkedIn organisations the person manages). The names and pictures are kept
 *   plain for the picker; each candidate's tokens only encrypted (`sealed`, the connection credentials'
 *   cipher bound to the channel). Bound to the session, organisation and channel; used once, within 10 minutes.
 * - `mastodon_apps.client_secret` is stored encrypted like connection credentials; apps registered
 *   before are forgotten (Kadens registers a new one at the next sign-in; tokens already issued keep working).
 * - `connection_expiry_warnings`: which expiry warnings (7 and 1 day before) were sent, once per expiry.
 */
export class ConnectionChoices1763921000000 implements MigrationInterface {
  name = 'ConnectionChoices1763921000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE connection_choices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_token_hash char(64) NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        channel_id uuid NOT NULL,
        platform varchar(20) NOT NULL,
        choices jsonb NOT NULL,
        sealed bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        FOREIGN KEY (organization_id, channel_id) REFERENCES channels (organization_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX connection_choices_expires_at_idx ON connection_choices (expires_at)`);

    await db.query(`DELETE FROM mastodon_apps`);
    await db.query(`ALTER TABLE mastodon_apps DROP COLUMN client_secret, ADD COLUMN client_secret bytea NOT NULL`);

    await db.query(`
      CREATE TABLE connection_expiry_warnings (
        channel_id uuid NOT NULL REFERENCES channel_connections (channel_id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        days_before smallint NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel_id, expires_at, days_before)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE connection_expiry_warnings`);
    await db.query(`DELETE FROM mastodon_apps`);
    await db.query(`ALTER TABLE mastodon_apps DROP COLUMN client_secret, ADD COLUMN client_secret varchar(500) NOT NULL`);
    await db.query(`DROP TABLE connection_choices`);
  }
}
