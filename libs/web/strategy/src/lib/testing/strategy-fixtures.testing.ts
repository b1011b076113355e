import type {
  AudienceView,
  ChannelPromisesView,
  ChannelView,
  InitiativeView,
  MemberView,
  OrganizationView,
  StrategyWorkload,
  ThemeView,
} from '@kadens/shared/contracts';

/** A small kindergarten's strategy, as the API would serve it. */
export interface StrategyData {
  themes: ThemeView[];
  audiences: AudienceView[];
  channels: ChannelView[];
  initiatives: InitiativeView[];
  workload: StrategyWorkload;
  members: MemberView[];
}

const CREATED = '2026-01-01T00:00:00.000Z';

export const MEMBERS: MemberView[] = [
  { userId: 'u1', email: 'me@kadens.demo', name: 'Ada Admin', role: 'admin', joinedAt: CREATED },
  { userId: 'u2', email: 'erik@kadens.demo', name: 'Erik Editor', role: 'editor', joinedAt: CREATED },
];

export const THEMES: ThemeView[] = [
  { id: 't1', name: 'Everyday life', color: '#43a047', description: 'What the children do all day', archived: false, createdAt: CREATED },
  { id: 't2', name: 'Summer party 2025', color: '#ef6c00', description: '', archived: true, createdAt: CREATED },
];

export const CHANNELS: ChannelView[] = [
  {
    id: 'c1',
    platform: 'facebook',
    name: 'Sunflower on Facebook',
    handle: '@sunflower',
    responsibleUserId: 'u2',
    publicDescription: '',
    status: 'active',
    createdAt: CREATED,
  },
  {
    id: 'c2',
    platform: 'instagram',
    name: 'Sunflower on Instagram',
    handle: '@sunflower.kg',
    responsibleUserId: null,
    publicDescription: '',
    status: 'paused',
    createdAt: CREATED,
  },
];

const AUDIENCES: AudienceView[] = [
  {
    id: 'a1',
    name: 'Parents',
    description: 'Parents of the children we look after',
    communicationGoal: 'They know what their children did today',
    effectGoal: 'They come to the parent evenings',
    effectTarget: { metric: 'parents at the parent evening', value: 40, period: 'quarter' },
    channelIds: ['c1', 'c2'],
    archived: false,
    createdAt: CREATED,
  },
  {
    id: 'a2',
    name: 'Future staff',
    description: '',
    communicationGoal: '',
    effectGoal: '',
    effectTarget: null,
    channelIds: [],
    archived: false,
    createdAt: CREATED,
  },
];

export const INITIATIVES: InitiativeView[] = [
  {
    id: 'i1',
    channelIds: ['c1', 'c2'],
    what: 'a weekly post about what the children did',
    outcome: 'parents who know what happens',
    audienceIds: ['a1', 'a2'],
    hoursPerWeek: 4.5,
    core: true,
    status: 'active',
    createdAt: CREATED,
  },
];

export const WORKLOAD: StrategyWorkload = {
  capacityHoursPerWeek: 10,
  activeHoursPerWeek: 4.5,
  coreHoursPerWeek: 4.5,
  ideaHoursPerWeek: 0,
  overCapacity: false,
};

export function strategyData(overrides: Partial<StrategyData> = {}): StrategyData {
  return {
    themes: THEMES,
    audiences: AUDIENCES,
    channels: CHANNELS,
    initiatives: INITIATIVES,
    workload: WORKLOAD,
    members: MEMBERS,
    ...overrides,
  };
}

export const EMPTY_STRATEGY: StrategyData = {
  themes: [],
  audiences: [],
  channels: [],
  initiatives: [],
  workload: { capacityHoursPerWeek: null, activeHoursPerWeek: 0, coreHoursPerWeek: 0, ideaHoursPerWeek: 0, overCapacity: false },
  members: MEMBERS,
};

export const ORGANIZATION: OrganizationView = {
  id: 'o1',
  name: 'Sunflower',
  slug: 'sunflower',
  timeZone: 'Europe/Oslo',
  country: 'NO',
  defaultLocale: 'en',
  capacityHoursPerWeek: 10,
  createdAt: CREATED,
};

/** Facebook promises a cadence and weekday service hours; Instagram promises nothing yet. */
export const PROMISES: ChannelPromisesView[] = [
  {
    channelId: 'c1',
    cadence: {
      maxPostsPerDay: 2,
      minMinutesBetweenPosts: null,
      minPostsPerWeek: 3,
      maxDaysOfSilence: 4,
      preferredSlots: ['Tu,Th 09:30'],
      publicDescription: 'We post 3–5 times a week',
    },
    serviceHours: { openingHours: 'Mo-Fr 09:00-12:00; PH off', responseWindowMinutes: 120, closedPeriods: [] },
  },
  { channelId: 'c2', cadence: null, serviceHours: null },
];

/** Monday 11 May 2026, 08:00 in Oslo: the coming week holds Ascension Day (Thursday) and 17 May (Sunday). */
export const MONDAY_MORNING = Date.parse('2026-05-11T06:00:00Z');
