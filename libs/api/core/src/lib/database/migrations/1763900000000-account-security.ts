import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account security: sessions a person can see and end (an id that is not the token, when it was last
 * used, from which browser and roughly where), single-use password-reset tokens stored only as SHA-256,
 * and a log of what happened to an account's password and sessions.
 */
export class AccountSecurity1763900000000 implements MigrationInterface {
  name = 'AccountSecurity1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sessions
        ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN user_agent varchar(300),
        ADD COLUMN address varchar(64)`);
    await db.query(`CREATE UNIQUE INDEX sessions_id_key ON sessions (id)`);

    await db.query(`
      CREATE TABLE password_reset_tokens (
        token_hash char(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)`);

    await db.query(`
      CREATE TABLE account_events (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        address varchar(64),
        user_agent varchar(300),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX account_events_user_idx ON account_events (user_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE account_events`);
    await db.query(`DROP TABLE password_reset_tokens`);
    await db.query(`ALTER TABLE sessions DROP COLUMN id, DROP COLUMN last_used_at, DROP COLUMN user_agent, DROP COLUMN address`);
  }
}
