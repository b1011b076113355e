import type { AuthUser } from '@kadens/api/core';
import { AuditService } from '@kadens/api/audit';
import type { RuleOverrideInput, Role, Violation } from '@kadens/shared/contracts';
import { checkPlan, hasPermission, isBlocking, violationKey, violationsForPost } from '@kadens/shared/rules';
import { ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { loadChannelPromises, organizationClock } from '../channel-promises/promise-rows';
import { ENFORCEMENT_MARGIN_MS, loadPlanItems } from './plan-items';
import type { PlannedPost } from './planned-post';

export interface PlanActor {
  user: AuthUser;
  role: Role;
}

/** Stands in for a post that is not saved yet, so the rules can tell it from the rest of the plan. */
const UNSAVED_POST = '00000000-0000-0000-0000-000000000000';

/**
 * Holds a post's plan to its channels' promises when it is created, moved or re-targeted: blocking
 * violations it takes part in refuse the change with a 422 — unless an approver or admin overrides
 * them with a written reason, which is stored on the post and in the audit log. `check` answers the
 * same question without saving anything, in the same words.
 */
@Injectable()
export class PlanRulesService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Runs inside the caller's transaction, with the planned values the change leaves the post with (see
   * `plannedPostOf`; `planChangeMatters` says whether a change needs this at all).
   */
  async enforce(
    tx: EntityManager,
    organizationId: string,
    planned: PlannedPost & { postId: string },
    actor: PlanActor,
    override?: RuleOverrideInput,
  ): Promise<void> {
    if (isOffPlan(planned)) return this.noBlockingRule(tx, planned.postId, override);
    // Two people planning on one channel at once must not both squeeze into the last free slot.
    for (const channelId of [...new Set(planned.channelIds)].sort())
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [channelId]);

    const blocking = await this.blockingViolations(tx, organizationId, planned);
    if (blocking.length === 0) return this.noBlockingRule(tx, planned.postId, override);
    if (!override && coveredByOverride(blocking, planned.overridden)) return;
    if (!override) {
      throw new UnprocessableEntityException({
        message: `The plan breaks ${blocking.length} blocking ${blocking.length === 1 ? 'rule' : 'rules'} of its channels' promises`,
        code: 'rule_violations',
        violations: blocking,
      });
    }
    if (!hasPermission(actor.role, 'rules.override')) {
      throw new ForbiddenException({
        message: `Your role (${actor.role}) cannot override the channels' rules; ask an approver or admin`,
        code: 'override_not_allowed',
      });
    }
    await tx.query(
      `UPDATE posts SET rule_override_reason = $2, rule_override_by = $3, rule_override_at = now(), rule_override_violations = $4 WHERE id = $1`,
      [planned.postId, override.reason, actor.user.id, JSON.stringify(blocking)],
    );
    await this.audit.record(tx, {
      organizationId,
      actorId: actor.user.id,
      action: 'post.rules_overridden',
      subjectType: 'post',
      subjectId: planned.postId,
      after: { plannedAt: new Date(planned.plannedAt as string).toISOString(), violations: blocking },
      reason: override.reason,
    });
  }

  /**
   * The violations a save of these planned values (without an override) would refuse with; empty when
   * it would pass, also when a stored override still covers them. Writes and locks nothing.
   */
  async check(manager: EntityManager, organizationId: string, planned: PlannedPost): Promise<Violation[]> {
    if (isOffPlan(planned)) return [];
    const blocking = await this.blockingViolations(manager, organizationId, planned);
    return coveredByOverride(blocking, planned.overridden) ? [] : blocking;
  }

  /** The plan with this post at its planned values (its saved position left out), through the shared rules. */
  private async blockingViolations(manager: EntityManager, organizationId: string, planned: PlannedPost): Promise<Violation[]> {
    const postId = planned.postId ?? UNSAVED_POST;
    const at = Date.parse(planned.plannedAt as string);
    const channelIds = [...new Set(planned.channelIds)];
    // One transaction is one connection: its queries run one after another.
    const clock = await organizationClock(manager, organizationId);
    const promises = await loadChannelPromises(manager, organizationId, channelIds);
    const invitesDialogue = planned.invitesDialogue || (await contentTypeInvitesDialogue(manager, organizationId, planned.contentTypeId));
    const others = await loadPlanItems(manager, organizationId, at - ENFORCEMENT_MARGIN_MS, at + ENFORCEMENT_MARGIN_MS, channelIds);
    const own = channelIds.map((channelId) => ({ postId, channelId, at: new Date(at).toISOString(), invitesDialogue }));
    const plan = [...others.filter((item) => item.postId !== postId), ...own];
    const blocking = violationsForPost(checkPlan(plan, promises, clock), postId).filter(isBlocking);
    return planned.postId ? blocking : blocking.map((violation) => ({ ...violation, postId: null }));
  }

  private async noBlockingRule(tx: EntityManager, postId: string, override: RuleOverrideInput | undefined): Promise<void> {
    if (override)
      throw new UnprocessableEntityException({
        message: 'ruleOverride: nothing to override; the post breaks no blocking rule',
        code: 'nothing_to_override',
      });
    await tx.query(
      `UPDATE posts SET rule_override_reason = NULL, rule_override_by = NULL, rule_override_at = NULL, rule_override_violations = NULL
        WHERE id = $1 AND rule_override_reason IS NOT NULL`,
      [postId],
    );
  }
}

/** Unplanned, cancelled or without channels: no promise applies. */
function isOffPlan(planned: PlannedPost): boolean {
  return planned.plannedAt === null || planned.cancelled || planned.channelIds.length === 0;
}

async function contentTypeInvitesDialogue(manager: EntityManager, organizationId: string, contentTypeId: string): Promise<boolean> {
  if (!contentTypeId) return false;
  const rows: Array<{ invites_dialogue: boolean }> = await manager.query(
    `SELECT invites_dialogue FROM content_types WHERE organization_id = $1 AND id = $2`,
    [organizationId, contentTypeId],
  );
  return rows[0]?.invites_dialogue ?? false;
}

/** An override covers a rule on a channel at the post's time; if the time moves, it must be given again. */
function coveredByOverride(blocking: readonly Violation[], overridden: readonly Violation[]): boolean {
  const covered = new Set(overridden.map(overrideKey));
  return blocking.every((violation) => covered.has(overrideKey(violation)));
}

function overrideKey(violation: Violation): string {
  return violationKey({ ...violation, params: {} });
}
