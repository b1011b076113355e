/**
 * The dates below are the days Pacific/Auckland changes its clocks. Under TZ=Pacific/Auckland (the
 * second required test run) a process-local Date cannot spell the skipped hour at all, so these cases
 * fail unless opening_hours is evaluated in the wall clock (opening-hours-engine); under TZ=UTC they
 * must give the very same answers.
 */
import { ServiceCalendar } from './service-calendar';

const staffed = (openingHours: string, zone: string, from: string, to: string) =>
  new ServiceCalendar({ openingHours, responseWindowMinutes: 0, closedPeriods: [] }, { timeZone: zone, country: 'NO' }).staffedIntervals(
    from,
    to,
  );

describe('independence from the process zone', () => {
  it.each([
    [
      'Oslo, Auckland spring-forward day, boundary inside the skipped hour',
      'Su 02:30-05:00',
      'Europe/Oslo',
      '2026-09-26T12:00:00Z',
      [['2026-09-27T00:30:00.000Z', '2026-09-27T03:00:00.000Z']],
    ],
    [
      'Oslo, Auckland spring-forward day, range across the skipped hour',
      'Su 01:00-05:00',
      'Europe/Oslo',
      '2026-09-26T12:00:00Z',
      [['2026-09-26T23:00:00.000Z', '2026-09-27T03:00:00.000Z']],
    ],
    [
      'Oslo, Auckland spring-forward day 2027, range inside the skipped hour',
      'Su 02:10-02:50',
      'Europe/Oslo',
      '2027-09-25T12:00:00Z',
      [['2027-09-26T00:10:00.000Z', '2027-09-26T00:50:00.000Z']],
    ],
    [
      'Oslo, Auckland fall-back day, range inside the repeated hour',
      'Su 02:30-02:45',
      'Europe/Oslo',
      '2026-04-04T12:00:00Z',
      [['2026-04-05T00:30:00.000Z', '2026-04-05T00:45:00.000Z']],
    ],
    [
      'Oslo, Auckland fall-back day, range across the repeated hour',
      'Su 01:00-05:00',
      'Europe/Oslo',
      '2026-04-04T12:00:00Z',
      [['2026-04-04T23:00:00.000Z', '2026-04-05T03:00:00.000Z']],
    ],
    [
      'Auckland itself, its spring-forward day: staffed from 03:00 NZDT',
      'Su 02:30-05:00',
      'Pacific/Auckland',
      '2026-09-26T00:00:00Z',
      [['2026-09-26T14:00:00.000Z', '2026-09-26T16:00:00.000Z']],
    ],
    [
      'Auckland itself, its fall-back day: 4 real hours',
      'Su 01:00-04:00',
      'Pacific/Auckland',
      '2026-04-04T00:00:00Z',
      [['2026-04-04T12:00:00.000Z', '2026-04-04T16:00:00.000Z']],
    ],
  ])('%s', (_label, value, zone, from, expected) => {
    const to = new Date(Date.parse(from) + 86_400_000).toISOString();
    expect(staffed(value, zone, from, to).map((interval) => [interval.start, interval.end])).toEqual(expected);
  });
});
