import { convertToParamMap } from '@angular/router';

import {
  calendarFilterCount,
  calendarFilterParams,
  hasCalendarFilters,
  NO_CALENDAR_FILTERS,
  readCalendarUrlState,
  sameCalendarFilters,
} from './calendar-url-state';

const THEME_A = '0b0c6a43-6f4c-4d8e-9a3f-1b2c3d4e5f60';
const THEME_B = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const CHANNEL = 'f0e1d2c3-b4a5-4678-9abc-def012345678';

describe('calendar URL state', () => {
  it('opens on this month with no filters when the URL says nothing', () => {
    expect(readCalendarUrlState(convertToParamMap({}))).toEqual({ view: 'month', date: null, filters: NO_CALENDAR_FILTERS });
  });

  it('opens on the default it is given (the list, on a phone) only when the URL names no view', () => {
    expect(readCalendarUrlState(convertToParamMap({}), 'list').view).toBe('list');
    expect(readCalendarUrlState(convertToParamMap({ view: 'nonsense' }), 'list').view).toBe('list');
    expect(readCalendarUrlState(convertToParamMap({ view: 'month' }), 'list').view).toBe('month');
  });

  it('counts the chosen filter values, for the phone’s “Filters (n)”', () => {
    expect(calendarFilterCount(NO_CALENDAR_FILTERS)).toBe(0);
    expect(calendarFilterCount({ ...NO_CALENDAR_FILTERS, themeIds: [THEME_A, THEME_B], channelIds: [CHANNEL], states: ['draft'] })).toBe(4);
  });

  it('reads the view, the date and comma-separated or repeated filters', () => {
    const state = readCalendarUrlState(
      convertToParamMap({
        view: 'week',
        date: '2026-05-12',
        theme: `${THEME_A},${THEME_B}`,
        channel: [CHANNEL],
        state: 'draft,approved',
      }),
    );
    expect(state).toEqual({
      view: 'week',
      date: '2026-05-12',
      filters: { themeIds: [THEME_A, THEME_B], audienceIds: [], channelIds: [CHANNEL], initiativeIds: [], states: ['draft', 'approved'] },
    });
  });

  it('ignores what it does not recognise instead of sending it to the API', () => {
    const state = readCalendarUrlState(
      convertToParamMap({ view: 'year', date: '2026-02-30', theme: `not-an-id,${THEME_A},${THEME_A}`, state: 'published,draft' }),
    );
    expect(state.view).toBe('month');
    expect(state.date).toBeNull();
    expect(state.filters.themeIds).toEqual([THEME_A]);
    expect(state.filters.states).toEqual(['draft']);
  });

  it('writes filters back as one comma-separated parameter each, removing the empty ones', () => {
    const params = calendarFilterParams({ ...NO_CALENDAR_FILTERS, themeIds: [THEME_A, THEME_B], states: ['in_review'] });
    expect(params).toEqual({ theme: `${THEME_A},${THEME_B}`, audience: null, channel: null, initiative: null, state: 'in_review' });
  });

  it('round-trips: what it writes, it reads back the same', () => {
    const filters = { themeIds: [THEME_B], audienceIds: [THEME_A], channelIds: [CHANNEL], initiativeIds: [], states: ['draft' as const] };
    const params = Object.fromEntries(Object.entries(calendarFilterParams(filters)).filter(([, value]) => value !== null));
    const read = readCalendarUrlState(convertToParamMap(params)).filters;
    expect(sameCalendarFilters(read, filters)).toBe(true);
    expect(hasCalendarFilters(read)).toBe(true);
    expect(hasCalendarFilters(NO_CALENDAR_FILTERS)).toBe(false);
    expect(sameCalendarFilters(read, { ...filters, themeIds: [THEME_A] })).toBe(false);
  });
});
