import type { ParamMap, Params } from '@angular/router';
import { POST_STATES, type PostState } from '@kadens/shared/contracts';
import { isCivilDate } from '@kadens/shared/rules';

/**
 * The calendar keeps what it shows in the URL, so a view can be shared and the back button steps
 * through it: `?view=week&date=2026-05-12&theme=<id>,<id>&state=draft`. Lists are comma-separated;
 * anything the page does not recognise is ignored rather than sent to the API.
 */
export const CALENDAR_VIEWS = ['month', 'week', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];
export const DEFAULT_CALENDAR_VIEW: CalendarView = 'month';

export interface CalendarFilters {
  themeIds: string[];
  audienceIds: string[];
  channelIds: string[];
  initiativeIds: string[];
  states: PostState[];
}

interface CalendarUrlState {
  view: CalendarView;
  /** A local date in the organisation's zone (YYYY-MM-DD); null for today. */
  date: string | null;
  filters: CalendarFilters;
}

const CALENDAR_FILTER_PARAMS: Readonly<Record<keyof CalendarFilters, string>> = {
  themeIds: 'theme',
  audienceIds: 'audience',
  channelIds: 'channel',
  initiativeIds: 'initiative',
  states: 'state',
};
export const CALENDAR_VIEW_PARAM = 'view';
export const CALENDAR_DATE_PARAM = 'date';

const FILTER_NAMES = Object.keys(CALENDAR_FILTER_PARAMS) as Array<keyof CalendarFilters>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NO_CALENDAR_FILTERS: CalendarFilters = { themeIds: [], audienceIds: [], channelIds: [], initiativeIds: [], states: [] };

/** Reads the URL; a URL that names no view gets `defaultView` (the list on a phone, the month elsewhere). */
export function readCalendarUrlState(params: ParamMap, defaultView: CalendarView = DEFAULT_CALENDAR_VIEW): CalendarUrlState {
  const view = params.get(CALENDAR_VIEW_PARAM);
  const date = params.get(CALENDAR_DATE_PARAM);
  const list = (name: keyof CalendarFilters) => {
    const values = params.getAll(CALENDAR_FILTER_PARAMS[name]).flatMap((value) => value.split(','));
    return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
  };
  return {
    view: (CALENDAR_VIEWS as readonly string[]).includes(view ?? '') ? (view as CalendarView) : defaultView,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) && isCivilDate(date) ? date : null,
    filters: {
      themeIds: list('themeIds').filter((id) => UUID.test(id)),
      audienceIds: list('audienceIds').filter((id) => UUID.test(id)),
      channelIds: list('channelIds').filter((id) => UUID.test(id)),
      initiativeIds: list('initiativeIds').filter((id) => UUID.test(id)),
      states: list('states').filter((state): state is PostState => (POST_STATES as readonly string[]).includes(state)),
    },
  };
}

/** Query params for the filters, to merge into the URL: an empty list removes its parameter. */
export function calendarFilterParams(filters: CalendarFilters): Params {
  return Object.fromEntries(
    FILTER_NAMES.map((name) => [CALENDAR_FILTER_PARAMS[name], filters[name].length > 0 ? filters[name].join(',') : null]),
  );
}

export function sameCalendarFilters(a: CalendarFilters, b: CalendarFilters): boolean {
  return FILTER_NAMES.every((name) => a[name].length === b[name].length && a[name].every((value, index) => value === b[name][index]));
}

export function hasCalendarFilters(filters: CalendarFilters): boolean {
  return FILTER_NAMES.some((name) => filters[name].length > 0);
}

/** How many values the filters choose, for the phone's "Filters (n)" button. */
export function calendarFilterCount(filters: CalendarFilters): number {
  return FILTER_NAMES.reduce((count, name) => count + filters[name].length, 0);
}
