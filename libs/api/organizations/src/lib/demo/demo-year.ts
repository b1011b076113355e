import type { EntityManager } from 'typeorm';

import type { DemoStrategy } from './demo-content';
import { DEMO_METRICS } from './demo-numbers';
import { type DemoYearPlan, planDemoYear } from './demo-year-plan';

export interface DemoYearOrganization {
  id: string;
  slug: string;
  timeZone: string;
}

/** Who wrote, approved and answers for the demo year: members of the organisation. */
export interface DemoYearPeople {
  adminId: string;
  authorId: string;
  approverId: string;
}

export interface DemoYearCounts {
  posts: number;
  targets: number;
  snapshots: number;
  effectResults: number;
}

type Ids = Map<string, string>;

/**
 * Writes one organisation's demo year (issue 13) in a handful of bulk statements: the strategy items
 * it needs (added by name where missing, so an organisation's own strategy stays), then the posts,
 * their audiences, published targets, revision, submit and approval, publish attempts, result snapshots
 * (source 'demo'), target_results (demo, rollup pending for the reports) and the effect results.
 * Returns null when the organisation already has its demo year: it is written once.
 */
export async function seedDemoYear(
  tx: EntityManager,
  organization: DemoYearOrganization,
  people: DemoYearPeople,
  strategy: DemoStrategy,
  now: Date,
): Promise<DemoYearCounts | null> {
  const [seeded]: Array<{ seeded: boolean }> = await tx.query(
    `SELECT EXISTS (SELECT 1 FROM target_results WHERE organization_id = $1 AND demo) AS seeded`,
    [organization.id],
  );
  if (seeded?.seeded) return null;
  const ids = await writeStrategy(tx, organization.id, people, strategy);
  const plan = planDemoYear(strategy, organization.slug, organization.timeZone, now);
  await writePosts(tx, organization, people, plan, ids);
  await writeResults(tx, organization, plan, ids);
  await writeEffectResults(tx, organization.id, people.adminId, plan, ids, strategy.effectNote);
  const targets = plan.posts.flatMap((post) => post.targets);
  return {
    posts: plan.posts.length,
    targets: targets.length,
    snapshots: targets.length * 4,
    effectResults: plan.effectResults.length,
  };
}

async function idsByName(tx: EntityManager, table: string, organizationId: string, names: string[], keys: string[]): Promise<Ids> {
  const rows: Array<{ id: string; name: string }> = await tx.query(
    `SELECT id, lower(name) AS name FROM ${table} WHERE organization_id = $1 AND lower(name) = ANY($2::text[])`,
    [organizationId, names.map((name) => name.toLowerCase())],
  );
  const byName = new Map(rows.map((row) => [row.name, row.id]));
  const found: Ids = new Map();
  keys.forEach((key, index) => {
    const id = byName.get(names[index]?.toLowerCase() ?? '');
    if (id) found.set(key, id);
  });
  return found;
}

