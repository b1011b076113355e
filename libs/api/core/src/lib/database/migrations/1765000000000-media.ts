import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The media library (issue 12).
 * - `media`: one row per uploaded image or video of an organisation, stored (stripped of metadata) under
 *   `storage_key` in the configured storage; images also have a thumbnail. `alt_text` is the text
 *   alternative ('' = not written yet).
 * - `post_media`: the media a post shows, in order. A medium a post uses cannot be deleted (RESTRICT);
 *   the API answers 409 naming the posts first.
 * - `installation_secrets`: secrets generated once per installation; `media_url` signs the expiring
 *   media URLs that platforms fetch (`GET /api/media/signed/{token}`), the same for every process.
 */
export class Media1765000000000 implements MigrationInterface {
  name = 'Media1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE media (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('image', 'video')),
        mime_type varchar(40) NOT NULL,
        file_name varchar(255) NOT NULL,
        bytes bigint NOT NULL CHECK (bytes >= 0),
        width integer NOT NULL CHECK (width >= 0),
        height integer NOT NULL CHECK (height >= 0),
        duration_ms integer CHECK (duration_ms >= 0),
        alt_text varchar(5000) NOT NULL DEFAULT '',
        storage_key varchar(300) NOT NULL,
        thumbnail_key varchar(300),
        uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await db.query(`CREATE INDEX media_library_idx ON media (organization_id, created_at DESC, id)`);

    await db.query(`
      CREATE TABLE post_media (
        organization_id uuid NOT NULL,
        post_id uuid NOT NULL,
        media_id uuid NOT NULL,
        position smallint NOT NULL CHECK (position >= 0),
        PRIMARY KEY (post_id, position),
        UNIQUE (post_id, media_id),
        FOREIGN KEY (organization_id, post_id) REFERENCES posts (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, media_id) REFERENCES media (organization_id, id) ON DELETE RESTRICT
      )`);
    await db.query(`CREATE INDEX post_media_media_idx ON post_media (media_id)`);

    await db.query(`
      CREATE TABLE installation_secrets (
        name varchar(50) PRIMARY KEY,
        secret bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      INSERT INTO installation_secrets (name, secret)
      VALUES ('media_url', sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')))
      ON CONFLICT (name) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE post_media`);
    await db.query(`DROP TABLE media`);
    await db.query(`DELETE FROM installation_secrets WHERE name = 'media_url'`);
    await db.query(`DROP TABLE IF EXISTS installation_secrets`);
  }
}
