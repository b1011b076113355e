/**
 * `npm run bench:publish`: the publishing pipeline measured in one run, in this one process (scheduler
 * and worker roles of the real Nest module, BullMQ on Redis, a throw-away PostgreSQL database).
 *
 * (a) Throughput with a no-op platform against bare BullMQ: the same Redis, concurrency and number of
 *     jobs; the pipeline from the first dispatch until every target is published, bare BullMQ from the
 *     first addBulk until its no-op processor completed every job. Prints both and the ratio.
 * (b) A burst: 10,000 targets due at the same instant over 200 webhook channels (50 posts × 200), the
 *     real webhook adapter against a local receiver answering each publish in 100 ms, concurrency 50.
 *     Prints the drain time against the floor (10,000 × 0.1 s / 50 = 20 s), the lateness of
 *     published_at behind the planned time (p50/p99) and the duplicates the receiver counted.
 * (c) On time when idle: ten posts each due alone, production dispatch interval (publish-idle.ts).
 *
 * Env: BENCH_PUBLISH_SHAPE ("1000x5": posts × channels for (a), 5,000 jobs), BENCH_PUBLISH_BURST ("50x200"
 * for (b); "2000x5/200" puts 2,000 posts on 5 of 200 channels), BENCH_REDIS_URL (redis://127.0.0.1:6379),
 * TEST_DATABASE_URL (where the throw-away databases go; the local server by default), BENCH_PUBLISH_CLAIM_AHEAD (50), BENCH_PUBLISH_ONLY
 * ("a", "b" or "c"). Diagnosis: BENCH_PUBLISH_PROFILE=true (what the backends wait on), BENCH_PUBLISH_STEPS=true (each job's claim, platform call, settlement in (b)), BENCH_PUBLISH_STATEMENTS=true
 * (statements per job by text), BENCH_PUBLISH_CPU_PROFILE=<file> (V8 profile of the measured run of (a), or of (b) with BENCH_PUBLISH_ONLY=b),
 * BENCH_PUBLISH_WHATIF (below).
 */
import { OutboundClient } from '@kadens/api/outbound';
import { createPlatformAdapters, PlatformRegistry, type PublishRequest, type PublishResult, WebhookAdapter } from '@kadens/api/platforms';
import { BullMqPublishQueue, Dispatcher, PUBLISH_JOB, PublishQueue } from '@kadens/api/publishing';
import { Queue, Worker } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

import { partC } from './publish-idle';
import { PublishReceiver } from './publish-receiver';
import { type StepTimes, timeSteps } from './publish-steps';
import { approvedTargets, bootPublishing, drained, type PublishingApp, seedOrganization, webhookChannels } from './publish-setup';

const [SHAPE_POSTS, SHAPE_CHANNELS] = shape(process.env['BENCH_PUBLISH_SHAPE'] ?? '1000x5');
const [BURST_POSTS, BURST_PER_POST, BURST_CHANNELS] = burstShape(process.env['BENCH_PUBLISH_BURST'] ?? '50x200');
const ONLY = process.env['BENCH_PUBLISH_ONLY'] ?? '';
/** Diagnosis, not the benchmark: `no-notify` (no pg_notify per state change), `no-target-trigger` (no calendar refresh), `async-commit`. */
const WHATIF = (process.env['BENCH_PUBLISH_WHATIF'] ?? '').split(',').filter(Boolean);
const PROFILE = process.env['BENCH_PUBLISH_PROFILE'] === 'true';
const STEPS = process.env['BENCH_PUBLISH_STEPS'] === 'true';
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = 50;
/** PUBLISH_CLAIM_AHEAD as shipped: the worker takes CONCURRENCY + CLAIM_AHEAD jobs at once, and so does bare BullMQ in (a). */
const CLAIM_AHEAD = Number(process.env['BENCH_PUBLISH_CLAIM_AHEAD'] ?? 50);
const PLATFORM_MS = 100;
const SECRET = 'whsec-bench-0123456789abcdef';
/** Generous: every one of the 50 running jobs holds a connection in its claim and its settlement. */
const POOL = '60';

