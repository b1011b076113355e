import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar reads thousands of posts at a time; per-post subqueries for their audiences and targets
 * cost ~60 µs each. Each post now carries its audience ids, channel ids and calendar targets, kept
 * current by statement-level triggers on post_audiences and post_targets — so every writer (the API,
 * the publishing worker, a bulk import) keeps them right without knowing they exist.
 */
export class CalendarColumns1763800000000 implements MigrationInterface {
  name = 'CalendarColumns1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE posts
        ADD COLUMN audience_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN channel_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN calendar_targets jsonb NOT NULL DEFAULT '[]'`);

    await db.query(`
      CREATE FUNCTION refresh_post_audiences(post_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE posts p
           SET audience_ids = COALESCE((SELECT array_agg(pa.audience_id ORDER BY pa.audience_id) FROM post_audiences pa WHERE pa.post_id = p.id), '{}')
         WHERE p.id = ANY(post_ids)
      $$`);
    await db.query(`
      CREATE FUNCTION refresh_post_targets(post_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE posts p
           SET channel_ids = COALESCE(agg.channel_ids, '{}'), calendar_targets = COALESCE(agg.targets, '[]')
          FROM (SELECT q.id,
                       (SELECT array_agg(t.channel_id ORDER BY t.channel_id) FROM post_targets t WHERE t.post_id = q.id) AS channel_ids,
                       (SELECT jsonb_agg(jsonb_build_object('id', t.id, 'channelId', t.channel_id, 'platform', c.platform, 'state', t.state) ORDER BY c.name, c.id)
                          FROM post_targets t JOIN channels c ON c.id = t.channel_id WHERE t.post_id = q.id) AS targets
                  FROM unnest(post_ids) AS q (id)) agg
         WHERE p.id = agg.id
      $$`);

    for (const [table, refresh] of [
      ['post_audiences', 'refresh_post_audiences'],
      ['post_targets', 'refresh_post_targets'],
    ]) {
      await db.query(`
        CREATE FUNCTION ${table}_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM ${refresh}(ARRAY(SELECT DISTINCT post_id FROM new_rows)); RETURN NULL; END $$`);
      await db.query(`
        CREATE FUNCTION ${table}_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM ${refresh}(ARRAY(SELECT DISTINCT post_id FROM old_rows)); RETURN NULL; END $$`);
      await db.query(`
        CREATE FUNCTION ${table}_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM ${refresh}(ARRAY(SELECT post_id FROM new_rows UNION SELECT post_id FROM old_rows)); RETURN NULL; END $$`);
      await db.query(
        `CREATE TRIGGER ${table}_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_inserted()`,
      );
      await db.query(
        `CREATE TRIGGER ${table}_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_deleted()`,
      );
      await db.query(
        `CREATE TRIGGER ${table}_updated AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_updated()`,
      );
    }
    // Channel names order the targets; a rename must re-sort them.
    await db.query(`
      CREATE FUNCTION channels_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_post_targets(ARRAY(SELECT DISTINCT t.post_id FROM post_targets t JOIN new_rows n ON n.id = t.channel_id JOIN old_rows o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name));
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE TRIGGER channels_renamed AFTER UPDATE ON channels REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION channels_renamed()`,
    );

    await db.query(`SELECT refresh_post_audiences(ARRAY(SELECT id FROM posts))`);
    await db.query(`SELECT refresh_post_targets(ARRAY(SELECT id FROM posts))`);
    await db.query(`CREATE INDEX posts_audience_ids_idx ON posts USING gin (audience_ids)`);
    await db.query(`CREATE INDEX posts_channel_ids_idx ON posts USING gin (channel_ids)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER channels_renamed ON channels`);
    await db.query(`DROP FUNCTION channels_renamed()`);
    for (const table of ['post_audiences', 'post_targets']) {
      for (const event of ['inserted', 'deleted', 'updated']) {
        await db.query(`DROP TRIGGER ${table}_${event} ON ${table}`);
        await db.query(`DROP FUNCTION ${table}_${event}()`);
      }
    }
    await db.query(`DROP FUNCTION refresh_post_targets(uuid[])`);
    await db.query(`DROP FUNCTION refresh_post_audiences(uuid[])`);
    await db.query(`ALTER TABLE posts DROP COLUMN calendar_targets, DROP COLUMN channel_ids, DROP COLUMN audience_ids`);
  }
}
