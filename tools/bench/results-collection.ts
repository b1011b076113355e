/**
 * Collection of results (issue 13) measured against its floor: `snapshots` due snapshots (10,000) over
 * `channels` Mastodon channels, read from the fake Mastodon (GET /api/v1/statuses/:id) answering each
 * read in `platformDelayMs` (100 ms), `concurrency` readings at once (50) — the real Nest module
 * (ResultsModule: planner, dispatcher, BullMQ worker, collector, batched settlement), a throw-away
 * PostgreSQL database and the local Redis. The floor is snapshots / concurrency × delay (20 s); the
 * drain is from the first dispatch until every snapshot is collected.
 *
 * `npm run bench:reports` (H3's) calls benchResultsCollection(); alone:
 *   TS_NODE_PROJECT=tsconfig.bench.json TS_NODE_TRANSPILE_ONLY=true node -r ts-node/register -r tsconfig-paths/register tools/bench/results-collection.ts
 * Env: BENCH_REDIS_URL (redis://127.0.0.1:6379; "none" for the in-process queue), TEST_DATABASE_URL (where
 * the throw-away database goes), BENCH_RESULTS_SNAPSHOTS, BENCH_RESULTS_CONCURRENCY, BENCH_RESULTS_DELAY_MS.
 */
import { CoreModule, loadAppConfig } from '@kadens/api/core';
import { createTestDatabase } from '@kadens/api/core/testing';
import { FakeMastodon } from '@kadens/api/platforms/testing';
import { ConnectionsService } from '@kadens/api/publishing';
import { BullMqResultsQueue, ResultsDispatcher, ResultsModule, ResultsPlanner, ResultsQueue } from '@kadens/api/results';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';

import { seedOrganization } from './publish-setup';