/** "50x200": 50 posts on all of 200 channels; "2000x5/200": 2,000 posts on 5 of 200 channels each. */
function burstShape(value: string): [number, number, number] {
  const match = /^(\d+)x(\d+)(?:\/(\d+))?$/.exec(value);
  if (!match) throw new Error(`expected POSTSxPER[/CHANNELS], got "${value}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? match[2])];
}

function shape(value: string): [number, number] {
  const match = /^(\d+)x(\d+)$/.exec(value);
  if (!match) throw new Error(`expected POSTSxCHANNELS, got "${value}"`);
  return [Number(match[1]), Number(match[2])];
}

/** Counts the statements this process sends to PostgreSQL (every pool client is a pg Client). */
const sql = { counting: false, statements: 0, transactions: 0 };
const originalQuery = Client.prototype.query;
const UNCOUNTED = Symbol('uncounted');
const statementTexts = new Map<string, number>();
Client.prototype.query = function countedQuery(this: Client & { [UNCOUNTED]?: boolean }, ...args: unknown[]) {
  if (sql.counting && !this[UNCOUNTED]) {
    sql.statements++;
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (text?.startsWith('START TRANSACTION')) sql.transactions++;
    if (process.env['BENCH_PUBLISH_STATEMENTS'] === 'true') {
      const key = (text ?? '?').replace(/\s+/g, ' ').slice(0, 70);
      statementTexts.set(key, (statementTexts.get(key) ?? 0) + 1);
    }
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

function redisConnection() {
  const url = new URL(REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

const rate = (jobs: number, ms: number) => (jobs / ms) * 1000;
const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Bare BullMQ: a no-op processor draining `n` jobs added in bulks of 1,000 with the pipeline's job options. */
async function bareBullmq(n: number): Promise<number> {
  const prefix = `kadens-bench-bare-${randomBytes(4).toString('hex')}`;
  const connection = redisConnection();
  const queue = new Queue('publishing', { connection, prefix });
  const worker = new Worker('publishing', async () => undefined, { connection, prefix, concurrency: CONCURRENCY + CLAIM_AHEAD });
  try {
    await worker.waitUntilReady();
    let completed = 0;
    const finished = new Promise<void>((resolve) => worker.on('completed', () => ++completed === n && resolve()));
    const start = performance.now();
    for (let added = 0; added < n; added += 1_000) {
      const size = Math.min(1_000, n - added);
      await queue.addBulk(
        Array.from({ length: size }, () => {
          const targetId = randomUUID();
          return {
            name: PUBLISH_JOB,
            data: { targetId, revision: 1 },
            opts: {
              jobId: `${targetId}.1.1`,
              delay: 0,
              attempts: 1,
              removeOnComplete: { age: 24 * 3600, count: 5_000 },
              removeOnFail: { age: 7 * 24 * 3600 },
            },
          };
        }),
      );
    }
    await finished;
    return performance.now() - start;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** Publishes nothing and answers at once: what is left is the pipeline's own cost. */
class NoOpWebhookAdapter extends WebhookAdapter {
  override async publish(request: PublishRequest): Promise<PublishResult> {
    return { externalId: request.idempotencyKey, url: null };
  }
}

/** Boots the pipeline with the diagnosis switches of BENCH_PUBLISH_WHATIF applied to its database. */
async function boot(registry: PlatformRegistry | null, env: Record<string, string>): Promise<PublishingApp> {
  if (WHATIF.length > 0) console.log(`  WHAT-IF (diagnosis, not the product as shipped): ${WHATIF.join(', ')}`);
  const databaseSql = WHATIF.includes('async-commit')
    ? [`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = off', current_database()); END $$`]
    : [];
  const p = await bootPublishing(
    registry,
    { REDIS_URL, DATABASE_POOL_SIZE: POOL, PUBLISH_CONCURRENCY: String(CONCURRENCY), PUBLISH_CLAIM_AHEAD: String(CLAIM_AHEAD), ...env },
    databaseSql,
  );
  if (WHATIF.includes('no-target-trigger')) await p.db.query(`ALTER TABLE post_targets DISABLE TRIGGER post_targets_updated`);
  if (WHATIF.includes('no-notify')) await p.db.query(`ALTER TABLE post_targets DISABLE TRIGGER post_targets_state_notify`);
  return p;
}

async function closeApp(p: PublishingApp): Promise<void> {
  const queue = p.app.get(PublishQueue);
  if (queue instanceof BullMqPublishQueue) await queue.queue.obliterate({ force: true }).catch(() => undefined);
  await p.close();
}

interface PipelineRun {
  ms: number;
  statementsPerJob: number;
  transactionsPerJob: number;
  /** Share of this process's event loop that was busy, and its CPU time per job. */
  eventLoop: number;
  cpuMsPerJob: number;
  /** Average number of the database's backends in each state while the run lasted. */
  waits: Array<[string, number]>;
}

/** Profiles this process's CPU (V8) until the returned function writes the .cpuprofile. */
async function startCpuProfile(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1_000 });
  await post('Profiler.start');
  return async (file) => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`  CPU profile of the measured run written to ${file}`);
  };
}

