import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two promises each channel makes (cadence and service hours), overrides of blocking rules on
 * posts, and the append-only audit log where those overrides (and, later, every decision) are kept.
 */
export class PromisesAndAudit1763820000000 implements MigrationInterface {
  name = 'PromisesAndAudit1763820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE channels
        ADD COLUMN max_posts_per_day smallint CHECK (max_posts_per_day >= 1),
        ADD COLUMN min_minutes_between_posts integer CHECK (min_minutes_between_posts BETWEEN 1 AND 10080),
        ADD COLUMN min_posts_per_week smallint CHECK (min_posts_per_week >= 1),
        ADD COLUMN max_days_of_silence smallint CHECK (max_days_of_silence >= 1),
        ADD COLUMN preferred_slots text[] NOT NULL DEFAULT '{}',
        ADD COLUMN cadence_description varchar(300) NOT NULL DEFAULT '',
        ADD COLUMN opening_hours varchar(1000),
        ADD COLUMN response_window_minutes integer CHECK (response_window_minutes BETWEEN 0 AND 10080),
        ADD CONSTRAINT channels_service_hours_complete CHECK ((opening_hours IS NULL) = (response_window_minutes IS NULL))`);
    await db.query(`
      CREATE TABLE channel_closed_periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        channel_id uuid NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        reason varchar(200) NOT NULL DEFAULT '',
        FOREIGN KEY (organization_id, channel_id) REFERENCES channels (organization_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX channel_closed_periods_channel_idx ON channel_closed_periods (channel_id, start_date)`);

    await db.query(`
      ALTER TABLE posts
        ADD COLUMN rule_override_reason varchar(1000),
        ADD COLUMN rule_override_by uuid REFERENCES users (id),
        ADD COLUMN rule_override_at timestamptz,
        ADD COLUMN rule_override_violations jsonb`);

    await db.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        action varchar(60) NOT NULL,
        subject_type varchar(30) NOT NULL,
        subject_id uuid,
        before jsonb,
        after jsonb,
        reason varchar(1000),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX audit_events_organization_idx ON audit_events (organization_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, created_at DESC)`);
    // Append-only: nothing rewrites history. (Rows still go with their organisation on its deletion.)
    await db.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await db.query(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_events_append_only()`);
    await db.query(
      `ALTER TABLE posts DROP COLUMN rule_override_reason, DROP COLUMN rule_override_by, DROP COLUMN rule_override_at, DROP COLUMN rule_override_violations`,
    );
    await db.query(`DROP TABLE channel_closed_periods`);
    await db.query(`
      ALTER TABLE channels DROP CONSTRAINT channels_service_hours_complete,
        DROP COLUMN max_posts_per_day, DROP COLUMN min_minutes_between_posts, DROP COLUMN min_posts_per_week,
        DROP COLUMN max_days_of_silence, DROP COLUMN preferred_slots, DROP COLUMN cadence_description,
        DROP COLUMN opening_hours, DROP COLUMN response_window_minutes`);
  }
}
