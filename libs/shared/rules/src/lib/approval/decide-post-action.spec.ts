import { POST_STATES, type PostState } from '@kadens/shared/contracts';

import type { ApprovalPolicy } from './approval-policy';
import type { Actor, DenialReason, PostAction, PostActionRequest, PostWorkflow, TargetDirective } from './approval-types';
import { POST_ACTIONS } from './approval-types';
import { decidePostAction } from './decide-post-action';

const AUTHOR = 'u-author';
const ONE_APPROVAL: ApprovalPolicy = { approvalsRequired: 1, adminRequired: false };

// Each action tried by someone who may attempt it, so only the state decides the outcome.
const ATTEMPTS: Readonly<Record<PostAction, { request: PostActionRequest; actor: Actor }>> = {
  submit: { request: { type: 'submit' }, actor: { userId: AUTHOR, role: 'editor' } },
  approve: {
    request: { type: 'approve', revision: 3, checklistComplete: true },
    actor: { userId: 'u-ada', role: 'approver' },
  },
  request_changes: { request: { type: 'request_changes', revision: 3 }, actor: { userId: 'u-ada', role: 'approver' } },
  edit_content: { request: { type: 'edit_content' }, actor: { userId: AUTHOR, role: 'editor' } },
  move_time: { request: { type: 'move_time' }, actor: { userId: AUTHOR, role: 'editor' } },
  cancel: { request: { type: 'cancel' }, actor: { userId: AUTHOR, role: 'editor' } },
  expire: { request: { type: 'expire' }, actor: 'system' },
};

function postIn(state: PostState): PostWorkflow {
  return {
    state,
    revision: 3,
    authorId: AUTHOR,
    revisionAuthorId: AUTHOR,
    sensitive: false,
    // An approved post carries the approval that got it there.
    approvals: state === 'approved' ? [{ userId: 'u-bo', role: 'approver', revision: 3 }] : [],
    targetStates: [state === 'approved' ? 'scheduled' : 'pending'],
  };
}

type Expected = { to: PostState; revision: number; targets: TargetDirective; approvals: number } | { denied: DenialReason };

const NO: Expected = { denied: 'not_allowed_in_state' };
const to = (state: PostState, targets: TargetDirective, approvals = 0, revision = 3): Expected => ({
  to: state,
  revision,
  targets,
  approvals,
});

// Typed as a full Record, so a new state or action does not compile until its row is written here.
const EXPECTED: Readonly<Record<PostState, Readonly<Record<PostAction, Expected>>>> = {
  draft: {
    submit: to('in_review', null),
    approve: NO,
    request_changes: NO,
    edit_content: to('draft', null, 0, 4),
    move_time: to('draft', 'pending'),
    cancel: to('cancelled', 'pending'),
    expire: to('draft', 'expired'),
  },
  in_review: {
    submit: NO,
    approve: to('approved', 'scheduled', 1),
    request_changes: to('changes_requested', null),
    edit_content: to('in_review', null, 0, 4),
    move_time: to('in_review', 'pending'),
    cancel: to('cancelled', 'pending'),
    expire: to('draft', 'expired'),
  },
  changes_requested: {
    submit: to('in_review', null),
    approve: NO,
    request_changes: NO,
    edit_content: to('in_review', null, 0, 4),
    move_time: to('changes_requested', 'pending'),
    cancel: to('cancelled', 'pending'),
    expire: to('draft', 'expired'),
  },
  approved: {
    submit: NO,
    approve: NO,
    request_changes: to('changes_requested', 'pending'),
    edit_content: to('in_review', 'pending', 0, 4),
    move_time: to('approved', 'scheduled', 1),
    cancel: to('cancelled', 'pending'),
    expire: NO,
  },
  cancelled: {
    submit: NO,
    approve: NO,
    request_changes: NO,
    edit_content: NO,
    move_time: NO,
    cancel: NO,
    expire: NO,
  },
};

const PAIRS = POST_STATES.flatMap((state) => POST_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));

describe('decidePostAction: every (state, action) pair', () => {
  it('covers all 35 pairs', () => {
    expect(PAIRS).toHaveLength(POST_STATES.length * POST_ACTIONS.length);
    expect(PAIRS).toHaveLength(35);
  });

  it.each(PAIRS)('%s + %s', (state, action, expected) => {
    const { request, actor } = ATTEMPTS[action];
    const decision = decidePostAction(postIn(state), request, actor, ONE_APPROVAL);
    if ('denied' in expected) {
      expect(decision).toEqual({ ok: false, reason: expected.denied });
      return;
    }
    if (!decision.ok) throw new Error(`expected ${state} + ${action} to be allowed, got ${decision.reason}`);
    expect({
      to: decision.next.state,
      revision: decision.next.revision,
      targets: decision.next.targets,
      approvals: decision.next.approvals.length,
    }).toEqual(expected);
  });
});

describe('decidePostAction: who hears about it', () => {
  it.each<[PostState, PostAction, string[]]>([
    ['draft', 'submit', ['approvers']],
    ['in_review', 'approve', ['author']],
    ['in_review', 'request_changes', ['author']],
    ['in_review', 'edit_content', ['approvers']],
    ['changes_requested', 'edit_content', ['approvers']],
    ['approved', 'edit_content', ['approvers']],
    ['approved', 'move_time', []],
    ['approved', 'cancel', ['author']],
    ['in_review', 'expire', ['author']],
  ])('%s + %s notifies %j', (state, action, notify) => {
    const { request, actor } = ATTEMPTS[action];
    const decision = decidePostAction(postIn(state), request, actor, ONE_APPROVAL);
    expect(decision.ok && decision.next.notify).toEqual(notify);
  });
});
