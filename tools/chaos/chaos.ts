/**
 * `npm run chaos`: fault tests of the publishing pipeline against the built binary (dist/api/main.js).
 *
 * The runner starts three platforms (chaos-platforms.ts): a webhook receiver that deduplicates on
 * Idempotency-Key (tools/bench/publish-receiver.ts, answering in 20–50 ms; its channels say so in the
 * connection setting `deduplicates`), the fake Mastodon and the fake Bluesky PDS; its own redis-server
 * on a free port, and an embedded PostgreSQL on a free port it can restart. One `APP_ROLES=api` process
 * migrates the database; channels (3 webhook, 3 Mastodon, 2 Bluesky) are connected through
 * PUT …/channels/{id}/connection, so credentials are sealed as in production. Each scenario then runs
 * one scheduler and two worker processes, writes 1,000 approved targets (125 posts × 8 channels, due
 * over ~8 s), breaks something once the platforms have 300 of them, and waits (at most 150 s) until
 * every target is published or unconfirmed:
 *   kill-worker-1…3  kill -9 one worker mid-batch, three runs (CHAOS_KILL_RUNS)
 *   flush-redis      FLUSHALL mid-batch (every delayed, waiting and running job is lost)
 *   restart-postgres stop PostgreSQL (fast shutdown), 3 s down, start it again
 * Checks: no platform has two posts for one key (duplicates); every published target has exactly one
 * post, and the one its external id names (Mastodon, Bluesky); every target is published — all three
 * platforms can say whether a silent attempt made its post (issue 15: the reconciler looks it up before
 * it would declare it unconfirmed), so none may end unconfirmed; and where no worker died (Redis,
 * PostgreSQL) no key is sent twice — its worker had the answer. Prints one line per scenario (repeats:
 * requests beyond a key's first — retries and Mastodon's look-ups), and why BullMQ jobs failed; exits 1
 * if any fails. Logs stay in the folder it names when a scenario fails (or with CHAOS_KEEP=true, the
 * database too). CHAOS_ONLY=<prefix> runs the scenarios whose name starts with it.
 */
import * as argon2 from 'argon2';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';

import { blueskyRecordKey } from '../../libs/api/platforms/src/lib/bluesky/bluesky-record-key';
import { CHANNEL_PLATFORMS, type ChaosPlatform, ChaosPlatforms } from './chaos-platforms';
import { freePort, type KadensProcess, sleep, startKadens, startPostgres, startRedis, until } from './chaos-services';

const SECRET = 'whsec-chaos-0123456789abcdef';
const PASSWORD = 'chaos-password';
const CHANNELS = CHANNEL_PLATFORMS.length;
const KILL_RUNS = Number(process.env['CHAOS_KILL_RUNS'] ?? 3);
const POSTS = 125;
const TARGETS = POSTS * CHANNELS;
const SPREAD_MS = 8_000;
const FAULT_AFTER = 300;
const TIME_LIMIT_MS = 150_000;

interface Scenario {
  name: string;
  what: string;
  /** No worker dies, so every answer the receiver gave reaches a living worker: none may end unconfirmed. */
  outcomesKnown: boolean;
  fault(ctx: {
    workers: KadensProcess[];
    redis: { flushAll(): void };
    postgres: { restart(downMs: number): Promise<void> };
  }): Promise<void>;
}

const SCENARIOS: Scenario[] = [
  ...Array.from({ length: KILL_RUNS }, (_, run) => ({
    name: `kill-worker-${run + 1}`,
    what: 'kill -9 a worker mid-batch',
    outcomesKnown: false,
    fault: async ({ workers }: { workers: KadensProcess[] }) => workers[0]?.kill9(),
  })),
  { name: 'flush-redis', what: 'FLUSHALL Redis mid-batch', outcomesKnown: true, fault: async ({ redis }) => redis.flushAll() },
  {
    name: 'restart-postgres',
    what: 'restart PostgreSQL mid-batch (3 s down)',
    outcomesKnown: true,
    fault: ({ postgres }) => postgres.restart(3_000),
  },
];

