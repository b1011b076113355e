import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which notifications a member wants by e-mail, per organisation: `memberships.mail_muted_kinds` lists
 * the kinds they turned off (in the app they always show). Each notification records at its writing
 * whether it is to be e-mailed (`email_wanted`), so the outbox never scans rows it will not send, and
 * changing the setting later does not reach back to mails already decided.
 */
export class NotificationMailPreferences1765620000000 implements MigrationInterface {
  name = 'NotificationMailPreferences1765620000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE memberships ADD COLUMN mail_muted_kinds text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE notifications ADD COLUMN email_wanted boolean NOT NULL DEFAULT true`);
    await db.query(`DROP INDEX notifications_outbox_idx`);
    await db.query(`CREATE INDEX notifications_outbox_idx ON notifications (created_at) WHERE emailed_at IS NULL AND email_wanted`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_outbox_idx`);
    await db.query(`CREATE INDEX notifications_outbox_idx ON notifications (created_at) WHERE emailed_at IS NULL`);
    await db.query(`ALTER TABLE notifications DROP COLUMN email_wanted`);
    await db.query(`ALTER TABLE memberships DROP COLUMN mail_muted_kinds`);
  }
}
