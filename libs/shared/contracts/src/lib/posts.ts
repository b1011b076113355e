import type { MediaView } from './media';
import type { Platform } from './platform';
import type { PostState, TargetState } from './post-state';
import type { RuleOverrideInput, RuleOverrideView } from './promises';

/** The seeded content types carry a key the web translates; an organisation's own types have a name only. */
export const CONTENT_TYPE_KEYS = ['news', 'how_to', 'event', 'campaign', 'press_release', 'question_poll'] as const;
export type ContentTypeKey = (typeof CONTENT_TYPE_KEYS)[number];

/** What every new organisation starts with; the names are the English fallback for the translated keys. */
export const DEFAULT_CONTENT_TYPES: ReadonlyArray<{ key: ContentTypeKey; name: string; invitesDialogue: boolean }> = [
  { key: 'news', name: 'News', invitesDialogue: false },
  { key: 'how_to', name: 'How-to', invitesDialogue: false },
  { key: 'event', name: 'Event', invitesDialogue: false },
  { key: 'campaign', name: 'Campaign', invitesDialogue: false },
  { key: 'press_release', name: 'Press release', invitesDialogue: false },
  { key: 'question_poll', name: 'Question/poll', invitesDialogue: true },
];

export interface ContentTypeView {
  id: string;
  key: ContentTypeKey | null;
  name: string;
  /** Posts of this type invite dialogue (questions, polls), so service hours apply to them. */
  invitesDialogue: boolean;
  archived: boolean;
}

export interface ContentTypeInput {
  name: string;
  invitesDialogue?: boolean;
}

export interface ContentTypeUpdate extends Partial<ContentTypeInput> {
  archived?: boolean;
}

/** One channel a post goes to, with an optional text of its own. */
export interface PostTargetView {
  id: string;
  channelId: string;
  platform: Platform;
  /** null = the post's body is used. */
  textVariant: string | null;
  state: TargetState;
}

export interface PostTargetInput {
  channelId: string;
  textVariant?: string | null;
}

export interface PostView {
  id: string;
  title: string;
  body: string;
  link: string | null;
  mediaUrls: string[];
  /** Media of the organisation's library, in the order the post shows them. */
  mediaIds: string[];
  /** The same media, with their alt texts, sizes and thumbnails. */
  media: MediaView[];
  contentTypeId: string;
  themeId: string;
  audienceIds: string[];
  initiativeId: string | null;
  /** ISO instant; null while the post is an unscheduled idea. */
  plannedAt: string | null;
  invitesDialogue: boolean;
  state: PostState;
  /** Increases with every save that changes content. */
  revision: number;
  authorId: string;
  /** Who saved the current revision: neither they nor the author may approve it. */
  revisionAuthorId: string;
  /** An answer to criticism or a crisis message: needs an admin's approval too. */
  sensitive: boolean;
  targets: PostTargetView[];
  /** Set when an approver or admin let the post break a blocking rule at its current time. */
  ruleOverride: RuleOverrideView | null;
  createdAt: string;
  updatedAt: string;
}

export interface PostInput {
  /** Internal title, never published. */
  title: string;
  body: string;
  link?: string | null;
  mediaUrls?: string[];
  /** Media of the library, in order (POST …/media first). */
  mediaIds?: string[];
  contentTypeId: string;
  themeId: string;
  audienceIds?: string[];
  initiativeId?: string | null;
  plannedAt?: string | null;
  invitesDialogue?: boolean;
  sensitive?: boolean;
  targets: PostTargetInput[];
  /** Publish despite blocking rules (approvers and admins), with a written reason. */
  ruleOverride?: RuleOverrideInput;
}

export type PostUpdate = Partial<PostInput>;

/** Moving a post on the calendar changes only its time. */
export interface PostMove {
  plannedAt: string;
  ruleOverride?: RuleOverrideInput;
}

export interface PostRevisionView {
  revision: number;
  authorId: string;
  createdAt: string;
  content: Pick<
    PostView,
    'title' | 'body' | 'link' | 'mediaUrls' | 'contentTypeId' | 'themeId' | 'audienceIds' | 'initiativeId' | 'invitesDialogue'
  > & {
    sensitive?: boolean;
    /** Absent in revisions saved before the media library. */
    mediaIds?: string[];
    targets: Array<{ channelId: string; textVariant: string | null }>;
  };
}

/** The calendar asks for a range (at most 370 days) and optional filters, each a list of ids or states. */
export interface CalendarQuery {
  from: string;
  to: string;
  themeIds?: string[];
  audienceIds?: string[];
  channelIds?: string[];
  initiativeIds?: string[];
  states?: PostState[];
}

export const CALENDAR_MAX_DAYS = 370;

/**
 * What the calendar draws for one post: enough to place, colour and label it, and no more — a busy month
 * is thousands of entries. A target is known by its channel within the post (a post has at most one per
 * channel); the post itself (`GET …/posts/{id}`) gives its target ids, content type, initiative,
 * audiences and dialogue flag.
 */
export interface CalendarEntry {
  id: string;
  title: string;
  plannedAt: string;
  state: PostState;
  themeId: string;
  targets: CalendarEntryTarget[];
}

/** One channel of a calendar entry, in the order of the channels' names. */
export interface CalendarEntryTarget {
  channelId: string;
  platform: Platform;
  state: TargetState;
}
