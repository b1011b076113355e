import type { Platform } from './platform';

/** A subject the organisation talks about; every post belongs to one. Archived once used, never deleted. */
export interface ThemeView {
  id: string;
  name: string;
  /** #RRGGBB, used on the calendar. */
  color: string;
  description: string;
  archived: boolean;
  createdAt: string;
}

export interface ThemeInput {
  name: string;
  color: string;
  description?: string;
}

export interface ThemeUpdate extends Partial<ThemeInput> {
  archived?: boolean;
}

export const EFFECT_PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type EffectPeriod = (typeof EFFECT_PERIODS)[number];

/** A measurable effect goal: e.g. 200 newsletter sign-ups per quarter. */
export interface EffectTarget {
  metric: string;
  value: number;
  period: EffectPeriod;
}

/** A group the organisation wants to reach, with what it wants them to know and to do. */
export interface AudienceView {
  id: string;
  name: string;
  description: string;
  /** What the audience should know or feel (the communication goal). */
  communicationGoal: string;
  /** What the audience should do (the effect goal), in words. */
  effectGoal: string;
  effectTarget: EffectTarget | null;
  /** The channels where this audience is. */
  channelIds: string[];
  archived: boolean;
  createdAt: string;
}

export interface AudienceInput {
  name: string;
  description?: string;
  communicationGoal?: string;
  effectGoal?: string;
  effectTarget?: EffectTarget | null;
  channelIds?: string[];
}

export interface AudienceUpdate extends Partial<AudienceInput> {
  archived?: boolean;
}

export const CHANNEL_STATUSES = ['active', 'paused'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

/** A platform account the organisation publishes to. */
export interface ChannelView {
  id: string;
  platform: Platform;
  name: string;
  /** The account's handle or address, e.g. @fjordvik or fjordvik.no. */
  handle: string;
  /** The member who answers for this channel; null until someone is named. */
  responsibleUserId: string | null;
  /** Shown on the public availability page. */
  publicDescription: string;
  status: ChannelStatus;
  createdAt: string;
}

export interface ChannelInput {
  platform: Platform;
  name: string;
  handle?: string;
  responsibleUserId?: string | null;
  publicDescription?: string;
  status?: ChannelStatus;
}

export type ChannelUpdate = Partial<Omit<ChannelInput, 'platform'>>;

export const INITIATIVE_STATUSES = ['idea', 'active', 'dropped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** "We will be on {channels} / to do {what} / to achieve {outcome} / for {audiences}". */
export interface InitiativeView {
  id: string;
  channelIds: string[];
  what: string;
  outcome: string;
  audienceIds: string[];
  hoursPerWeek: number;
  core: boolean;
  status: InitiativeStatus;
  createdAt: string;
}

export interface InitiativeInput {
  channelIds: string[];
  what: string;
  outcome: string;
  audienceIds: string[];
  hoursPerWeek: number;
  core?: boolean;
  status?: InitiativeStatus;
}

export type InitiativeUpdate = Partial<InitiativeInput>;

/** What the active initiatives cost against what the people have. */
export interface StrategyWorkload {
  capacityHoursPerWeek: number | null;
  /** Hours per week of active initiatives. */
  activeHoursPerWeek: number;
  /** Of those, the core initiatives. */
  coreHoursPerWeek: number;
  /** Hours per week of ideas not yet started. */
  ideaHoursPerWeek: number;
  overCapacity: boolean;
}
