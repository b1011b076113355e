import type { ChannelView, StaffedPeriod, Violation } from '@kadens/shared/contracts';

import { BAND_COLORS, staffedPeriodEvents, untitledWarningBandEvents, warningBandEvents, weekNotices } from './calendar-bands';

const CHANNELS = [
  { id: 'c-fb', name: 'Facebook' },
  { id: 'c-ig', name: 'Instagram' },
] as ChannelView[];

/** Shows which text and values a title was built from. */
const translate = (key: string, params: Record<string, unknown>) =>
  `${key.replace('planning.calendar.bands.', '')}(${Object.values(params).join('|')})`;

function warning(rule: Violation['rule'], channelId: string, params: Violation['params']): Violation {
  return { rule, severity: 'warn', channelId, postId: null, at: '', params };
}

describe('the calendar’s bands', () => {
  it('shades a thin week from Monday through Sunday, one band for the channels that share it', () => {
    const week = { week: '2026-W49', weekStart: '2026-11-30', weekEnd: '2026-12-06' };
    const events = warningBandEvents(
      [
        warning('cadence.min_per_week', 'c-ig', { ...week, count: 0, min: 2 }),
        warning('cadence.min_per_week', 'c-fb', { ...week, count: 1, min: 3 }),
      ],
      CHANNELS,
      translate,
    );
    expect(events).toEqual([
      {
        id: 'band:thinWeek:2026-11-30:2026-12-07',
        title:
          'thinWeek(thinWeekChannel(Facebook|2026-W49|2026-11-30|2026-12-06|1|3), thinWeekChannel(Instagram|2026-W49|2026-11-30|2026-12-06|0|2))',
        start: '2026-11-30',
        end: '2026-12-07',
        allDay: true,
        display: 'background',
        color: BAND_COLORS.thinWeek,
        className: 'kd-band kd-band--thinWeek',
        extendedProps: { band: 'thinWeek', channelIds: ['c-fb', 'c-ig'] },
      },
    ]);
  });

  it('shades a silence over its days without a post, each stretch on its own', () => {
    const events = warningBandEvents(
      [
        warning('cadence.max_silence', 'c-fb', { from: '2026-12-07', to: '2026-12-13', days: 7, maxDays: 4 }),
        warning('cadence.max_silence', 'c-ig', { from: '2026-12-08', to: '2026-12-13', days: 6, maxDays: 3 }),
      ],
      CHANNELS,
      translate,
    );
    expect(events.map(({ start, end, title, display, color }) => ({ start, end, title, display, color }))).toEqual([
      { start: '2026-12-07', end: '2026-12-14', title: 'silence(7|Facebook)', display: 'background', color: BAND_COLORS.silence },
      { start: '2026-12-08', end: '2026-12-14', title: 'silence(6|Instagram)', display: 'background', color: BAND_COLORS.silence },
    ]);
  });

  it('leaves blocking rules to the posts themselves, and skips what it cannot place', () => {
    const blocking: Violation = { ...warning('cadence.max_per_day', 'c-fb', { date: '2026-12-02', count: 3, max: 2 }), severity: 'block' };
    const broken = warning('cadence.max_silence', 'c-fb', { from: 'someday', to: '2026-12-13' });
    expect(warningBandEvents([blocking, broken], CHANNELS, translate)).toEqual([]);
  });

  it('shades staffed hours as timed bands, one for the channels staffed at the same times', () => {
    const periods: StaffedPeriod[] = [
      { channelId: 'c-ig', start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T11:00:00.000Z' },
      { channelId: 'c-fb', start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T11:00:00.000Z' },
      { channelId: 'c-fb', start: '2026-12-02T08:00:00.000Z', end: '2026-12-02T11:00:00.000Z' },
    ];
    expect(staffedPeriodEvents(periods, CHANNELS, translate)).toEqual([
      {
        id: 'band:staffed:2026-12-01T08:00:00.000Z:2026-12-01T11:00:00.000Z',
        title: 'staffed(Facebook, Instagram)',
        start: '2026-12-01T08:00:00.000Z',
        end: '2026-12-01T11:00:00.000Z',
        allDay: false,
        display: 'background',
        color: BAND_COLORS.staffed,
        className: 'kd-band kd-band--staffed',
        extendedProps: { band: 'staffed', channelIds: ['c-fb', 'c-ig'] },
      },
      expect.objectContaining({ start: '2026-12-02T08:00:00.000Z', title: 'staffed(Facebook)' }),
    ]);
  });

  it('gives overlapping staffed bands one label, on the first, naming each group with its hours', () => {
    const periods: StaffedPeriod[] = [
      { channelId: 'c-ig', start: '2026-12-01T07:00:00.000Z', end: '2026-12-01T11:00:00.000Z' },
      { channelId: 'c-fb', start: '2026-12-01T07:00:00.000Z', end: '2026-12-01T15:00:00.000Z' },
      { channelId: 'c-ig', start: '2026-12-02T07:00:00.000Z', end: '2026-12-02T11:00:00.000Z' },
    ];
    const clock = (instant: string) => instant.slice(11, 16);
    const rows = staffedPeriodEvents(periods, CHANNELS, translate, clock).map((event) => [event.start, event.end, event.title]);
    expect(rows).toEqual([
      [
        '2026-12-01T07:00:00.000Z',
        '2026-12-01T15:00:00.000Z',
        'staffed(staffedHours(Facebook|07:00|15:00); staffedHours(Instagram|07:00|11:00))',
      ],
      ['2026-12-01T07:00:00.000Z', '2026-12-01T11:00:00.000Z', ''],
      ['2026-12-02T07:00:00.000Z', '2026-12-02T11:00:00.000Z', 'staffed(Instagram)'],
    ]);
  });

  describe('in the week view', () => {
    const week = { week: '2026-W49', weekStart: '2026-11-30', weekEnd: '2026-12-06' };
    const violations = [
      warning('cadence.min_per_week', 'c-fb', { ...week, count: 1, min: 3 }),
      warning('cadence.min_per_week', 'c-ig', { ...week, count: 0, min: 2 }),
      warning('cadence.max_silence', 'c-fb', { from: '2026-11-20', to: '2026-11-29', days: 10, maxDays: 4 }),
    ];

    it('says each warning of the shown week once, however many days it covers', () => {
      expect(weekNotices(violations, CHANNELS, translate, '2026-11-30', '2026-12-07')).toEqual([
        {
          id: 'notice:thinWeek:2026-11-30:2026-12-07',
          band: 'thinWeek',
          text: 'thinWeek(thinWeekChannel(Facebook|2026-W49|2026-11-30|2026-12-06|1|3), thinWeekChannel(Instagram|2026-W49|2026-11-30|2026-12-06|0|2))',
        },
      ]);
      expect(weekNotices(violations, CHANNELS, translate, '2026-11-23', '2026-11-30').map((notice) => notice.band)).toEqual(['silence']);
    });

    it('keeps the shading but leaves its text out of the day columns', () => {
      const events = untitledWarningBandEvents(violations, CHANNELS, translate);
      expect(events.map((event) => [event.className, event.title])).toEqual([
        ['kd-band kd-band--thinWeek', ''],
        ['kd-band kd-band--silence', ''],
      ]);
    });
  });
});
