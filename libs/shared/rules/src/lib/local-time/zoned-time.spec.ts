import { dayNumber, formatIsoWeek, MS_PER_DAY, MS_PER_MINUTE } from './civil-date';
import { formatInstant, isInstant, parseInstant } from './instant';
import { isValidTimeZone, offsetMsAt } from './zone-offsets';
import { localToInstant, startOfLocalDay, toLocalDateTime, wallRangeToInstants } from './zoned-time';

// The EU switches at 01:00 UTC on the last Sunday of March and October, in all three zones.
const ZONES = ['Europe/Oslo', 'Europe/Copenhagen', 'Europe/Stockholm'] as const;
const SWITCHES = [
  ['2026-03-29', 'spring'],
  ['2026-10-25', 'autumn'],
  ['2027-03-28', 'spring'],
  ['2027-10-31', 'autumn'],
] as const;
const zonedSwitches = ZONES.flatMap((zone) => SWITCHES.map(([date, kind]) => [zone, date, kind] as const));

const H = 3_600_000;

describe('toLocalDateTime around the DST switches', () => {
  it.each(zonedSwitches)('%s on %s (%s)', (zone, date, kind) => {
    const switchAt = dayNumber(date) * MS_PER_DAY + H; // 01:00Z
    const before = toLocalDateTime(switchAt - 1000, zone);
    const after = toLocalDateTime(switchAt, zone);
    if (kind === 'spring') {
      expect([before.hour, before.minute, before.second, before.offsetMinutes]).toEqual([1, 59, 59, 60]);
      expect([after.hour, after.minute, after.offsetMinutes]).toEqual([3, 0, 120]);
    } else {
      expect([before.hour, before.minute, before.second, before.offsetMinutes]).toEqual([2, 59, 59, 120]);
      expect([after.hour, after.minute, after.offsetMinutes]).toEqual([2, 0, 60]);
    }
    expect(after.date).toBe(date);
    expect(after.weekday).toBe(7);
  });

  it.each(ZONES)('agrees with Intl every 10 minutes through both switch weekends of 2026 in %s', (zone) => {
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (const date of ['2026-03-28', '2026-10-24']) {
      const start = dayNumber(date) * MS_PER_DAY;
      for (let t = start; t < start + 2 * MS_PER_DAY; t += 10 * MS_PER_MINUTE) {
        const local = toLocalDateTime(t, zone);
        const text = reference.format(new Date(t)).replace(',', '');
        expect(`${local.date} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`).toBe(text);
      }
    }
  });

  it.each([
    ['2027-01-03T22:59:00Z', '2027-01-03', '2026-W53'],
    ['2027-01-03T23:00:00Z', '2027-01-04', '2027-W01'],
    ['2026-12-31T23:30:00Z', '2027-01-01', '2026-W53'],
    ['2025-12-28T23:00:00Z', '2025-12-29', '2026-W01'],
  ])('%s is local %s in %s (Oslo)', (instant, date, week) => {
    const local = toLocalDateTime(Date.parse(instant), 'Europe/Oslo');
    expect([local.date, formatIsoWeek(local.isoWeek)]).toEqual([date, week]);
  });

  it('reads the same wall clock as Intl for a zone far from the process (and from Europe)', () => {
    const local = toLocalDateTime(Date.parse('2026-09-26T14:30:00Z'), 'Pacific/Auckland');
    expect([local.date, local.hour, local.minute, local.offsetMinutes]).toEqual(['2026-09-27', 3, 30, 780]);
  });
});

