import type { Role } from '@kadens/shared/contracts';

import { type ApprovalPolicy, approvalProgress, isApprovalCount, isSignedOff, strictestPolicy } from './approval-policy';
import type { Actor, PostWorkflow, RecordedApproval } from './approval-types';
import { decidePostAction } from './decide-post-action';

const policy = (approvalsRequired: 1 | 2 | 3, adminRequired = false): ApprovalPolicy => ({
  approvalsRequired,
  adminRequired,
});
const approver = (userId: string, role: Role = 'approver'): Actor => ({ userId, role });

function inReview(overrides: Partial<PostWorkflow> = {}): PostWorkflow {
  return {
    state: 'in_review',
    revision: 1,
    authorId: 'u-author',
    revisionAuthorId: 'u-author',
    sensitive: false,
    approvals: [],
    targetStates: ['pending'],
    ...overrides,
  };
}

/** Runs approvals one after another, as the API would, and returns the states the post went through. */
function approveInTurn(start: PostWorkflow, actors: Actor[], rules: ApprovalPolicy): string[] {
  let current = start;
  return actors.map((actor) => {
    const decision = decidePostAction(current, { type: 'approve', revision: current.revision, checklistComplete: true }, actor, rules);
    if (!decision.ok) return `refused:${decision.reason}`;
    current = { ...current, state: decision.next.state, approvals: decision.next.approvals };
    return decision.next.state;
  });
}

describe('approvals required by policy', () => {
  it.each<[string, PostWorkflow, Actor[], ApprovalPolicy, string[]]>([
    ['one of one', inReview(), [approver('a')], policy(1), ['approved']],
    ['two of two', inReview(), [approver('a'), approver('b')], policy(2), ['in_review', 'approved']],
    ['three of three', inReview(), [approver('a'), approver('b'), approver('c')], policy(3), ['in_review', 'in_review', 'approved']],
    ['sensitive: an approver alone is not enough', inReview({ sensitive: true }), [approver('a')], policy(1), ['in_review']],
    [
      'sensitive: then an admin completes it',
      inReview({ sensitive: true }),
      [approver('a'), approver('z', 'admin')],
      policy(1),
      ['in_review', 'approved'],
    ],
    [
      'sensitive: an admin’s approval also counts towards the number',
      inReview({ sensitive: true }),
      [approver('z', 'admin')],
      policy(1),
      ['approved'],
    ],
    [
      'sensitive with two required: admin first, then an approver',
      inReview({ sensitive: true }),
      [approver('z', 'admin'), approver('a')],
      policy(2),
      ['in_review', 'approved'],
    ],
    [
      'policy requiring an admin for every post',
      inReview(),
      [approver('a'), approver('b'), approver('z', 'admin')],
      policy(2, true),
      ['in_review', 'in_review', 'approved'],
    ],
    [
      'the same approver twice counts once',
      inReview(),
      [approver('a'), approver('a')],
      policy(2),
      ['in_review', 'refused:already_approved'],
    ],
  ])('%s', (_label, start, actors, rules, states) => {
    expect(approveInTurn(start, actors, rules)).toEqual(states);
  });

  it('reports progress for the review screen', () => {
    const decision = decidePostAction(
      inReview({ sensitive: true }),
      { type: 'approve', revision: 1, checklistComplete: true },
      approver('a'),
      policy(2),
    );
    expect(decision.ok && decision.next.progress).toEqual({
      count: 1,
      required: 2,
      adminRequired: true,
      adminApproved: false,
      complete: false,
    });
  });
});

describe('approvals count only for the current revision', () => {
  it('an edit after approval makes a new revision by the editor, voids approvals and returns to review', () => {
    const approved = inReview({
      state: 'approved',
      approvals: [{ userId: 'a', role: 'approver', revision: 1 }],
      targetStates: ['scheduled'],
    });
    const decision = decidePostAction(approved, { type: 'edit_content' }, { userId: 'u-eli', role: 'editor' }, policy(1));
    expect(decision).toEqual({
      ok: true,
      next: {
        state: 'in_review',
        revision: 2,
        revisionAuthorId: 'u-eli',
        approvals: [],
        progress: { count: 0, required: 1, adminRequired: false, adminApproved: false, complete: false },
        targets: 'pending',
        notify: ['approvers'],
      },
    });
  });

  it('moving only the time keeps revision and approvals and reschedules', () => {
    const approvals: RecordedApproval[] = [{ userId: 'a', role: 'approver', revision: 1 }];
    const decision = decidePostAction(inReview({ state: 'approved', approvals }), { type: 'move_time' }, approver('a'), policy(1));
    expect(decision.ok && [decision.next.state, decision.next.revision, decision.next.approvals, decision.next.targets]).toEqual([
      'approved',
      1,
      approvals,
      'scheduled',
    ]);
  });

  it('an approval of an earlier revision does not help the current one', () => {
    const post = inReview({ revision: 2, approvals: [{ userId: 'a', role: 'approver', revision: 1 }] });
    expect(approveInTurn(post, [approver('b')], policy(2))).toEqual(['in_review']);
    expect(approveInTurn(post, [approver('a'), approver('b')], policy(2))).toEqual(['in_review', 'approved']);
  });

  it('a request for changes voids approvals already given, so resubmitting needs fresh ones', () => {
    const post = inReview({ approvals: [{ userId: 'a', role: 'approver', revision: 1 }] });
    const decision = decidePostAction(post, { type: 'request_changes', revision: 1 }, approver('b'), policy(2));
    expect(decision.ok && decision.next.approvals).toEqual([]);
  });
});

