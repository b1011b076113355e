import type { EntityManager } from 'typeorm';

/** A post waiting in an approver's inbox, with its author's name and its targets' platforms. */
export interface InReviewPostRow {
  id: string;
  title: string;
  planned_at: Date | null;
  revision: number;
  author_id: string;
  author_name: string;
  revision_author_id: string;
  sensitive: boolean;
  platforms: string[];
  channel_ids: string[];
}

/**
 * Typed reads of `posts` and `post_targets` for the other libraries (the posts library owns the
 * tables). Built on the caller's EntityManager, so a read inside a transaction sees — and locks in —
 * that transaction: `new PostsReader(tx)` or `new PostsReader(this.db.manager)`.
 */
export class PostsReader {
  constructor(private readonly manager: EntityManager) {}

  /** Whether the organisation has this post. */
  async exists(organizationId: string, postId: string): Promise<boolean> {
    const [post]: Array<{ id: string }> = await this.manager.query(`SELECT id FROM posts WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      postId,
    ]);
    return post !== undefined;
  }

  /** Whether the organisation has this target (a post's channel). */
  async targetExists(organizationId: string, targetId: string): Promise<boolean> {
    const [target]: Array<{ id: string }> = await this.manager.query(`SELECT id FROM post_targets WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      targetId,
    ]);
    return target !== undefined;
  }

  /** Posts in review that `userId` neither wrote nor last revised, soonest due first. */
  inReviewFor(organizationId: string, userId: string): Promise<InReviewPostRow[]> {
    return this.manager.query(
      `SELECT p.id, p.title, p.planned_at, p.revision, p.author_id, u.name AS author_name, p.revision_author_id, p.sensitive, p.channel_ids,
                COALESCE((SELECT array_agg(DISTINCT c.platform) FROM post_targets t JOIN channels c ON c.id = t.channel_id WHERE t.post_id = p.id), '{}') AS platforms
           FROM posts p JOIN users u ON u.id = p.author_id
          WHERE p.organization_id = $1 AND p.state = 'in_review' AND p.author_id <> $2 AND p.revision_author_id <> $2
          ORDER BY p.planned_at ASC NULLS LAST, p.created_at`,
      [organizationId, userId],
    );
  }

  /**
   * The unapproved post due soonest by `now` that still has a target waiting, locked `FOR UPDATE SKIP
   * LOCKED` in the caller's transaction (so expiry runs side by side); null when none is left.
   */
  async lockNextDueUnapproved(now: Date): Promise<{ id: string; organization_id: string } | null> {
    const [due]: Array<{ id: string; organization_id: string }> = await this.manager.query(
      `SELECT p.id, p.organization_id FROM posts p
            WHERE p.planned_at <= $1 AND p.state IN ('draft', 'in_review', 'changes_requested')
              AND EXISTS (SELECT 1 FROM post_targets t WHERE t.post_id = p.id AND t.state IN ('pending', 'scheduled'))
            ORDER BY p.planned_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return due ?? null;
  }
}
