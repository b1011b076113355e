/**
 * The two promises a channel makes to its audience — a regular cadence and published service hours —
 * and the violations the rules report when a plan breaks them. Wall-clock values are read in the
 * organisation's IANA zone; instants are ISO 8601 strings with an explicit offset (normally `Z`).
 */

export interface CadencePolicy {
  /** Most posts on one local calendar day; null = no limit. Blocking. */
  maxPostsPerDay: number | null;
  /** Least minutes between two posts of the channel; null = no limit. Blocking. */
  minMinutesBetweenPosts: number | null;
  /** Fewest posts in one local ISO week (Monday–Sunday); null = no minimum. Warning. */
  minPostsPerWeek: number | null;
  /** Most whole local days in a row without a post; null = no limit. Warning. */
  maxDaysOfSilence: number | null;
  /** Local slots the channel prefers, e.g. "Tu,Th 09:30" or "Mo-Fr 08:00,14:30". */
  preferredSlots: string[];
  /** The sentence shown to the public, e.g. "We post 3–5 times a week". */
  publicDescription: string;
}

export interface ClosedPeriod {
  /** First closed local date, YYYY-MM-DD. */
  start: string;
  /** Last closed local date (inclusive), YYYY-MM-DD. */
  end: string;
  reason?: string;
}

export interface ServiceHours {
  /** OpenStreetMap opening_hours syntax, e.g. "Mo-Fr 09:00-12:00; PH off". */
  openingHours: string;
  /** The response promise: we answer within this many staffed minutes. */
  responseWindowMinutes: number;
  /** Extra whole-day closures on top of the opening hours, e.g. the summer weeks. */
  closedPeriods: ClosedPeriod[];
}

export const RULE_IDS = [
  'cadence.max_per_day',
  'cadence.min_gap',
  'cadence.min_per_week',
  'cadence.max_silence',
  'service_hours.outside',
  'service_hours.response_window',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type ViolationSeverity = 'block' | 'warn';

/**
 * A broken rule, as data: the web words it in the user's language from `rule` and `params`.
 * `postId` is null for rules about a stretch of time (a thin week, a silence) rather than a post.
 */
export interface Violation {
  rule: RuleId;
  severity: ViolationSeverity;
  channelId: string;
  postId: string | null;
  /** ISO instant the violation is anchored at (the post's time, or the start of the week/gap). */
  at: string;
  params: Record<string, string | number>;
}

/** One post as the rules see it. */
export interface PlanItem {
  postId: string;
  channelId: string;
  /** ISO instant with offset. */
  at: string;
  /** A question, poll or call for comments: someone must be there to answer. */
  invitesDialogue: boolean;
}

/** A channel's two promises; either may be absent (null) when the channel documents none. */
export interface ChannelPromises {
  cadence: CadencePolicy | null;
  serviceHours: ServiceHours | null;
}

export interface ChannelPromisesView extends ChannelPromises {
  channelId: string;
}

/** Sent with a create, update or move to publish despite blocking rules: approvers and admins only. */
export interface RuleOverrideInput {
  reason: string;
}

/** A stored override: who overrode which blocking rules, when and why. */
export interface RuleOverrideView {
  reason: string;
  byUserId: string;
  at: string;
  violations: Violation[];
}

/** The body of a 422 when a change breaks blocking rules. */
export interface RuleViolationsError {
  statusCode: 422;
  error: string;
  message: string;
  code: 'rule_violations';
  violations: Violation[];
}

export interface NextFreeSlotView {
  /** ISO instant, or null when nothing is free within the search horizon. */
  at: string | null;
  /** The slot is one of the channel's preferred slots. */
  preferred: boolean;
}

/** What a save of these planned values would be told, asked before saving (`POST …/calendar/check`). */
export interface PlanCheckInput {
  plannedAt: string;
  channelIds: string[];
  /** The post's own dialogue flag; a content type that invites dialogue turns it on as well. */
  invitesDialogue: boolean;
  /** Absent: the edited post's own, or none for a new post. */
  contentTypeId?: string;
  /** The post being edited: its saved position does not count against it, its stored override does count. */
  postId?: string;
}

/** The blocking violations the save would refuse with (empty: the save would pass the promise checks). */
export interface PlanCheckView {
  violations: Violation[];
}

/** A stretch of time when a channel is staffed (for shading the week view and the iCal feed). */
export interface StaffedPeriod {
  channelId: string;
  start: string;
  end: string;
}
