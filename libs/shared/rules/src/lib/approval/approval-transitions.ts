import type { PostState } from '@kadens/shared/contracts';

import type { Permission } from '../permissions';
import type { PostAction, Recipient, TargetDirective } from './approval-types';

/**
 * The approval workflow as data. `decide` reads these tables and contains no per-action logic, so
 * the review screen, the API and the tests all see the same rules, and a change of workflow is a
 * change of rows.
 */

/** Who may attempt an action at all, before its state is considered. */
export const POST_ACTION_PERMISSIONS: Readonly<Record<PostAction, Permission | 'system'>> = {
  submit: 'posts.edit',
  approve: 'posts.approve',
  request_changes: 'posts.approve',
  edit_content: 'posts.edit',
  move_time: 'posts.edit',
  cancel: 'posts.edit',
  expire: 'system',
};

/**
 * Checks beyond role and state, run in the order listed in a row:
 * not_author — neither the post's author nor the author of its current revision;
 * current_revision — the decision names the revision the post is at;
 * first_approval_by_actor — one approval per person per revision;
 * checklist_complete — every required review item was ticked;
 * delivery_not_started — no target is publishing, published or unconfirmed.
 */
export type ApprovalGuard = 'not_author' | 'current_revision' | 'first_approval_by_actor' | 'checklist_complete' | 'delivery_not_started';

export interface ApprovalEffect {
  state: PostState;
  targets: TargetDirective;
  notify: readonly Recipient[];
}

export interface ApprovalTransition {
  guards: readonly ApprovalGuard[];
  /** `bump`: a new revision by the actor; approvals of the old one stop counting. */
  revision: 'keep' | 'bump';
  approvals: 'keep' | 'clear' | 'add_actor';
  /** An approval completes sign-off only when the policy is met; until then the post stays put. */
  effect: ApprovalEffect | { whenComplete: ApprovalEffect; otherwise: ApprovalEffect };
}

const EDIT_CONTENT_FOR_REVIEW: ApprovalTransition = {
  guards: [],
  revision: 'bump',
  approvals: 'clear',
  effect: { state: 'in_review', targets: null, notify: ['approvers'] },
};
const CANCEL: ApprovalTransition = {
  guards: [],
  revision: 'keep',
  approvals: 'clear',
  effect: { state: 'cancelled', targets: 'pending', notify: ['author'] },
};
// Unapproved at its time: not published, and back to the author to re-plan; approving it now would
// publish a stale post the moment it was signed off.
const EXPIRE: ApprovalTransition = {
  guards: [],
  revision: 'keep',
  approvals: 'clear',
  effect: { state: 'draft', targets: 'expired', notify: ['author'] },
};
// Unapproved posts have nothing scheduled; a new time revives targets that had expired.
const moveUnapproved = (state: PostState): ApprovalTransition => ({
  guards: [],
  revision: 'keep',
  approvals: 'keep',
  effect: { state, targets: 'pending', notify: [] },
});

/** A missing pair means the action is not allowed in that state. Cancelled is final. */
export const APPROVAL_TRANSITIONS: Readonly<Record<PostState, Partial<Record<PostAction, ApprovalTransition>>>> = {
  draft: {
    submit: {
      guards: [],
      revision: 'keep',
      approvals: 'keep',
      effect: { state: 'in_review', targets: null, notify: ['approvers'] },
    },
    edit_content: {
      guards: [],
      revision: 'bump',
      approvals: 'clear',
      effect: { state: 'draft', targets: null, notify: [] },
    },
    move_time: moveUnapproved('draft'),
    cancel: CANCEL,
    expire: EXPIRE,
  },
  in_review: {
    approve: {
      guards: ['not_author', 'current_revision', 'first_approval_by_actor', 'checklist_complete'],
      revision: 'keep',
      approvals: 'add_actor',
      effect: {
        whenComplete: { state: 'approved', targets: 'scheduled', notify: ['author'] },
        otherwise: { state: 'in_review', targets: null, notify: [] },
      },
    },
    request_changes: {
      guards: ['not_author', 'current_revision'],
      revision: 'keep',
      approvals: 'clear',
      effect: { state: 'changes_requested', targets: null, notify: ['author'] },
    },
    // Reviewers keep reviewing, now the new text; approvals given to the old text no longer count.
    edit_content: EDIT_CONTENT_FOR_REVIEW,
    move_time: moveUnapproved('in_review'),
    cancel: CANCEL,
    expire: EXPIRE,
  },
  changes_requested: {
    // Resubmitting unchanged is allowed: the discussion may have settled that no change was needed.
    submit: {
      guards: [],
      revision: 'keep',
      approvals: 'keep',
      effect: { state: 'in_review', targets: null, notify: ['approvers'] },
    },
    // The edit is the answer to the request, so it goes straight back to review.
    edit_content: EDIT_CONTENT_FOR_REVIEW,
    move_time: moveUnapproved('changes_requested'),
    cancel: CANCEL,
    expire: EXPIRE,
  },
  approved: {
    // An approver can still stop a signed-off post before it goes out.
    request_changes: {
      guards: ['not_author', 'current_revision', 'delivery_not_started'],
      revision: 'keep',
      approvals: 'clear',
      effect: { state: 'changes_requested', targets: 'pending', notify: ['author'] },
    },
    // New text needs new sign-off: to review, not to draft, since the author meant to publish it.
    edit_content: {
      ...EDIT_CONTENT_FOR_REVIEW,
      guards: ['delivery_not_started'],
      effect: { state: 'in_review', targets: 'pending', notify: ['approvers'] },
    },
    // Only the time changed, so the sign-off stands; the caller has already checked cadence and
    // service hours for the new time and refused the move if they block.
    move_time: {
      guards: ['delivery_not_started'],
      revision: 'keep',
      approvals: 'keep',
      effect: { state: 'approved', targets: 'scheduled', notify: [] },
    },
    cancel: { ...CANCEL, guards: ['delivery_not_started'] },
  },
  cancelled: {},
};
