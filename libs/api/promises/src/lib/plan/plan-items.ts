import type { PlanItem } from '@kadens/shared/contracts';
import type { EntityManager } from 'typeorm';

const DAY_MS = 86_400_000;
/** Wide enough for the longest blocking rule (a minimum gap of 7 days) on both sides. */
export const ENFORCEMENT_MARGIN_MS = 8 * DAY_MS;

/**
 * The plan as the rules see it: one item per (post, channel) for posts that are not cancelled, whose
 * target on that channel has not failed or expired. A post invites dialogue by its own flag or by its
 * content type (question/poll).
 */
export async function loadPlanItems(
  manager: EntityManager,
  organizationId: string,
  fromMs: number,
  toMs: number,
  channelIds: readonly string[] | null,
): Promise<PlanItem[]> {
  const rows: Array<{ post_id: string; channel_id: string; at: Date; invites_dialogue: boolean }> = await manager.query(
    `SELECT p.id AS post_id, t.channel_id, p.planned_at AS at, (p.invites_dialogue OR ct.invites_dialogue) AS invites_dialogue
       FROM posts p
       JOIN post_targets t ON t.post_id = p.id
       JOIN content_types ct ON ct.id = p.content_type_id
      WHERE p.organization_id = $1 AND p.planned_at >= $2 AND p.planned_at < $3 AND p.state <> 'cancelled'
        AND t.state NOT IN ('failed', 'expired')
        AND ($4::uuid[] IS NULL OR t.channel_id = ANY($4))`,
    [organizationId, new Date(fromMs), new Date(toMs), channelIds ? [...channelIds] : null],
  );
  return rows.map((row) => ({
    postId: row.post_id,
    channelId: row.channel_id,
    at: row.at.toISOString(),
    invitesDialogue: row.invites_dialogue,
  }));
}
