import type { TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD } from '@kadens/api/organizations';
import type TestAgent from 'supertest/lib/agent';

/** Publishing instants on the Facebook channel (dialogue posts marked), the same as in the rules' spec. */
export const MARCH_PUBLISHED: Array<[string, boolean]> = [
  ['2026-02-24T10:00:00Z', false],
  ['2026-03-02T09:00:00Z', false],
  ['2026-03-04T09:00:00Z', false],
  ['2026-03-10T09:00:00Z', true],
  ['2026-03-16T09:00:00Z', false],
  ['2026-03-20T09:00:00Z', false],
  ['2026-03-23T08:00:00Z', false],
  ['2026-03-29T22:30:00Z', true],
  ['2026-03-30T07:30:00Z', true],
  ['2026-04-02T08:00:00Z', false],
];

export interface EvaluationWorld {
  /** "Evalvik" (Europe/Oslo, NO): an organisation of its own, so the demo's plan never mixes in. */
  org: string;
  admin: TestAgent;
  channel: string;
  audience: string;
  initiative: string;
  otherOrganization: string;
  otherOrganizationChannel: string;
  url(path: string): string;
  /** Publishes `perWeek` posts in each of the last `weeks` whole local weeks, except the weeks back listed in `thin`. */
  publishWeekly(weeks: number, perWeek: number, thin: number[]): Promise<void>;
}

/**
 * Evalvik with a Facebook channel promising two posts a week, at most four silent days and staffed
 * hours on weekdays; its March 2026 plan, published; two sign-offs; an audience with a monthly effect
 * goal and an active initiative. The demo must be seeded (its people are the members).
 */
