import { AuditService } from '@kadens/api/audit';
import { NotificationsService } from '@kadens/api/notifications';
import type { NotificationKind, PostState } from '@kadens/shared/contracts';
import {
  type Actor,
  type DenialReason,
  hasPermission,
  type PostAction,
  type PostWorkflow,
  type WorkflowChange,
  ROLE_PERMISSIONS,
} from '@kadens/shared/rules';
import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

const NOTIFICATION_FOR: Partial<Record<PostState, NotificationKind>> = {
  in_review: 'review_requested',
  approved: 'approved',
  changes_requested: 'changes_requested',
  cancelled: 'cancelled',
};

const DENIAL_STATUS: Record<DenialReason, 400 | 403 | 409> = {
  only_system: 403,
  only_member: 403,
  role_lacks_permission: 403,
  own_post: 403,
  not_allowed_in_state: 409,
  stale_revision: 409,
  already_approved: 409,
  delivery_started: 409,
  checklist_incomplete: 400,
};

const DENIAL_MESSAGE: Record<DenialReason, string> = {
  only_system: 'Only the scheduler may do that',
  only_member: 'Only a member may do that',
  role_lacks_permission: 'Your role does not allow that',
  own_post: 'You wrote this post (or its current revision); someone else must approve it',
  not_allowed_in_state: 'That is not possible in the post’s current state',
  stale_revision: 'The post has changed since you opened it; review the new revision',
  already_approved: 'You have already approved this revision',
  delivery_started: 'The post is already published (or being published) on a channel',
  checklist_incomplete: 'checklist: tick every required item before approving',
};

/** One spelling of an instant (`…T09:00:00.000Z`), whichever way the request wrote it. */
function instant(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** Turns a refusal of the approval machine into the HTTP error it stands for, with the reason as its code. */
export function denialError(reason: DenialReason): Error {
  const body = {
    message: DENIAL_MESSAGE[reason],
    code: reason,
    ...(reason === 'checklist_incomplete' ? { errors: [{ field: 'checklist', messages: ['every required item must be ticked'] }] } : {}),
  };
  const status = DENIAL_STATUS[reason];
  return status === 400 ? new BadRequestException(body) : status === 403 ? new ForbiddenException(body) : new ConflictException(body);
}

/**
 * Persists what the approval machine decided: the post's state and revision author, which approvals
 * still count, the targets' delivery state, an audit event and notifications — all in the caller's
 * transaction, so none of it exists unless the change does.
 */
@Injectable()
export class WorkflowWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async apply(
    tx: EntityManager,
    input: {
      organizationId: string;
      postId: string;
      action: PostAction;
      actor: Actor;
      before: PostWorkflow & { title: string };
      change: WorkflowChange;
      reason?: string | null;
      /** The planned time before and after an edit or a move; otherwise the post's time, which did not change. */
      plannedAt?: { before: string | null; after: string | null };
    },
  ): Promise<void> {
    const { organizationId, postId, change, before } = input;
    const actorId = input.actor === 'system' ? null : input.actor.userId;
    await tx.query(`UPDATE posts SET state = $3, revision_author_id = $4, updated_at = now() WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      postId,
      change.state,
      change.revisionAuthorId,
    ]);
    const counting = change.approvals.map((a) => a.userId);
    await tx.query(
      `UPDATE post_reviews SET counts = false WHERE post_id = $1 AND counts AND (decision <> 'approved' OR revision <> $2 OR NOT (reviewer_id = ANY($3::uuid[])))`,
      [postId, change.revision, counting],
    );
    if (change.targets) {
      // Targets on their way out (publishing), delivered or of unknown outcome belong to the publishing
      // side and are left alone. A queued target's job finds it no longer queued and stands down; a held
      // target that a person moves or edits is theirs again. A person's reschedule gives way to the new time.
      await tx.query(
        `UPDATE post_targets SET state = $2, not_before = NULL, updated_at = now() WHERE post_id = $1 AND state IN ('pending', 'scheduled', 'queued', 'held', 'expired', 'failed')`,
        [postId, change.targets],
      );
    }
    if (change.state !== before.state || input.action !== 'move_time') {
      // The time goes into the entry too: the review compares the time last signed off with today's.
      const plannedAt = input.plannedAt
        ? { before: instant(input.plannedAt.before), after: instant(input.plannedAt.after) }
        : await this.plannedAtOf(tx, organizationId, postId);
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: `post.${input.action}`,
        subjectType: 'post',
        subjectId: postId,
        before: { state: before.state, revision: before.revision, plannedAt: plannedAt.before },
        after: {
          state: change.state,
          revision: change.revision,
          approvals: change.progress.count,
          required: change.progress.required,
          plannedAt: plannedAt.after,
        },
        reason: input.reason ?? null,
      });
    }
    const kind =
      input.action === 'expire'
        ? 'expired'
        : change.state !== before.state || input.action === 'edit_content'
          ? NOTIFICATION_FOR[change.state]
          : undefined;
    if (!kind || change.notify.length === 0) return;
    const recipients = new Set<string>();
    if (change.notify.includes('author')) recipients.add(before.authorId);
    if (change.notify.includes('approvers'))
      for (const id of await this.approvers(tx, organizationId, [before.authorId, change.revisionAuthorId])) recipients.add(id);
    await this.notifications.notify(tx, {
      organizationId,
      kind,
      postId,
      recipientIds: [...recipients],
      actorId,
      params: { title: before.title, revision: change.revision },
    });
  }

  private async plannedAtOf(
    tx: EntityManager,
    organizationId: string,
    postId: string,
  ): Promise<{ before: string | null; after: string | null }> {
    const [row]: Array<{ planned_at: Date | null }> = await tx.query(
      `SELECT planned_at FROM posts WHERE organization_id = $1 AND id = $2`,
      [organizationId, postId],
    );
    const plannedAt = row?.planned_at?.toISOString() ?? null;
    return { before: plannedAt, after: plannedAt };
  }

  /** Members who may approve, except the post's own authors. */
  private async approvers(tx: EntityManager, organizationId: string, exclude: readonly string[]): Promise<string[]> {
    const roles = Object.entries(ROLE_PERMISSIONS)
      .filter(([role]) => hasPermission(role as never, 'posts.approve'))
      .map(([role]) => role);
    const rows: Array<{ user_id: string }> = await tx.query(
      `SELECT user_id FROM memberships WHERE organization_id = $1 AND role = ANY($2::text[]) AND NOT (user_id = ANY($3::uuid[]))`,
      [organizationId, roles, [...exclude]],
    );
    return rows.map((row) => row.user_id);
  }
}
