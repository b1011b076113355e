import type { TargetState } from '@kadens/shared/contracts';

import { hasPermission } from '../permissions';
import { type ApprovalPolicy, approvalProgress, assertApprovalPolicy, countingApprovals } from './approval-policy';
import { POST_ACTION_PERMISSIONS, APPROVAL_TRANSITIONS, type ApprovalGuard } from './approval-transitions';
import type { Actor, Decision, DenialReason, PostActionRequest, PostWorkflow, RecordedApproval } from './approval-types';

/**
 * Once a target is being or has been published (or might have been: unconfirmed), the post's text
 * and time are history. Queued and failed targets have not gone out, so the post can still change.
 */
export const DELIVERY_STARTED_STATES: readonly TargetState[] = ['publishing', 'published', 'unconfirmed'];

type GuardCheck = (post: PostWorkflow, request: PostActionRequest, actor: Actor) => DenialReason | null;

// Each check fails closed: a request missing what the check needs is refused, not waved through.
const GUARD_CHECKS: Readonly<Record<ApprovalGuard, GuardCheck>> = {
  not_author: (post, _request, actor) =>
    actor !== 'system' && (actor.userId === post.authorId || actor.userId === post.revisionAuthorId) ? 'own_post' : null,
  current_revision: (post, request) => ('revision' in request && request.revision === post.revision ? null : 'stale_revision'),
  first_approval_by_actor: (post, _request, actor) =>
    actor !== 'system' && post.approvals.some((a) => a.userId === actor.userId && a.revision === post.revision) ? 'already_approved' : null,
  checklist_complete: (_post, request) => (request.type === 'approve' && request.checklistComplete ? null : 'checklist_incomplete'),
  delivery_not_started: (post) => (post.targetStates.some((state) => DELIVERY_STARTED_STATES.includes(state)) ? 'delivery_started' : null),
};

/**
 * Decides one workflow action. Checks run in a fixed order — who may act at all, whether the state
 * allows the action, then the row's guards — so the same attempt always gets the same reason.
 * The result is the whole next workflow state: persist `approvals` as the set that counts (a request
 * for changes voids approvals without a new revision), then act on `targets` and `notify`.
 */
export function decidePostAction(post: PostWorkflow, request: PostActionRequest, actor: Actor, policy: ApprovalPolicy): Decision {
  // Checked on every call, not only on approvals: a broken setting should surface at the first use.
  assertApprovalPolicy(policy);
  const performer = POST_ACTION_PERMISSIONS[request.type];
  if (performer === 'system') {
    if (actor !== 'system') return deny('only_system');
  } else {
    if (actor === 'system') return deny('only_member');
    if (!hasPermission(actor.role, performer)) return deny('role_lacks_permission');
  }

  const transition = APPROVAL_TRANSITIONS[post.state][request.type];
  if (transition === undefined) return deny('not_allowed_in_state');
  for (const guard of transition.guards) {
    const reason = GUARD_CHECKS[guard](post, request, actor);
    if (reason !== null) return deny(reason);
  }

  const bumped = transition.revision === 'bump';
  const subject = {
    ...post,
    revision: bumped ? post.revision + 1 : post.revision,
    revisionAuthorId: bumped && actor !== 'system' ? actor.userId : post.revisionAuthorId,
  };
  const approvals = nextApprovals(transition.approvals, subject, post.approvals, actor);
  const progress = approvalProgress(subject, approvals, policy);
  const effect =
    'whenComplete' in transition.effect
      ? progress.complete
        ? transition.effect.whenComplete
        : transition.effect.otherwise
      : transition.effect;

  return {
    ok: true,
    next: {
      state: effect.state,
      revision: subject.revision,
      revisionAuthorId: subject.revisionAuthorId,
      approvals,
      progress,
      targets: effect.targets,
      notify: effect.notify,
    },
  };
}

function nextApprovals(
  rule: 'keep' | 'clear' | 'add_actor',
  subject: PostWorkflow,
  stored: readonly RecordedApproval[],
  actor: Actor,
): RecordedApproval[] {
  if (rule === 'clear') return [];
  const counting = countingApprovals(subject, stored);
  if (rule === 'keep' || actor === 'system') return counting;
  return [...counting, { userId: actor.userId, role: actor.role, revision: subject.revision }];
}

function deny(reason: DenialReason): Decision {
  return { ok: false, reason };
}
