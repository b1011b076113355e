import type { MigrationInterface, QueryRunner } from 'typeorm';

const ENTRY = `CASE WHEN NEW.planned_at IS NULL THEN NULL ELSE json_build_object(
  'id', NEW.id, 'title', NEW.title,
  'plannedAt', to_char(NEW.planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'state', NEW.state, 'themeId', NEW.theme_id, 'contentTypeId', NEW.content_type_id, 'initiativeId', NEW.initiative_id,
  'invitesDialogue', NEW.invites_dialogue, 'audienceIds', NEW.audience_ids, 'targets', NEW.calendar_targets)::text END`;

/**
 * A month of a busy calendar is thousands of posts; building their JSON per request cost ~10 µs each.
 * Each planned post now carries its calendar entry as ready JSON text, rebuilt by a BEFORE trigger on
 * every write of the row — including the writes the audience and target triggers make — so the month
 * query only concatenates.
 */
export class CalendarEntry1763810000000 implements MigrationInterface {
  name = 'CalendarEntry1763810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE posts ADD COLUMN calendar_entry text`);
    await db.query(
      `CREATE FUNCTION posts_calendar_entry() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.calendar_entry := ${ENTRY}; RETURN NEW; END $$`,
    );
    await db.query(
      `CREATE TRIGGER posts_calendar_entry BEFORE INSERT OR UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION posts_calendar_entry()`,
    );
    await db.query(`UPDATE posts SET calendar_entry = NULL WHERE planned_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER posts_calendar_entry ON posts`);
    await db.query(`DROP FUNCTION posts_calendar_entry()`);
    await db.query(`ALTER TABLE posts DROP COLUMN calendar_entry`);
  }
}