async function writeStrategy(
  tx: EntityManager,
  organizationId: string,
  people: DemoYearPeople,
  strategy: DemoStrategy,
): Promise<Map<string, Ids>> {
  const { themes, channels, audiences, initiatives } = strategy;
  await tx.query(
    `INSERT INTO themes (organization_id, name, color, description)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
    [organizationId, themes.map((t) => t.name), themes.map((t) => t.color), themes.map((t) => t.description)],
  );
  await tx.query(
    `INSERT INTO channels (organization_id, platform, name, handle, responsible_user_id, min_posts_per_week, cadence_description,
                           opening_hours, response_window_minutes)
     SELECT $1, c.platform, c.name, c.handle, $2, c.min_per_week, c.description, c.opening_hours, 120
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[])
            AS c (platform, name, handle, description, min_per_week, opening_hours)
     ON CONFLICT DO NOTHING`,
    [
      organizationId,
      people.adminId,
      channels.map((c) => c.platform),
      channels.map((c) => c.name),
      channels.map((c) => c.handle),
      channels.map((c) => c.publicDescription),
      channels.map((c) => c.minPostsPerWeek),
      channels.map((c) => c.openingHours),
    ],
  );
  await tx.query(
    `INSERT INTO audiences (organization_id, name, description, communication_goal, effect_goal, effect_metric, effect_value, effect_period)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[]) ON CONFLICT DO NOTHING`,
    [
      organizationId,
      audiences.map((a) => a.name),
      audiences.map((a) => a.description),
      audiences.map((a) => a.communicationGoal),
      audiences.map((a) => a.effectGoal),
      audiences.map((a) => a.target?.metric ?? null),
      audiences.map((a) => a.target?.value ?? null),
      audiences.map((a) => a.target?.period ?? null),
    ],
  );
  const themeIds = await idsByName(
    tx,
    'themes',
    organizationId,
    themes.map((t) => t.name),
    themes.map((t) => t.key),
  );
  const channelIds = await idsByName(
    tx,
    'channels',
    organizationId,
    channels.map((c) => c.name),
    channels.map((c) => c.key),
  );
  const audienceIds = await idsByName(
    tx,
    'audiences',
    organizationId,
    audiences.map((a) => a.name),
    audiences.map((a) => a.key),
  );
  const links = (items: Array<{ key: string; channels: string[] }>, owners: Ids) =>
    items
      .flatMap((item) => item.channels.map((channel) => [owners.get(item.key), channelIds.get(channel)] as const))
      .filter(([a, b]) => a && b);
  const audienceChannels = links(audiences, audienceIds);
  await tx.query(
    `INSERT INTO audience_channels (organization_id, audience_id, channel_id)
     SELECT $1, * FROM unnest($2::uuid[], $3::uuid[]) ON CONFLICT DO NOTHING`,
    [organizationId, audienceChannels.map(([a]) => a), audienceChannels.map(([, c]) => c)],
  );

  // Initiatives have no unique name; one with the same "what" counts as there.
  await tx.query(
    `INSERT INTO initiatives (organization_id, what, outcome, hours_per_week, core, status)
     SELECT $1, i.what, i.outcome, i.hours, i.core, 'active'
       FROM unnest($2::text[], $3::text[], $4::numeric[], $5::boolean[]) AS i (what, outcome, hours, core)
      WHERE NOT EXISTS (SELECT 1 FROM initiatives x WHERE x.organization_id = $1 AND x.what = i.what)`,
    [
      organizationId,
      initiatives.map((i) => i.what),
      initiatives.map((i) => i.outcome),
      initiatives.map((i) => i.hours),
      initiatives.map((i) => i.core),
    ],
  );
  const initiativeRows: Array<{ id: string; what: string }> = await tx.query(
    `SELECT DISTINCT ON (what) id, what FROM initiatives WHERE organization_id = $1 AND what = ANY($2::text[]) ORDER BY what, created_at`,
    [organizationId, initiatives.map((i) => i.what)],
  );
  const initiativeIds: Ids = new Map(
    initiatives.flatMap((i) => {
      const row = initiativeRows.find((r) => r.what === i.what);
      return row ? [[i.key, row.id]] : [];
    }),
  );
  const initiativeChannels = links(initiatives, initiativeIds);
  const initiativeAudiences = initiatives
    .flatMap((i) => i.audiences.map((a) => [initiativeIds.get(i.key), audienceIds.get(a)] as const))
    .filter(([a, b]) => a && b);
  await tx.query(
    `INSERT INTO initiative_channels (organization_id, initiative_id, channel_id)
     SELECT $1, * FROM unnest($2::uuid[], $3::uuid[]) ON CONFLICT DO NOTHING`,
    [organizationId, initiativeChannels.map(([i]) => i), initiativeChannels.map(([, c]) => c)],
  );
  await tx.query(
    `INSERT INTO initiative_audiences (organization_id, initiative_id, audience_id)
     SELECT $1, * FROM unnest($2::uuid[], $3::uuid[]) ON CONFLICT DO NOTHING`,
    [organizationId, initiativeAudiences.map(([i]) => i), initiativeAudiences.map(([, a]) => a)],
  );
  await tx.query(`UPDATE organizations SET capacity_hours_per_week = $2 WHERE id = $1 AND capacity_hours_per_week IS NULL`, [
    organizationId,
    strategy.capacityHours,
  ]);
  const types: Array<{ id: string; key: string }> = await tx.query(
    `SELECT id, key FROM content_types WHERE organization_id = $1 AND key IS NOT NULL`,
    [organizationId],
  );
  return new Map([
    ['theme', themeIds],
    ['channel', channelIds],
    ['audience', audienceIds],
    ['initiative', initiativeIds],
    ['type', new Map(types.map((t) => [t.key, t.id]))],
  ]);
}

async function writePosts(
  tx: EntityManager,
  organization: DemoYearOrganization,
  people: DemoYearPeople,
  plan: DemoYearPlan,
  ids: Map<string, Ids>,
): Promise<void> {
  const id = (kind: string, key: string | null) => (key === null ? null : (ids.get(kind)?.get(key) ?? null));
  const posts = plan.posts.filter((p) => id('theme', p.template.theme) && id('type', p.template.type));
  const org = organization.id;
  await tx.query(
    `INSERT INTO posts (id, organization_id, title, body, link, content_type_id, theme_id, initiative_id, planned_at, invites_dialogue,
                        state, revision, author_id, created_at, updated_at)
     SELECT p.id, $1, p.title, p.body, p.link, p.type, p.theme, p.initiative, p.planned_at, p.dialogue, 'approved', 1, $2, p.created_at, p.approved_at
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[], $10::timestamptz[], $11::boolean[],
                   $12::timestamptz[], $13::timestamptz[])
            AS p (id, title, body, link, type, theme, initiative, planned_at, dialogue, created_at, approved_at)`,
    [
      org,
      people.authorId,
      posts.map((p) => p.id),
      posts.map((p) => p.template.title),
      posts.map((p) => p.template.body),
      posts.map((p) => p.template.link ?? null),
      posts.map((p) => id('type', p.template.type)),
      posts.map((p) => id('theme', p.template.theme)),
      posts.map((p) => id('initiative', p.template.initiative)),
      posts.map((p) => p.plannedAt),
      posts.map((p) => p.template.type === 'question_poll'),
      posts.map((p) => p.createdAt),
      posts.map((p) => p.approvedAt),
    ],
  );
  const audiences = posts.flatMap((p) => p.template.audiences.flatMap((a) => (id('audience', a) ? [[p.id, id('audience', a)]] : [])));
  await tx.query(`INSERT INTO post_audiences (organization_id, post_id, audience_id) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[])`, [
    org,
    audiences.map(([p]) => p),
    audiences.map(([, a]) => a),
  ]);
  const targets = posts.flatMap((p) => p.targets.flatMap((t) => (id('channel', t.channel) ? [{ post: p, target: t }] : [])));
  await tx.query(
    `INSERT INTO post_targets (id, organization_id, post_id, channel_id, state, dispatch_count, queued_revision, attempt_count,
                               external_id, external_url, published_at, created_at, updated_at, state_changed_at)
     SELECT t.id, $1, t.post_id, t.channel_id, 'published', 1, 1, 1, t.external_id, t.external_url, t.published_at,
            t.created_at, t.published_at, t.published_at
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
            AS t (id, post_id, channel_id, external_id, external_url, published_at, created_at)`,
    [
      org,
      targets.map((t) => t.target.id),
      targets.map((t) => t.post.id),
      targets.map((t) => id('channel', t.target.channel)),
      targets.map((t) => t.target.externalId),
      targets.map((t) => t.target.externalUrl),
      targets.map((t) => t.target.publishedAt),
      targets.map((t) => t.post.createdAt),
    ],
  );
  await tx.query(
    `INSERT INTO publish_attempts (organization_id, target_id, revision, number, worker, started_at, finished_at, outcome, status,
                                   external_id, external_url)
     SELECT $1, t.id, 1, 1, 'demo', t.published_at - interval '1.4 seconds', t.published_at, 'published', 200, t.external_id, t.external_url
       FROM post_targets t WHERE t.id = ANY($2::uuid[])`,
    [org, targets.map((t) => t.target.id)],
  );
  // The revision the approver signed off, in the shape the posts module keeps it.
  await tx.query(
    `INSERT INTO post_revisions (organization_id, post_id, revision, author_id, content, created_at)
     SELECT p.organization_id, p.id, 1, p.author_id,
            jsonb_build_object('title', p.title, 'body', p.body, 'link', p.link, 'mediaUrls', '[]'::jsonb, 'mediaIds', '[]'::jsonb,
              'contentTypeId', p.content_type_id, 'themeId', p.theme_id, 'audienceIds', to_jsonb(p.audience_ids),
              'initiativeId', p.initiative_id, 'invitesDialogue', p.invites_dialogue, 'sensitive', false,
              'targets', (SELECT jsonb_agg(jsonb_build_object('channelId', t.channel_id, 'textVariant', NULL) ORDER BY t.channel_id::text)
                            FROM post_targets t WHERE t.post_id = p.id)),
            p.created_at
       FROM posts p WHERE p.id = ANY($1::uuid[])`,
    [posts.map((p) => p.id)],
  );
  await tx.query(
    `INSERT INTO post_reviews (organization_id, post_id, revision, reviewer_id, reviewer_role, decision, created_at)
     SELECT $1, r.post_id, 1, $2, 'approver', 'approved', r.at FROM unnest($3::uuid[], $4::timestamptz[]) AS r (post_id, at)`,
    [org, people.approverId, posts.map((p) => p.id), posts.map((p) => p.approvedAt)],
  );
  await tx.query(
    `INSERT INTO audit_events (organization_id, actor_id, action, subject_type, subject_id, before, after, created_at)
     SELECT $1, e.actor, e.action, 'post', e.post_id,
            jsonb_build_object('state', e.before, 'revision', 1, 'plannedAt', to_char(p.planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            jsonb_build_object('state', e.after, 'revision', 1, 'approvals', e.approvals, 'required', 1,
                               'plannedAt', to_char(p.planned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            e.at
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::timestamptz[])
            AS e (post_id, actor, action, before, after, approvals, at)
       JOIN posts p ON p.id = e.post_id
      ORDER BY e.at`,
    [
      org,
      [...posts.map((p) => p.id), ...posts.map((p) => p.id)],
      [...posts.map(() => people.authorId), ...posts.map(() => people.approverId)],
      [...posts.map(() => 'post.submit'), ...posts.map(() => 'post.approve')],
      [...posts.map(() => 'draft'), ...posts.map(() => 'in_review')],
      [...posts.map(() => 'in_review'), ...posts.map(() => 'approved')],
      [...posts.map(() => 0), ...posts.map(() => 1)],
      [...posts.map((p) => p.submittedAt), ...posts.map((p) => p.approvedAt)],
    ],
  );
}

async function writeResults(
  tx: EntityManager,
  organization: DemoYearOrganization,
  plan: DemoYearPlan,
  ids: Map<string, Ids>,
): Promise<void> {
  const channelIds = ids.get('channel');
  const snapshots = plan.posts.flatMap((p) =>
    p.targets.flatMap((t) => (channelIds?.has(t.channel) ? t.snapshots.map((s) => ({ target: t.id, ...s })) : [])),
  );
  const metricColumns = DEMO_METRICS.join(', ');
  const metricArrays = DEMO_METRICS.map((metric, index) => `$${index + 6}::bigint[]`).join(', ');
  await tx.query(
    `INSERT INTO result_snapshots (organization_id, target_id, stage, due_at, state, attempts, collected_at, source, ${metricColumns})
     SELECT $1, s.target_id, s.stage, s.due_at, CASE WHEN s.collected THEN 'collected' ELSE 'skipped' END,
            CASE WHEN s.collected THEN 1 ELSE 0 END, CASE WHEN s.collected THEN s.due_at + interval '40 seconds' END, 'demo', ${DEMO_METRICS.map((m) => `s.${m}`).join(', ')}
       FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::boolean[], ${metricArrays})
            AS s (target_id, stage, due_at, collected, ${metricColumns})`,
    [
      organization.id,
      snapshots.map((s) => s.target),
      snapshots.map((s) => s.stage),
      snapshots.map((s) => s.dueAt),
      snapshots.map((s) => s.collected),
      ...DEMO_METRICS.map((metric) => snapshots.map((s) => s.numbers[metric] ?? null)),
    ],
  );
  // The latest collected reading of each target; the reports' refresher picks the rows up (rollup_pending).
  await tx.query(
    `INSERT INTO target_results (target_id, organization_id, post_id, channel_id, published_at, published_on, ${metricColumns},
                                 collected_at, demo, rollup_pending, updated_at)
     SELECT DISTINCT ON (s.target_id) s.target_id, $1, t.post_id, t.channel_id, t.published_at, (t.published_at AT TIME ZONE $2)::date,
            ${DEMO_METRICS.map((m) => `s.${m}`).join(', ')}, s.collected_at, true, true, now()
       FROM result_snapshots s JOIN post_targets t ON t.id = s.target_id
      WHERE s.organization_id = $1 AND s.source = 'demo' AND s.state = 'collected'
      ORDER BY s.target_id, s.due_at DESC`,
    [organization.id, organization.timeZone],
  );
}

async function writeEffectResults(
  tx: EntityManager,
  organizationId: string,
  enteredBy: string,
  plan: DemoYearPlan,
  ids: Map<string, Ids>,
  note: string,
): Promise<void> {
  const results = plan.effectResults.filter((r) => ids.get('audience')?.has(r.audience));
  await tx.query(
    `INSERT INTO audience_effect_results (audience_id, organization_id, period, period_from, period_to, value, note, entered_by, entered_at)
     SELECT r.audience_id, $1, r.period, r.period_from, r.period_to, r.value, $2, $3, r.entered_at
       FROM unnest($4::uuid[], $5::text[], $6::date[], $7::date[], $8::numeric[], $9::timestamptz[])
            AS r (audience_id, period, period_from, period_to, value, entered_at)
     ON CONFLICT (audience_id, period) DO NOTHING`,
    [
      organizationId,
      note,
      enteredBy,
      results.map((r) => ids.get('audience')?.get(r.audience)),
      results.map((r) => r.period),
      results.map((r) => r.from),
      results.map((r) => r.to),
      results.map((r) => r.value),
      results.map((r) => r.enteredAt),
    ],
  );
}
