import {
  ATTENTION_ACTIONS,
  type AttentionAction,
  type ConnectionStatus,
  type PostState,
  TARGET_STATES,
  type TargetState,
} from '@kadens/shared/contracts';

import { type AttentionDenial, attentionActions, attentionDenial, attentionReason } from './attention';

describe('attentionReason', () => {
  const cases: Array<[TargetState, ConnectionStatus | null, string | null]> = [
    ['failed', null, 'failed'],
    ['failed', 'connected', 'failed'],
    ['unconfirmed', null, 'unconfirmed'],
    ['expired', null, 'expired'],
    ['held', null, 'held'],
    ['scheduled', 'reconnect_needed', 'reconnect_needed'],
    ['queued', 'reconnect_needed', 'reconnect_needed'],
    ['failed', 'reconnect_needed', 'reconnect_needed'],
    ['held', 'reconnect_needed', 'held'],
    ['unconfirmed', 'reconnect_needed', 'unconfirmed'],
    ['scheduled', 'connected', null],
    ['scheduled', 'untested', null],
    ['queued', null, null],
    ['publishing', 'reconnect_needed', null],
    ['published', 'reconnect_needed', null],
    ['pending', 'reconnect_needed', null],
    ['pending', null, null],
  ];

  it.each(cases)('%s with connection %s: %s', (state, connection, expected) => {
    expect(attentionReason(state, connection)).toBe(expected);
  });

  const afterExpiry: Array<[TargetState, ConnectionStatus | null, string | null]> = [
    ['scheduled', 'connected', 'at_risk'],
    ['queued', 'untested', 'at_risk'],
    ['pending', 'connected', 'at_risk'],
    ['scheduled', 'reconnect_needed', 'reconnect_needed'],
    ['failed', 'connected', 'failed'],
    ['held', 'connected', 'held'],
    ['published', 'connected', null],
    ['publishing', 'connected', null],
  ];
  it.each(afterExpiry)('%s with connection %s, planned after the connection expires: %s', (state, connection, expected) => {
    expect(attentionReason(state, connection, true)).toBe(expected);
  });
});

describe('attentionDenial', () => {
  const cases: Array<[AttentionAction, TargetState, PostState, boolean, AttentionDenial | null]> = [
    ['retry', 'failed', 'approved', false, null],
    ['retry', 'unconfirmed', 'approved', false, null],
    ['retry', 'held', 'approved', false, null],
    ['retry', 'failed', 'approved', true, 'publishing_paused'],
    ['retry', 'failed', 'in_review', false, 'not_approved'],
    ['retry', 'failed', 'in_review', true, 'not_approved'],
    ['retry', 'expired', 'draft', false, 'target_state'],
    ['retry', 'expired', 'approved', false, 'target_state'],
    ['retry', 'scheduled', 'approved', false, 'target_state'],
    ['retry', 'published', 'approved', false, 'target_state'],
    ['retry', 'publishing', 'approved', false, 'target_state'],
    ['publish_now', 'held', 'approved', false, null],
    ['publish_now', 'held', 'approved', true, 'publishing_paused'],
    ['publish_now', 'held', 'cancelled', false, 'not_approved'],
    ['publish_now', 'queued', 'approved', false, 'target_state'],
    ['mark_published', 'failed', 'approved', true, null],
    ['mark_published', 'unconfirmed', 'in_review', false, null],
    ['mark_published', 'held', 'cancelled', true, null],
    ['mark_published', 'published', 'approved', false, 'target_state'],
    ['mark_published', 'expired', 'draft', false, 'target_state'],
    ['mark_published', 'scheduled', 'approved', false, 'target_state'],
    ['reschedule', 'failed', 'approved', true, null],
    ['reschedule', 'unconfirmed', 'approved', false, null],
    ['reschedule', 'held', 'approved', true, null],
    ['reschedule', 'scheduled', 'approved', false, null],
    ['reschedule', 'scheduled', 'changes_requested', false, 'not_approved'],
    ['reschedule', 'queued', 'approved', false, 'target_state'],
    ['reschedule', 'expired', 'draft', false, 'target_state'],
    ['reschedule', 'pending', 'draft', false, 'target_state'],
  ];

  it.each(cases)('%s from %s (post %s, paused %s): %s', (action, state, postState, paused, expected) => {
    expect(attentionDenial(action, { state, postState, paused })).toBe(expected);
  });
});

describe('attentionActions', () => {
  const cases: Array<[TargetState, PostState, boolean, AttentionAction[]]> = [
    ['failed', 'approved', false, ['retry', 'reschedule', 'mark_published']],
    ['failed', 'approved', true, ['reschedule', 'mark_published']],
    ['failed', 'in_review', false, ['mark_published']],
    ['unconfirmed', 'approved', false, ['mark_published', 'retry', 'reschedule']],
    ['unconfirmed', 'approved', true, ['mark_published', 'reschedule']],
    ['held', 'approved', false, ['publish_now', 'reschedule', 'mark_published']],
    ['held', 'approved', true, ['reschedule', 'mark_published']],
    ['held', 'in_review', true, ['mark_published']],
    ['scheduled', 'approved', false, ['reschedule']],
    ['scheduled', 'approved', true, ['reschedule']],
    ['queued', 'approved', false, []],
    ['expired', 'draft', false, []],
    ['expired', 'approved', false, []],
    ['published', 'approved', false, []],
    ['pending', 'draft', false, []],
  ];

  it.each(cases)('%s (post %s, paused %s): %j', (state, postState, paused, expected) => {
    expect(attentionActions({ state, postState, paused })).toEqual(expected);
  });

  it('offers check_again first for an unconfirmed target whose platform can be asked, paused or not approved', () => {
    expect(attentionActions({ state: 'unconfirmed', postState: 'approved', paused: false, canLookUp: true })).toEqual([
      'check_again',
      'mark_published',
      'retry',
      'reschedule',
    ]);
    expect(attentionActions({ state: 'unconfirmed', postState: 'in_review', paused: true, canLookUp: true })).toEqual([
      'check_again',
      'mark_published',
    ]);
    expect(attentionDenial('check_again', { state: 'failed', postState: 'approved', paused: false, canLookUp: true })).toBe('target_state');
    expect(attentionDenial('check_again', { state: 'unconfirmed', postState: 'approved', paused: false })).toBe('lookup_unsupported');
  });

  it('only ever offers actions the API would allow', () => {
    const postStates: PostState[] = ['draft', 'in_review', 'changes_requested', 'approved', 'cancelled'];
    for (const state of TARGET_STATES) {
      for (const postState of postStates) {
        for (const paused of [false, true]) {
          const context = { state, postState, paused };
          for (const action of attentionActions(context)) expect(attentionDenial(action, context)).toBeNull();
          // Every allowed action is offered, under one of its two names.
          const offered = attentionActions(context).map((a) => (a === 'publish_now' ? 'retry' : a));
          for (const action of ATTENTION_ACTIONS) {
            if (attentionDenial(action, context) === null) expect(offered).toContain(action === 'publish_now' ? 'retry' : action);
          }
        }
      }
    }
  });
});