describe('localToInstant (gap → forward by the gap, overlap → earlier)', () => {
  it.each([
    ['Europe/Oslo', '2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['Europe/Oslo', '2026-03-29', '02:00', '2026-03-29T01:00:00.000Z'],
    ['Europe/Oslo', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    ['Europe/Oslo', '2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    ['Europe/Oslo', '2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'],
    ['Europe/Copenhagen', '2027-03-28', '02:15', '2027-03-28T01:15:00.000Z'],
    ['Europe/Stockholm', '2027-03-28', '09:00', '2027-03-28T07:00:00.000Z'],
    ['Europe/Oslo', '2026-10-25', '01:59', '2026-10-24T23:59:00.000Z'],
    ['Europe/Oslo', '2026-10-25', '02:00', '2026-10-25T00:00:00.000Z'],
    ['Europe/Oslo', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['Europe/Oslo', '2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
    ['Europe/Stockholm', '2027-10-31', '02:45', '2027-10-31T00:45:00.000Z'],
    ['Europe/Copenhagen', '2027-10-31', '12:00', '2027-10-31T11:00:00.000Z'],
    ['Europe/Oslo', '2026-06-01', '09:00', '2026-06-01T07:00:00.000Z'],
    ['Europe/Oslo', '2026-12-31', '23:59', '2026-12-31T22:59:00.000Z'],
    ['Pacific/Auckland', '2026-09-27', '02:30', '2026-09-26T14:30:00.000Z'],
  ])('%s %s %s → %s', (zone, date, time, iso) => {
    expect(formatInstant(localToInstant(date, time, zone))).toBe(iso);
  });

  it.each(zonedSwitches)('%s on %s (%s) is a day of the right length', (zone, date, kind) => {
    const day = dayNumber(date);
    const hours = (startOfLocalDay(day + 1, zone) - startOfLocalDay(day, zone)) / H;
    expect(hours).toBe(kind === 'spring' ? 23 : 25);
    expect((startOfLocalDay(day, zone) - startOfLocalDay(day - 1, zone)) / H).toBe(24);
  });

  it('round-trips every wall minute of an ordinary day', () => {
    for (let minute = 0; minute < 1440; minute += 7) {
      const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const local = toLocalDateTime(localToInstant('2026-05-17', time, 'Europe/Oslo'), 'Europe/Oslo');
      expect([local.date, local.minuteOfDay]).toEqual(['2026-05-17', minute]);
    }
  });
});

describe('wallRangeToInstants (a wall range means the instants whose clock reads inside it)', () => {
  const wall = (date: string, hours: number): number => dayNumber(date) * MS_PER_DAY + hours * H;
  const iso = (ranges: Array<[number, number]>): string[][] => ranges.map((range) => range.map(formatInstant));

  it.each([
    ['ordinary', '2026-05-18', 9, 12, [['2026-05-18T07:00:00.000Z', '2026-05-18T10:00:00.000Z']]],
    ['spring, across the gap: 2 real hours', '2026-03-29', 1, 4, [['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]],
    ['spring, starting in the gap: from 03:00', '2026-03-29', 2.5, 5, [['2026-03-29T01:00:00.000Z', '2026-03-29T03:00:00.000Z']]],
    ['spring, inside the gap: nothing', '2026-03-29', 2.25, 2.75, []],
    ['autumn, across the overlap: 4 real hours', '2026-10-25', 1, 4, [['2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']]],
    [
      'autumn, ending in the overlap: both 02:00–02:30',
      '2026-10-25',
      1,
      2.5,
      [
        ['2026-10-24T23:00:00.000Z', '2026-10-25T00:30:00.000Z'],
        ['2026-10-25T01:00:00.000Z', '2026-10-25T01:30:00.000Z'],
      ],
    ],
    ['whole spring day: 23 hours', '2027-03-28', 0, 24, [['2027-03-27T23:00:00.000Z', '2027-03-28T22:00:00.000Z']]],
    ['whole autumn day: 25 hours', '2027-10-31', 0, 24, [['2027-10-30T22:00:00.000Z', '2027-10-31T23:00:00.000Z']]],
  ])('Oslo, %s', (_label, date, from, to, expected) => {
    expect(iso(wallRangeToInstants(wall(date, from), wall(date, to), 'Europe/Oslo'))).toEqual(expected);
  });

  it('covers several days as one range', () => {
    const ranges = wallRangeToInstants(wall('2026-03-28', 0), wall('2026-03-31', 0), 'Europe/Oslo');
    expect(iso(ranges)).toEqual([['2026-03-27T23:00:00.000Z', '2026-03-30T22:00:00.000Z']]);
  });
});

describe('zones and instants at the edge', () => {
  it.each([
    ['Europe/Oslo', true],
    ['UTC', true],
    ['Pacific/Auckland', true],
    ['Europe/Olso', false],
    ['', false],
    ['CET+1', false],
  ])('isValidTimeZone(%p) = %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  it('throws on an unknown zone rather than guessing', () => {
    expect(() => offsetMsAt('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });

  it.each([
    ['2026-03-29T01:30:00Z', true],
    ['2026-03-29T03:30:00+02:00', true],
    ['2026-03-29T01:30:00.123Z', true],
    ['2026-03-29T01:30Z', true],
    ['2026-03-29T02:30:00', false],
    ['2026-03-29', false],
    ['yesterday', false],
  ])('isInstant(%p) = %s — no offset, no instant (the process zone must not decide)', (text, valid) => {
    expect(isInstant(text)).toBe(valid);
  });

  it('parses offsets exactly', () => {
    expect(parseInstant('2026-03-29T03:30:00+02:00')).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(() => parseInstant('2026-03-29T02:30:00')).toThrow(RangeError);
  });
});
