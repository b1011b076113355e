import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing: channel connections with encrypted credentials, the delivery columns of a target, every
 * attempt at delivering it, the crisis switch for organisations and channels, and a notification on
 * each delivery state change so every API process can stream it to the web.
 */
export class Publishing1763860000000 implements MigrationInterface {
  name = 'Publishing1763860000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['organizations', 'channels']) {
      await db.query(`
        ALTER TABLE ${table}
          ADD COLUMN publishing_paused_at timestamptz,
          ADD COLUMN publishing_pause_reason varchar(500),
          ADD COLUMN publishing_paused_by uuid REFERENCES users (id) ON DELETE SET NULL,
          ADD CONSTRAINT ${table}_pause_has_reason CHECK ((publishing_paused_at IS NULL) = (publishing_pause_reason IS NULL))`);
    }

    await db.query(`
      CREATE TABLE channel_connections (
        channel_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        base_url varchar(2048),
        settings jsonb NOT NULL DEFAULT '{}',
        credentials bytea NOT NULL,
        credential_names text[] NOT NULL DEFAULT '{}',
        status varchar(20) NOT NULL DEFAULT 'untested' CHECK (status IN ('untested', 'connected', 'reconnect_needed')),
        account_name varchar(200),
        last_error varchar(2000),
        checked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organization_id, channel_id) REFERENCES channels (organization_id, id) ON DELETE CASCADE
      )`);

    // job_id is the live BullMQ job (target:revision:dispatch); not_before delays a retry or a reschedule.
    await db.query(`
      ALTER TABLE post_targets
        ADD COLUMN job_id varchar(120),
        ADD COLUMN dispatch_count integer NOT NULL DEFAULT 0,
        ADD COLUMN queued_revision integer,
        ADD COLUMN queued_at timestamptz,
        ADD COLUMN not_before timestamptz,
        ADD COLUMN attempt_count integer NOT NULL DEFAULT 0,
        ADD COLUMN external_id varchar(500),
        ADD COLUMN external_url varchar(2048),
        ADD COLUMN published_at timestamptz,
        ADD COLUMN last_error_kind varchar(20),
        ADD COLUMN last_error varchar(2000),
        ADD COLUMN state_changed_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(
      `CREATE INDEX post_targets_delivery_idx ON post_targets (state, post_id) WHERE state IN ('scheduled', 'queued', 'publishing')`,
    );
    await db.query(
      `CREATE INDEX post_targets_attention_idx ON post_targets (organization_id, state_changed_at) WHERE state IN ('failed', 'unconfirmed', 'held', 'expired')`,
    );

    await db.query(`
      CREATE TABLE publish_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        target_id uuid NOT NULL REFERENCES post_targets (id) ON DELETE CASCADE,
        revision integer NOT NULL,
        job_id varchar(120),
        number integer NOT NULL,
        worker varchar(200),
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        outcome varchar(20) CHECK (outcome IN ('published', 'refused', 'auth', 'rate_limited', 'invalid_content', 'transient', 'ambiguous', 'timed_out', 'marked_published', 'error')),
        status integer,
        code varchar(200),
        message varchar(2000),
        external_id varchar(500),
        external_url varchar(2048),
        retry_at timestamptz,
        CHECK ((finished_at IS NULL) = (outcome IS NULL))
      )`);
    await db.query(`CREATE INDEX publish_attempts_target_idx ON publish_attempts (target_id, started_at)`);
    await db.query(`CREATE INDEX publish_attempts_running_idx ON publish_attempts (started_at) WHERE finished_at IS NULL`);
    // The last line of defence for "exactly once": a target is published by at most one attempt.
    await db.query(
      `CREATE UNIQUE INDEX publish_attempts_published_once ON publish_attempts (target_id) WHERE outcome IN ('published', 'marked_published')`,
    );

    // The calendar entry only shows state and channel; delivery bookkeeping must not rebuild it.
    await db.query(`
      CREATE OR REPLACE FUNCTION post_targets_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_post_targets(ARRAY(
          SELECT DISTINCT n.post_id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.state IS DISTINCT FROM o.state OR n.channel_id IS DISTINCT FROM o.channel_id OR n.post_id IS DISTINCT FROM o.post_id));
        RETURN NULL;
      END $$`);

    // Every API process LISTENs and streams these to the web (server-sent events).
    await db.query(`
      CREATE FUNCTION post_targets_state_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kadens_target_state', json_build_object('o', NEW.organization_id, 'p', NEW.post_id, 't', NEW.id, 'c', NEW.channel_id, 's', NEW.state)::text);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER post_targets_state_notify AFTER UPDATE OF state ON post_targets
        FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION post_targets_state_notify()`);
    await db.query(`
      CREATE FUNCTION post_targets_state_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.state_changed_at := now(); RETURN NEW; END $$`);
    await db.query(`
      CREATE TRIGGER post_targets_state_changed BEFORE UPDATE OF state ON post_targets
        FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION post_targets_state_changed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER post_targets_state_changed ON post_targets`);
    await db.query(`DROP FUNCTION post_targets_state_changed()`);
    await db.query(`DROP TRIGGER post_targets_state_notify ON post_targets`);
    await db.query(`DROP FUNCTION post_targets_state_notify()`);
    await db.query(`
      CREATE OR REPLACE FUNCTION post_targets_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM refresh_post_targets(ARRAY(SELECT post_id FROM new_rows UNION SELECT post_id FROM old_rows)); RETURN NULL; END $$`);
    await db.query(`DROP TABLE publish_attempts`);
    await db.query(`DROP INDEX post_targets_attention_idx`);
    await db.query(`DROP INDEX post_targets_delivery_idx`);
    await db.query(`
      ALTER TABLE post_targets
        DROP COLUMN job_id, DROP COLUMN dispatch_count, DROP COLUMN queued_revision, DROP COLUMN queued_at, DROP COLUMN not_before,
        DROP COLUMN attempt_count, DROP COLUMN external_id, DROP COLUMN external_url, DROP COLUMN published_at,
        DROP COLUMN last_error_kind, DROP COLUMN last_error, DROP COLUMN state_changed_at`);
    await db.query(`DROP TABLE channel_connections`);
    for (const table of ['channels', 'organizations']) {
      await db.query(`
        ALTER TABLE ${table} DROP CONSTRAINT ${table}_pause_has_reason,
          DROP COLUMN publishing_paused_at, DROP COLUMN publishing_pause_reason, DROP COLUMN publishing_paused_by`);
    }
  }
}
