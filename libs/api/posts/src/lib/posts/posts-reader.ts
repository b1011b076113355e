import type { CalendarQuery, PostState } from '@kadens/shared/contracts';
import type { EntityManager } from 'typeorm';

import { CALENDAR_FILTERS, calendarParameters } from '../calendar/calendar-sql';

/** A planned post with its names spelled out, for the CSV export and the calendar feed. */
export interface PlanRow {
  id: string;
  title: string;
  body: string;
  link: string | null;
  media_urls: string[];
  planned_at: Date;
  state: PostState;
  revision: number;
  created_at: Date;
  updated_at: Date;
  invites_dialogue: boolean;
  theme: string;
  content_type: string;
  audiences: string[];
  channels: string[];
}

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

  /** The calendar's posts (same range and filters as `GET …/calendar`), with theme, content type, audience and channel names, in time order. */
  planRows(organizationId: string, query: CalendarQuery, limit: number): Promise<PlanRow[]> {
    return this.manager.query(
      `SELECT p.id, p.title, p.body, p.link, p.media_urls, p.planned_at, p.state, p.revision, p.created_at, p.updated_at, p.invites_dialogue,
              th.name AS theme, ct.name AS content_type,
              COALESCE((SELECT array_agg(a.name ORDER BY a.name) FROM post_audiences pa JOIN audiences a ON a.id = pa.audience_id WHERE pa.post_id = p.id), '{}') AS audiences,
              COALESCE((SELECT array_agg(c.name ORDER BY c.name, c.id) FROM post_targets t JOIN channels c ON c.id = t.channel_id WHERE t.post_id = p.id), '{}') AS channels
         FROM posts p JOIN themes th ON th.id = p.theme_id JOIN content_types ct ON ct.id = p.content_type_id
        WHERE ${CALENDAR_FILTERS}
        ORDER BY p.planned_at, p.id
        LIMIT $9`,
      [...calendarParameters(organizationId, query), limit],
    );
  }

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