export async function evaluationWorld(t: TestApp): Promise<EvaluationWorld> {
  const q = (sql: string, params: unknown[] = []) => t.db.query(sql, params);
  const [{ id: org }] = await q(
    `INSERT INTO organizations (name, slug, time_zone, country, default_locale, capacity_hours_per_week, created_at)
     VALUES ('Evalvik kommune', 'evalvik', 'Europe/Oslo', 'NO', 'nb', 20, '2025-01-01') RETURNING id`,
  );
  await q(
    `INSERT INTO memberships (organization_id, user_id, role)
     SELECT $1, id, CASE email WHEN 'admin@kadens.demo' THEN 'admin' ELSE 'viewer' END FROM users WHERE email IN ('admin@kadens.demo', 'viewer@kadens.demo')`,
    [org],
  );
  const [{ id: author }] = await q(`SELECT id FROM users WHERE email = 'admin@kadens.demo'`);
  const [{ id: theme }] = await q(`INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Barnehage', '#00897b') RETURNING id`, [
    org,
  ]);
  const [{ id: news }] = await q(`INSERT INTO content_types (organization_id, key, name) VALUES ($1, 'news', 'Nyhet') RETURNING id`, [org]);
  const [{ id: channel }] = await q(
    `INSERT INTO channels (organization_id, platform, name, min_posts_per_week, max_days_of_silence, cadence_description, opening_hours, response_window_minutes)
     VALUES ($1, 'facebook', 'Facebook', 2, 4, 'To ganger i uka', 'Mo-Fr 09:00-12:00; PH off', 60) RETURNING id`,
    [org],
  );
  const [{ id: initiative }] = await q(
    `INSERT INTO initiatives (organization_id, what, outcome, hours_per_week, status) VALUES ($1, 'Barnehagekampanje', 'Flere søknader', 7, 'active') RETURNING id`,
    [org],
  );
  const [{ id: audience }] = await q(
    `INSERT INTO audiences (organization_id, name, effect_goal, effect_metric, effect_value, effect_period)
     VALUES ($1, 'Foreldre', 'Flere søker barnehageplass digitalt', 'søknader', 400, 'month') RETURNING id`,
    [org],
  );
  await q(
    `INSERT INTO audience_effect_results (audience_id, organization_id, period, period_from, period_to, value) VALUES ($1, $2, '2026-03', '2026-03-01', '2026-03-31', 412)`,
    [audience, org],
  );

  const post = async (
    plannedAt: string,
    target: { channelId: string; state: string; publishedAt: string | null },
    options: { invitesDialogue?: boolean; initiative?: string | null; organization?: string; theme?: string; contentType?: string } = {},
  ): Promise<string> => {
    const [{ id }] = await q(
      `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, initiative_id, planned_at, invites_dialogue, state, author_id)
       VALUES ($1, 'Innlegg', 'Hei!', $2, $3, $4, $5, $6, 'approved', $7) RETURNING id`,
      [
        options.organization ?? org,
        options.contentType ?? news,
        options.theme ?? theme,
        options.initiative ?? null,
        plannedAt,
        options.invitesDialogue ?? false,
        author,
      ],
    );
    await q(`INSERT INTO post_targets (organization_id, post_id, channel_id, state, published_at) VALUES ($1, $2, $3, $4, $5)`, [
      options.organization ?? org,
      id,
      target.channelId,
      target.state,
      target.publishedAt,
    ]);
    return id;
  };

  for (const [index, [at, invitesDialogue]] of MARCH_PUBLISHED.entries()) {
    // Published a minute late; the one on 16 March half an hour late.
    const lateMinutes = at.startsWith('2026-03-16') ? 30 : 1;
    const plannedAt = new Date(Date.parse(at) - lateMinutes * 60_000).toISOString();
    await post(
      plannedAt,
      { channelId: channel, state: 'published', publishedAt: at },
      {
        invitesDialogue,
        initiative: index === 2 || index === 3 ? initiative : null,
      },
    );
  }
  await post('2026-03-12T09:00:00Z', { channelId: channel, state: 'failed', publishedAt: null });
  await post('2026-03-12T10:00:00Z', { channelId: channel, state: 'unconfirmed', publishedAt: null });

  // Sign-off: approved in 2 hours; approved 48 hours after its second submit (changes were asked for once).
  const first = await post('2026-04-20T12:00:00Z', { channelId: channel, state: 'pending', publishedAt: null });
  const secondPost = await post('2026-04-21T12:00:00Z', { channelId: channel, state: 'pending', publishedAt: null });
  const audit = (postId: string, action: string, state: string, at: string) =>
    q(
      `INSERT INTO audit_events (organization_id, actor_id, action, subject_type, subject_id, after, created_at)
       VALUES ($1, $2, $3, 'post', $4, $5, $6)`,
      [org, author, action, postId, JSON.stringify({ state }), at],
    );
  await audit(first, 'post.submit', 'in_review', '2026-03-05T08:00:00Z');
  await audit(first, 'post.approve', 'approved', '2026-03-05T10:00:00Z');
  await audit(secondPost, 'post.submit', 'in_review', '2026-03-01T08:00:00Z');
  await audit(secondPost, 'post.request_changes', 'changes_requested', '2026-03-06T07:00:00Z');
  await audit(secondPost, 'post.submit', 'in_review', '2026-03-06T08:00:00Z');
  await audit(secondPost, 'post.approve', 'in_review', '2026-03-07T08:00:00Z'); // one of two approvals: not yet approved
  await audit(secondPost, 'post.approve', 'approved', '2026-03-08T08:00:00Z');
  await q(
    `INSERT INTO post_reviews (organization_id, post_id, revision, reviewer_id, reviewer_role, decision, comment, created_at)
     VALUES ($1, $2, 1, $3, 'approver', 'changes_requested', 'Kortere, takk', '2026-03-06T07:00:00Z')`,
    [org, secondPost, author],
  );

  // Another organisation publishing in March on a channel of its own.
  const [{ id: otherOrganization }] = await q(`SELECT id FROM organizations WHERE slug = 'bolgeby'`);
  const [{ id: otherTheme }] = await q(
    `INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Evalueringstema', '#3949ab') RETURNING id`,
    [otherOrganization],
  );
  const [{ id: otherType }] = await q(`INSERT INTO content_types (organization_id, name) VALUES ($1, 'Evalueringstype') RETURNING id`, [
    otherOrganization,
  ]);
  const [{ id: otherOrganizationChannel }] = await q(
    `INSERT INTO channels (organization_id, platform, name, min_posts_per_week) VALUES ($1, 'x', 'Evaluering X', 1) RETURNING id`,
    [otherOrganization],
  );
  await post(
    '2026-03-09T09:00:00Z',
    { channelId: otherOrganizationChannel, state: 'published', publishedAt: '2026-03-09T09:00:00Z' },
    { organization: otherOrganization, theme: otherTheme, contentType: otherType },
  );

  return {
    org,
    admin: await t.loginAs('admin@kadens.demo', DEMO_PASSWORD),
    channel,
    audience,
    initiative,
    otherOrganization,
    otherOrganizationChannel,
    url: (path: string) => `/api/organizations/${org}/${path}`,
    async publishWeekly(weeks, perWeek, thin) {
      const DAY = 86_400_000;
      const now = Date.now();
      // Mondays in Oslo are near enough in UTC for posts placed mid-week at noon.
      const utcMonday = new Date(now - ((new Date(now).getUTCDay() + 6) % 7) * DAY);
      for (let back = 1; back <= weeks; back++) {
        if (thin.includes(back)) continue;
        for (let i = 0; i < perWeek; i++) {
          const at = new Date(utcMonday.getTime() - back * 7 * DAY + (1 + i) * DAY);
          at.setUTCHours(11, 0, 0, 0);
          await post(at.toISOString(), { channelId: channel, state: 'published', publishedAt: at.toISOString() });
        }
      }
    },
  };
}
