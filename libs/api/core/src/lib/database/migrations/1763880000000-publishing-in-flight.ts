import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A target in flight (queued, publishing) shows on the calendar as scheduled until it lands, so the
 * dispatcher and the worker's claim no longer rewrite the post's calendar entry — which had made the
 * 200 targets of one post take turns on the post's row (bench:publish). The claim's queued →
 * publishing step is not streamed either: every notifying transaction commits through one lock in
 * PostgreSQL, and the web learns of the target when it is published, fails or is unconfirmed.
 */
export class PublishingInFlight1763880000000 implements MigrationInterface {
  name = 'PublishingInFlight1763880000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION calendar_target_state(state varchar) RETURNS varchar LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN state IN ('queued', 'publishing') THEN 'scheduled' ELSE state END
      $$`);
    await db.query(`
      CREATE OR REPLACE FUNCTION post_targets_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_post_targets(ARRAY(
          SELECT DISTINCT n.post_id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE calendar_target_state(n.state) IS DISTINCT FROM calendar_target_state(o.state)
              OR n.channel_id IS DISTINCT FROM o.channel_id OR n.post_id IS DISTINCT FROM o.post_id));
        RETURN NULL;
      END $$`);
    await db.query(`DROP TRIGGER post_targets_state_notify ON post_targets`);
    await db.query(`
      CREATE TRIGGER post_targets_state_notify AFTER UPDATE OF state ON post_targets
        FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state AND NEW.state <> 'publishing') EXECUTE FUNCTION post_targets_state_notify()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER post_targets_state_notify ON post_targets`);
    await db.query(`
      CREATE TRIGGER post_targets_state_notify AFTER UPDATE OF state ON post_targets
        FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION post_targets_state_notify()`);
    await db.query(`
      CREATE OR REPLACE FUNCTION post_targets_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_post_targets(ARRAY(
          SELECT DISTINCT n.post_id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.state IS DISTINCT FROM o.state OR n.channel_id IS DISTINCT FROM o.channel_id OR n.post_id IS DISTINCT FROM o.post_id));
        RETURN NULL;
      END $$`);
    await db.query(`DROP FUNCTION calendar_target_state(varchar)`);
  }
}
