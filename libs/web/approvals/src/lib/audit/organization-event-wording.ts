import type { AuditEventView } from '@kadens/shared/contracts';

import { describeAuditEvent, type HistoryLine } from '../history/history-wording';
import type { TranslatedText } from '../shared/translated-text';

type Fields = Record<string, unknown>;

function fields(value: unknown): Fields {
  return typeof value === 'object' && value !== null ? (value as Fields) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A role inside a sentence, in the reader's language (the app-wide `roles.*`). */
function role(value: unknown): TranslatedText {
  return typeof value === 'string' ? { key: `roles.${value}` } : { key: 'approvals.audit.unknownRole' };
}

/** Looks up a member's name by user id; null for someone no longer a member. */
type MemberNames = (userId: string | null) => string | null;

/**
 * Words an event of the organisation's audit log: settings, members, the approval policy and the
 * checklist here, and every post event as a post's history words it.
 */
export function describeOrganizationEvent(event: AuditEventView, memberName: MemberNames): HistoryLine {
  const actor = event.actorName ?? '';
  const before = fields(event.before);
  const after = fields(event.after);
  const line = (key: string, params: TranslatedText['params'] = {}): HistoryLine => ({
    text: { key: `approvals.audit.${key}`, params: { actor, ...params } },
    note: event.reason?.trim() ? event.reason.trim() : null,
  });
  const subjectName = () => memberName(event.subjectId) ?? { key: 'approvals.audit.formerMember' };
  switch (event.action) {
    case 'member.added':
      return line('member_added', { name: text(after['name']) || subjectName(), role: role(after['role']) });
    case 'member.role_changed':
      return line('member_role_changed', { name: subjectName(), from: role(before['role']), to: role(after['role']) });
    case 'member.removed':
      return line('member_removed', { name: subjectName() });
    case 'organization.settings_changed':
      return line('settings_changed');
    case 'organization.approval_policy_changed':
      return line(after['adminApprovalRequired'] === true ? 'policy_changed_admin' : 'policy_changed', {
        count: typeof after['approvalsRequired'] === 'number' ? after['approvalsRequired'] : '',
      });
    case 'channel.approval_policy_changed':
      return line('channel_policy_changed');
    case 'member.invited':
      return line('member_invited', { email: text(after['email']), role: role(after['role']) });
    case 'invitation.resent':
      return line('invitation_resent', { email: text(after['email']) });
    case 'invitation.revoked':
      return line('invitation_revoked', { email: text(before['email']) });
    case 'invitation.accepted':
      return line('invitation_accepted', { role: role(after['role']) });
    case 'invitation.declined':
      return line('invitation_declined');
    case 'channel.connection_saved':
      return line('connection_saved');
    case 'channel.connection_removed':
      return line('connection_removed');
    case 'channel.connection_tested':
      return line(after['ok'] === true ? 'connection_tested_ok' : 'connection_tested_failed');
    case 'publishing.paused':
      return line(event.subjectType === 'channel' ? 'channel_paused' : 'publishing_paused');
    case 'publishing.resumed':
      return { ...line(event.subjectType === 'channel' ? 'channel_resumed' : 'publishing_resumed'), note: null };
    case 'checklist.item_added':
      return line('checklist_item_added', { item: text(after['text']) });
    case 'checklist.item_changed': {
      const archived = before['archived'] !== after['archived'] ? (after['archived'] === true ? 'archived' : 'restored') : 'changed';
      return line(`checklist_item_${archived}`, { item: text(after['text']) });
    }
    default:
      return describeAuditEvent(event);
  }
}

/** The keys `describeOrganizationEvent` can produce besides the post history's, for the translation tests. */
export const AUDIT_KEYS = [
  'member_added',
  'member_role_changed',
  'member_removed',
  'settings_changed',
  'policy_changed',
  'policy_changed_admin',
  'channel_policy_changed',
  'checklist_item_added',
  'checklist_item_changed',
  'checklist_item_archived',
  'checklist_item_restored',
  'member_invited',
  'invitation_resent',
  'invitation_revoked',
  'invitation_accepted',
  'invitation_declined',
  'connection_saved',
  'connection_removed',
  'connection_tested_ok',
  'connection_tested_failed',
  'publishing_paused',
  'publishing_resumed',
  'channel_paused',
  'channel_resumed',
  'formerMember',
  'unknownRole',
].map((key) => `audit.${key}`);