/** A connection of its own for polling and sampling, left out of the statement count. */
async function probeFor(url: string): Promise<Client> {
  const probe = new Client({ connectionString: url });
  (probe as Client & { [UNCOUNTED]?: boolean })[UNCOUNTED] = true;
  await probe.connect();
  return probe;
}

/** Samples pg_stat_activity every 25 ms: what the database's backends wait on (CPU, a lock, WAL fsync, the client). */
function sampleWaits(probe: Client, database: string): { stop: () => Promise<Array<[string, number]>> } {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await probe.query(
        `SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'running (CPU)') ELSE state END AS what, count(*)::int AS n
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend' GROUP BY 1`,
        [database],
      );
      samples++;
      for (const row of rows as Array<{ what: string; n: number }>) counts.set(row.what, (counts.get(row.what) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return [...counts].map(([what, n]): [string, number] => [what, n / Math.max(1, samples)]).sort((a, b) => b[1] - a[1]);
    },
  };
}

/** (a): approved targets due now, one dispatch, until every target is published. */
async function pipelineNoOp(p: PublishingApp, posts: number, channels: number): Promise<PipelineRun> {
  const org = await seedOrganization(p.db);
  const channelIds = await webhookChannels(p, org, channels, 'https://hooks.example.no/kadens', SECRET);
  const probe = await probeFor(p.database.url);
  const run = async (postCount: number): Promise<PipelineRun> => {
    const postIds = await approvedTargets(p.db, org, postCount, new Date(Date.now() - 1_000), channelIds);
    await p.db.query(`ANALYZE post_targets, posts`);
    const jobs = postCount * channels;
    sql.statements = sql.transactions = 0;
    statementTexts.clear();
    sql.counting = true;
    const sampler = PROFILE ? sampleWaits(probe, new URL(p.database.url).pathname.slice(1)) : null;
    const elu = performance.eventLoopUtilization();
    const cpu = process.cpuUsage();
    const profiler = process.env['BENCH_PUBLISH_CPU_PROFILE'] && postCount === posts ? await startCpuProfile() : null;
    const start = Date.now();
    await p.app.get(Dispatcher).dispatchDue();
    if (!(await drained(probe, Date.now() + 300_000, 50))) throw new Error('the pipeline did not drain within 5 minutes');
    sql.counting = false;
    await profiler?.(process.env['BENCH_PUBLISH_CPU_PROFILE'] as string);
    const cpuUsed = process.cpuUsage(cpu);
    const eventLoop = performance.eventLoopUtilization(elu).utilization;
    const waits = (await sampler?.stop()) ?? [];
    const [row] = await p.db.query(
      `SELECT count(*) FILTER (WHERE state = 'published')::int AS published, (extract(epoch FROM max(published_at)) * 1000)::float8 AS last FROM post_targets WHERE post_id = ANY($1::uuid[])`,
      [postIds],
    );
    if (row.published !== jobs) throw new Error(`expected ${jobs} published, got ${row.published}`);
    return {
      ms: row.last - start,
      statementsPerJob: sql.statements / jobs,
      transactionsPerJob: sql.transactions / jobs,
      eventLoop,
      cpuMsPerJob: (cpuUsed.user + cpuUsed.system) / 1000 / jobs,
      waits,
    };
  };
  try {
    await run(Math.max(1, Math.round(posts / 10))); // warm-up: connections, JIT, plans
    return await run(posts);
  } finally {
    await probe.end();
  }
}

