import type { ReviewSummary, Role } from '@kadens/shared/contracts';
import {
  type ApprovalCount,
  type DenialReason,
  decidePostAction,
  isApprovalCount,
  type PostActionRequest,
  type PostWorkflow,
} from '@kadens/shared/rules';

/** What the reader may do with the post now, by the same machine the API decides with. */
export interface ReviewActions {
  submit: boolean;
  cancel: boolean;
  edit: boolean;
  requestChanges: boolean;
  /** null: the approve button is offered; otherwise why not (own_post, already_approved, …). */
  approveRefusal: DenialReason | null;
}

interface Reader {
  userId: string;
  role: Role;
}

/** The post as the approval machine sees it; approvals are the reviews that still count. */
function workflowOf(summary: ReviewSummary): PostWorkflow {
  const { post } = summary;
  return {
    state: post.state,
    revision: post.revision,
    authorId: post.authorId,
    revisionAuthorId: post.revisionAuthorId,
    sensitive: post.sensitive,
    approvals: summary.reviews
      .filter((review) => review.counts && review.decision === 'approved')
      .map((review) => ({ userId: review.reviewerId, role: review.reviewerRole, revision: review.revision })),
    targetStates: post.targets.map((target) => target.state),
  };
}

export function reviewActions(summary: ReviewSummary, reader: Reader): ReviewActions {
  const required: ApprovalCount = isApprovalCount(summary.progress.required) ? summary.progress.required : 3;
  const policy = { approvalsRequired: required, adminRequired: summary.progress.adminRequired };
  const workflow = workflowOf(summary);
  const revision = summary.post.revision;
  const decide = (request: PostActionRequest) => decidePostAction(workflow, request, reader, policy);
  const allowed = (request: PostActionRequest) => decide(request).ok;
  const approval = decide({ type: 'approve', revision, checklistComplete: true });
  return {
    submit: allowed({ type: 'submit' }),
    cancel: allowed({ type: 'cancel' }),
    edit: allowed({ type: 'edit_content' }),
    requestChanges: allowed({ type: 'request_changes', revision }),
    approveRefusal: approval.ok ? null : approval.reason,
  };
}
