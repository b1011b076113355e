import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The targets as the calendar draws them, written as compact JSON text (no spaces), ordered by channel name. */
const LEAN_TARGETS = `COALESCE((SELECT '[' || string_agg('{"channelId":"' || t.channel_id || '","platform":"' || c.platform || '","state":"' || t.state || '"}', ',' ORDER BY c.name, c.id) || ']'
                    FROM post_targets t JOIN channels c ON c.id = t.channel_id WHERE t.post_id = q.id), '[]')`;

/** The lean entry, concatenated as compact JSON text: `to_json` escapes the title; the rest are ids, states and an instant. */
const LEAN_ENTRY = `CASE WHEN NEW.planned_at IS NULL THEN NULL ELSE
  '{"id":"' || NEW.id || '","title":' || to_json(NEW.title)::text
  || ',"plannedAt":"' || to_char(NEW.planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || '","state":"' || NEW.state || '","themeId":"' || NEW.theme_id || '","targets":' || NEW.calendar_targets || '}' END`;

// What the migrations CalendarColumns and CalendarEntry wrote, for `down`.
const FULL_TARGETS = `(SELECT jsonb_agg(jsonb_build_object('id', t.id, 'channelId', t.channel_id, 'platform', c.platform, 'state', t.state) ORDER BY c.name, c.id)
                        FROM post_targets t JOIN channels c ON c.id = t.channel_id WHERE t.post_id = q.id)`;
const FULL_ENTRY = `CASE WHEN NEW.planned_at IS NULL THEN NULL ELSE json_build_object(
  'id', NEW.id, 'title', NEW.title,
  'plannedAt', to_char(NEW.planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'state', NEW.state, 'themeId', NEW.theme_id, 'contentTypeId', NEW.content_type_id, 'initiativeId', NEW.initiative_id,
  'invitesDialogue', NEW.invites_dialogue, 'audienceIds', NEW.audience_ids, 'targets', NEW.calendar_targets)::text END`;

/**
 * A lean calendar entry (issue 15): what the calendar needs to place, colour and label a post — id, title,
 * planned time, state, theme, and per channel its platform and delivery state — as compact JSON.
 *
 * A busy month is 5,561 entries; 656 bytes each made 3.6 MB, and the random target ids in it were most of
 * what compression chewed on (gzip level 1: 19 ms for the month; 8 ms without them). A target is known
 * by its channel within the post (post_targets is unique on post and channel), as the publishing events
 * also say; the content type, initiative, dialogue flag and audiences were sent but never drawn (the
 * calendar filters by them on the server). The post itself still gives all of them.
 *
 * `calendar_targets` becomes the targets' compact JSON text; every post is rewritten once so its entry
 * is rebuilt by the (new) trigger function.
 */
export class CalendarLeanEntry1765600000000 implements MigrationInterface {
  name = 'CalendarLeanEntry1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await this.define(db, 'text', `'[]'`, LEAN_TARGETS, LEAN_ENTRY);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.define(db, 'jsonb', `'[]'::jsonb`, `COALESCE(${FULL_TARGETS}, '[]'::jsonb)`, FULL_ENTRY);
  }

  private async define(db: QueryRunner, type: string, empty: string, targets: string, entry: string): Promise<void> {
    await db.query(`ALTER TABLE posts ALTER COLUMN calendar_targets DROP DEFAULT`);
    await db.query(`ALTER TABLE posts ALTER COLUMN calendar_targets TYPE ${type} USING ${empty}`);
    await db.query(`ALTER TABLE posts ALTER COLUMN calendar_targets SET DEFAULT ${empty}`);
    await db.query(`
      CREATE OR REPLACE FUNCTION refresh_post_targets(post_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE posts p
           SET channel_ids = COALESCE(agg.channel_ids, '{}'), calendar_targets = agg.targets
          FROM (SELECT q.id,
                       (SELECT array_agg(t.channel_id ORDER BY t.channel_id) FROM post_targets t WHERE t.post_id = q.id) AS channel_ids,
                       ${targets} AS targets
                  FROM unnest(post_ids) AS q (id)) agg
         WHERE p.id = agg.id
      $$`);
    await db.query(
      `CREATE OR REPLACE FUNCTION posts_calendar_entry() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.calendar_entry := ${entry}; RETURN NEW; END $$`,
    );
    await db.query(`SELECT refresh_post_targets(ARRAY(SELECT id FROM posts))`);
    // Every post was rewritten: the covering index would otherwise hold the old entries' space (1.7 GB
    // instead of 0.5 GB for 1,000,000 posts) until it is rebuilt.
    await db.query(`REINDEX INDEX posts_calendar_entry_idx`);
  }
}
