import type { Locale, StaffedPeriod } from '@kadens/shared/contracts';
import { toLocalDateTime } from '@kadens/shared/rules';
import { tzlib_get_ical_block } from 'timezones-ical-library';

import { escapeText, paramValue, serializeLines, unfoldLines, utcStamp } from './ics-writer';

const WORDS: Record<Locale, { calendar: string; staffed: string }> = {
  nb: { calendar: 'Svartider', staffed: 'Betjent' },
  da: { calendar: 'Svartider', staffed: 'Bemandet' },
  sv: { calendar: 'Svarstider', staffed: 'Bemannad' },
  en: { calendar: 'Service hours', staffed: 'Staffed' },
};

const DAY_MS = 86_400_000;
/** How far back the feed looks for the stretch in progress, so its DTSTART is its real start. */
const LOOKBACK_DAYS = 7;

/**
 * The instants the feed covers: from LOOKBACK_DAYS before today (UTC) to `days` after it. Both ends
 * move once a day, not with every fetch, so a period's DTSTART, DTEND and UID stay the same between
 * fetches — the one in progress keeps its real start (or, begun more than a week ago, the window's).
 * The caller keeps only periods that have not ended yet.
 */
export function feedWindow(nowMs: number, days: number): { fromMs: number; untilMs: number } {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  return { fromMs: today - LOOKBACK_DAYS * DAY_MS, untilMs: today + (days + 1) * DAY_MS };
}

/**
 * The zone's VTIMEZONE as content lines. The library answers with a rule-identical zone's block
 * (Europe/Berlin for Europe/Oslo), so its TZID is set to the zone the events name — otherwise clients
 * find no definition.
 */
function vtimezone(zone: string): string[] {
  const block = tzlib_get_ical_block(zone)[0];
  if (!block) throw new Error(`no VTIMEZONE for ${zone}`);
  return unfoldLines(block).map((line) => {
    if (/^TZID[:;]/i.test(line)) return `TZID:${escapeText(zone)}`;
    if (/^X-LIC-LOCATION[:;]/i.test(line)) return `X-LIC-LOCATION:${escapeText(zone)}`;
    return line;
  });
}

/** A local date-time, `20270105T090000`, in `zone`. */
function localStamp(iso: string, zone: string): string {
  const local = toLocalDateTime(Date.parse(iso), zone);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(local.year, 4)}${pad(local.month)}${pad(local.day)}T${pad(local.hour)}${pad(local.minute)}${pad(local.second)}`;
}

/**
 * RFC 5545: one event per staffed period, in the organisation's zone with its VTIMEZONE. Every TEXT
 * value is escaped (names come from people and may hold anything), lines are folded at 75 octets and
 * end in CRLF (see ics-writer).
 */
export function availabilityIcal(input: {
  organizationName: string;
  slug: string;
  timeZone: string;
  locale: Locale;
  channelNames: ReadonlyMap<string, string>;
  periods: readonly StaffedPeriod[];
  now: Date;
}): string {
  const words = WORDS[input.locale];
  const tzid = paramValue(input.timeZone);
  const stamp = utcStamp(input.now.getTime());
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Kadens//Availability//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${input.organizationName} – ${words.calendar}`)}`,
    `X-WR-TIMEZONE:${escapeText(input.timeZone)}`,
    ...vtimezone(input.timeZone),
  ];
  for (const period of input.periods) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`${period.channelId}-${period.start}@${input.slug}.kadens`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${tzid}:${localStamp(period.start, input.timeZone)}`,
      `DTEND;TZID=${tzid}:${localStamp(period.end, input.timeZone)}`,
      `SUMMARY:${escapeText(`${words.staffed}: ${input.channelNames.get(period.channelId) ?? ''}`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return serializeLines(lines);
}
