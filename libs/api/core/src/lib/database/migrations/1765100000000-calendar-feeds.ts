import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan as a private calendar feed (issue 14).
 * - `calendar_feeds`: one row per feed a member made: the SHA-256 of its URL's token (the token itself is
 *   never stored), whose feed it is, the organisation, optional channel and theme filters, when it was
 *   made, last fetched and revoked. A regenerated feed keeps its row and gets a new hash. No foreign key
 *   to `memberships`: a feed whose person left the organisation answers 410 instead of vanishing.
 */
export class CalendarFeeds1765100000000 implements MigrationInterface {
  name = 'CalendarFeeds1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL UNIQUE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        channel_ids uuid[] NOT NULL DEFAULT '{}',
        theme_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        last_fetched_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (user_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_feeds`);
  }
}