interface Seeded {
  organizationId: string;
  userId: string;
  contentTypeId: string;
  themeId: string;
  channelIds: string[];
}

async function seed(pool: Pool, apiBase: string, platforms: ChaosPlatforms): Promise<Seeded> {
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  const one = async (text: string, params: unknown[] = []) => (await pool.query(text, params)).rows[0];
  const { id: userId } = await one(
    `INSERT INTO users (email, name, password_hash) VALUES ('chaos@kadens.demo', 'Chaos', $1) RETURNING id`,
    [hash],
  );
  const { id: organizationId } = await one(
    `INSERT INTO organizations (name, slug, time_zone, country, default_locale) VALUES ('Chaos kommune', 'chaos', 'Europe/Oslo', 'NO', 'nb') RETURNING id`,
  );
  await pool.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'admin')`, [organizationId, userId]);
  const { id: contentTypeId } = await one(
    `INSERT INTO content_types (organization_id, key, name) VALUES ($1, 'news', 'News') RETURNING id`,
    [organizationId],
  );
  const { id: themeId } = await one(`INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Drift', '#1e88e5') RETURNING id`, [
    organizationId,
  ]);
  const channels = await pool.query(
    `INSERT INTO channels (organization_id, platform, name) SELECT $1, p, p || ' ' || g FROM unnest($2::text[]) WITH ORDINALITY AS c (p, g) ORDER BY g RETURNING id, platform`,
    [organizationId, CHANNEL_PLATFORMS],
  );
  const login = await fetch(`${apiBase}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'chaos@kadens.demo', password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const channelIds: string[] = channels.rows.map((row: { id: string }) => row.id);
  for (const { id, platform } of channels.rows as Array<{ id: string; platform: ChaosPlatform }>) {
    const response = await fetch(`${apiBase}/api/organizations/${organizationId}/channels/${id}/connection`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(platforms.connection(platform, SECRET)),
    });
    if (response.status !== 200) throw new Error(`connecting channel ${id} answered ${response.status}: ${await response.text()}`);
  }
  return { organizationId, userId, contentTypeId, themeId, channelIds };
}

/** 125 approved posts, one every SPREAD_MS / 125 ms from `from`, each on every channel. */
async function approvedTargets(pool: Pool, s: Seeded, label: string, from: number): Promise<string[]> {
  const { rows } = await pool.query(
    `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, planned_at, state, author_id)
     SELECT $1, $2 || ' ' || n, 'Melding ' || n || ' fra ' || $2 || '.', $3, $4, to_timestamp(($5::bigint + (n - 1) * $6::int) / 1000.0), 'approved', $7
       FROM generate_series(1, $8::int) AS n
     RETURNING id`,
    [s.organizationId, label, s.contentTypeId, s.themeId, from, Math.round(SPREAD_MS / POSTS), s.userId, POSTS],
  );
  const postIds = rows.map((row: { id: string }) => row.id);
  await pool.query(
    `INSERT INTO post_targets (organization_id, post_id, channel_id, state) SELECT $1, p, c, 'scheduled' FROM unnest($2::uuid[]) AS p CROSS JOIN unnest($3::uuid[]) AS c`,
    [s.organizationId, postIds, s.channelIds],
  );
  return postIds;
}

interface Outcome {
  ok: boolean;
  line: string;
}

async function main(): Promise<void> {
  const only = process.env['CHAOS_ONLY'];
  const scenarios = SCENARIOS.filter((scenario) => !only || scenario.name.startsWith(only));
  const work = join(tmpdir(), `kadens-chaos-${Date.now()}`);
  mkdirSync(join(work, 'logs'), { recursive: true, mode: 0o755 });
  console.log(`[chaos] logs in ${join(work, 'logs')}`);
  const started = Date.now();
  const platforms = new ChaosPlatforms(SECRET);
  await platforms.start();
  const redis = await startRedis(join(work, 'logs'));
  const postgres = await startPostgres(join(work, 'postgres'), join(work, 'logs'));
  const pool = new Pool({ connectionString: postgres.url, max: 2 });
  pool.on('error', () => undefined); // the restart scenario closes its idle connections too
  const base = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'info',
    WEB_DIST: '',
    // The platforms listen on 127.0.0.1, which the outbound guard refuses unless the operator allows it.
    OUTBOUND_ALLOW_HOSTS: '127.0.0.1',
  };
  const outcomes: Outcome[] = [];
  let api: KadensProcess | null = null;
  try {
    const port = await freePort();
    api = startKadens(
      'api',
      { ...base, APP_ROLES: 'api', PORT: String(port), HOST: '127.0.0.1', REDIS_PREFIX: 'kadens-chaos-api' },
      join(work, 'logs', 'api.log'),
    );
    await api.ready;
    const seeded = await seed(pool, `http://127.0.0.1:${port}`, platforms);
    await api.stop();
    console.log(
      `[chaos] set up in ${((Date.now() - started) / 1000).toFixed(0)} s: ${CHANNELS} channels (${CHANNEL_PLATFORMS.join(', ')}) connected through the API`,
    );
    for (const scenario of scenarios) {
      try {
        outcomes.push(await run(scenario, { seeded, pool, platforms, redis, postgres, base, logs: join(work, 'logs') }));
      } catch (error) {
        const line = `FAIL ${scenario.name.padEnd(16)} ${scenario.what}: ${error instanceof Error ? error.message : String(error)}`;
        console.log(line);
        outcomes.push({ ok: false, line });
      }
    }
  } finally {
    await api?.stop();
    await pool.end().catch(() => undefined);
    if (process.env['CHAOS_KEEP'] === 'true') console.log(`[chaos] CHAOS_KEEP: PostgreSQL data kept in ${join(work, 'postgres')}`);
    await postgres.stop().catch((error: unknown) => console.error(`[chaos] stopping PostgreSQL: ${String(error)}`));
    await redis.stop();
    await platforms.stop();
  }
  for (const outcome of outcomes) console.log(outcome.line);
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  console.log(`[chaos] ${outcomes.length - failed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const keep = process.env['CHAOS_KEEP'] === 'true';
  if (!keep) rmSync(failed === 0 ? work : join(work, 'postgres'), { recursive: true, force: true });
  if (keep || failed > 0) console.log(`[chaos] logs kept in ${join(work, 'logs')}`);
  process.exit(failed === 0 && outcomes.length > 0 ? 0 : 1);
}

interface RunContext {
  seeded: Seeded;
  pool: Pool;
  platforms: ChaosPlatforms;
  redis: Awaited<ReturnType<typeof startRedis>>;
  postgres: Awaited<ReturnType<typeof startPostgres>>;
  base: Record<string, string>;
  logs: string;
}

async function run(scenario: Scenario, ctx: RunContext): Promise<Outcome> {
  const { pool, platforms } = ctx;
  const env = {
    ...ctx.base,
    DATABASE_MIGRATE: 'false',
    DATABASE_POOL_SIZE: '20',
    REDIS_PREFIX: `kadens-chaos-${scenario.name}-${randomBytes(3).toString('hex')}`,
    PUBLISH_DISPATCH_INTERVAL_MS: '200',
    PUBLISH_RECONCILE_INTERVAL_MS: '1000',
    PUBLISH_LOST_JOB_AFTER_MS: '3000',
    PUBLISH_STUCK_AFTER_MS: '10000',
    PUBLISH_REQUEST_TIMEOUT_MS: '5000',
    PUBLISH_RETRY_BASE_MS: '1000',
  };
  const log = (role: string) => join(ctx.logs, `${scenario.name}-${role}.log`);
  const processes = [
    startKadens('scheduler', { ...env, APP_ROLES: 'scheduler' }, log('scheduler')),
    startKadens('worker-1', { ...env, APP_ROLES: 'worker' }, log('worker-1')),
    startKadens('worker-2', { ...env, APP_ROLES: 'worker' }, log('worker-2')),
  ];
  const workers = processes.slice(1);
  try {
    await Promise.all(processes.map((p) => p.ready));
    const postIds = await approvedTargets(pool, ctx.seeded, scenario.name, Date.now() + 1_000);
    const targets = await pool.query(
      `SELECT t.id || '.' || p.revision AS key FROM post_targets t JOIN posts p ON p.id = t.post_id WHERE t.post_id = ANY($1::uuid[])`,
      [postIds],
    );
    const keys: string[] = targets.rows.map((row: { key: string }) => row.key);
    const rkeys = new Map(keys.map((key) => [key, blueskyRecordKey(key)]));
    const seen = () => platforms.reachedCount(keys, rkeys);
    await until(`${FAULT_AFTER} deliveries`, () => seen() >= FAULT_AFTER, 60_000, 20);
    const atFault = seen();
    const faultAt = Date.now();
    await scenario.fault({ workers, redis: ctx.redis, postgres: ctx.postgres });
    const settledStates = ['published', 'unconfirmed', 'failed', 'held', 'expired'];
    let settled = false;
    try {
      await until(
        'every target to settle',
        async () => {
          try {
            const { rows } = await pool.query(
              `SELECT count(*)::int AS n FROM post_targets WHERE post_id = ANY($1::uuid[]) AND state <> ALL($2::text[])`,
              [postIds, settledStates],
            );
            return rows[0].n === 0;
          } catch {
            return false; // PostgreSQL is restarting
          }
        },
        TIME_LIMIT_MS,
        250,
      );
      settled = true;
    } catch {
      // reported below with the states
    }
    const seconds = (Date.now() - faultAt) / 1000;
    await sleep(2_000); // a late resend would arrive now
    const outcome = await verdict(scenario, pool, platforms, postIds, { settled, seconds, atFault, faultAt });
    console.log(`     ${await failedJobs(ctx.redis.url, env.REDIS_PREFIX)}`);
    return outcome;
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
  }
}

/** Why BullMQ jobs failed (a claim or a settlement that threw), as the queue kept them: evidence for the logs. */
async function failedJobs(redisUrl: string, prefix: string): Promise<string> {
  const url = new URL(redisUrl);
  const queue = new Queue('publishing', { connection: { host: url.hostname, port: Number(url.port) }, prefix });
  try {
    const jobs = await queue.getFailed(0, 5_000);
    const reasons = new Map<string, number>();
    for (const job of jobs) reasons.set(job.failedReason, (reasons.get(job.failedReason) ?? 0) + 1);
    return `failed BullMQ jobs: ${jobs.length}${[...reasons].map(([reason, n]) => `; ${n}× ${reason}`).join('')}`;
  } finally {
    await queue.close();
  }
}

async function verdict(
  scenario: Scenario,
  pool: Pool,
  platforms: ChaosPlatforms,
  postIds: string[],
  run: { settled: boolean; seconds: number; atFault: number; faultAt: number },
): Promise<Outcome> {
  const { rows } = await pool.query(
    `SELECT t.id || '.' || p.revision AS key, t.state, t.dispatch_count, c.platform, t.external_id,
            (extract(epoch FROM t.state_changed_at) * 1000)::float8 AS changed_at,
            (SELECT count(*)::int FROM publish_attempts a WHERE a.target_id = t.id AND a.outcome = 'timed_out') AS timed_out,
            (SELECT count(*)::int FROM publish_attempts a WHERE a.target_id = t.id AND a.outcome = 'published' AND a.message LIKE '%look-up%') AS found
       FROM post_targets t JOIN posts p ON p.id = t.post_id JOIN channels c ON c.id = t.channel_id WHERE t.post_id = ANY($1::uuid[])`,
    [postIds],
  );
  const reached = platforms.snapshot();
  const count = {
    published: 0,
    unconfirmed: 0,
    other: 0,
    duplicates: 0,
    repeats: 0,
    publishedUnsent: 0,
    wrongId: 0,
    redispatched: 0,
    timedOut: 0,
    foundByLookUp: 0,
  };
  const perPlatform = new Map<string, number>();
  const last = { published: 0, unconfirmed: 0 };
  const problems: string[] = [];
  type Row = {
    key: string;
    state: string;
    platform: ChaosPlatform;
    external_id: string | null;
    dispatch_count: number;
    timed_out: number;
    found: number;
    changed_at: number;
  };
  for (const row of rows as Row[]) {
    if (row.state === 'published' || row.state === 'unconfirmed') last[row.state] = Math.max(last[row.state], row.changed_at - run.faultAt);
    const platform = reached(row.platform, row.key);
    if (platform.posts > 1) count.duplicates++;
    count.repeats += Math.max(0, platform.requests - 1);
    if (row.dispatch_count > 1) count.redispatched++;
    count.timedOut += row.timed_out;
    count.foundByLookUp += row.found;
    if (row.state === 'published') {
      count.published++;
      perPlatform.set(row.platform, (perPlatform.get(row.platform) ?? 0) + 1);
      if (platform.posts === 0) count.publishedUnsent++;
      if (platform.externalId !== null && platform.externalId !== row.external_id) {
        count.wrongId++;
        if (problems.length < 5)
          problems.push(`${row.key} (${row.platform}) is published as ${row.external_id}, the platform has ${platform.externalId}`);
      }
    } else if (row.state === 'unconfirmed') {
      count.unconfirmed++;
      if (problems.length < 5) problems.push(`${row.key} (${row.platform}) is unconfirmed (${platform.posts} post(s) on the platform)`);
    } else {
      count.other++;
      if (problems.length < 5) problems.push(`${row.key} (${row.platform}) is ${row.state} (${platform.posts} post(s) on the platform)`);
    }
  }
  if (!run.settled) problems.unshift(`not settled within ${TIME_LIMIT_MS / 1000} s`);
  if (count.duplicates > 0) problems.push(`${count.duplicates} keys have more than one post on their platform`);
  if (count.unconfirmed > 0) problems.push(`${count.unconfirmed} unconfirmed although every platform here can be asked`);
  if (scenario.outcomesKnown && count.repeats > 0) {
    problems.push(`${count.repeats} repeated requests although no worker died: an answer was lost (see the failed jobs below)`);
  }
  if (count.publishedUnsent > 0) problems.push(`${count.publishedUnsent} published without a post on the platform`);
  if (count.wrongId > 0) problems.push(`${count.wrongId} published with another post's id`);
  if (rows.length !== TARGETS) problems.push(`expected ${TARGETS} targets, found ${rows.length}`);
  const ok = problems.length === 0;
  const line =
    `${ok ? 'PASS' : 'FAIL'} ${scenario.name.padEnd(16)} ${scenario.what}: ${rows.length} targets, fault after ${run.atFault} reached their platform; ` +
    `published ${count.published} (${[...perPlatform].map(([p, n]) => `${p} ${n}`).join(', ')}), unconfirmed ${count.unconfirmed}, other ${count.other}, duplicates ${count.duplicates}; ` +
    `silent attempts ${count.timedOut + count.foundByLookUp} (${count.foundByLookUp} found by a look-up, ${count.timedOut} sent again), repeats ${count.repeats}, re-dispatched ${count.redispatched}; ` +
    `last published ${(last.published / 1000).toFixed(1)} s after the fault, all settled after ${run.seconds.toFixed(1)} s` +
    (ok ? '' : `\n     ${problems.join('\n     ')}`);
  console.log(line);
  return { ok, line };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
