import type { Locale } from './locale';
import type { MediaView } from './media';
import type { Platform } from './platform';
import type { PostState, TargetState } from './post-state';
import type { RuleOverrideInput, RuleOverrideView } from './promises';

/** The seeded content types carry a key the web translates; an organisation's own types have a name only. */
export const CONTENT_TYPE_KEYS = ['news', 'how_to', 'event', 'campaign', 'press_release', 'question_poll'] as const;
export type ContentTypeKey = (typeof CONTENT_TYPE_KEYS)[number];

/**
 * The seeded content types' names in each language Kadens speaks (the same words as the web's
 * `planning.contentTypes.*`, which a test compares). A new organisation's are named in its default
 * language, so reports, exports and e-mails show them in its words; the web shows a seeded type in the
 * reader's language by its key.
 */
export const DEFAULT_CONTENT_TYPE_NAMES: Readonly<Record<Locale, Readonly<Record<ContentTypeKey, string>>>> = {
  nb: {
    news: 'Nyhet',
    how_to: 'Slik gjør du',
    event: 'Arrangement',
    campaign: 'Kampanje',
    press_release: 'Pressemelding',
    question_poll: 'Spørsmål/avstemning',
  },
  da: {
    news: 'Nyhed',
    how_to: 'Sådan gør du',
    event: 'Arrangement',
    campaign: 'Kampagne',
    press_release: 'Pressemeddelelse',
    question_poll: 'Spørgsmål/afstemning',
  },
  sv: {
    news: 'Nyhet',
    how_to: 'Så gör du',
    event: 'Evenemang',
    campaign: 'Kampanj',
    press_release: 'Pressmeddelande',
    question_poll: 'Fråga/omröstning',
  },
  en: {
    news: 'News',
    how_to: 'How-to',
    event: 'Event',
    campaign: 'Campaign',
    press_release: 'Press release',
    question_poll: 'Question/poll',
  },
};

/** What every new organisation starts with, named in `locale` (English by default). */
export function defaultContentTypes(locale: Locale = 'en'): ReadonlyArray<{ key: ContentTypeKey; name: string; invitesDialogue: boolean }> {
  return CONTENT_TYPE_KEYS.map((key) => ({ key, name: DEFAULT_CONTENT_TYPE_NAMES[locale][key], invitesDialogue: key === 'question_poll' }));
}

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
