import type { PostState, TargetState } from '@kadens/shared/contracts';

import type { ApprovalPolicy } from './approval-policy';
import type { Actor, DenialReason, PostActionRequest, PostWorkflow } from './approval-types';
import { decidePostAction } from './decide-post-action';

const POLICY: ApprovalPolicy = { approvalsRequired: 2, adminRequired: false };
const author: Actor = { userId: 'u-author', role: 'approver' };
const editor: Actor = { userId: 'u-eli', role: 'editor' };
const viewer: Actor = { userId: 'u-vera', role: 'viewer' };
const ada: Actor = { userId: 'u-ada', role: 'approver' };
const admin: Actor = { userId: 'u-admin', role: 'admin' };

const approve = (revision = 3, checklistComplete = true): PostActionRequest => ({
  type: 'approve',
  revision,
  checklistComplete,
});
const requestChanges = (revision = 3): PostActionRequest => ({ type: 'request_changes', revision });

function post(overrides: Partial<PostWorkflow> = {}): PostWorkflow {
  return {
    state: 'in_review',
    revision: 3,
    authorId: 'u-author',
    revisionAuthorId: 'u-author',
    sensitive: false,
    approvals: [],
    targetStates: ['pending'],
    ...overrides,
  };
}

const approvedPost = (targetStates: TargetState[]) =>
  post({ state: 'approved', targetStates, approvals: [{ userId: 'u-bo', role: 'approver', revision: 3 }] });

describe('refusals', () => {
  it.each<[string, PostWorkflow, PostActionRequest, Actor, DenialReason]>([
    ['an editor approving', post(), approve(), editor, 'role_lacks_permission'],
    ['an editor requesting changes', post(), requestChanges(), editor, 'role_lacks_permission'],
    ['a viewer submitting', post({ state: 'draft' }), { type: 'submit' }, viewer, 'role_lacks_permission'],
    ['a viewer editing', post(), { type: 'edit_content' }, viewer, 'role_lacks_permission'],
    ['a viewer moving', post(), { type: 'move_time' }, viewer, 'role_lacks_permission'],
    ['a viewer cancelling', post(), { type: 'cancel' }, viewer, 'role_lacks_permission'],
    ['a member expiring a post', post(), { type: 'expire' }, admin, 'only_system'],
    ['the system approving', post(), approve(), 'system', 'only_member'],
    ['the system editing', post(), { type: 'edit_content' }, 'system', 'only_member'],
    ['the author approving their own post', post(), approve(), author, 'own_post'],
    ['an admin approving their own post', post({ authorId: 'u-admin', revisionAuthorId: 'u-admin' }), approve(), admin, 'own_post'],
    ['approving a revision one wrote for someone else', post({ revisionAuthorId: 'u-ada' }), approve(), ada, 'own_post'],
    ['the author requesting changes on their own post', post(), requestChanges(), author, 'own_post'],
    ['approving a revision that was edited since', post({ revision: 4 }), approve(3), ada, 'stale_revision'],
    ['approving a revision that does not exist yet', post(), approve(4), ada, 'stale_revision'],
    ['requesting changes on an old revision', post({ revision: 4 }), requestChanges(3), ada, 'stale_revision'],
    ['approving twice', post({ approvals: [{ userId: 'u-ada', role: 'approver', revision: 3 }] }), approve(), ada, 'already_approved'],
    ['approving with the checklist unticked', post(), approve(3, false), ada, 'checklist_incomplete'],
    ['editing while a target is publishing', approvedPost(['publishing']), { type: 'edit_content' }, editor, 'delivery_started'],
    ['moving a published post', approvedPost(['published', 'scheduled']), { type: 'move_time' }, editor, 'delivery_started'],
    ['cancelling when the outcome is unknown', approvedPost(['unconfirmed']), { type: 'cancel' }, editor, 'delivery_started'],
    ['pulling back a published post', approvedPost(['published']), requestChanges(), ada, 'delivery_started'],
  ])('%s → %s', (_label, subject, request, actor, reason) => {
    expect(decidePostAction(subject, request, actor, POLICY)).toEqual({ ok: false, reason });
  });
});

describe('what is checked first', () => {
  it.each<[string, PostState, PostActionRequest, Actor, DenialReason]>([
    ['role before state: an editor approving a draft', 'draft', approve(), editor, 'role_lacks_permission'],
    ['state before authorship: the author approving their own draft', 'draft', approve(), author, 'not_allowed_in_state'],
    ['authorship before revision: the author approving a stale revision', 'in_review', approve(2), author, 'own_post'],
    ['revision before checklist', 'in_review', approve(2, false), ada, 'stale_revision'],
    [
      'actor kind before state: the system is refused a member action even on a cancelled post',
      'cancelled',
      { type: 'cancel' },
      'system',
      'only_member',
    ],
  ])('%s', (_label, state, request, actor, reason) => {
    expect(decidePostAction(post({ state }), request, actor, POLICY)).toEqual({ ok: false, reason });
  });
});

describe('delivery that has not gone out does not freeze the post', () => {
  it.each<[TargetState[]]>([[['queued']], [['failed']], [['held']], [['scheduled', 'expired']]])('targets %j', (targetStates) => {
    expect(decidePostAction(approvedPost(targetStates), { type: 'edit_content' }, editor, POLICY).ok).toBe(true);
    expect(decidePostAction(approvedPost(targetStates), { type: 'cancel' }, editor, POLICY).ok).toBe(true);
  });
});
