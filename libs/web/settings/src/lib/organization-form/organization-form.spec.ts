import { FormControl } from '@angular/forms';

import {
  capacityHoursValidator,
  knownTimeZoneValidator,
  organizationDefaults,
  readabilityTargetValidator,
  slugFromName,
} from './organization-form';
import { filterTimeZones, supportedTimeZones } from './time-zones';

describe('slugFromName', () => {
  it.each([
    ['Solsikken Barnehage', 'solsikken-barnehage'],
    ['Bærum kommune', 'baerum-kommune'],
    ['Tromsø Skole', 'tromso-skole'],
    ['Åbo & Ørsted A/S', 'abo-orsted-a-s'],
    ['Malmö stad', 'malmo-stad'],
    ['Café Noël', 'cafe-noel'],
    ['  --Kadens--  ', 'kadens'],
  ])('%s → %s', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });
});

describe('time zones', () => {
  const zones = ['America/New_York', 'Europe/Copenhagen', 'Europe/Oslo', 'Europe/Stockholm', 'UTC'];

  it('lists the Nordic zones even on browsers that cannot list their own', () => {
    expect(supportedTimeZones()).toEqual(expect.arrayContaining(['Europe/Oslo', 'Europe/Copenhagen', 'Europe/Stockholm']));
  });

  it('finds zones by any part of the name, ignoring case and spaces', () => {
    expect(filterTimeZones(zones, 'oslo')).toEqual(['Europe/Oslo']);
    expect(filterTimeZones(zones, 'new york')).toEqual(['America/New_York']);
    expect(filterTimeZones(zones, 'EUROPE')).toHaveLength(3);
    expect(filterTimeZones(zones, '')).toEqual(zones);
    expect(filterTimeZones(zones, '', 2)).toHaveLength(2);
  });

  it('accepts only zones from the list', () => {
    const validator = knownTimeZoneValidator(zones);
    expect(validator(new FormControl('Europe/Oslo', { nonNullable: true }))).toBeNull();
    expect(validator(new FormControl('Europe/Atlantis', { nonNullable: true }))).toEqual({ timeZone: true });
  });
});

describe('organizationDefaults', () => {
  it.each([
    ['nb', 'NO', 'Europe/Oslo'],
    ['da', 'DK', 'Europe/Copenhagen'],
    ['sv', 'SE', 'Europe/Stockholm'],
  ] as const)('guesses country and zone from %s', (locale, country, timeZone) => {
    expect(organizationDefaults(locale)).toMatchObject({ country, timeZone, defaultLocale: locale });
  });
});

describe('capacityHoursValidator', () => {
  it.each([
    [null, true],
    [0, true],
    [37.5, true],
    [10_000, true],
    [-1, false],
    [10_000.5, false],
    [7.25, false],
  ])('%s hours a week is valid: %s', (hours, valid) => {
    expect(capacityHoursValidator(new FormControl<number | null>(hours))).toEqual(valid ? null : { capacityHours: true });
  });
});

describe('readabilityTargetValidator', () => {
  it('accepts empty (the default, 40) or a whole LIX from 10 to 80', () => {
    const check = (value: number | null) => readabilityTargetValidator(new FormControl<number | null>(value));
    expect([null, 10, 40, 80].map(check)).toEqual([null, null, null, null]);
    expect([9, 81, 40.5].map(check)).toEqual([{ readabilityTarget: true }, { readabilityTarget: true }, { readabilityTarget: true }]);
  });
});
