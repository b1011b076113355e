import type { AttentionItem, ConnectionStatus, Platform, PostState, TargetState } from '@kadens/shared/contracts';
import { AT_RISK_STATES, attentionActions, attentionReason, RENEWING_CREDENTIALS } from '@kadens/shared/rules';
import type { EntityManager } from 'typeorm';

/** The list is for people to work through; past this many, the oldest wait for the newest to be handled. */
export const ATTENTION_LIMIT = 500;

/**
 * Which targets wait for a person. Mirrors `attentionReason` in the shared rules (the list is filtered
 * in SQL so the count and the index on state_changed_at can be used); the spec keeps the two in step.
 */
const sqlList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
/** `connectionDeadline` / `targetAtRisk` of the shared rules, in SQL. */
const PLANNED_AFTER_EXPIRY = `(cc.expires_at IS NOT NULL AND p.planned_at >= cc.expires_at
   AND NOT (cc.credential_names && ARRAY[${sqlList(RENEWING_CREDENTIALS)}]::text[]))`;
const WAITS_FOR_A_PERSON = `t.organization_id = $1
   AND (t.state IN ('failed', 'unconfirmed', 'expired', 'held') OR (t.state IN ('scheduled', 'queued') AND cc.status = 'reconnect_needed')
        OR (t.state IN (${sqlList(AT_RISK_STATES)}) AND ${PLANNED_AFTER_EXPIRY}))`;

interface AttentionRow {
  target_id: string;
  post_id: string;
  channel_id: string;
  state: TargetState;
  attempt_count: number;
  last_error: string | null;
  since: Date;
  title: string;
  planned_at: Date | null;
  post_state: PostState;
  channel_name: string;
  platform: Platform;
  connection_status: ConnectionStatus | null;
  connection_error: string | null;
  channel_pause_reason: string | null;
  organization_pause_reason: string | null;
  paused: boolean;
  planned_after_expiry: boolean;
}

export async function countAttention(manager: EntityManager, organizationId: string): Promise<number> {
  const [{ count }]: [{ count: number }] = await manager.query(
    `SELECT count(*)::int AS count FROM post_targets t JOIN posts p ON p.id = t.post_id LEFT JOIN channel_connections cc ON cc.channel_id = t.channel_id
      WHERE ${WAITS_FOR_A_PERSON}`,
    [organizationId],
  );
  return count;
}

/** Targets that wait for a person, newest first, with what each may do next. */
export async function listAttention(
  manager: EntityManager,
  organizationId: string,
  /** Whether the platform can be asked if an attempt made its post ("check again"). */
  canLookUp: (platform: Platform) => boolean = () => false,
): Promise<AttentionItem[]> {
  const rows: AttentionRow[] = await manager.query(
    `SELECT t.id AS target_id, t.post_id, t.channel_id, t.state, t.attempt_count, t.last_error,
            CASE WHEN cc.status = 'reconnect_needed' AND t.state IN ('scheduled', 'queued', 'failed')
                 THEN GREATEST(t.state_changed_at, COALESCE(cc.checked_at, cc.updated_at)) ELSE t.state_changed_at END AS since,
            p.title, p.planned_at, p.state AS post_state,
            c.name AS channel_name, c.platform,
            cc.status AS connection_status, cc.last_error AS connection_error,
            c.publishing_pause_reason AS channel_pause_reason, o.publishing_pause_reason AS organization_pause_reason,
            (o.publishing_paused_at IS NOT NULL OR c.publishing_paused_at IS NOT NULL OR c.status <> 'active') AS paused,
            COALESCE(${PLANNED_AFTER_EXPIRY}, false) AS planned_after_expiry
       FROM post_targets t
       JOIN posts p ON p.id = t.post_id
       JOIN channels c ON c.id = t.channel_id
       JOIN organizations o ON o.id = t.organization_id
       LEFT JOIN channel_connections cc ON cc.channel_id = t.channel_id
      WHERE ${WAITS_FOR_A_PERSON}
      ORDER BY since DESC, t.id
      LIMIT ${ATTENTION_LIMIT}`,
    [organizationId],
  );
  return rows.flatMap((row) => {
    const reason = attentionReason(row.state, row.connection_status, row.planned_after_expiry);
    if (!reason) return [];
    return [
      {
        reason,
        targetId: row.target_id,
        postId: row.post_id,
        postTitle: row.title,
        channelId: row.channel_id,
        channelName: row.channel_name,
        platform: row.platform,
        state: row.state,
        plannedAt: row.planned_at?.toISOString() ?? null,
        message: messageOf(reason, row),
        attempts: row.attempt_count,
        since: row.since.toISOString(),
        actions: attentionActions({ state: row.state, postState: row.post_state, paused: row.paused, canLookUp: canLookUp(row.platform) }),
      },
    ];
  });
}

function messageOf(reason: AttentionItem['reason'], row: AttentionRow): string | null {
  if (reason === 'held') return row.channel_pause_reason ?? row.organization_pause_reason ?? row.last_error;
  if (reason === 'reconnect_needed') return row.connection_error ?? row.last_error;
  return row.last_error;
}
