import { columnOf } from './plan-csv-columns';
import { readCsv, sniffDelimiter } from './csv-read';
import { instantInZone, parseCivilDate, parseWallTime, parseYesNo, splitUrls, wallClockIn } from './csv-values';

describe('plan CSV reading', () => {
  it.each([
    ['Dato', 'date'],
    ['datum', 'date'],
    ['Klokkeslett', 'time'],
    ['kl.', 'time'],
    ['Kanaler', 'channels'],
    ['Tittel', 'title'],
    ['Titel', 'title'],
    ['Tekst', 'text'],
    ['Målgrupp', 'audience'],
    ['Innholdstype', 'contentType'],
    ['Indholdstype', 'contentType'],
    ['Innehållstyp', 'contentType'],
    ['Content type', 'contentType'],
    ['Länk', 'link'],
    ['Lenke', 'link'],
    ['Media-URL', 'mediaUrl'],
    ['media_url', 'mediaUrl'],
    ['Alt text', 'altText'],
    ['Dialog', 'dialogue'],
    ['\uFEFFDate', 'date'],
  ])('reads the header %s as %s', (header, column) => {
    expect(columnOf(header)).toBe(column);
  });

  it('ignores headers it does not know', () => expect(columnOf('Kommentar')).toBeNull());

  it.each([
    ['2027-01-05', { year: 2027, month: 1, day: 5 }],
    ['05.01.2027', { year: 2027, month: 1, day: 5 }],
    ['5.1.27', { year: 2027, month: 1, day: 5 }],
    ['05/01/2027', { year: 2027, month: 1, day: 5 }],
    ['5/1-2027', { year: 2027, month: 1, day: 5 }],
  ])('reads the date %s', (text, date) => expect(parseCivilDate(text)).toEqual(date));

  it.each(['31.02.2027', '2027-13-01', 'tomorrow', '01.05', ''])('refuses the date %s', (text) => expect(parseCivilDate(text)).toBeNull());

  it.each([
    ['09:30', { hour: 9, minute: 30 }],
    ['9.30', { hour: 9, minute: 30 }],
    ['kl. 9', { hour: 9, minute: 0 }],
    ['0930', { hour: 9, minute: 30 }],
    ['09:30:00', { hour: 9, minute: 30 }],
  ])('reads the time %s', (text, time) => expect(parseWallTime(text)).toEqual(time));

  it.each(['24:00', '9:75', 'morning'])('refuses the time %s', (text) => expect(parseWallTime(text)).toBeNull());

  it('reads wall-clock time in the organisation’s zone, also across daylight saving time', () => {
    expect(instantInZone({ year: 2027, month: 1, day: 5 }, { hour: 9, minute: 30 }, 'Europe/Oslo')).toBe('2027-01-05T08:30:00.000Z');
    expect(instantInZone({ year: 2027, month: 7, day: 5 }, { hour: 9, minute: 30 }, 'Europe/Oslo')).toBe('2027-07-05T07:30:00.000Z');
    // 02:30 on the spring-forward night does not exist in Oslo; clocks move it to 03:30.
    expect(instantInZone({ year: 2027, month: 3, day: 28 }, { hour: 2, minute: 30 }, 'Europe/Oslo')).toBe('2027-03-28T01:30:00.000Z');
    expect(wallClockIn(new Date('2027-07-05T07:30:00Z'), 'Europe/Oslo')).toEqual({ date: '2027-07-05', time: '09:30' });
  });

  it('reads yes and no in four languages', () => {
    expect(['ja', 'Yes', 'x', '1'].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(['nei', 'nej', 'no', ''].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('kanskje')).toBeNull();
  });

  it('splits media URLs on spaces, semicolons and commas before the next URL', () => {
    expect(splitUrls('https://a.no/1.jpg https://a.no/2.jpg;https://a.no/3.jpg, https://a.no/4,5.jpg')).toEqual([
      'https://a.no/1.jpg',
      'https://a.no/2.jpg',
      'https://a.no/3.jpg',
      'https://a.no/4,5.jpg',
    ]);
  });

  it('sniffs the delimiter: ; (Nordic Excel), comma, tab; quoted ones do not count', () => {
    expect(sniffDelimiter('Dato;Tid;Kanaler\n1,2;3;4')).toBe(';');
    expect(sniffDelimiter('date,time,"a;b;c;d"\n')).toBe(',');
    expect(sniffDelimiter('date\ttime\tchannels')).toBe('\t');
  });

  it('reads quoted cells with line breaks, a BOM and CRLF', () => {
    const { delimiter, records } = readCsv(Buffer.from('\uFEFFTittel;Tekst\r\n"Brøyting";"Linje 1\r\nLinje ""2"""\r\n\r\n', 'utf8'));
    expect(delimiter).toBe(';');
    expect(records).toEqual([
      ['Tittel', 'Tekst'],
      ['Brøyting', 'Linje 1\r\nLinje "2"'],
    ]);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => readCsv(Buffer.from([0x54, 0x69, 0x74, 0x74, 0x65, 0x6c, 0x0a, 0xf8, 0x6c]))).toThrow('not_utf8');
  });
});
