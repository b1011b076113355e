import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every table carries organization_id, and every reference between them is a composite foreign key on
 * (organization_id, id): the database itself refuses a post whose theme, audience or channel belongs to
 * another organisation.
 */
export class StrategyAndPosts1763790000000 implements MigrationInterface {
  name = 'StrategyAndPosts1763790000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organizations ADD COLUMN capacity_hours_per_week numeric(6,1) CHECK (capacity_hours_per_week >= 0)`);

    await db.query(`
      CREATE TABLE themes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name varchar(80) NOT NULL,
        color char(7) NOT NULL CHECK (color ~ '^#[0-9a-f]{6}$'),
        description varchar(1000) NOT NULL DEFAULT '',
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX themes_name_key ON themes (organization_id, lower(name))`);

    await db.query(`
      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        platform varchar(16) NOT NULL CHECK (platform IN ('facebook', 'instagram', 'linkedin', 'x', 'mastodon', 'bluesky', 'wordpress', 'webhook')),
        name varchar(80) NOT NULL,
        handle varchar(200) NOT NULL DEFAULT '',
        responsible_user_id uuid,
        public_description varchar(1000) NOT NULL DEFAULT '',
        status varchar(8) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, responsible_user_id) REFERENCES memberships (organization_id, user_id) ON DELETE SET NULL (responsible_user_id)
      )`);
    await db.query(`CREATE UNIQUE INDEX channels_name_key ON channels (organization_id, lower(name))`);

    await db.query(`
      CREATE TABLE audiences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name varchar(80) NOT NULL,
        description varchar(2000) NOT NULL DEFAULT '',
        communication_goal varchar(1000) NOT NULL DEFAULT '',
        effect_goal varchar(1000) NOT NULL DEFAULT '',
        effect_metric varchar(120),
        effect_value numeric(14,2),
        effect_period varchar(8) CHECK (effect_period IN ('week', 'month', 'quarter', 'year')),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        CHECK ((effect_metric IS NULL) = (effect_value IS NULL) AND (effect_value IS NULL) = (effect_period IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX audiences_name_key ON audiences (organization_id, lower(name))`);
    await db.query(`
      CREATE TABLE audience_channels (
        organization_id uuid NOT NULL,
        audience_id uuid NOT NULL,
        channel_id uuid NOT NULL,
        PRIMARY KEY (audience_id, channel_id),
        FOREIGN KEY (organization_id, audience_id) REFERENCES audiences (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, channel_id) REFERENCES channels (organization_id, id) ON DELETE CASCADE
      )`);

    await db.query(`
      CREATE TABLE initiatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        what varchar(500) NOT NULL,
        outcome varchar(500) NOT NULL,
        hours_per_week numeric(5,1) NOT NULL CHECK (hours_per_week >= 0 AND hours_per_week <= 168),
        core boolean NOT NULL DEFAULT false,
        status varchar(8) NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'active', 'dropped')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    for (const [table, column, target] of [
      ['initiative_channels', 'channel_id', 'channels'],
      ['initiative_audiences', 'audience_id', 'audiences'],
    ]) {
      await db.query(`
        CREATE TABLE ${table} (
          organization_id uuid NOT NULL,
          initiative_id uuid NOT NULL,
          ${column} uuid NOT NULL,
          PRIMARY KEY (initiative_id, ${column}),
          FOREIGN KEY (organization_id, initiative_id) REFERENCES initiatives (organization_id, id) ON DELETE CASCADE,
          FOREIGN KEY (organization_id, ${column}) REFERENCES ${target} (organization_id, id) ON DELETE RESTRICT
        )`);
    }

    await db.query(`
      CREATE TABLE content_types (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        key varchar(20),
        name varchar(80) NOT NULL,
        invites_dialogue boolean NOT NULL DEFAULT false,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX content_types_key_key ON content_types (organization_id, key) WHERE key IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX content_types_name_key ON content_types (organization_id, lower(name))`);

    await db.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        body text NOT NULL CHECK (length(body) <= 100000),
        link varchar(2048),
        media_urls text[] NOT NULL DEFAULT '{}',
        content_type_id uuid NOT NULL,
        theme_id uuid NOT NULL,
        initiative_id uuid,
        planned_at timestamptz,
        invites_dialogue boolean NOT NULL DEFAULT false,
        state varchar(20) NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'in_review', 'changes_requested', 'approved', 'cancelled')),
        revision integer NOT NULL DEFAULT 1,
        author_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, id),
        FOREIGN KEY (organization_id, content_type_id) REFERENCES content_types (organization_id, id),
        FOREIGN KEY (organization_id, theme_id) REFERENCES themes (organization_id, id),
        FOREIGN KEY (organization_id, initiative_id) REFERENCES initiatives (organization_id, id)
      )`);
    await db.query(`CREATE INDEX posts_calendar_idx ON posts (organization_id, planned_at) WHERE planned_at IS NOT NULL`);
    await db.query(`
      CREATE TABLE post_audiences (
        organization_id uuid NOT NULL,
        post_id uuid NOT NULL,
        audience_id uuid NOT NULL,
        PRIMARY KEY (post_id, audience_id),
        FOREIGN KEY (organization_id, post_id) REFERENCES posts (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, audience_id) REFERENCES audiences (organization_id, id)
      )`);
    await db.query(`CREATE INDEX post_audiences_audience_idx ON post_audiences (audience_id)`);
    await db.query(`
      CREATE TABLE post_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        post_id uuid NOT NULL,
        channel_id uuid NOT NULL,
        text_variant text CHECK (length(text_variant) <= 100000),
        state varchar(12) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'scheduled', 'queued', 'publishing', 'published', 'failed', 'unconfirmed', 'held', 'expired')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (post_id, channel_id),
        FOREIGN KEY (organization_id, post_id) REFERENCES posts (organization_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organization_id, channel_id) REFERENCES channels (organization_id, id)
      )`);
    await db.query(`CREATE INDEX post_targets_channel_idx ON post_targets (channel_id)`);
    await db.query(`
      CREATE TABLE post_revisions (
        organization_id uuid NOT NULL,
        post_id uuid NOT NULL,
        revision integer NOT NULL,
        author_id uuid NOT NULL REFERENCES users (id),
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, revision),
        FOREIGN KEY (organization_id, post_id) REFERENCES posts (organization_id, id) ON DELETE CASCADE
      )`);
    await db.query(`
      INSERT INTO content_types (organization_id, key, name, invites_dialogue)
      SELECT o.id, d.key, d.name, d.invites_dialogue
        FROM organizations o
        CROSS JOIN (VALUES ('news', 'News', false), ('how_to', 'How-to', false), ('event', 'Event', false),
                           ('campaign', 'Campaign', false), ('press_release', 'Press release', false),
                           ('question_poll', 'Question/poll', true)) AS d (key, name, invites_dialogue)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'post_revisions',
      'post_targets',
      'post_audiences',
      'posts',
      'content_types',
      'initiative_audiences',
      'initiative_channels',
      'initiatives',
      'audience_channels',
      'audiences',
      'channels',
      'themes',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`ALTER TABLE organizations DROP COLUMN capacity_hours_per_week`);
  }
}
