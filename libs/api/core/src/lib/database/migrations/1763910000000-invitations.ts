import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations replace adding people silently: an admin invites an e-mail, and only the person who reads
 * that mailbox can join — with the link (a new account) or in the app (an existing one). The token is
 * kept as its SHA-256 only; a pending invitation is one that is neither accepted, declined nor revoked
 * (expiry is a time, checked where the token is used), and there is at most one per organisation and e-mail.
 */
export class Invitations1763910000000 implements MigrationInterface {
  name = 'Invitations1763910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        name varchar(120),
        role varchar(16) NOT NULL CHECK (role IN ('admin', 'editor', 'approver', 'viewer')),
        invited_by uuid,
        token_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        declined_at timestamptz,
        revoked_at timestamptz,
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, invited_by) REFERENCES memberships (organization_id, user_id) ON DELETE SET NULL (invited_by),
        CHECK (num_nonnulls(accepted_at, declined_at, revoked_at) <= 1)
      )`);
    await db.query(`CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash)`);
    await db.query(`
      CREATE UNIQUE INDEX invitations_pending_key ON invitations (organization_id, email)
        WHERE accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL`);
    await db.query(`
      CREATE INDEX invitations_pending_email_idx ON invitations (email)
        WHERE accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE invitations`);
  }
}
