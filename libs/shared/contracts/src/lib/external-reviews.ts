import type { Locale } from './locale';
import type { MediaKind } from './media';
import type { Platform } from './platform';

/** Days an external review link works unless EXTERNAL_REVIEW_VALID_DAYS says otherwise. */
export const EXTERNAL_REVIEW_DEFAULT_VALID_DAYS = 7;

/**
 * Where an external review stands: `sent` (mailed), `opened` (the link was shown), `approved` or
 * `changes_requested` (decided; the link is used up), `expired`, `revoked` (by a person, or replaced
 * by a newer request for the same post), `stale` (the post was edited after the person was asked).
 */
export const EXTERNAL_REVIEW_STATUSES = ['sent', 'opened', 'approved', 'changes_requested', 'expired', 'revoked', 'stale'] as const;
export type ExternalReviewStatus = (typeof EXTERNAL_REVIEW_STATUSES)[number];

export const EXTERNAL_REVIEW_DECISIONS = ['approve', 'request_changes'] as const;
export type ExternalReviewDecision = (typeof EXTERNAL_REVIEW_DECISIONS)[number];

/**
 * Why a link cannot be used, as the `code` of the error: 410 for expired, revoked (or replaced) and
 * used links, 409 when the post changed after the person was asked or is no longer in review.
 */
export const EXTERNAL_REVIEW_LINK_CODES = [
  'external_review_expired',
  'external_review_revoked',
  'external_review_used',
  'external_review_stale',
  'external_review_not_in_review',
] as const;
export type ExternalReviewLinkCode = (typeof EXTERNAL_REVIEW_LINK_CODES)[number];

export interface ExternalReviewRequest {
  name: string;
  email: string;
}

/** One request, as the review screen lists it. */
export interface ExternalReviewView {
  id: string;
  name: string;
  email: string;
  status: ExternalReviewStatus;
  /** The revision the person was asked to review. */
  revision: number;
  requestedByName: string | null;
  createdAt: string;
  expiresAt: string;
  openedAt: string | null;
  decidedAt: string | null;
  comment: string;
}

export interface ExternalReviewDecisionRequest {
  decision: ExternalReviewDecision;
  /** Required for `request_changes`. */
  comment?: string;
}

/** What the outside person sees at `/external-review/{token}`: the post, read-only. */
export interface ExternalReviewPageView {
  organization: { name: string; locale: Locale; timeZone: string };
  reviewerName: string;
  expiresAt: string;
  post: {
    title: string;
    /** ISO instant; shown in `organization.timeZone`. */
    plannedAt: string | null;
    theme: { name: string; color: string };
    /** The text each channel will publish (its variant, or the post's text). */
    channels: Array<{ platform: Platform; name: string; text: string }>;
    link: string | null;
    /**
     * The post's media: kind, name, alt text, and for images a signed thumbnail address that works without a
     * session until the link expires (null for video, which has no thumbnail).
     */
    media: Array<{ kind: MediaKind; fileName: string; altText: string; thumbnailUrl: string | null }>;
  };
  checklist: Array<{ text: string; required: boolean }>;
}

/** The answer to a decision: what was recorded. */
export interface ExternalReviewDecisionView {
  status: Extract<ExternalReviewStatus, 'approved' | 'changes_requested'>;
  decidedAt: string;
}