describe('approvalProgress ignores approvals that should never count', () => {
  it.each<[string, RecordedApproval[], number]>([
    ['a valid approval', [{ userId: 'a', role: 'approver', revision: 1 }], 1],
    ['the author’s own', [{ userId: 'u-author', role: 'admin', revision: 1 }], 0],
    ['the revision author’s own', [{ userId: 'u-rev', role: 'approver', revision: 1 }], 0],
    ['from a role that cannot approve', [{ userId: 'e', role: 'editor', revision: 1 }], 0],
    ['of another revision', [{ userId: 'a', role: 'approver', revision: 0 }], 0],
    [
      'the same person twice',
      [
        { userId: 'a', role: 'approver', revision: 1 },
        { userId: 'a', role: 'admin', revision: 1 },
      ],
      1,
    ],
  ])('%s', (_label, approvals, count) => {
    expect(approvalProgress(inReview({ revisionAuthorId: 'u-rev' }), approvals, policy(3)).count).toBe(count);
  });
});

describe('policy', () => {
  it.each<[string, ApprovalPolicy, Array<Partial<ApprovalPolicy> | null>, ApprovalPolicy]>([
    ['no channel policies', policy(1), [], policy(1)],
    ['a stricter channel raises the count', policy(1), [{ approvalsRequired: 2 }], policy(2)],
    ['a looser channel cannot lower it', policy(3), [{ approvalsRequired: 1 }], policy(3)],
    ['the strictest of several channels wins', policy(1), [{ approvalsRequired: 2 }, null, { approvalsRequired: 3 }], policy(3)],
    ['a channel can require an admin', policy(2), [{ adminRequired: true }], policy(2, true)],
    ['a channel cannot drop the admin requirement', policy(2, true), [{ adminRequired: false }], policy(2, true)],
  ])('%s', (_label, organization, channels, expected) => {
    expect(strictestPolicy(organization, channels)).toEqual(expected);
  });

  it.each<[unknown, boolean]>([
    [0, false],
    [1, true],
    [2, true],
    [3, true],
    [4, false],
    [1.5, false],
    ['2', false],
    [null, false],
  ])('isApprovalCount(%p) is %p', (value, expected) => {
    expect(isApprovalCount(value)).toBe(expected);
  });

  it.each([0, 4])('refuses a stored policy of %i approvals instead of disabling or deadlocking sign-off', (count) => {
    const broken = { approvalsRequired: count, adminRequired: false } as unknown as ApprovalPolicy;
    expect(() => decidePostAction(inReview(), { type: 'submit' }, approver('a'), broken)).toThrow(RangeError);
    expect(() => strictestPolicy(policy(1), [broken])).toThrow(RangeError);
  });
});

describe('isSignedOff', () => {
  const signed = { userId: 'a', role: 'approver', revision: 1 } as const;
  it.each<[string, Partial<PostWorkflow>, ApprovalPolicy, boolean]>([
    ['approved with an approval of this revision', { state: 'approved', approvals: [signed] }, policy(1), true],
    ['approved, but the text has moved on', { state: 'approved', revision: 2, approvals: [signed] }, policy(1), false],
    ['approved, but the policy now asks for two', { state: 'approved', approvals: [signed] }, policy(2), false],
    ['approved, but marked sensitive since', { state: 'approved', sensitive: true, approvals: [signed] }, policy(1), false],
    ['enough approvals but still in review', { state: 'in_review', approvals: [signed] }, policy(1), false],
  ])('%s → %p', (_label, overrides, rules, expected) => {
    expect(isSignedOff(inReview(overrides), rules)).toBe(expected);
  });
});
