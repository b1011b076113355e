import { closesOnPublicHolidays, customaryClosedDays, publicHolidays } from './holidays';

const dates = (country: 'NO' | 'DK' | 'SE', year: number): string[] =>
  publicHolidays(country, `${year}-01-01`, `${year}-12-31`).map((holiday) => holiday.date);

describe('public holidays the library knows (plus customary Swedish days)', () => {
  it.each([
    // Norway 2026: Easter 5 April; 17 May is a Sunday.
    [
      'NO',
      2026,
      [
        '2026-01-01',
        '2026-04-02',
        '2026-04-03',
        '2026-04-05',
        '2026-04-06',
        '2026-05-01',
        '2026-05-14',
        '2026-05-17',
        '2026-05-24',
        '2026-05-25',
        '2026-12-25',
        '2026-12-26',
      ],
    ],
    // Norway 2027: Easter Sunday is the day the clocks spring forward; 17 May is a Monday.
    [
      'NO',
      2027,
      [
        '2027-01-01',
        '2027-03-25',
        '2027-03-26',
        '2027-03-28',
        '2027-03-29',
        '2027-05-01',
        '2027-05-06',
        '2027-05-16',
        '2027-05-17',
        '2027-12-25',
        '2027-12-26',
      ],
    ],
    // Denmark 2026: Grundlovsdag 5 June, juleaftensdag; no Store Bededag (would be 1 May).
    [
      'DK',
      2026,
      [
        '2026-01-01',
        '2026-04-02',
        '2026-04-03',
        '2026-04-05',
        '2026-04-06',
        '2026-05-14',
        '2026-05-24',
        '2026-05-25',
        '2026-06-05',
        '2026-12-24',
        '2026-12-25',
        '2026-12-26',
      ],
    ],
    // Sweden 2026: 6 June, midsommarafton (customary) 19 June, midsommardagen 20 June, no skärtorsdag.
    [
      'SE',
      2026,
      [
        '2026-01-01',
        '2026-01-06',
        '2026-04-03',
        '2026-04-05',
        '2026-04-06',
        '2026-05-01',
        '2026-05-14',
        '2026-05-24',
        '2026-06-06',
        '2026-06-19',
        '2026-06-20',
        '2026-10-31',
        '2026-12-24',
        '2026-12-25',
        '2026-12-26',
        '2026-12-31',
      ],
    ],
  ] as const)('%s %i', (country, year, expected) => {
    expect(dates(country, year)).toEqual(expected);
  });

  it.each([
    ['2024-04-26', 'abolished'],
    ['2025-05-16', 'abolished'],
    ['2026-05-01', 'abolished'],
    // Recorded, not endorsed: Store Bededag was a holiday until 2023; the library lacks it for every year.
    ['2023-05-05', 'missing in the library'],
  ])('DK has no Store Bededag on %s (%s)', (date) => {
    expect(publicHolidays('DK', date, date)).toEqual([]);
  });

  it('names holidays in the local language and marks customary days', () => {
    expect(publicHolidays('NO', '2027-05-17', '2027-05-17')).toEqual([{ date: '2027-05-17', name: 'Grunnlovsdagen', kind: 'public' }]);
    expect(publicHolidays('NO', '2026-04-02', '2026-04-02')[0].name).toBe('Skjærtorsdag');
    expect(publicHolidays('DK', '2026-06-05', '2026-06-05')[0].name).toBe('Grundlovsdag');
    expect(publicHolidays('SE', '2026-06-19', '2026-06-20')).toEqual([
      { date: '2026-06-19', name: 'midsommarafton', kind: 'customary' },
      { date: '2026-06-20', name: 'midsommardagen', kind: 'public' },
    ]);
  });

  it('lists adjacent holidays separately and clips to the range', () => {
    expect(publicHolidays('NO', '2026-12-25', '2026-12-26').map((holiday) => holiday.name)).toEqual(['Første juledag', 'Andre juledag']);
    expect(publicHolidays('NO', '2026-12-26', '2027-01-01').map((holiday) => holiday.date)).toEqual(['2026-12-26', '2027-01-01']);
    expect(publicHolidays('NO', '2026-12-27', '2026-12-26')).toEqual([]);
  });
});

describe('customary closed days', () => {
  it.each([
    [2024, '2024-06-21'],
    [2025, '2025-06-20'],
    [2026, '2026-06-19'],
    [2027, '2027-06-25'],
    [2028, '2028-06-23'],
    [2030, '2030-06-21'],
  ])('midsommarafton %i is Friday %s', (year, date) => {
    expect(customaryClosedDays('SE', year).map((day) => day.date)).toEqual([date, `${year}-12-24`, `${year}-12-31`]);
  });

  it.each(['NO', 'DK'] as const)('%s adds none', (country) => {
    expect(customaryClosedDays(country, 2026)).toEqual([]);
  });

  it.each([
    ['Mo-Fr 09:00-12:00; PH off', true],
    ['Mo-Fr 09:00-12:00; PH closed', true],
    ['Mo-Fr 09:00-12:00, PH off', true],
    ['Sa,Su,PH off', true],
    ['PH off; Mo-Fr 09:00-12:00', true],
    ['mo-fr 9-12; ph off', true],
    ['Mo-Fr 09:00-12:00', false],
    ['Mo-Fr 09:00-12:00; PH 10:00-11:00', false],
    ['Mo-Fr,PH 09:00-12:00', false],
    ['Mo-Fr 09:00-12:00 "PHONE only; off on Sundays"', false],
  ])('closesOnPublicHolidays(%p) = %s', (value, expected) => {
    expect(closesOnPublicHolidays(value)).toBe(expected);
  });
});
