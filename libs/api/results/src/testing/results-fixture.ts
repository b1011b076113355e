import type { TestApp } from '@kadens/api/core/testing';
import { PublishingFixture } from '@kadens/api/publishing/testing';

export interface SnapshotRow {
  id: string;
  stage: string;
  state: string;
  due_at: Date;
  not_before: Date | null;
  attempts: number;
  job_id: string | null;
  error_kind: string | null;
  error: string | null;
  reactions: string | null;
  comments: string | null;
  shares: string | null;
  views: string | null;
  raw: unknown;
}

/**
 * A seeded organisation (PublishingFixture's: the demo organisations, a theme, the admin logged in)
 * with published targets written straight into the tables — what the results tests start from. The
 * publishing pipeline has its own tests; here a target is published by setting its columns.
 */
export class ResultsFixture {
  readonly publishing: PublishingFixture;

  constructor(private readonly t: TestApp) {
    this.publishing = new PublishingFixture(t);
  }

  get organizationId(): string {
    return this.publishing.organizationId;
  }

  async seed(slug = 'fjordvik'): Promise<this> {
    await this.publishing.seed(slug);
    return this;
  }

  url(path: string): string {
    return this.publishing.url(path);
  }

  /** A Mastodon channel connected through the API (credentials sealed as in production). */
  async mastodonChannel(name: string, baseUrl: string, accessToken: string): Promise<string> {
    const [{ id }] = await this.t.db.query(
      `INSERT INTO channels (organization_id, platform, name) VALUES ($1, 'mastodon', $2) RETURNING id`,
      [this.organizationId, name],
    );
    const response = await this.publishing.admin
      .put(this.url(`channels/${id}/connection`))
      .send({ baseUrl, settings: { visibility: 'public', maxCharacters: 500 }, credentials: { accessToken } });
    if (response.status !== 200) throw new Error(`connecting ${name} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return id;
  }

  /** One published target on the channel, published at `publishedAt` as `externalId` (null: the platform gave no id). */
  async publishedTarget(channelId: string, publishedAt: Date, externalId: string | null): Promise<string> {
    const [postId] = await this.publishing.approvedPosts(1, publishedAt, [channelId], 'Resultat');
    const [{ id }] = await this.t.db.query(
      `WITH published AS (
         UPDATE post_targets SET state = 'published', published_at = $2, external_id = $3::text,
                external_url = CASE WHEN $3::text IS NULL THEN NULL ELSE 'https://social.example/@kommunen/' || $3 END
          WHERE post_id = $1 RETURNING id)
       SELECT id FROM published`,
      [postId, publishedAt, externalId],
    );
    return id;
  }

  async snapshots(targetId: string): Promise<SnapshotRow[]> {
    return this.t.db.query(
      `SELECT id::text, stage, state, due_at, not_before, attempts, job_id, error_kind, error, reactions, comments, shares, views, raw
         FROM result_snapshots WHERE target_id = $1 ORDER BY due_at`,
      [targetId],
    );
  }

  /** Waits until the target's snapshot of `stage` is in one of `states`. */
  async settled(targetId: string, stage: string, states: string[], timeoutMs = 10_000): Promise<SnapshotRow> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = (await this.snapshots(targetId)).find((snapshot) => snapshot.stage === stage);
      if (row && states.includes(row.state)) return row;
      if (Date.now() > deadline) throw new Error(`snapshot ${stage} did not settle: ${JSON.stringify(row)}`);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }
}

export const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
