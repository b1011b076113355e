import { formatIcuMessage, isIcuMessage } from './icu-messages';

describe('ICU messages', () => {
  const hours = '{hours, plural, one {# time} other {# timer}} i uka';

  it('chooses the plural form by the language’s CLDR rules and writes # in its number format', () => {
    expect(formatIcuMessage(hours, { hours: 1 }, 'nb')).toBe('1 time i uka');
    expect(formatIcuMessage(hours, { hours: 2 }, 'nb')).toBe('2 timer i uka');
    expect(formatIcuMessage(hours, { hours: 1.5 }, 'nb')).toBe('1,5 timer i uka');
    expect(formatIcuMessage('{n, plural, one {# hour} other {# hours}}', { n: 1.5 }, 'en')).toBe('1.5 hours');
  });

  it('prefers an exact =n case, honours an offset, and reads select and selectordinal', () => {
    const message = '{n, plural, offset:1 =0 {nobody} =1 {{name}} one {{name} and # other} other {{name} and # others}}';
    expect(formatIcuMessage(message, { n: 0, name: 'Ada' }, 'en')).toBe('nobody');
    expect(formatIcuMessage(message, { n: 1, name: 'Ada' }, 'en')).toBe('Ada');
    expect(formatIcuMessage(message, { n: 2, name: 'Ada' }, 'en')).toBe('Ada and 1 other');
    expect(formatIcuMessage(message, { n: 5, name: 'Ada' }, 'en')).toBe('Ada and 4 others');
    expect(formatIcuMessage('{role, select, admin {an admin} other {a member}}', { role: 'admin' }, 'en')).toBe('an admin');
    expect(formatIcuMessage('{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', { n: 22 }, 'en')).toBe('22nd');
  });

  it('writes a count that is not a number (a badge’s "99+") as it is, in the other form', () => {
    expect(formatIcuMessage('{count, plural, one {# needs} other {# need}} attention', { count: '99+' }, 'en')).toBe('99+ need attention');
  });

  it('never reads what a parameter holds as syntax', () => {
    expect(formatIcuMessage('{n, plural, one {# post} other {# posts}} on {channel}', { n: 2, channel: "Kadens' {news} #1" }, 'en')).toBe(
      "2 posts on Kadens' {news} #1",
    );
  });

  it('knows an ICU message from a plain one', () => {
    expect(isIcuMessage(hours)).toBe(true);
    expect(isIcuMessage('{{count}} / {{limit}}')).toBe(false);
    expect(isIcuMessage({ one: '1', other: '{{count}}' })).toBe(false);
  });
});
