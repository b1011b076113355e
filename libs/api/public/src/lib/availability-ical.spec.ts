import ICAL from 'ical.js';

import { availabilityIcal, feedWindow } from './availability-ical';
import { escapeText, foldLine, serializeLines } from './ics-writer';

const CHANNEL = '6b0f7a52-2a47-4d8b-9d4c-6f54e8f6b8a1';

function feed(organizationName: string, channelName: string): string {
  return availabilityIcal({
    organizationName,
    slug: 'fjordvik',
    timeZone: 'Europe/Oslo',
    locale: 'nb',
    channelNames: new Map([[CHANNEL, channelName]]),
    periods: [{ channelId: CHANNEL, start: '2027-01-13T08:00:00.000Z', end: '2027-01-13T11:00:00.000Z' }],
    now: new Date('2027-01-13T09:15:00Z'),
  });
}

/** The raw octets: every CR followed by LF, every LF preceded by CR, and the stream ends in CRLF. */
function expectOnlyCrlf(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text).not.toMatch(/\r(?!\n)/);
  expect(text).not.toMatch(/(?<!\r)\n/);
}

function expectFolded(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let lineStart = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
    const line = bytes.subarray(lineStart, i);
    expect(line.length).toBeLessThanOrEqual(75);
    // A folded line never starts or ends inside a UTF-8 sequence: it decodes to itself.
    expect(Buffer.from(line.toString('utf8'), 'utf8').equals(line)).toBe(true);
    lineStart = i + 2;
  }
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  return { calendar, event };
}

describe('availabilityIcal (RFC 5545)', () => {
  it('escapes names with CRLF, bare CR, LF, backslash, semicolon and comma, so no line is added', () => {
    const hostile = 'Fjordvik\r\nBEGIN:VEVENT\rSUMMARY:x\n; a, b \\ c';
    const text = feed(hostile, 'Chat\rX-INJECTED:1, ja; nei \\');
    expectOnlyCrlf(text);
    expect(text).not.toMatch(/^(BEGIN:VEVENT\r\nSUMMARY:x|X-INJECTED|SUMMARY:x)/m);
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(1);
    expect(text).toContain('X-WR-CALNAME:Fjordvik\\nBEGIN:VEVENT\\nSUMMARY:x\\n\\; a\\, b \\\\ c – Svartider\r\n');
    const { calendar, event } = parse(text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Fjordvik\\nBEGIN:VEVENT\\nSUMMARY:x\\n\\; a\\, b \\\\ c – Svartider');
    expect(event.getFirstPropertyValue('summary')).toBe('Betjent: Chat\nX-INJECTED:1, ja; nei \\');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
  });

  it('folds long lines at 75 octets without splitting a UTF-8 sequence, and ends every line with CRLF', () => {
    const name = 'Bølgeby kommune 🌊 æøå '.repeat(12);
    const text = feed(name, `Ærlig talt — ${'ø'.repeat(120)} 👋🏽`);
    expectOnlyCrlf(text);
    expectFolded(text);
    expect(text).toMatch(/\r\n /); // really folded
    const { event } = parse(text);
    expect(event.getFirstPropertyValue('summary')).toBe(`Betjent: Ærlig talt — ${'ø'.repeat(120)} 👋🏽`);
  });

  it('writes the times in the zone with its VTIMEZONE, and a UID from channel and real start', () => {
    const { calendar, event } = parse(feed('Fjordvik kommune', 'Facebook'));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone') as ICAL.Component);
    const parsed = new ICAL.Event(event);
    expect(parsed.startDate.zone?.tzid).toBe('Europe/Oslo');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2027-01-13T08:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2027-01-13T11:00:00.000Z');
    expect(parsed.uid).toBe(`${CHANNEL}-2027-01-13T08:00:00.000Z@fjordvik.kadens`);
    expect(event.getFirstPropertyValue('dtstamp')?.toString()).toBe('2027-01-13T09:15:00Z');
  });
});

describe('feedWindow', () => {
  it('moves once a UTC day, not with every fetch, and looks back a week for the period in progress', () => {
    const morning = feedWindow(Date.parse('2027-01-13T08:30:00Z'), 56);
    const noon = feedWindow(Date.parse('2027-01-13T11:59:59Z'), 56);
    expect(noon).toEqual(morning);
    expect(new Date(morning.fromMs).toISOString()).toBe('2027-01-06T00:00:00.000Z');
    expect(new Date(morning.untilMs).toISOString()).toBe('2027-03-11T00:00:00.000Z');
  });
});

describe('ics-writer', () => {
  it.each([
    ['a\\b', 'a\\\\b'],
    ['a;b,c', 'a\\;b\\,c'],
    ['a\r\nb\rc\nd', 'a\\nb\\nc\\nd'],
  ])('escapes %j as %j', (raw, escaped) => expect(escapeText(raw)).toBe(escaped));

  it('folds at exactly 75 octets, counting the leading space of continuation lines', () => {
    const lines = foldLine('x'.repeat(200));
    expect(lines.map((line) => Buffer.byteLength(line))).toEqual([75, 75, 52]);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
  });

  it('keeps a 4-byte character whole at the fold', () => {
    const lines = foldLine(`${'x'.repeat(73)}😀y`);
    expect(lines).toEqual(['x'.repeat(73), ' 😀y']);
  });

  it('refuses a content line with a raw line break', () => {
    expect(() => serializeLines(['SUMMARY:a\nb'])).toThrow(/raw line break/);
  });
});
