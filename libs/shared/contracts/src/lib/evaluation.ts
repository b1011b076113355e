import type { Platform } from './platform';
import type { EffectTarget } from './strategy';

/**
 * The evaluation of a month or a quarter (issue 13): did we keep what we promised, did publishing and
 * sign-off work, did the audiences' effect goals move, and did the initiatives get their hours.
 * Days and weeks are the organisation's local ones; a week belongs to the period its Monday lies in.
 */
export const EVALUATION_PERIOD_KINDS = ['month', 'quarter'] as const;
export type EvaluationPeriodKind = (typeof EVALUATION_PERIOD_KINDS)[number];

/** GET …/reports/evaluation?period=2026-11 | 2026-Q4 */
export interface EvaluationQuery {
  period: string;
}

/** What a channel promised against what it did, over local days and weeks. */
export interface PromisesKeptFigures {
  /** Posts published on the channel inside the period. */
  posts: number;
  /** The promised minimum per local ISO week; null when the channel promises none. */
  minPostsPerWeek: number | null;
  /** Whole weeks judged: those starting in the period and already over. */
  weeks: number;
  /** Weeks with at least the minimum; null when there is no minimum. */
  weeksKept: number | null;
  /** weeksKept ÷ weeks (0–1); null when there is no minimum or no week is over yet. */
  weeksKeptShare: number | null;
  /** The longest run of whole local days without a post that touches the period (days before today). */
  longestSilenceDays: number;
  maxDaysOfSilence: number | null;
  /** Days inside the period that lay beyond the promised longest silence; null when none is promised. */
  daysOverMaximum: number | null;
  /** Published posts that invite dialogue (a question, poll or call for comments). */
  dialoguePosts: number;
  /** Of those, published while the channel was staffed; null when the channel publishes no service hours. */
  dialogueInsideStaffedHours: number | null;
}

export interface ChannelPromisesKept extends PromisesKeptFigures {
  channelId: string;
  name: string;
  platform: Platform;
}

export interface PublishingEvaluation {
  /** Targets planned inside the period whose time has come (cancelled posts left out). */
  planned: number;
  published: number;
  failed: number;
  /** Sent, but the platform never confirmed: someone must look. */
  unconfirmed: number;
  /** Not approved in time, so never sent. */
  expired: number;
  /** Published minus planned time, in minutes (nearest rank); null when nothing was published. */
  latenessP50Minutes: number | null;
  latenessP95Minutes: number | null;
}

export interface SignOffEvaluation {
  /** Posts that reached "approved" inside the period. */
  approved: number;
  /** Hours from the submit to that approval (nearest rank); null when nothing was approved. */
  leadTimeP50Hours: number | null;
  leadTimeP95Hours: number | null;
  /** Reviews that asked for changes inside the period. */
  changesRequested: number;
}

export interface EffectGoalPeriod {
  period: string;
  from: string;
  to: string;
  /** The entered value; null when nobody has entered one. */
  value: number | null;
  /** Whether the value reached the target; null without a value. */
  met: boolean | null;
}

export interface AudienceGoalEvaluation {
  audienceId: string;
  name: string;
  effectGoal: string;
  target: EffectTarget | null;
  /** The goal's periods that start inside the evaluated period (a quarterly goal has none in most months). */
  periods: EffectGoalPeriod[];
}

export interface InitiativeEvaluation {
  initiativeId: string;
  what: string;
  status: 'idea' | 'active' | 'dropped';
  hoursPerWeek: number;
  /** hoursPerWeek × the period's weeks (days ÷ 7), for active initiatives; 0 otherwise. */
  plannedHours: number;
  /** Targets published inside the period for posts of this initiative. */
  postsPublished: number;
}

export interface InitiativesEvaluation {
  capacityHoursPerWeek: number | null;
  /** Capacity over the period (days ÷ 7 weeks); null when no capacity is set. */
  capacityHours: number | null;
  /** Planned hours of the active initiatives over the period. */
  plannedHours: number;
  items: InitiativeEvaluation[];
  /** Published targets of posts without an initiative. */
  postsWithoutInitiative: number;
}

export interface Evaluation {
  period: string;
  kind: EvaluationPeriodKind;
  from: string;
  to: string;
  timeZone: string;
  /** The last local day the figures cover (the period's end, or yesterday while it is still running). */
  evaluatedUntil: string;
  promises: ChannelPromisesKept[];
  publishing: PublishingEvaluation;
  signOff: SignOffEvaluation;
  goals: AudienceGoalEvaluation[];
  initiatives: InitiativesEvaluation;
}

/** A person's choice about the monthly evaluation e-mail in one organisation (admins receive it). */
export interface EvaluationDigestPreference {
  monthlyEvaluation: boolean;
}

/** On the public availability page: per channel, the share of the last weeks with the cadence kept. */
export interface PublicPromisesKept {
  /** Whole local weeks counted (the last 12 that are over). */
  weeks: number;
  from: string;
  to: string;
  channels: Array<{ channelId: string; weeksKept: number; weeksKeptShare: number; minPostsPerWeek: number }>;
}
