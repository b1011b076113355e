import { CoreModule, loadAppConfig } from '@kadens/api/core';
import { createTestDatabase, type TestDatabase } from '@kadens/api/core/testing';
import { PlatformRegistry } from '@kadens/api/platforms';
import { PostsModule } from '@kadens/api/posts';
import { PublishingModule } from '@kadens/api/publishing';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

// Not exported by @kadens/api/publishing (yet); the same file the module provides, so the same token.
import { ConnectionsService } from '../../libs/api/publishing/src/lib/connections/connections.service';

/** The publishing pipeline in this process: scheduler and worker roles, BullMQ on Redis, a throw-away database. */
export interface PublishingApp {
  app: INestApplication;
  db: DataSource;
  database: TestDatabase;
  prefix: string;
  close(): Promise<void>;
}

/**
 * `registry` replaces the module's own (null: the production wiring, adapters on the guarded client).
 * `databaseSql` runs on the new, empty database before the app connects (e.g. `ALTER DATABASE … SET`).
 */
export async function bootPublishing(
  registry: PlatformRegistry | null,
  env: Record<string, string>,
  databaseSql: readonly string[] = [],
): Promise<PublishingApp> {
  const database = await createTestDatabase();
  if (databaseSql.length > 0) {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    for (const statement of databaseSql) await client.query(statement);
    await client.end();
  }
  const prefix = `kadens-bench-${randomBytes(4).toString('hex')}`;
  const config = loadAppConfig(
    {
      LOG_LEVEL: 'warn',
      WEB_DIST: '',
      APP_ROLES: 'worker,scheduler',
      REDIS_PREFIX: prefix,
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      // The receivers listen on 127.0.0.1, which the outbound guard refuses unless the operator allows it.
      OUTBOUND_ALLOW_HOSTS: '127.0.0.1',
      ...env,
      DATABASE_URL: database.url,
    },
    process.cwd(),
  );
  const builder = Test.createTestingModule({ imports: [CoreModule.forRoot(config), PostsModule, PublishingModule] });
  const moduleRef = await (registry === null ? builder : builder.overrideProvider(PlatformRegistry).useValue(registry)).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  await app.init();
  return {
    app,
    db: app.get(DataSource),
    database,
    prefix,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface BenchOrganization {
  organizationId: string;
  userId: string;
  contentTypeId: string;
  themeId: string;
}

/** One organisation with an admin, a content type and a theme, written straight into the tables. */
export async function seedOrganization(db: DataSource): Promise<BenchOrganization> {
  const [{ id: userId }] = await db.query(
    `INSERT INTO users (email, name, password_hash) VALUES ('bench@kadens.demo', 'Bench', 'not-a-hash') RETURNING id`,
  );
  const [{ id: organizationId }] = await db.query(
    `INSERT INTO organizations (name, slug, time_zone, country, default_locale) VALUES ('Bench kommune', 'bench', 'Europe/Oslo', 'NO', 'nb') RETURNING id`,
  );
  await db.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'admin')`, [organizationId, userId]);
  const [{ id: contentTypeId }] = await db.query(
    `INSERT INTO content_types (organization_id, key, name) VALUES ($1, 'news', 'News') RETURNING id`,
    [organizationId],
  );
  const [{ id: themeId }] = await db.query(
    `INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Drift', '#1e88e5') RETURNING id`,
    [organizationId],
  );
  return { organizationId, userId, contentTypeId, themeId };
}

/** Webhook channels connected through ConnectionsService.save, so credentials are sealed as in production. */
export async function webhookChannels(
  p: PublishingApp,
  org: BenchOrganization,
  count: number,
  url: string,
  secret: string,
): Promise<string[]> {
  const rows: Array<{ id: string }> = await p.db.query(
    `INSERT INTO channels (organization_id, platform, name) SELECT $1, 'webhook', 'Webhook ' || lpad(g::text, 4, '0') FROM generate_series(1, $2::int) g RETURNING id`,
    [org.organizationId, count],
  );
  const connections = p.app.get(ConnectionsService);
  for (const { id } of rows) await connections.save(org.organizationId, id, org.userId, { baseUrl: url, credentials: { secret } });
  return rows.map((row) => row.id);
}

/**
 * `posts` approved posts at `plannedAt` with `perPost` scheduled targets each (every channel given by
 * default), the channels taken round-robin so each channel gets its share.
 */
export async function approvedTargets(
  db: DataSource,
  org: BenchOrganization,
  posts: number,
  plannedAt: Date,
  channelIds: readonly string[],
  perPost = channelIds.length,
): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, planned_at, state, author_id)
     SELECT $1, 'Vinterbrøyting ' || n, 'Slik brøyter vi vegene i vinter, nummer ' || n || '.', $2, $3, $4, 'approved', $5 FROM generate_series(1, $6::int) AS n
     RETURNING id`,
    [org.organizationId, org.contentTypeId, org.themeId, plannedAt, org.userId, posts],
  );
  const postIds = rows.map((row) => row.id);
  await db.query(
    `INSERT INTO post_targets (organization_id, post_id, channel_id, state)
     SELECT $1, x.p, ($3::uuid[])[1 + ((x.n - 1) * $4::int + k) % cardinality($3::uuid[])], 'scheduled'
       FROM unnest($2::uuid[]) WITH ORDINALITY AS x (p, n) CROSS JOIN generate_series(0, $4::int - 1) AS k`,
    [org.organizationId, postIds, channelIds, Math.min(perPost, channelIds.length)],
  );
  return postIds;
}

/**
 * Waits until no target in the (throw-away) database is scheduled, queued or publishing — a count over
 * the partial delivery index, cheap enough to poll; returns false on the deadline.
 */
export async function drained(probe: Client, deadline: number, pollMs = 100): Promise<boolean> {
  for (;;) {
    const { rows } = await probe.query(`SELECT count(*)::int AS n FROM post_targets WHERE state IN ('scheduled', 'queued', 'publishing')`);
    if (rows[0].n === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
