import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation (issue 13). `memberships.monthly_evaluation_mail`: whether an admin receives the monthly
 * evaluation by e-mail (opt-out, per person and organisation). `organizations.public_promises_kept`:
 * whether the public availability page shows the share of weeks with the cadence kept.
 * `evaluation_digests`: one row per organisation and month, written in the transaction that enqueues
 * the month's mails, so two schedulers or a restart never send a month twice.
 */
export class Evaluation1765550000000 implements MigrationInterface {
  name = 'Evaluation1765550000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE memberships ADD COLUMN monthly_evaluation_mail boolean NOT NULL DEFAULT true`);
    await db.query(`ALTER TABLE organizations ADD COLUMN public_promises_kept boolean NOT NULL DEFAULT false`);
    await db.query(`
      CREATE TABLE evaluation_digests (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        month varchar(7) NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
        recipients integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, month)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE evaluation_digests`);
    await db.query(`ALTER TABLE organizations DROP COLUMN public_promises_kept`);
    await db.query(`ALTER TABLE memberships DROP COLUMN monthly_evaluation_mail`);
  }
}
