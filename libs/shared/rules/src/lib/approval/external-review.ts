import type { ExternalReviewDecision, ExternalReviewLinkCode, ExternalReviewStatus, PostState } from '@kadens/shared/contracts';

import { type ApprovalPolicy, approvalProgress, assertApprovalPolicy, countingApprovals } from './approval-policy';
import type { Decision, PostWorkflow } from './approval-types';
import { DELIVERY_STARTED_STATES } from './decide-post-action';

/**
 * External sign-off by link. The policy choice is per post: asking an outside person for a review
 * makes their approval required for that post (until the request is revoked), and their approval
 * then counts like an approver's. The link is bound to the revision it was sent for.
 */

export interface ExternalReviewFacts {
  revision: number;
  expiresAt: Date;
  openedAt: Date | null;
  decision: 'approved' | 'changes_requested' | null;
  revokedAt: Date | null;
}

/** The status shown in the list: revoked, then decided, then stale (edited since), expired, opened, sent. */
export function externalReviewStatus(review: ExternalReviewFacts, postRevision: number, now: Date): ExternalReviewStatus {
  if (review.revokedAt) return 'revoked';
  if (review.decision) return review.decision;
  if (review.revision !== postRevision) return 'stale';
  if (review.expiresAt.getTime() <= now.getTime()) return 'expired';
  return review.openedAt ? 'opened' : 'sent';
}

/** Why the link may not be shown or decided on, or null when it may. A dead link never decides anything. */
export function externalLinkRefusal(status: ExternalReviewStatus, postState: PostState): ExternalReviewLinkCode | null {
  switch (status) {
    case 'revoked':
      return 'external_review_revoked';
    case 'approved':
    case 'changes_requested':
      return 'external_review_used';
    case 'expired':
      return 'external_review_expired';
    case 'stale':
      return 'external_review_stale';
    default:
      return postState === 'in_review' ? null : 'external_review_not_in_review';
  }
}

/** 410 for a link that is gone for good; 409 when the post moved on under it. */
export function externalLinkStatusCode(code: ExternalReviewLinkCode): 409 | 410 {
  return code === 'external_review_stale' || code === 'external_review_not_in_review' ? 409 : 410;
}

/** Whether asking an outside person is possible now: only for a post waiting in review. */
export function mayAskExternally(state: PostState): boolean {
  return state === 'in_review';
}

/**
 * The outside person's decision on the post, as the next workflow state. An approval is recorded
 * like an approver's (it completes sign-off when the rest of the policy is met); a request for
 * changes sends the post back to its author and voids approvals, like an approver's.
 */
export function decideExternalReview(
  post: PostWorkflow,
  request: { decision: ExternalReviewDecision; revision: number; reviewId: string },
  policy: ApprovalPolicy,
): Decision {
  assertApprovalPolicy(policy);
  if (post.state !== 'in_review') return { ok: false, reason: 'not_allowed_in_state' };
  if (request.revision !== post.revision) return { ok: false, reason: 'stale_revision' };
  if (post.targetStates.some((state) => DELIVERY_STARTED_STATES.includes(state))) return { ok: false, reason: 'delivery_started' };
  if (request.decision === 'request_changes') {
    return {
      ok: true,
      next: {
        state: 'changes_requested',
        revision: post.revision,
        revisionAuthorId: post.revisionAuthorId,
        approvals: [],
        progress: approvalProgress(post, [], policy),
        targets: null,
        notify: ['author'],
      },
    };
  }
  const counting = countingApprovals(post, post.approvals).filter((approval) => approval.userId !== request.reviewId);
  const approvals = [
    ...counting,
    { userId: request.reviewId, role: 'approver' as const, revision: post.revision, external: true as const },
  ];
  const progress = approvalProgress(post, approvals, { ...policy, externalRequired: true });
  return {
    ok: true,
    next: {
      state: progress.complete ? 'approved' : 'in_review',
      revision: post.revision,
      revisionAuthorId: post.revisionAuthorId,
      approvals,
      progress,
      targets: progress.complete ? 'scheduled' : null,
      notify: progress.complete ? ['author'] : [],
    },
  };
}
