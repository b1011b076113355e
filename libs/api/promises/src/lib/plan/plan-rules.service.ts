import type { AuthUser } from '@kadens/api/core';
import { AuditService } from '@kadens/api/audit';
import type { RuleOverrideInput, Role, Violation } from '@kadens/shared/contracts';
import { checkPlan, hasPermission, isBlocking, violationKey, violationsForPost } from '@kadens/shared/rules';
import { ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { loadChannelPromises, organizationClock } from '../channel-promises/promise-rows';
import { ENFORCEMENT_MARGIN_MS, loadPlanItems } from './plan-items';

export interface PlanActor {
  user: AuthUser;
  role: Role;
}

interface PostPlanRow {
  planned_at: Date | null;
  state: string;
  channel_ids: string[];
  rule_override_violations: Violation[] | null;
}

/**
 * Holds a post's plan to its channels' promises when it is created, moved or re-targeted: blocking
 * violations it takes part in refuse the change with a 422 — unless an approver or admin overrides
 * them with a written reason, which is stored on the post and in the audit log.
 */
@Injectable()
export class PlanRulesService {
  constructor(private readonly audit: AuditService) {}

  /** Runs inside the caller's transaction, after its write, so the plan it checks is the new one. */
  async enforce(tx: EntityManager, organizationId: string, postId: string, actor: PlanActor, override?: RuleOverrideInput): Promise<void> {
    const [post]: PostPlanRow[] = await tx.query(
      `SELECT planned_at, state, channel_ids, rule_override_violations FROM posts WHERE organization_id = $1 AND id = $2`,
      [organizationId, postId],
    );
    if (!post || post.planned_at === null || post.state === 'cancelled' || post.channel_ids.length === 0) {
      if (override) throw new UnprocessableEntityException({ message: 'ruleOverride: nothing to override; the post breaks no blocking rule', code: 'nothing_to_override' });
      return this.clearOverride(tx, postId);
    }
    // Two people planning on one channel at once must not both squeeze into the last free slot.
    for (const channelId of [...post.channel_ids].sort()) await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [channelId]);

    const at = post.planned_at.getTime();
    // One transaction is one connection: its queries run one after another.
    const clock = await organizationClock(tx, organizationId);
    const promises = await loadChannelPromises(tx, organizationId, post.channel_ids);
    const plan = await loadPlanItems(tx, organizationId, at - ENFORCEMENT_MARGIN_MS, at + ENFORCEMENT_MARGIN_MS, post.channel_ids);
    const blocking = violationsForPost(checkPlan(plan, promises, clock), postId).filter(isBlocking);
    if (blocking.length === 0) {
      if (override) throw new UnprocessableEntityException({ message: 'ruleOverride: nothing to override; the post breaks no blocking rule', code: 'nothing_to_override' });
      return this.clearOverride(tx, postId);
    }
    const overridden = new Set((post.rule_override_violations ?? []).map(overrideKey));
    if (!override && blocking.every((violation) => overridden.has(overrideKey(violation)))) return;
    if (!override) {
      throw new UnprocessableEntityException({
        message: `The plan breaks ${blocking.length} blocking ${blocking.length === 1 ? 'rule' : 'rules'} of its channels' promises`,
        code: 'rule_violations',
        violations: blocking,
      });
    }
    if (!hasPermission(actor.role, 'rules.override')) {
      throw new ForbiddenException({ message: `Your role (${actor.role}) cannot override the channels' rules; ask an approver or admin`, code: 'override_not_allowed' });
    }
    await tx.query(
      `UPDATE posts SET rule_override_reason = $2, rule_override_by = $3, rule_override_at = now(), rule_override_violations = $4 WHERE id = $1`,
      [postId, override.reason, actor.user.id, JSON.stringify(blocking)],
    );
    await this.audit.record(tx, {
      organizationId,
      actorId: actor.user.id,
      action: 'post.rules_overridden',
      subjectType: 'post',
      subjectId: postId,
      after: { plannedAt: post.planned_at.toISOString(), violations: blocking },
      reason: override.reason,
    });
  }

  private async clearOverride(tx: EntityManager, postId: string): Promise<void> {
    await tx.query(
      `UPDATE posts SET rule_override_reason = NULL, rule_override_by = NULL, rule_override_at = NULL, rule_override_violations = NULL
        WHERE id = $1 AND rule_override_reason IS NOT NULL`,
      [postId],
    );
  }
}

/** An override covers a rule on a channel at the post's time; if the time moves, it must be given again. */
function overrideKey(violation: Violation): string {
  return violationKey({ ...violation, params: {} });
}
