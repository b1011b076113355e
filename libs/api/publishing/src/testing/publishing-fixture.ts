import type { TestApp } from '@kadens/api/core/testing';
import { DEMO_PASSWORD, DemoSeeder } from '@kadens/api/organizations';
import type TestAgent from 'supertest/lib/agent';

/**
 * A seeded organisation with webhook channels connected to a local receiver, and approved posts
 * written straight into the tables (the approval flow has its own tests) — what the publishing tests,
 * the benchmark and the fault tests start from.
 */
export class PublishingFixture {
  organizationId = '';
  admin!: TestAgent;
  private themeId = '';
  private contentTypeId = '';
  private authorId = '';

  constructor(private readonly t: TestApp) {}

  async seed(slug = 'fjordvik'): Promise<this> {
    await this.t.app.get(DemoSeeder).seed();
    [{ id: this.organizationId }] = await this.t.db.query(`SELECT id FROM organizations WHERE slug = $1`, [slug]);
    [{ id: this.authorId }] = await this.t.db.query(`SELECT id FROM users WHERE email = 'editor@kadens.demo'`);
    [{ id: this.themeId }] = await this.t.db.query(
      `INSERT INTO themes (organization_id, name, color) VALUES ($1, 'Drift', '#1e88e5') RETURNING id`,
      [this.organizationId],
    );
    [{ id: this.contentTypeId }] = await this.t.db.query(`SELECT id FROM content_types WHERE organization_id = $1 AND key = 'news'`, [
      this.organizationId,
    ]);
    this.admin = await this.t.loginAs('admin@kadens.demo', DEMO_PASSWORD);
    return this;
  }

  url(path: string): string {
    return `/api/organizations/${this.organizationId}/${path}`;
  }

  /** A webhook channel connected through the API (so credentials are encrypted as in production). */
  async webhookChannel(name: string, receiverUrl: string, secret: string): Promise<string> {
    const [{ id }] = await this.t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'webhook', $2) RETURNING id`,
      [this.organizationId, name],
    );
    const response = await this.admin.put(this.url(`channels/${id}/connection`)).send({ baseUrl: receiverUrl, credentials: { secret } });
    if (response.status !== 200) throw new Error(`connecting ${name} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return id;
  }

  /** Approved posts at `plannedAt`, one target per channel, ready for the dispatcher. */
  async approvedPosts(count: number, plannedAt: Date, channelIds: readonly string[], title = 'Vinterbrøyting'): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.t.db.query(
      `INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, planned_at, state, author_id)
       SELECT $1, $2 || ' ' || n, 'Slik brøyter vi vegene i vinter, nummer ' || n || '.', $3, $4, $5, 'approved', $6 FROM generate_series(1, $7) AS n
       RETURNING id`,
      [this.organizationId, title, this.contentTypeId, this.themeId, plannedAt, this.authorId, count],
    );
    const postIds = rows.map((row) => row.id);
    await this.t.db.query(
      `INSERT INTO post_targets (organization_id, post_id, channel_id, state)
       SELECT $1, p, c, 'scheduled' FROM unnest($2::uuid[]) AS p CROSS JOIN unnest($3::uuid[]) AS c`,
      [this.organizationId, postIds, channelIds],
    );
    return postIds;
  }

  async targetStates(postIds: readonly string[]): Promise<Record<string, number>> {
    const rows: Array<{ state: string; n: number }> = await this.t.db.query(
      `SELECT state, count(*)::int AS n FROM post_targets WHERE post_id = ANY($1::uuid[]) GROUP BY state`,
      [postIds],
    );
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }
}