async function partA(): Promise<void> {
  const posts = SHAPE_POSTS;
  const channels = SHAPE_CHANNELS;
  const jobs = posts * channels;
  console.log(
    `\n(a) ${fmt(jobs)} jobs, ${CONCURRENCY + CLAIM_AHEAD} at once (${CONCURRENCY} platform calls + ${CLAIM_AHEAD} claimed ahead; bare BullMQ the same), no-op platform (${posts} posts × ${channels} channels)`,
  );
  await bareBullmq(Math.round(jobs / 10)); // warm-up
  const bareMs = await bareBullmq(jobs);
  const outbound = new OutboundClient({ allowHosts: ['127.0.0.1'] });
  const registry = new PlatformRegistry({ ...createPlatformAdapters({ outbound }), webhook: new NoOpWebhookAdapter({ outbound }) });
  // Dispatched by hand at the start of the measurement; the reconciler has nothing to do.
  const p = await boot(registry, { PUBLISH_DISPATCH_INTERVAL_MS: '600000', PUBLISH_RECONCILE_INTERVAL_MS: '3600000' });
  let run: PipelineRun;
  try {
    run = await pipelineNoOp(p, posts, channels);
  } finally {
    await closeApp(p);
    await outbound.close();
  }
  const bare = rate(jobs, bareMs);
  const pipeline = rate(jobs, run.ms);
  console.log(`  bare BullMQ, no-op processor:         ${fmt(bare).padStart(7)} jobs/s  (${fmt(bareMs)} ms)`);
  console.log(
    `  pipeline, dispatch → all published:   ${fmt(pipeline).padStart(7)} jobs/s  (${fmt(run.ms)} ms; ${fmt(run.statementsPerJob, 1)} SQL statements and ${fmt(run.transactionsPerJob, 1)} transactions per job)`,
  );
  console.log(
    `  ratio pipeline / bare: ${fmt((pipeline / bare) * 100, 1)} %  (goal ≥ 50 % → ${pipeline / bare >= 0.5 ? 'met' : 'NOT met'})`,
  );
  console.log(`  this process: event loop busy ${fmt(run.eventLoop * 100)} %, ${fmt(run.cpuMsPerJob, 2)} ms CPU per job`);
  for (const [text, n] of [...statementTexts].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`    ${fmt(n / jobs, 2).padStart(6)} × ${text}`);
  if (run.waits.length > 0)
    console.log(`  database backends on average: ${run.waits.map(([what, n]) => `${what} ${fmt(n, 1)}`).join(', ')}`);
}

