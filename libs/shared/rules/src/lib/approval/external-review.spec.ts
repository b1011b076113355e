import type { ApprovalPolicy } from './approval-policy';
import type { PostWorkflow } from './approval-types';
import { decidePostAction } from './decide-post-action';
import {
  decideExternalReview,
  type ExternalReviewFacts,
  externalLinkRefusal,
  externalLinkStatusCode,
  externalReviewStatus,
  mayAskExternally,
} from './external-review';

const now = new Date('2027-01-10T12:00:00Z');
const later = new Date('2027-01-17T12:00:00Z');
const facts = (overrides: Partial<ExternalReviewFacts> = {}): ExternalReviewFacts => ({
  revision: 2,
  expiresAt: later,
  openedAt: null,
  decision: null,
  revokedAt: null,
  ...overrides,
});
const post = (overrides: Partial<PostWorkflow> = {}): PostWorkflow => ({
  state: 'in_review',
  revision: 2,
  authorId: 'u-author',
  revisionAuthorId: 'u-author',
  sensitive: false,
  approvals: [],
  targetStates: ['pending'],
  ...overrides,
});
const policy = (approvalsRequired: 1 | 2 | 3, externalRequired = true): ApprovalPolicy => ({
  approvalsRequired,
  adminRequired: false,
  externalRequired,
});
const external = (decision: 'approve' | 'request_changes', revision = 2) => ({ decision, revision, reviewId: 'r-1' });

describe('externalReviewStatus', () => {
  it.each<[string, Partial<ExternalReviewFacts>, number, Date, string]>([
    ['fresh', {}, 2, now, 'sent'],
    ['opened', { openedAt: now }, 2, now, 'opened'],
    ['expired at its time', {}, 2, later, 'expired'],
    ['edited since', { openedAt: now }, 3, now, 'stale'],
    ['revoked beats everything', { revokedAt: now, decision: 'approved' }, 3, later, 'revoked'],
    ['decided stays decided after an edit or expiry', { decision: 'approved' }, 3, later, 'approved'],
    ['changes requested', { decision: 'changes_requested' }, 2, now, 'changes_requested'],
  ])('%s → %s', (_label, overrides, revision, at, status) => {
    expect(externalReviewStatus(facts(overrides), revision, at)).toBe(status);
  });
});

describe('externalLinkRefusal', () => {
  it.each<[Parameters<typeof externalLinkRefusal>[0], Parameters<typeof externalLinkRefusal>[1], string | null, number | null]>([
    ['sent', 'in_review', null, null],
    ['opened', 'in_review', null, null],
    ['opened', 'changes_requested', 'external_review_not_in_review', 409],
    ['stale', 'in_review', 'external_review_stale', 409],
    ['expired', 'in_review', 'external_review_expired', 410],
    ['revoked', 'in_review', 'external_review_revoked', 410],
    ['approved', 'approved', 'external_review_used', 410],
    ['changes_requested', 'changes_requested', 'external_review_used', 410],
  ])('%s with the post %s → %s', (status, state, code, http) => {
    const refusal = externalLinkRefusal(status, state);
    expect(refusal).toBe(code);
    expect(refusal && externalLinkStatusCode(refusal)).toBe(http);
  });

  it('asks only about posts in review', () => {
    expect(['draft', 'in_review', 'changes_requested', 'approved', 'cancelled'].filter((s) => mayAskExternally(s as never))).toEqual([
      'in_review',
    ]);
  });
});

describe('decideExternalReview', () => {
  it('approves alone when one approval is required and it is the external one', () => {
    const decision = decideExternalReview(post(), external('approve'), policy(1));
    expect(decision.ok && [decision.next.state, decision.next.targets, decision.next.progress.complete]).toEqual([
      'approved',
      'scheduled',
      true,
    ]);
  });

  it('counts like an approval: with two required it waits for one approver more', () => {
    const decision = decideExternalReview(post(), external('approve'), policy(2));
    expect(decision.ok && [decision.next.state, decision.next.progress.count]).toEqual(['in_review', 1]);
    if (!decision.ok) return;
    const approver = decidePostAction(
      { ...post(), approvals: decision.next.approvals },
      { type: 'approve', revision: 2, checklistComplete: true },
      { userId: 'u-ada', role: 'approver' },
      policy(2),
    );
    expect(approver.ok && approver.next.state).toBe('approved');
  });

  it('completes sign-off when approvers were already enough', () => {
    const approvals = [{ userId: 'u-ada', role: 'approver' as const, revision: 2 }];
    const decision = decideExternalReview(post({ approvals }), external('approve'), policy(1));
    expect(decision.ok && decision.next.state).toBe('approved');
  });

  it('an external approval never meets an admin requirement', () => {
    const decision = decideExternalReview(post({ sensitive: true }), external('approve'), policy(1));
    expect(decision.ok && [decision.next.state, decision.next.progress.adminApproved]).toEqual(['in_review', false]);
  });

  it('request_changes sends the post back and voids approvals, like an approver', () => {
    const approvals = [{ userId: 'u-ada', role: 'approver' as const, revision: 2 }];
    const decision = decideExternalReview(post({ approvals }), external('request_changes'), policy(2));
    expect(decision.ok && [decision.next.state, decision.next.approvals, decision.next.notify]).toEqual([
      'changes_requested',
      [],
      ['author'],
    ]);
  });

  it.each<[string, Partial<PostWorkflow>, number, string]>([
    ['a post no longer in review', { state: 'changes_requested' }, 2, 'not_allowed_in_state'],
    ['an edited post', { revision: 3 }, 2, 'stale_revision'],
    ['a post already going out', { targetStates: ['publishing'] }, 2, 'delivery_started'],
  ])('refuses %s', (_label, overrides, revision, reason) => {
    expect(decideExternalReview(post(overrides), external('approve', revision), policy(1))).toEqual({ ok: false, reason });
  });
});

describe('the requirement holds back internal approvals', () => {
  it('approvers alone do not approve a post that waits for an outside sign-off', () => {
    const decision = decidePostAction(
      post(),
      { type: 'approve', revision: 2, checklistComplete: true },
      { userId: 'u-ada', role: 'approver' },
      policy(1),
    );
    expect(decision.ok && [decision.next.state, decision.next.progress]).toEqual([
      'in_review',
      {
        count: 1,
        required: 1,
        adminRequired: false,
        adminApproved: false,
        complete: false,
        externalRequired: true,
        externalApproved: false,
      },
    ]);
  });

  it('then the recorded external approval completes it', () => {
    const approvals = [{ userId: 'r-1', role: 'approver' as const, revision: 2, external: true as const }];
    const decision = decidePostAction(
      post({ approvals }),
      { type: 'approve', revision: 2, checklistComplete: true },
      { userId: 'u-ada', role: 'approver' },
      policy(2),
    );
    expect(decision.ok && decision.next.state).toBe('approved');
  });
});
