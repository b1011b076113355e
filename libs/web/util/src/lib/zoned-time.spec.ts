import { intlLocale } from './intl-locale';
import { formatCivilDate, formatZonedDateTime } from './zoned-time';
import { ZonedDateTimePipe } from './zoned-time.pipes';

describe('zoned time', () => {
  it('writes an instant in the organisation’s zone, the language’s way', () => {
    expect(formatZonedDateTime('2030-06-09T08:00:00.000Z', 'Europe/Oslo', 'nb')).toMatch(/9\. juni 2030.*10:00/);
    expect(formatZonedDateTime('2030-06-09T08:00:00.000Z', 'Europe/Oslo', 'en')).toMatch(/9 June 2030.*10:00/);
  });

  it('shows nothing until the zone is known, in the function and the pipe alike', () => {
    expect(formatZonedDateTime('2030-06-09T08:00:00.000Z', null, 'nb')).toBe('');
    expect(new ZonedDateTimePipe().transform('2030-06-09T08:00:00.000Z', null, 'nb')).toBe('');
    expect(new ZonedDateTimePipe().transform(null, 'Europe/Oslo', 'nb')).toBe('');
  });

  it('maps each language to its Intl locale once', () => {
    expect(['nb', 'da', 'sv', 'en'].map(intlLocale)).toEqual(['nb-NO', 'da-DK', 'sv-SE', 'en-GB']);
    expect(formatCivilDate('2030-06-09', 'sv')).toBe('9 juni 2030');
  });
});
