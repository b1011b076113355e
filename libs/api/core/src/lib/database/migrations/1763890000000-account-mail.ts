import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail about a person's account (password reset, invitations): an outbox, written in the transaction
 * that decided to send it and sent by the worker role, so a request never waits for SMTP and answers
 * the same whether or not a mail was written.
 */
export class AccountMail1763890000000 implements MigrationInterface {
  name = 'AccountMail1763890000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account_mails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        to_email text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await db.query(`CREATE INDEX account_mails_pending ON account_mails (created_at) WHERE sent_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE account_mails`);
  }
}
