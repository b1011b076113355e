import type { MigrationInterface, QueryRunner } from 'typeorm';

const METRICS = ['views', 'reach', 'reactions', 'comments', 'shares', 'clicks', 'saves', 'video_views'];

/**
 * The reports' daily rollups (issue 13). One row per organisation, publishing day (the organisation's
 * local day, `target_results.published_on`), grouping and group: `dimension` is 'total' (no key),
 * 'theme', 'channel', 'contentType', 'initiative' or 'audience', and `key` that theme's/channel's/…
 * id (NULL: no initiative, no audience); 'audienceContentType' rows hold one audience (`key`) and one
 * content type (`key2`) for "which content types work best per audience". A target counts once in the
 * total and in each of the next four groupings, and once per audience of its post (or once under "no
 * audience"). A year of one organisation is a few tens of thousands of rows however many posts it has.
 *
 * Each metric has its sum and the number of targets that have it, so that an unknown number stays
 * unknown (absent in totals, left out of the per-post average) instead of counting as 0. Numbers are
 * the manual ones where a person entered one, else the latest collected ones.
 *
 * The refresher (libs/api/reports) rebuilds the rollups of every (organisation, day) that has a
 * `target_results` row with `rollup_pending`, or a row in `report_stale_days`: what a deleted target, or a
 * post whose theme, content type, initiative or audiences changed after publishing, leaves behind
 * (the triggers below mark those).
 */
export class ReportRollups1765520000000 implements MigrationInterface {
  name = 'ReportRollups1765520000000';

  async up(db: QueryRunner): Promise<void> {
    const metricColumns = METRICS.map((m) => `${m}_sum bigint NOT NULL DEFAULT 0, ${m}_n integer NOT NULL DEFAULT 0`).join(',\n        ');
    await db.query(`
      CREATE TABLE report_rollups (
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        published_on date NOT NULL,
        dimension varchar(20) NOT NULL CHECK (dimension IN ('total', 'theme', 'channel', 'contentType', 'initiative', 'audience', 'audienceContentType')),
        key uuid,
        key2 uuid,
        posts integer NOT NULL,
        demo_posts integer NOT NULL DEFAULT 0,
        ${metricColumns},
        engagement_sum bigint NOT NULL DEFAULT 0,
        engagement_n integer NOT NULL DEFAULT 0
      )`);
    // The summary reads one organisation's grouping over a run of days; NULL keys (no initiative, no
    // audience) are one group, hence the nil UUID in the unique index.
    await db.query(`
      CREATE UNIQUE INDEX report_rollups_key ON report_rollups (
        organization_id, dimension, published_on,
        COALESCE(key, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(key2, '00000000-0000-0000-0000-000000000000'::uuid))`);
    await db.query(`
      CREATE TABLE report_stale_days (
        organization_id uuid NOT NULL,
        published_on date NOT NULL,
        PRIMARY KEY (organization_id, published_on)
      )`);
    // The posts endpoint filters by post, and the trigger below marks a post's targets.
    await db.query(`CREATE INDEX target_results_post_idx ON target_results (post_id)`);

    // A deleted published target (its channel or post removed) leaves its day to be rebuilt.
    await db.query(`
      CREATE FUNCTION target_results_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_stale_days (organization_id, published_on)
        SELECT DISTINCT organization_id, published_on FROM old_rows
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER target_results_deleted AFTER DELETE ON target_results
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION target_results_deleted()`);
    // A published post moved to another theme, content type, initiative or audience is counted there.
    await db.query(`
      CREATE FUNCTION posts_report_grouping_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE target_results SET rollup_pending = true WHERE post_id = NEW.id AND NOT rollup_pending;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER posts_report_grouping_changed AFTER UPDATE OF theme_id, content_type_id, initiative_id, audience_ids ON posts
        FOR EACH ROW WHEN (
          OLD.theme_id IS DISTINCT FROM NEW.theme_id OR OLD.content_type_id IS DISTINCT FROM NEW.content_type_id
          OR OLD.initiative_id IS DISTINCT FROM NEW.initiative_id OR OLD.audience_ids IS DISTINCT FROM NEW.audience_ids)
        EXECUTE FUNCTION posts_report_grouping_changed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER posts_report_grouping_changed ON posts`);
    await db.query(`DROP FUNCTION posts_report_grouping_changed()`);
    await db.query(`DROP TRIGGER target_results_deleted ON target_results`);
    await db.query(`DROP FUNCTION target_results_deleted()`);
    await db.query(`DROP INDEX target_results_post_idx`);
    await db.query(`DROP TABLE report_stale_days`);
    await db.query(`DROP TABLE report_rollups`);
  }
}
