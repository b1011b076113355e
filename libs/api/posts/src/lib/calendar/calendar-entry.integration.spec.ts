import { createTestApp, type TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import { type CalendarEntry, PLATFORMS, POST_STATES, TARGET_STATES } from '@kadens/shared/contracts';
import type TestAgent from 'supertest/lib/agent';

import { PostsModule } from '../posts.module';
import { CALENDAR_INDEXED_ENTRY_BYTES } from './calendar-sql';

/** What a JSON value must be; the records below name every key of the contract, and only those. */
type Kind = 'uuid' | 'text' | 'instant' | 'post-state' | 'targets';
type TargetKind = 'uuid' | 'platform' | 'target-state';

// Record<keyof …> makes the compiler refuse a key missing from, or foreign to, CalendarEntry.
const ENTRY: Record<keyof CalendarEntry, Kind> = {
  id: 'uuid',
  title: 'text',
  plannedAt: 'instant',
  state: 'post-state',
  themeId: 'uuid',
  targets: 'targets',
};
const TARGET: Record<keyof CalendarEntry['targets'][number], TargetKind> = {
  channelId: 'uuid',
  platform: 'platform',
  state: 'target-state',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isUuid = (value: unknown) => typeof value === 'string' && UUID.test(value);
const ENTRY_CHECKS: Record<Kind, (value: unknown) => boolean> = {
  uuid: isUuid,
  text: (value) => typeof value === 'string',
  // The exact form the API writes everywhere: Date.prototype.toISOString.
  instant: (value) => typeof value === 'string' && new Date(value).toISOString() === value,
  'post-state': (value) => (POST_STATES as readonly unknown[]).includes(value),
  targets: (value) => Array.isArray(value),
};
const TARGET_CHECKS: Record<TargetKind, (value: unknown) => boolean> = {
  uuid: isUuid,
  platform: (value) => (PLATFORMS as readonly unknown[]).includes(value),
  'target-state': (value) => (TARGET_STATES as readonly unknown[]).includes(value),
};

/** Where the entry breaks the contract: missing or extra keys, values of the wrong kind. */
function breaches(entry: Record<string, unknown>): string[] {
  const found: string[] = [];
  const compare = <K extends string>(
    where: string,
    value: Record<string, unknown>,
    shape: Record<string, K>,
    checks: Record<K, (v: unknown) => boolean>,
  ) => {
    for (const key of Object.keys(value)) if (!(key in shape)) found.push(`${where}${key}: not in the contract`);
    for (const [key, kind] of Object.entries(shape) as Array<[string, K]>) {
      if (!(key in value)) found.push(`${where}${key}: missing`);
      else if (!checks[kind](value[key])) found.push(`${where}${key}: ${JSON.stringify(value[key])} is not ${kind}`);
    }
  };
  compare('', entry, ENTRY, ENTRY_CHECKS);
  const targets = Array.isArray(entry['targets']) ? (entry['targets'] as Array<Record<string, unknown>>) : [];
  targets.forEach((target, index) => compare(`targets.${index}.`, target, TARGET, TARGET_CHECKS));
  return found;
}

/**
 * The calendar entry is written by database triggers (migrations CalendarColumns and CalendarEntry), not
 * by TypeScript, so nothing but this test ties its JSON to the shared `CalendarEntry` contract.
 */
describe('the trigger-built calendar entry keeps the CalendarEntry contract', () => {
  let t: TestApp;
  let editor: TestAgent;
  let org: string;
  const ids: Record<string, string> = {};

  const entryOf = async (postId: string): Promise<Record<string, unknown>> => {
    const [row] = await t.db.query(`SELECT calendar_entry FROM posts WHERE id = $1`, [postId]);
    return JSON.parse(row.calendar_entry);
  };

  beforeAll(async () => {
    t = await createTestApp([PostsModule]);
    await t.app.get(DemoSeeder).seed();
    [{ id: org }] = await t.db.query(`SELECT id FROM organizations WHERE slug = 'fjordvik'`);
    editor = await t.loginAs('editor@kadens.demo', DEMO_PASSWORD);
    const one = async (sql: string, values: unknown[]) => ((await t.db.query(sql, values)) as Array<{ id: string }>)[0]?.id as string;
    ids['theme'] = await one(`INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Kontrakt', '#1e88e5') RETURNING id`, [org]);
    ids['audience'] = await one(`INSERT INTO audiences (organization_id, name) VALUES ($1, 'Innbyggere') RETURNING id`, [org]);
    ids['initiative'] = await one(
      `INSERT INTO initiatives (organization_id, what, outcome, hours_per_week) VALUES ($1, 'Vintervedlikehold', 'Trygge veier', 2) RETURNING id`,
      [org],
    );
    ids['x'] = await one(`INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'x', 'Fjordvik på X') RETURNING id`, [org]);
    ids['mastodon'] = await one(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'mastodon', 'Fjordvik på Mastodon') RETURNING id`,
      [org],
    );
    ids['news'] = await one(`SELECT id FROM content_types WHERE organization_id = $1 AND key = 'news'`, [org]);
  });
  afterAll(() => t?.close());

  it('for a full post, and agrees with the post itself', async () => {
    const created = await editor.post(`/api/organizations/${org}/posts`).send({
      title: 'Brøyting «i natt» \\ med "sitat"',
      body: 'Hei',
      contentTypeId: ids['news'],
      themeId: ids['theme'],
      audienceIds: [ids['audience']],
      initiativeId: ids['initiative'],
      invitesDialogue: true,
      plannedAt: '2026-12-01T09:30:00+01:00',
      targets: [{ channelId: ids['x'] }, { channelId: ids['mastodon'] }],
    });
    expect(created.status).toBe(201);
    const entry = await entryOf(created.body.id);
    expect(breaches(entry)).toEqual([]);
    const post = created.body;
    expect(entry).toEqual({
      id: post.id,
      title: post.title,
      plannedAt: post.plannedAt,
      state: post.state,
      themeId: post.themeId,
      targets: expect.arrayContaining(
        post.targets.map((target: Record<string, unknown>) => ({
          channelId: target['channelId'],
          platform: target['platform'],
          state: target['state'],
        })),
      ),
    });
    expect(entry['targets']).toHaveLength(2);
    // Compact JSON: not a byte of white space outside the title.
    const [{ text }] = await t.db.query(`SELECT calendar_entry AS text FROM posts WHERE id = $1`, [post.id]);
    expect(text.replace(JSON.stringify(post.title), '')).not.toMatch(/\s/);
    expect(text).toBe(JSON.stringify(entry));
  });

  it('for a bare post written straight into the table: no initiative, audiences or targets', async () => {
    const [{ id }] = await t.db.query(
      `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, planned_at, author_id)
       SELECT $1, 'Bare', '', $2, $3, '2026-12-02T10:00:00Z', id FROM users WHERE email = 'editor@kadens.demo' RETURNING id`,
      [org, ids['news'], ids['theme']],
    );
    const entry = await entryOf(id);
    expect(breaches(entry)).toEqual([]);
    expect(entry).toMatchObject({ targets: [], plannedAt: '2026-12-02T10:00:00.000Z' });
  });

  it('is what the calendar answers, and the test itself notices a breach', async () => {
    const calendar = await editor.get(`/api/organizations/${org}/calendar?from=2026-12-01T00:00:00Z&to=2026-12-03T00:00:00Z`);
    expect(calendar.status).toBe(200);
    expect(calendar.body).toHaveLength(2);
    for (const entry of calendar.body) expect(breaches(entry)).toEqual([]);
    const [first] = calendar.body;
    expect(
      breaches({ ...first, plannedAt: '2026-12-01T08:30:00Z', extra: 1, targets: [{ ...first.targets[0], platform: 'myspace' }] }),
    ).toEqual([
      'extra: not in the contract',
      'plannedAt: "2026-12-01T08:30:00Z" is not instant',
      'targets.0.platform: "myspace" is not platform',
    ]);
  });

  it('splits the calendar query at the bound the partial indexes were built with', async () => {
    const rows: Array<{ indexname: string; indexdef: string }> = await t.db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('posts_calendar_entry_idx', 'posts_calendar_large_entry_idx') ORDER BY indexname`,
    );
    expect(rows.map((row) => row.indexdef.match(/octet_length\(calendar_entry\) ([<>=]+) (\d+)/)?.slice(1))).toEqual([
      ['<=', String(CALENDAR_INDEXED_ENTRY_BYTES)],
      ['>', String(CALENDAR_INDEXED_ENTRY_BYTES)],
    ]);
  });
});
