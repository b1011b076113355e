import { APP_CONFIG, type AppConfig, assertOwnedIds, type AuthUser } from '@kadens/api/core';
import { PostsReader } from '@kadens/api/posts';
import type { CalendarFeedCreated, CalendarFeedView, Role } from '@kadens/shared/contracts';
import { hasPermission } from '@kadens/shared/rules';
import { GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

import type { CreateCalendarFeedDto } from './calendar-feed.dto';
import { planIcs } from './plan-ics';

/** The feed shows the plan from this many days back … */
const PAST_DAYS = 60;
/** … to this many ahead (together within the calendar's 370-day range). */
const FUTURE_DAYS = 300;
const FEED_MAX_EVENTS = 5_000;
const DAY_MS = 86_400_000;

interface FeedRow {
  id: string;
  organization_id: string;
  organization_name: string;
  channel_ids: string[];
  theme_ids: string[];
  created_at: Date;
  last_fetched_at: Date | null;
}

const FEED_SELECT = `SELECT f.id, f.organization_id, o.name AS organization_name, f.channel_ids::text[] AS channel_ids, f.theme_ids::text[] AS theme_ids,
                            f.created_at, f.last_fetched_at
                       FROM calendar_feeds f JOIN organizations o ON o.id = f.organization_id`;

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Private calendar feeds of the plan. A feed belongs to one member of one organisation; its URL carries a
 * 256-bit random token of which only the SHA-256 is stored. Fetching checks, every time, that the person
 * is still a member who may read posts: a removed member's feed answers 410, a revoked one too.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, input: CreateCalendarFeedDto): Promise<CalendarFeedCreated> {
    return this.db.transaction(async (tx) => {
      await this.assertMember(tx, input.organizationId, user.id);
      const channelIds = [...new Set(input.channelIds ?? [])];
      const themeIds = [...new Set(input.themeIds ?? [])];
      await assertOwnedIds(tx, 'channels', input.organizationId, channelIds, 'channelIds');
      await assertOwnedIds(tx, 'themes', input.organizationId, themeIds, 'themeIds');
      const token = newToken();
      const [{ id }] = (await tx.query(
        `INSERT INTO calendar_feeds (token_hash, organization_id, user_id, channel_ids, theme_ids) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [hashFeedToken(token), input.organizationId, user.id, channelIds, themeIds],
      )) as [{ id: string }];
      return { ...(await this.view(tx, user.id, id)), url: this.urlOf(token) };
    });
  }

  async list(user: AuthUser): Promise<CalendarFeedView[]> {
    const rows: FeedRow[] = await this.db.query(
      `${FEED_SELECT} WHERE f.user_id = $1 AND f.revoked_at IS NULL
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = f.organization_id AND m.user_id = f.user_id)
        ORDER BY f.created_at`,
      [user.id],
    );
    return rows.map(toView);
  }

  /** A new URL for the same feed; the old one stops working at once. */
  async regenerate(user: AuthUser, feedId: string): Promise<CalendarFeedCreated> {
    const token = newToken();
    const updated: unknown[] = await this.db.query(
      // In a CTE, so the driver answers rows (a bare UPDATE … RETURNING answers [rows, count]).
      `WITH changed AS (UPDATE calendar_feeds SET token_hash = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id) SELECT id FROM changed`,
      [feedId, user.id, hashFeedToken(token)],
    );
    if (updated.length === 0) throw feedNotFound();
    return { ...(await this.view(this.db.manager, user.id, feedId)), url: this.urlOf(token) };
  }

  async revoke(user: AuthUser, feedId: string): Promise<void> {
    const updated: unknown[] = await this.db.query(
      `WITH changed AS (UPDATE calendar_feeds SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id) SELECT id FROM changed`,
      [feedId, user.id],
    );
    if (updated.length === 0) throw feedNotFound();
  }

  /** The iCalendar text for a token: 404 unknown, 410 revoked or its person no longer a member. */
  async ics(token: string, now = Date.now()): Promise<string> {
    const [feed]: Array<FeedRow & { revoked_at: Date | null; role: string | null }> = await this.db.query(
      `SELECT f.id, f.organization_id, o.name AS organization_name, f.channel_ids::text[] AS channel_ids, f.theme_ids::text[] AS theme_ids,
              f.revoked_at, m.role
         FROM calendar_feeds f JOIN organizations o ON o.id = f.organization_id
         LEFT JOIN memberships m ON m.organization_id = f.organization_id AND m.user_id = f.user_id
        WHERE f.token_hash = $1`,
      [hashFeedToken(token)],
    );
    if (!feed) throw feedNotFound();
    if (feed.revoked_at || !feed.role || !hasPermission(feed.role as Role, 'posts.read')) {
      throw new GoneException({ message: 'This calendar feed no longer exists', code: 'calendar_feed_gone' });
    }
    // Written at most once an hour, so hourly polling does not rewrite the row on every fetch.
    await this.db.query(
      `UPDATE calendar_feeds SET last_fetched_at = now() WHERE id = $1 AND (last_fetched_at IS NULL OR last_fetched_at < now() - interval '1 hour')`,
      [feed.id],
    );
    const rows = await new PostsReader(this.db.manager).planRows(
      feed.organization_id,
      {
        from: new Date(now - PAST_DAYS * DAY_MS).toISOString(),
        to: new Date(now + FUTURE_DAYS * DAY_MS).toISOString(),
        channelIds: feed.channel_ids,
        themeIds: feed.theme_ids,
      },
      FEED_MAX_EVENTS,
    );
    return planIcs(
      {
        organizationName: feed.organization_name,
        organizationId: feed.organization_id,
        publicUrl: this.config.publicUrl,
        hostname: new URL(this.config.publicUrl).hostname,
        now,
      },
      rows,
    );
  }

  private async assertMember(manager: EntityManager, organizationId: string, userId: string): Promise<void> {
    const [member]: Array<{ role: string }> = await manager.query(
      `SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`,
      [organizationId, userId],
    );
    // Not a member: the organisation does not exist for them (404), as on every organisation route.
    if (!member || !hasPermission(member.role as Role, 'posts.read')) {
      throw new NotFoundException({ message: 'Organisation not found', code: 'organization_not_found' });
    }
  }

  private async view(manager: EntityManager, userId: string, feedId: string): Promise<CalendarFeedView> {
    const [row]: FeedRow[] = await manager.query(`${FEED_SELECT} WHERE f.id = $1 AND f.user_id = $2`, [feedId, userId]);
    if (!row) throw feedNotFound();
    return toView(row);
  }

  private urlOf(token: string): string {
    return `${this.config.publicUrl}/api/calendar-feeds/${token}.ics`;
  }
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function feedNotFound(): NotFoundException {
  return new NotFoundException({ message: 'Calendar feed not found', code: 'calendar_feed_not_found' });
}

function toView(row: FeedRow): CalendarFeedView {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    channelIds: row.channel_ids,
    themeIds: row.theme_ids,
    createdAt: row.created_at.toISOString(),
    lastFetchedAt: row.last_fetched_at?.toISOString() ?? null,
  };
}
