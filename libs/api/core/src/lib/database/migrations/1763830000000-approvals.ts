import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-off: the approval policy (per organisation, stricter per channel), who wrote each revision,
 * reviews that count only for the revision they saw, an editable review checklist, comments on posts
 * and in-app notifications.
 */
export class Approvals1763830000000 implements MigrationInterface {
  name = 'Approvals1763830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organizations
        ADD COLUMN approvals_required smallint NOT NULL DEFAULT 1 CHECK (approvals_required BETWEEN 1 AND 3),
        ADD COLUMN admin_approval_required boolean NOT NULL DEFAULT false`);
    await db.query(`
      ALTER TABLE channels
        ADD COLUMN approvals_required smallint CHECK (approvals_required BETWEEN 1 AND 3),
        ADD COLUMN admin_approval_required boolean NOT NULL DEFAULT false`);
    await db.query(
      `ALTER TABLE posts ADD COLUMN sensitive boolean NOT NULL DEFAULT false, ADD COLUMN revision_author_id uuid REFERENCES users (id)`,
    );
    await db.query(`UPDATE posts SET revision_author_id = author_id`);
    await db.query(`ALTER TABLE posts ALTER COLUMN revision_author_id SET NOT NULL`);
    // The first revision is the author's, whoever inserts the row.
    await db.query(`
      CREATE FUNCTION posts_revision_author() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.revision_author_id := COALESCE(NEW.revision_author_id, NEW.author_id); RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER posts_revision_author BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION posts_revision_author()`);

    await db.query(`
      CREATE TABLE post_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        post_id uuid NOT NULL,
        revision integer NOT NULL,
        reviewer_id uuid NOT NULL REFERENCES users (id),
        reviewer_role varchar(16) NOT NULL,
        decision varchar(20) NOT NULL CHECK (decision IN ('approved', 'changes_requested')),
        comment varchar(4000) NOT NULL DEFAULT '',
        checklist jsonb NOT NULL DEFAULT '[]',
        counts boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (organization_id, post_id) REFERENCES posts (organization_id, id) ON DELETE CASCADE
      )`);
    // One approval per person per revision, however many times the button is pressed at once.
    await db.query(
      `CREATE UNIQUE INDEX post_reviews_one_approval ON post_reviews (post_id, revision, reviewer_id) WHERE decision = 'approved'`,
    );
    await db.query(`CREATE INDEX post_reviews_post_idx ON post_reviews (post_id, created_at)`);

    await db.query(`
      CREATE TABLE checklist_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        key varchar(30),
        text varchar(300) NOT NULL,
        required boolean NOT NULL DEFAULT true,
        position integer NOT NULL DEFAULT 0,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX checklist_items_organization_idx ON checklist_items (organization_id, position)`);

    await db.query(`
      CREATE TABLE post_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        post_id uuid NOT NULL,
        author_id uuid NOT NULL REFERENCES users (id),
        body varchar(4000) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        FOREIGN KEY (organization_id, post_id) REFERENCES posts (organization_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX post_comments_post_idx ON post_comments (post_id, created_at)`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        post_id uuid,
        params jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz,
        emailed_at timestamptz,
        email_attempts smallint NOT NULL DEFAULT 0
      )`);
    await db.query(`CREATE INDEX notifications_outbox_idx ON notifications (created_at) WHERE emailed_at IS NULL`);
    await db.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, organization_id, created_at DESC)`);

    await db.query(`
      INSERT INTO checklist_items (organization_id, key, text, position)
      SELECT o.id, d.key, d.text, d.position FROM organizations o CROSS JOIN (VALUES
        ('relevance', 'Relevant to the theme and the audiences it is for', 1),
        ('tone', 'Calm and personal in tone, not emotional', 2),
        ('privacy', 'Respects privacy: no personal data without consent', 3),
        ('marketing_law', 'Follows marketing law: advertising is recognisable as such', 4),
        ('rights', 'We have the rights to images, video and quotes', 5),
        ('link_back', 'Links back to our website where that helps', 6)) AS d (key, text, position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'post_comments', 'checklist_items', 'post_reviews']) await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP TRIGGER posts_revision_author ON posts`);
    await db.query(`DROP FUNCTION posts_revision_author()`);
    await db.query(`ALTER TABLE posts DROP COLUMN revision_author_id, DROP COLUMN sensitive`);
    await db.query(`ALTER TABLE channels DROP COLUMN admin_approval_required, DROP COLUMN approvals_required`);
    await db.query(`ALTER TABLE organizations DROP COLUMN admin_approval_required, DROP COLUMN approvals_required`);
  }
}
