import type { CalendarEntry } from '@kadens/shared/contracts';
import type { PlanningCatalog } from '@kadens/web/data-access';

import { calendarEventInputs, readableTextColor } from './calendar-events';

const CATALOG: PlanningCatalog = {
  organizationId: 'o1',
  timeZone: 'Europe/Oslo',
  themes: [{ id: 't1', name: 'Skole', color: '#ffd54f', description: '', archived: false, createdAt: '' }],
  audiences: [],
  channels: [],
  initiatives: [],
  contentTypes: [],
};

function entry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    id: 'p1',
    title: 'Sommeravslutning',
    plannedAt: '2026-06-18T08:00:00.000Z',
    state: 'draft',
    themeId: 't1',
    targets: [{ channelId: 'c1', platform: 'x', state: 'pending' }],
    ...overrides,
  };
}

describe('calendarEventInputs', () => {
  it('shows one visible state: a published or held post no longer says approved', () => {
    const targets = (...states: CalendarEntry['targets'][number]['state'][]) =>
      states.map((state, index) => ({ channelId: `c${index}`, platform: 'x' as const, state }));
    const shown = (overrides: Partial<CalendarEntry>) => calendarEventInputs([entry(overrides)], CATALOG, true)[0]?.extendedProps;
    expect(shown({ state: 'approved', targets: targets('scheduled') })).toMatchObject({
      state: 'approved',
      targets: [{ state: 'approved' }],
    });
    expect(shown({ state: 'approved', targets: targets('published', 'published') })).toMatchObject({ state: 'published' });
    expect(shown({ state: 'approved', targets: targets('published', 'held') })).toMatchObject({
      state: 'held',
      targets: [{ state: 'published' }, { state: 'held' }],
    });
  });

  it('draws a post at its instant in its theme’s colour, with readable text', () => {
    const [event] = calendarEventInputs([entry()], CATALOG, true);
    expect(event).toMatchObject({
      id: 'p1',
      title: 'Sommeravslutning',
      start: '2026-06-18T08:00:00.000Z',
      allDay: false,
      color: '#ffd54f',
      contrastColor: '#000000',
      editable: true,
    });
    expect(event?.extendedProps).toEqual({ entry: entry(), state: 'draft', targets: [{ channelId: 'c1', platform: 'x', state: 'draft' }] });
  });

  it('lets nobody drag what they may not edit, what is cancelled or what is being published', () => {
    expect(calendarEventInputs([entry()], CATALOG, false)[0]?.editable).toBe(false);
    expect(calendarEventInputs([entry({ state: 'cancelled' })], CATALOG, true)[0]?.editable).toBe(false);
    const published = entry({ targets: [{ channelId: 'c1', platform: 'x', state: 'published' }] });
    expect(calendarEventInputs([published], CATALOG, true)[0]?.editable).toBe(false);
  });

  it('picks white on dark colours and black on light ones', () => {
    expect(readableTextColor('#1f5f8b')).toBe('#ffffff');
    expect(readableTextColor('#ffffff')).toBe('#000000');
    expect(readableTextColor('nonsense')).toBe('#ffffff');
  });
});
