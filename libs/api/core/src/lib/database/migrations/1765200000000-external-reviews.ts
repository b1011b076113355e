import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * External sign-off by link: a named outside person (no account) asked to review one revision of a
 * post. Only the SHA-256 of the link's token is kept; the row records who asked, when the link was
 * opened, the decision, and when it was revoked or replaced by a newer request for the same post.
 */
export class ExternalReviews1765200000000 implements MigrationInterface {
  name = 'ExternalReviews1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE external_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        post_id uuid NOT NULL,
        revision integer NOT NULL,
        name varchar(200) NOT NULL,
        email varchar(320) NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        expires_at timestamptz NOT NULL,
        opened_at timestamptz,
        decided_at timestamptz,
        decision varchar(20) CHECK (decision IN ('approved', 'changes_requested')),
        comment varchar(4000) NOT NULL DEFAULT '',
        revoked_at timestamptz,
        revoked_reason varchar(10) CHECK (revoked_reason IN ('revoked', 'replaced')),
        FOREIGN KEY (organization_id, post_id) REFERENCES posts (organization_id, id) ON DELETE CASCADE,
        CHECK ((decision IS NULL) = (decided_at IS NULL)),
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    await db.query(`CREATE INDEX external_reviews_post_idx ON external_reviews (post_id, created_at DESC)`);
    // At most one request per post is live (not revoked or replaced); a new one replaces it in the same transaction.
    await db.query(`CREATE UNIQUE INDEX external_reviews_one_live ON external_reviews (post_id) WHERE revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE external_reviews`);
  }
}
