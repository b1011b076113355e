import type { Locale, StaffedPeriod } from '@kadens/shared/contracts';
import { toLocalDateTime } from '@kadens/shared/rules';
import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';

const WORDS: Record<Locale, { calendar: string; staffed: string }> = {
  nb: { calendar: 'Svartider', staffed: 'Betjent' },
  da: { calendar: 'Svartider', staffed: 'Bemandet' },
  sv: { calendar: 'Svarstider', staffed: 'Bemannad' },
  en: { calendar: 'Service hours', staffed: 'Staffed' },
};

/**
 * The zone's VTIMEZONE. The library answers with a rule-identical zone's block (Europe/Berlin for
 * Europe/Oslo), so its TZID is set to the zone the events name — otherwise clients find no definition.
 */
function vtimezone(zone: string): ICAL.Component {
  const block = tzlib_get_ical_block(zone)[0];
  if (!block) throw new Error(`no VTIMEZONE for ${zone}`);
  const named = block.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
  return ICAL.Component.fromString(`BEGIN:VCALENDAR\r\n${named.trim()}\r\nEND:VCALENDAR`).getFirstSubcomponent('vtimezone') as ICAL.Component;
}

function localTime(iso: string, zone: string): ICAL.Time {
  const local = toLocalDateTime(Date.parse(iso), zone);
  return ICAL.Time.fromData({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second, isDate: false });
}

/** RFC 5545: one event per staffed period, in the organisation's zone with its VTIMEZONE. */
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
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Kadens//Availability//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  calendar.updatePropertyWithValue('x-wr-calname', `${input.organizationName} – ${words.calendar}`);
  calendar.updatePropertyWithValue('x-wr-timezone', input.timeZone);
  calendar.addSubcomponent(vtimezone(input.timeZone));
  const stamp = ICAL.Time.fromJSDate(input.now, true);
  for (const period of input.periods) {
    const event = new ICAL.Component('vevent');
    event.updatePropertyWithValue('uid', `${period.channelId}-${period.start}@${input.slug}.kadens`);
    event.updatePropertyWithValue('dtstamp', stamp);
    for (const [name, iso] of [['dtstart', period.start], ['dtend', period.end]] as const) {
      const property = new ICAL.Property(name);
      property.setValue(localTime(iso, input.timeZone));
      property.setParameter('tzid', input.timeZone);
      event.addProperty(property);
    }
    event.updatePropertyWithValue('summary', `${words.staffed}: ${input.channelNames.get(period.channelId) ?? ''}`);
    event.updatePropertyWithValue('transp', 'TRANSPARENT');
    calendar.addSubcomponent(event);
  }
  return calendar.toString();
}
