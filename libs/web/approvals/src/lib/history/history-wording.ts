import type { AuditEventView } from '@kadens/shared/contracts';

import type { TranslatedText } from '../shared/translated-text';

/** Post events the history words in its own way; anything else is shown by its action name. */
const WORDED_ACTIONS = [
  'post.submit',
  'post.approve',
  'post.request_changes',
  'post.edit_content',
  'post.move_time',
  'post.cancel',
  'post.expire',
  'post.rules_overridden',
  'post.commented',
  'post.external_review_requested',
  'post.external_review_opened',
  'post.external_review_decided',
  'post.external_review_revoked',
  'post.external_review_replaced',
  'target.retry',
  'target.publish_now',
  'target.mark_published',
  'target.reschedule',
] as const;
type WordedAction = (typeof WORDED_ACTIONS)[number];

/** What the workflow writes into `before` and `after` of a post event. */
interface WorkflowSnapshot {
  state?: string;
  revision?: number;
  approvals?: number;
  required?: number;
  /** External review events: the outside person, and their decision. */
  name?: string;
  email?: string;
  decision?: string;
}

function snapshot(value: unknown): WorkflowSnapshot {
  return typeof value === 'object' && value !== null ? (value as WorkflowSnapshot) : {};
}

function isWorded(action: string): action is WordedAction {
  return (WORDED_ACTIONS as readonly string[]).includes(action);
}

/** One line of a post's history: who did what, and the reason or comment they gave. */
export interface HistoryLine {
  text: TranslatedText;
  /** A request for changes, a cancellation or an override carries the words of the person. */
  note: string | null;
}

/**
 * Words an audit event for people. The actor is named; events without one (expiry) were the system's.
 * An approval says whether it completed sign-off or how far it got.
 */
export function describeAuditEvent(event: AuditEventView): HistoryLine {
  const actor = event.actorName ?? '';
  const after = snapshot(event.after);
  const revision = after.revision ?? snapshot(event.before).revision ?? '';
  const note = event.reason?.trim() ? event.reason.trim() : commentOf(event);
  if (!isWorded(event.action)) {
    return { text: { key: 'approvals.history.other', params: { actor, action: event.action } }, note };
  }
  const base = `approvals.history.${event.action.slice(event.action.indexOf('.') + 1)}`;
  const outsider = { actor, name: after.name ?? '', email: after.email ?? '', revision };
  switch (event.action) {
    case 'post.external_review_requested':
    case 'post.external_review_revoked':
    case 'post.external_review_replaced':
    case 'post.external_review_opened':
      return { text: { key: base, params: outsider }, note };
    case 'post.external_review_decided':
      return { text: { key: `${base}.${isApproval(after.decision) ? 'approve' : 'request_changes'}`, params: outsider }, note };
    case 'post.approve':
      // Made by the outside person's link: the decision line before it names them.
      if (actor === '') return { text: { key: `${base}.byLink`, params: { revision } }, note };
      if (after.state === 'approved') return { text: { key: `${base}.complete`, params: { actor, revision } }, note };
      return {
        text: { key: `${base}.partial`, params: { actor, revision, count: after.approvals ?? 0, required: after.required ?? 0 } },
        note,
      };
    case 'post.edit_content':
      return { text: { key: after.state === 'in_review' ? `${base}.toReview` : `${base}.draft`, params: { actor, revision } }, note };
    case 'post.expire':
      return { text: { key: base }, note };
    case 'post.commented':
    case 'target.retry':
    case 'target.publish_now':
    case 'target.mark_published':
    case 'target.reschedule':
      return { text: { key: base, params: { actor } }, note };
    default:
      return { text: { key: base, params: { actor, revision } }, note };
  }
}

function isApproval(decision: string | undefined): boolean {
  return decision === 'approve' || decision === 'approved';
}

function commentOf(event: AuditEventView): string | null {
  if (event.action !== 'post.commented') return null;
  const body: unknown = (snapshot(event.after) as { body?: unknown }).body;
  return typeof body === 'string' && body.trim() ? body.trim() : null;
}

/** The keys `describeAuditEvent` can produce, for the translation tests. */
export const HISTORY_KEYS = [
  'other',
  'submit',
  'approve.complete',
  'approve.partial',
  'approve.byLink',
  'request_changes',
  'external_review_requested',
  'external_review_opened',
  'external_review_decided.approve',
  'external_review_decided.request_changes',
  'external_review_revoked',
  'external_review_replaced',
  'edit_content.toReview',
  'edit_content.draft',
  'move_time',
  'cancel',
  'expire',
  'rules_overridden',
  'commented',
  'retry',
  'publish_now',
  'mark_published',
  'reschedule',
].map((key) => `history.${key}`);
