import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Media a platform already holds for a target revision (issue 12, native upload): written when an
 * upload succeeds, read before uploading, so an attempt that failed after uploading is retried with
 * the same platform media (Mastodon attachment id, Bluesky blob, X media id…) instead of a second upload.
 * `platform_media_id` is what the adapter needs to attach it again (an id, or a blob reference as JSON).
 */
export class TargetMediaUploads1765300000000 implements MigrationInterface {
  name = 'TargetMediaUploads1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE target_media_uploads (
        target_id uuid NOT NULL REFERENCES post_targets (id) ON DELETE CASCADE,
        revision integer NOT NULL,
        media_id uuid NOT NULL REFERENCES media (id) ON DELETE CASCADE,
        platform_media_id varchar(2000) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (target_id, revision, media_id)
      )`);
    await db.query(`CREATE INDEX target_media_uploads_media_idx ON target_media_uploads (media_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE target_media_uploads`);
  }
}
