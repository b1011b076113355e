import { PostsReader } from '@kadens/api/posts';
import type { AttemptOutcome, PublishAttemptView, TargetDelivery, TargetState } from '@kadens/shared/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

interface DeliveryRow {
  id: string;
  post_id: string;
  channel_id: string;
  state: TargetState;
  attempt_count: number;
  external_url: string | null;
  published_at: Date | null;
  last_error_kind: AttemptOutcome | null;
  last_error: string | null;
  not_before: Date | null;
}

const DELIVERY_COLUMNS = `t.id, t.post_id, t.channel_id, t.state, t.attempt_count, t.external_url, t.published_at, t.last_error_kind, t.last_error, t.not_before`;

export function toDelivery(row: DeliveryRow): TargetDelivery {
  return {
    targetId: row.id,
    postId: row.post_id,
    channelId: row.channel_id,
    state: row.state,
    attempts: row.attempt_count,
    externalUrl: row.external_url,
    publishedAt: row.published_at?.toISOString() ?? null,
    // Kept until the target is published; a failure without a kind was the system's own ('error').
    lastError:
      row.state !== 'published' && row.last_error !== null ? { kind: row.last_error_kind ?? 'error', message: row.last_error } : null,
    notBefore: row.not_before?.toISOString() ?? null,
  };
}

/** One target's delivery, read in the caller's transaction (after an action changed it). */
export async function loadDelivery(manager: EntityManager, targetId: string): Promise<TargetDelivery> {
  const [row]: DeliveryRow[] = await manager.query(`SELECT ${DELIVERY_COLUMNS} FROM post_targets t WHERE t.id = $1`, [targetId]);
  if (!row) throw new NotFoundException({ message: 'Target not found', code: 'target_not_found' });
  return toDelivery(row);
}

/** What happened to a post's targets and each delivery attempt, for the post page. */
@Injectable()
export class DeliveriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Each target of the post, by channel name. */
  async forPost(organizationId: string, postId: string): Promise<TargetDelivery[]> {
    if (!(await new PostsReader(this.db.manager).exists(organizationId, postId)))
      throw new NotFoundException({ message: 'Post not found', code: 'post_not_found' });
    const rows: DeliveryRow[] = await this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM post_targets t JOIN channels c ON c.id = t.channel_id
        WHERE t.organization_id = $1 AND t.post_id = $2 ORDER BY lower(c.name), t.id`,
      [organizationId, postId],
    );
    return rows.map(toDelivery);
  }

  /** Every attempt at delivering the target, oldest first, with who acted when a person did. */
  async attempts(organizationId: string, targetId: string): Promise<PublishAttemptView[]> {
    if (!(await new PostsReader(this.db.manager).targetExists(organizationId, targetId)))
      throw new NotFoundException({ message: 'Target not found', code: 'target_not_found' });
    const rows: Array<{
      id: string;
      target_id: string;
      revision: number;
      number: number;
      started_at: Date;
      finished_at: Date | null;
      outcome: AttemptOutcome | null;
      status: number | null;
      code: string | null;
      message: string | null;
      external_url: string | null;
      retry_at: Date | null;
      actor_id: string | null;
      actor_name: string | null;
    }> = await this.db.query(
      `SELECT a.id, a.target_id, a.revision, a.number, a.started_at, a.finished_at, a.outcome, a.status, a.code, a.message,
              a.external_url, a.retry_at, u.id AS actor_id, u.name AS actor_name
         FROM publish_attempts a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.organization_id = $1 AND a.target_id = $2
        ORDER BY a.started_at, a.number, a.id`,
      [organizationId, targetId],
    );
    return rows.map((row) => ({
      id: row.id,
      targetId: row.target_id,
      revision: row.revision,
      number: row.number,
      startedAt: row.started_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      outcome: row.outcome,
      status: row.status,
      code: row.code,
      message: row.message,
      externalUrl: row.external_url,
      retryAt: row.retry_at?.toISOString() ?? null,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    }));
  }
}
