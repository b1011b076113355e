import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV import of a plan (issue 14).
 * - `post_import_rows`: one row per imported CSV row: the SHA-256 of the organisation and the row's
 *   normalised values (the import key, unique per organisation) and the draft it became. Importing the
 *   same file again finds the keys and creates nothing twice; deleting the draft frees its key.
 */
export class PostImports1765110000000 implements MigrationInterface {
  name = 'PostImports1765110000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE post_import_rows (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        import_key char(64) NOT NULL,
        post_id uuid NOT NULL,
        imported_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, import_key),
        FOREIGN KEY (organization_id, post_id) REFERENCES posts (organization_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX post_import_rows_post_idx ON post_import_rows (post_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE post_import_rows`);
  }
}
