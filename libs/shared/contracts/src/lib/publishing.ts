import type { Platform } from './platform';
import type { TargetState } from './post-state';

/*
 * Publishing: how a channel is connected to its platform, what happened to each target's delivery,
 * the crisis switch, and the list of targets that need a person.
 */

/** untested: saved but never proven; connected: the last test or publish worked; reconnect_needed: an auth failure. */
export const CONNECTION_STATUSES = ['untested', 'connected', 'reconnect_needed'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** A channel's connection as the API shows it: never the credentials, only which ones are set. */
export interface ChannelConnectionView {
  channelId: string;
  platform: Platform;
  status: ConnectionStatus;
  accountName: string | null;
  baseUrl: string | null;
  settings: Record<string, string | number | boolean>;
  /** Names of the credentials that are stored (encrypted); their values never leave the server. */
  credentialNames: string[];
  lastError: string | null;
  checkedAt: string | null;
  updatedAt: string;
  /** When the stored access token stops working; null when it does not expire or nobody knows (a pasted token). */
  expiresAt: string | null;
  /** Who connected the channel (signed in with the platform, or saved the credentials); null when they have left. */
  connectedBy: { userId: string; name: string } | null;
  /** When it was connected; null for connections saved before this was recorded. */
  connectedAt: string | null;
}

/** Each credential left out keeps its stored value; settings given replace the stored ones. */
export interface SaveChannelConnectionRequest {
  baseUrl?: string | null;
  settings?: Record<string, string | number | boolean>;
  credentials?: Record<string, string>;
}

export interface ConnectionTestResult {
  ok: boolean;
  accountName: string | null;
  /** What went wrong, in the platform's words where it gave any; null when ok. */
  error: { kind: PublishErrorKind; message: string; status: number | null } | null;
  checkedAt: string;
}

/** The adapter's failure kinds (see libs/api/platforms) as the API and the web name them. */
export const PUBLISH_ERROR_KINDS = ['auth', 'rate_limited', 'invalid_content', 'transient', 'ambiguous'] as const;
export type PublishErrorKind = (typeof PUBLISH_ERROR_KINDS)[number];

/**
 * What one attempt at delivering a target ended with. `refused` is the worker's own check (not
 * approved, stale revision, cancelled, paused); `timed_out` is the reconciler's verdict on an attempt
 * that never reported back; `marked_published` is a person saying "it is there".
 */
export const ATTEMPT_OUTCOMES = ['published', 'refused', ...PUBLISH_ERROR_KINDS, 'timed_out', 'marked_published', 'error'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export interface PublishAttemptView {
  id: string;
  targetId: string;
  revision: number;
  number: number;
  startedAt: string;
  finishedAt: string | null;
  /** null while the attempt is running. */
  outcome: AttemptOutcome | null;
  status: number | null;
  code: string | null;
  message: string | null;
  externalUrl: string | null;
  retryAt: string | null;
  actor: { id: string; name: string } | null;
}

/** A target's delivery as the post page and the live stream show it. */
export interface TargetDelivery {
  targetId: string;
  postId: string;
  channelId: string;
  state: TargetState;
  attempts: number;
  externalUrl: string | null;
  publishedAt: string | null;
  /** The last failure's reason, kept until the target is published. */
  lastError: { kind: AttemptOutcome; message: string } | null;
  /** When the next automatic try is due (a retry after a rate limit or transient failure). */
  notBefore: string | null;
}

export interface PublishingPause {
  pausedAt: string;
  reason: string;
  pausedBy: { id: string; name: string } | null;
}

export interface PublishingStatus {
  organization: PublishingPause | null;
  channels: Array<{ channelId: string; channelName: string; platform: Platform; pause: PublishingPause }>;
  /** Targets held by a pause (or whose time passed while paused). */
  heldCount: number;
  /** Targets in the needs-attention list. */
  attentionCount: number;
  /** Channels whose connection needs reconnecting. */
  reconnectNeeded: Array<{ channelId: string; channelName: string; platform: Platform }>;
}

export interface PauseRequest {
  reason: string;
}

/** Why a target is in the needs-attention list; `at_risk`: planned after its channel's connection expires (nobody can renew it). */
export const ATTENTION_REASONS = ['failed', 'unconfirmed', 'expired', 'held', 'reconnect_needed', 'at_risk'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

export const ATTENTION_ACTIONS = ['check_again', 'retry', 'publish_now', 'mark_published', 'reschedule'] as const;
export type AttentionAction = (typeof ATTENTION_ACTIONS)[number];

export interface AttentionItem {
  reason: AttentionReason;
  targetId: string;
  postId: string;
  postTitle: string;
  channelId: string;
  channelName: string;
  platform: Platform;
  state: TargetState;
  plannedAt: string | null;
  /** The last attempt's message, or the pause reason for held targets. */
  message: string | null;
  attempts: number;
  since: string;
  actions: AttentionAction[];
}

export interface MarkPublishedRequest {
  /** Where the post can be seen, when the person knows. */
  url?: string | null;
  note?: string | null;
}

export interface RescheduleTargetRequest {
  at: string;
}

/**
 * What "check again" found when it asked the platform about an unconfirmed target: `found` (the target
 * is now published), `not_found` (the platform does not have the post: retrying is safe),
 * `repeat_is_safe` (it cannot be asked, but deduplicates, so a retry cannot make a second post) or
 * `unknown` (it could not tell; `reason` says why). Only `found` changes the target.
 */
export const TARGET_CHECK_RESULTS = ['found', 'not_found', 'repeat_is_safe', 'unknown'] as const;
export type TargetCheckResult = (typeof TARGET_CHECK_RESULTS)[number];

export interface TargetCheck {
  result: TargetCheckResult;
  reason: string | null;
  delivery: TargetDelivery;
}

/** Server-sent events on `GET /api/organizations/{id}/publishing/events`. */
export type PublishingEvent =
  | { type: 'target'; delivery: Pick<TargetDelivery, 'targetId' | 'postId' | 'channelId' | 'state'> }
  | { type: 'pause'; status: Pick<PublishingStatus, 'organization' | 'channels'> };
