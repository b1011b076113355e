import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsAndOrganizations1763780000000 implements MigrationInterface {
  name = 'AccountsAndOrganizations1763780000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CHECK (email = lower(email)),
        name varchar(120) NOT NULL,
        password_hash text NOT NULL,
        locale varchar(2) CHECK (locale IN ('nb', 'da', 'sv', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await db.query(`
      CREATE TABLE sessions (
        token_hash char(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);
    await db.query(`CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)`);

    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        slug varchar(63) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        time_zone varchar(64) NOT NULL,
        country char(2) NOT NULL,
        default_locale varchar(2) NOT NULL CHECK (default_locale IN ('nb', 'da', 'sv', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX organizations_slug_key ON organizations (slug)`);

    await db.query(`
      CREATE TABLE memberships (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('admin', 'editor', 'approver', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id)
      )`);
    await db.query(`CREATE INDEX memberships_user_id_idx ON memberships (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE memberships`);
    await db.query(`DROP TABLE organizations`);
    await db.query(`DROP TABLE sessions`);
    await db.query(`DROP TABLE users`);
  }
}
