import type { PostState, UserId } from '@kadens/shared/contracts';

import { hasPermission } from '../permissions';
import type { RecordedApproval } from './approval-types';

export const MIN_APPROVALS_REQUIRED = 1;
export const MAX_APPROVALS_REQUIRED = 3;
export type ApprovalCount = 1 | 2 | 3;

/**
 * How much sign-off a post needs. `adminRequired` makes one of the approvals an admin's for every
 * post; a sensitive post (answer to criticism, crisis message) always needs that.
 */
export interface ApprovalPolicy {
  approvalsRequired: ApprovalCount;
  adminRequired: boolean;
  /**
   * The post waits for an outside person's approval by link too (set per post while an external
   * review is asked for and not revoked); that approval also counts towards `approvalsRequired`.
   */
  externalRequired?: boolean;
}

export function isApprovalCount(value: unknown): value is ApprovalCount {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_APPROVALS_REQUIRED && value <= MAX_APPROVALS_REQUIRED;
}

/**
 * The policy for a post: the organisation's, tightened by each of its channels. A channel can only
 * ask for more, so posting to an extra channel never lowers the bar.
 */
export function strictestPolicy(
  organization: ApprovalPolicy,
  channels: readonly (Partial<ApprovalPolicy> | null | undefined)[] = [],
): ApprovalPolicy {
  return channels.reduce<ApprovalPolicy>((policy, channel) => {
    const channelCount = channel?.approvalsRequired;
    return {
      approvalsRequired:
        channelCount === undefined ? policy.approvalsRequired : higher(policy.approvalsRequired, checkedCount(channelCount)),
      adminRequired: policy.adminRequired || channel?.adminRequired === true,
    };
  }, assertApprovalPolicy(organization));
}

export interface ApprovalProgress {
  /** Distinct approvers whose approval counts for the current revision. */
  count: number;
  required: ApprovalCount;
  adminRequired: boolean;
  adminApproved: boolean;
  complete: boolean;
  /** Present only when the policy requires an external sign-off. */
  externalRequired?: true;
  externalApproved?: boolean;
}

interface ApprovalSubject {
  revision: number;
  authorId: UserId;
  revisionAuthorId: UserId;
  sensitive: boolean;
}

/**
 * Counts only what should count even if the stored list holds more: approvals of other revisions,
 * of the post's own authors, from roles that cannot approve, and repeats by one person. An admin's
 * approval counts towards the number as well as meeting the admin requirement.
 */
export function approvalProgress(post: ApprovalSubject, approvals: readonly RecordedApproval[], policy: ApprovalPolicy): ApprovalProgress {
  const { approvalsRequired: required } = assertApprovalPolicy(policy);
  const counted = countingApprovals(post, approvals);
  const adminRequired = policy.adminRequired || post.sensitive;
  const adminApproved = counted.some((approval) => approval.role === 'admin');
  const externalApproved = counted.some((approval) => approval.external === true);
  const complete = counted.length >= required && (!adminRequired || adminApproved) && (!policy.externalRequired || externalApproved);
  const external = policy.externalRequired ? { externalRequired: true as const, externalApproved } : {};
  return { count: counted.length, required, adminRequired, adminApproved, complete, ...external };
}

export function countingApprovals(post: Omit<ApprovalSubject, 'sensitive'>, approvals: readonly RecordedApproval[]): RecordedApproval[] {
  const seen = new Set<UserId>();
  return approvals.filter((approval) => {
    const counts =
      approval.revision === post.revision &&
      approval.userId !== post.authorId &&
      approval.userId !== post.revisionAuthorId &&
      hasPermission(approval.role, 'posts.approve') &&
      !seen.has(approval.userId);
    if (counts) seen.add(approval.userId);
    return counts;
  });
}

function higher(a: ApprovalCount, b: ApprovalCount): ApprovalCount {
  return a >= b ? a : b;
}

// Policies are stored settings; a 0 or a 4 there would silently disable or deadlock sign-off.
function checkedCount(value: unknown): ApprovalCount {
  if (!isApprovalCount(value)) throw new RangeError(`approvalsRequired must be 1–3, got ${String(value)}`);
  return value;
}

/** Throws a RangeError for a policy that could not have been saved through a validated DTO. */
export function assertApprovalPolicy(policy: ApprovalPolicy): ApprovalPolicy {
  checkedCount(policy.approvalsRequired);
  return policy;
}

/**
 * What the publisher asks just before sending: is the post approved, with enough approvals that
 * count for the revision it is at now? A stale approved state (an edit not yet reflected, a role
 * since changed) answers no.
 */
export function isSignedOff(
  post: ApprovalSubject & { state: PostState; approvals: readonly RecordedApproval[] },
  policy: ApprovalPolicy,
): boolean {
  return post.state === 'approved' && approvalProgress(post, post.approvals, policy).complete;
}