export interface ResultsCollectionBenchOptions {
  snapshots?: number;
  concurrency?: number;
  platformDelayMs?: number;
  channels?: number;
  /** BullMQ on this Redis; null: the in-process queue. */
  redisUrl?: string | null;
  /** Gives up (and throws) when the drain takes longer. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface ResultsCollectionBenchResult {
  snapshots: number;
  concurrency: number;
  platformDelayMs: number;
  drainMs: number;
  floorMs: number;
  ratio: number;
}

const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

export async function benchResultsCollection(options: ResultsCollectionBenchOptions = {}): Promise<ResultsCollectionBenchResult> {
  const snapshots = options.snapshots ?? envNumber('BENCH_RESULTS_SNAPSHOTS', 10_000);
  const concurrency = options.concurrency ?? envNumber('BENCH_RESULTS_CONCURRENCY', 50);
  const platformDelayMs = options.platformDelayMs ?? envNumber('BENCH_RESULTS_DELAY_MS', 100);
  const channelCount = Math.min(options.channels ?? 50, snapshots);
  const benchRedis = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const redisUrl = options.redisUrl === undefined ? (benchRedis === 'none' ? null : benchRedis) : options.redisUrl;
  const log = options.log ?? ((line: string) => console.log(line));

  const mastodon = new FakeMastodon();
  mastodon.statusReadDelayMs = platformDelayMs;
  await mastodon.start();
  const database = await createTestDatabase();
  const config = loadAppConfig(
    {
      LOG_LEVEL: 'warn',
      WEB_DIST: '',
      // The worker reads; the bench dispatches itself (no scheduler intervals to race it).
      APP_ROLES: 'worker',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      REDIS_PREFIX: `kadens-bench-${randomBytes(4).toString('hex')}`,
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      OUTBOUND_ALLOW_HOSTS: '127.0.0.1',
      DATABASE_POOL_SIZE: String(concurrency + 10),
      RESULTS_CONCURRENCY: String(concurrency),
      DATABASE_URL: database.url,
    },
    process.cwd(),
  );
  const moduleRef = await Test.createTestingModule({ imports: [CoreModule.forRoot(config), ResultsModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  await app.init();
  const db = app.get(DataSource);
  try {
    const org = await seedOrganization(db);
    const channels: Array<{ id: string }> = await db.query(
      `INSERT INTO channels (organization_id, platform, name) SELECT $1, 'mastodon', 'Mastodon ' || lpad(g::text, 3, '0') FROM generate_series(1, $2::int) g RETURNING id`,
      [org.organizationId, channelCount],
    );
    const connections = app.get(ConnectionsService);
    for (const { id } of channels) {
      await connections.save(org.organizationId, id, org.userId, {
        baseUrl: mastodon.server.baseUrl,
        settings: { visibility: 'public', maxCharacters: 500 },
        credentials: { accessToken: mastodon.accessToken },
      });
    }
    const statusIds = Array.from(
      { length: snapshots },
      (_, n) => mastodon.addStatus({ replies: n % 7, reblogs: n % 11, favourites: n % 23 }).id,
    );
    // Published two hours ago, round-robin over the channels: the planner makes each one's 1 h stage due.
    const posts: Array<{ id: string }> = await db.query(
      `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, planned_at, state, author_id)
       SELECT $1, 'Resultat ' || n, 'Innlegg nummer ' || n || '.', $2, $3, now() - interval '2 hours', 'approved', $4 FROM generate_series(1, $5::int) AS n
       RETURNING id`,
      [org.organizationId, org.contentTypeId, org.themeId, org.userId, snapshots],
    );
    await db.query(
      `INSERT INTO post_targets (organization_id, post_id, channel_id, state, published_at, external_id)
       SELECT $1, x.post_id, ($3::uuid[])[1 + (x.n - 1) % cardinality($3::uuid[])], 'published', now() - interval '2 hours', ($4::text[])[x.n]
         FROM unnest($2::uuid[]) WITH ORDINALITY AS x (post_id, n)`,
      [org.organizationId, posts.map((post) => post.id), channels.map((c) => c.id), statusIds],
    );
    const planStart = performance.now();
    const planned = await app.get(ResultsPlanner).plan();
    log(`  planned ${planned.targets} targets, ${planned.snapshots} snapshots in ${Math.round(performance.now() - planStart)} ms`);

    const start = performance.now();
    const dispatched = await app.get(ResultsDispatcher).dispatchDue();
    if (dispatched.queued !== snapshots) throw new Error(`expected ${snapshots} due snapshots, dispatched ${dispatched.queued}`);
    const deadline = Date.now() + (options.timeoutMs ?? 300_000);
    for (;;) {
      const [{ collected, failed }] = await db.query(
        `SELECT count(*) FILTER (WHERE state = 'collected')::int AS collected, count(*) FILTER (WHERE state = 'failed')::int AS failed
           FROM result_snapshots WHERE stage = '1h'`,
      );
      if (collected + failed >= snapshots) {
        if (failed > 0) throw new Error(`${failed} snapshots failed`);
        break;
      }
      if (Date.now() > deadline) throw new Error(`only ${collected} of ${snapshots} collected in time`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const drainMs = performance.now() - start;
    const floorMs = (snapshots / concurrency) * platformDelayMs;
    const reads = mastodon.server.requestsTo('GET', /^\/api\/v1\/statuses\//).length;
    log(`  ${reads} reads made (${reads - snapshots} more than snapshots)`);
    return {
      snapshots,
      concurrency,
      platformDelayMs,
      drainMs: Math.round(drainMs),
      floorMs,
      ratio: Math.round((drainMs / floorMs) * 100) / 100,
    };
  } finally {
    const queue = app.get(ResultsQueue);
    if (queue instanceof BullMqResultsQueue) await queue.queue.obliterate({ force: true }).catch(() => undefined);
    await app.close();
    await database.drop();
    await mastodon.stop();
  }
}

if (require.main === module) {
  console.log('bench: results collection (issue 13)');
  benchResultsCollection()
    .then((result) => {
      console.log(
        `  ${result.snapshots.toLocaleString('en')} snapshots at concurrency ${result.concurrency}, platform ${result.platformDelayMs} ms: ` +
          `drain ${(result.drainMs / 1000).toFixed(1)} s against a floor of ${(result.floorMs / 1000).toFixed(1)} s — ${result.ratio}× the floor`,
      );
      console.log(JSON.stringify(result));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