async function partB(): Promise<void> {
  const targets = BURST_POSTS * BURST_PER_POST;
  const floorMs = (targets * PLATFORM_MS) / CONCURRENCY;
  console.log(
    `\n(b) ${fmt(targets)} targets due at one instant over ${BURST_CHANNELS} webhook channels (${BURST_POSTS} posts × ${BURST_PER_POST}), receiver answering in ${PLATFORM_MS} ms, concurrency ${CONCURRENCY}`,
  );
  const receiver = new PublishReceiver(SECRET, PLATFORM_MS);
  await receiver.start();
  const p = await boot(null, { PUBLISH_DISPATCH_INTERVAL_MS: '1000' });
  const steps: StepTimes | null = STEPS ? timeSteps(p.app) : null;
  try {
    const org = await seedOrganization(p.db);
    const channelIds = await webhookChannels(p, org, BURST_CHANNELS, receiver.url, SECRET);
    // Far enough ahead for the dispatcher to enqueue every delayed job before the instant, as in production.
    const plannedAt = new Date(Math.ceil((Date.now() + 30_000) / 1000) * 1000);
    const postIds = await approvedTargets(p.db, org, BURST_POSTS, plannedAt, channelIds, BURST_PER_POST);
    await p.db.query(`ANALYZE post_targets, posts`);
    const probe = await probeFor(p.database.url);
    const sampler = PROFILE ? sampleWaits(probe, new URL(p.database.url).pathname.slice(1)) : null;
    const profiler = process.env['BENCH_PUBLISH_CPU_PROFILE'] && ONLY === 'b' ? await startCpuProfile() : null;
    let elu = performance.eventLoopUtilization();
    setTimeout(() => (elu = performance.eventLoopUtilization()), plannedAt.getTime() - Date.now());
    const ok = await drained(probe, plannedAt.getTime() + 600_000, 200).finally(async () => {
      const waits = (await sampler?.stop()) ?? [];
      console.log(
        `  this process (pipeline and receiver) from the planned time until drained: event loop busy ${fmt(performance.eventLoopUtilization(elu).utilization * 100)} %`,
      );
      if (waits.length > 0) console.log(`  database backends on average: ${waits.map(([what, n]) => `${what} ${fmt(n, 1)}`).join(', ')}`);
      await probe.end();
    });
    await profiler?.(process.env['BENCH_PUBLISH_CPU_PROFILE'] as string);
    if (!ok) throw new Error('the burst did not drain within 10 minutes of its time');
    const [row] = await p.db.query(
      `SELECT count(*) FILTER (WHERE t.state = 'published')::int AS published,
              count(*) FILTER (WHERE t.state <> 'published')::int AS other,
              (extract(epoch FROM max(t.queued_at) - $2::timestamptz) * 1000)::float8 AS queued_by,
              (extract(epoch FROM max(t.published_at) - $2::timestamptz) * 1000)::float8 AS drain,
              (extract(epoch FROM percentile_disc(0.5) WITHIN GROUP (ORDER BY t.published_at - p.planned_at)) * 1000)::float8 AS p50,
              (extract(epoch FROM percentile_disc(0.99) WITHIN GROUP (ORDER BY t.published_at - p.planned_at)) * 1000)::float8 AS p99
         FROM post_targets t JOIN posts p ON p.id = t.post_id WHERE t.post_id = ANY($1::uuid[])`,
      [postIds, plannedAt],
    );
    const firstRequest = Math.min(...receiver.firstAt.values()) - plannedAt.getTime();
    const duplicates = receiver.duplicateKeys().length;
    console.log(
      `  every job enqueued ${fmt(-row.queued_by / 1000, 1)} s before the planned time; first request reached the receiver ${fmt(firstRequest)} ms after it`,
    );
    console.log(
      `  drain: ${fmt(row.drain / 1000, 1)} s after the planned time (floor ${fmt(floorMs / 1000, 1)} s → ${fmt(row.drain / floorMs, 2)}× the floor)`,
    );
    for (const line of steps?.report(CONCURRENCY, row.drain) ?? []) console.log(line);
    console.log(`  lateness published_at − planned time: p50 ${fmt(row.p50 / 1000, 1)} s, p99 ${fmt(row.p99 / 1000, 1)} s`);
    console.log(
      `  published ${fmt(row.published)}, other states ${fmt(row.other)}; receiver: ${fmt(receiver.received)} publish requests for ${fmt(receiver.requests.size)} keys, duplicates ${duplicates} (must be 0)`,
    );
    if (duplicates > 0 || row.published !== targets) process.exitCode = 1;
  } finally {
    await closeApp(p);
    await receiver.stop();
  }
}

async function main(): Promise<void> {
  console.log(
    `Publishing benchmark — this machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, Redis ${REDIS_URL}, one process (scheduler + worker), DATABASE_POOL_SIZE ${POOL}`,
  );
  if (ONLY === '' || ONLY === 'a') await partA();
  if (ONLY === '' || ONLY === 'b') await partB();
  if (ONLY === '' || ONLY === 'c') await partC(REDIS_URL, SECRET);
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
