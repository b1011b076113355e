import { dataSourceOptions, runMigrations } from '@kadens/api/core';
import { refreshRollups } from '@kadens/api/reports';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';

export const BENCH_PASSWORD = 'bench-password';
const PLATFORMS = ['facebook', 'instagram', 'linkedin', 'x', 'mastodon', 'bluesky', 'wordpress', 'webhook'];
const CONTENT_TYPES = ['news', 'how_to', 'event', 'campaign', 'press_release', 'question_poll'];
/** Targets per post: a post goes out on two channels. */
const TARGETS_PER_POST = 2;
const POSTS_PER_BATCH = 50_000;

export interface ReportsSeedSize {
  targets: number;
  snapshotsPerTarget: number;
  /** The year the targets are published in (local days in Europe/Oslo). */
  year: number;
}

/**
 * One organisation with `targets` published targets spread over a year (16 channels, 8 themes, 6
 * content types, 4 initiatives and none, 0–2 of 5 audiences), their target_results (some metrics
 * unknown per channel, 1 % with manual numbers) and `snapshotsPerTarget` dated snapshots each, then the
 * rollups built by the refresher itself. Kept between runs: an existing database of the same size is reused.
 */
export async function seedReports(url: string, size: ReportsSeedSize): Promise<void> {
  const db = await new DataSource(dataSourceOptions(url, 4)).initialize();
  try {
    await runMigrations(db);
    const [{ targets, snapshots }] = await db.query(
      `SELECT (SELECT count(*)::int FROM target_results) AS targets, (SELECT count(*)::int FROM result_snapshots) AS snapshots`,
    );
    const wanted = size.targets * size.snapshotsPerTarget;
    if (targets === size.targets && snapshots === wanted && process.env['BENCH_RESEED'] !== 'true') {
      console.log(
        `[bench] reusing the seeded database (${targets.toLocaleString('en')} targets, ${snapshots.toLocaleString('en')} snapshots)`,
      );
      await buildRollups(db);
      return;
    }
    console.log(
      `[bench] seeding ${size.targets.toLocaleString('en')} published targets over ${size.year} and ${wanted.toLocaleString('en')} snapshots…`,
    );
    const t0 = Date.now();
    await db.query(`TRUNCATE users, organizations, report_stale_days CASCADE`);
    const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
    const [user] = await db.query(`INSERT INTO users (email, name, password_hash) VALUES ('bench@kadens.demo', 'Bench', $1) RETURNING id`, [
      hash,
    ]);
    const [org] = await db.query(
      `INSERT INTO organizations (name, slug, time_zone, country, default_locale) VALUES ('Bench', 'bench', 'Europe/Oslo', 'NO', 'nb') RETURNING id`,
    );
    await db.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'viewer')`, [org.id, user.id]);
    const ids = async (sql: string, parameters: unknown[]) => ((await db.query(sql, parameters)) as Array<{ id: string }>).map((r) => r.id);
    const themes = await ids(
      `INSERT INTO themes (organization_id, name, color) SELECT $1, 'Theme ' || g, '#1e88e5' FROM generate_series(1, 8) g RETURNING id`,
      [org.id],
    );
    const types = await ids(
      `INSERT INTO content_types (organization_id, key, name) SELECT $1, k, initcap(k) FROM unnest($2::text[]) k RETURNING id`,
      [org.id, CONTENT_TYPES],
    );
    const audiences = await ids(
      `INSERT INTO audiences (organization_id, name) SELECT $1, 'Audience ' || g FROM generate_series(1, 5) g RETURNING id`,
      [org.id],
    );
    const initiatives = await ids(
      `INSERT INTO initiatives (organization_id, what, outcome, hours_per_week, status)
       SELECT $1, 'Initiative ' || g, 'More', 2, 'active' FROM generate_series(1, 4) g RETURNING id`,
      [org.id],
    );
    const channels = await ids(
      `INSERT INTO channels (organization_id, platform, name)
       SELECT $1, ($2::text[])[1 + g % 8], 'Channel ' || g FROM generate_series(1, 16) g ORDER BY g RETURNING id`,
      [org.id, PLATFORMS],
    );
    await db.query(`SET synchronous_commit = off`);
    const posts = Math.ceil(size.targets / TARGETS_PER_POST);
    const yearStart = Date.UTC(size.year, 0, 1) - 3_600_000;
    for (let done = 0; done < posts; done += POSTS_PER_BATCH) {
      const count = Math.min(POSTS_PER_BATCH, posts - done);
      await db.query(
        `WITH made AS (
           INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, initiative_id, planned_at, author_id, state)
           SELECT $1, 'Post ' || g, 'Body of post ' || g, ($3::uuid[])[1 + g % 6], ($2::uuid[])[1 + g % 8],
                  CASE WHEN g % 5 = 0 THEN NULL ELSE ($4::uuid[])[1 + g % 4] END,
                  to_timestamp($8::float8 / 1000) + (g::float8 / $9::float8) * interval '365 days', $7, 'approved'
             FROM generate_series($10::int, $10::int + $11::int - 1) g
           RETURNING id, planned_at, substr(title, 6)::int AS g
         ),
         targets AS (
           INSERT INTO post_targets (organization_id, post_id, channel_id, state, published_at, external_url)
           SELECT $1, m.id, ($5::uuid[])[1 + (m.g * 2 + k) % 16], 'published', m.planned_at, 'https://example.org/' || m.g || '/' || k
             FROM made m CROSS JOIN generate_series(0, ${TARGETS_PER_POST - 1}) k
           RETURNING id, post_id, channel_id, published_at
         ),
         results AS (
           INSERT INTO target_results (target_id, organization_id, post_id, channel_id, published_at, published_on, collected_at,
                                       views, reach, reactions, comments, shares, clicks, saves, video_views, manual_reactions)
           SELECT t.id, $1, t.post_id, t.channel_id, t.published_at, (t.published_at AT TIME ZONE 'Europe/Oslo')::date, t.published_at + interval '28 days',
                  CASE WHEN h % 4 <> 3 THEN 200 + h % 5000 END, CASE WHEN h % 2 = 0 THEN 150 + h % 3000 END,
                  h % 97, h % 13, CASE WHEN h % 4 <> 2 THEN h % 7 END, CASE WHEN h % 3 = 0 THEN h % 41 END,
                  CASE WHEN h % 8 = 1 THEN h % 5 END, CASE WHEN h % 6 = 0 THEN h % 900 END,
                  CASE WHEN h % 100 = 0 THEN 500 END
             FROM (SELECT t.*, abs(hashtext(t.id::text)) AS h FROM targets t) t
           RETURNING 1
         )
         INSERT INTO post_audiences (organization_id, post_id, audience_id)
         SELECT $1, m.id, ($6::uuid[])[1 + (m.g + a) % 5] FROM made m CROSS JOIN generate_series(1, 2) a WHERE a <= m.g % 3`,
        [org.id, themes, types, initiatives, channels, audiences, user.id, yearStart, posts, done, count],
      );
      process.stdout.write(`\r[bench] ${((done + count) * TARGETS_PER_POST).toLocaleString('en')} targets`);
    }
    console.log(`\n[bench] targets in ${((Date.now() - t0) / 1000).toFixed(0)} s; snapshots…`);
    // The dated readings, a month of publishing at a time: the four stages, then one a week.
    for (let month = 1; month <= 12; month++) {
      await db.query(
        `INSERT INTO result_snapshots (organization_id, target_id, stage, due_at, state, collected_at, views, reactions, comments, shares)
         SELECT r.organization_id, r.target_id, s.label, r.published_at + s.after, 'collected', r.published_at + s.after,
                r.views * s.n / $3::int, r.reactions * s.n / $3::int, r.comments * s.n / $3::int, r.shares * s.n / $3::int
           FROM target_results r
           CROSS JOIN (SELECT n, CASE n WHEN 1 THEN '1h' WHEN 2 THEN '24h' WHEN 3 THEN '7d' WHEN 4 THEN '28d' ELSE n || 'w' END AS label,
                              CASE n WHEN 1 THEN interval '1 hour' WHEN 2 THEN interval '1 day' WHEN 3 THEN interval '7 days' ELSE n * interval '7 days' END AS after
                         FROM generate_series(1, $3::int) n) s
          WHERE r.published_on >= make_date($1, $2, 1) AND r.published_on < make_date($1, $2, 1) + interval '1 month'`,
        [size.year, month, size.snapshotsPerTarget],
      );
      process.stdout.write(`\r[bench] snapshots: ${month}/12 months`);
    }
    console.log(`\n[bench] seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    await buildRollups(db);
  } finally {
    await db.destroy();
  }
}

/** The refresher's own work on whatever is pending (all of it after seeding, nothing on a reused database). */
async function buildRollups(db: DataSource): Promise<void> {
  const t0 = Date.now();
  const { days } = await refreshRollups(db);
  if (days === 0) return;
  console.log(`[bench] rollups of ${days} days built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // The tables the reports read (the 20,000,000 snapshots are only there to be there).
  await db.query(`VACUUM ANALYZE report_rollups, target_results, posts, post_targets`);
}
