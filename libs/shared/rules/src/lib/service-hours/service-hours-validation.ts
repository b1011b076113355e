import type { Country, ServiceHours } from '@kadens/shared/contracts';

import { dayNumber, isCivilDate, MINUTES_PER_DAY } from '../local-time/civil-date';
import type { RuleInputError } from '../violation/input-error';
import { createOpeningHours, inWallClock, wallClockDate } from './opening-hours-engine';

export type OpeningHoursCheck =
  | { ok: true; /** The library's canonical spelling of the value. */ normalized: string; warnings: string[] }
  | { ok: false; /** The parser's own message, with its "<---" marker at the fault. */ message: string };

const MAX_LENGTH = 1000;
const MAX_RESPONSE_WINDOW_MINUTES = 7 * 1440;
const MAX_REASON_LENGTH = 200;
/** Sun-based times are computed by the library for the *process's* day, which is not the org's. */
const VARIABLE_TIME = /\b(?:sunrise|sunset|dawn|dusk)\b/i;
/** The library has no school holidays for NO, DK or SE and would fail (and log) at evaluation. */
const SCHOOL_HOLIDAYS = /(?:^|[^A-Za-z])SH(?:$|[^A-Za-z])/;

/** Is this an opening_hours value Kadens can evaluate? On error, the parser's message. */
export function validateOpeningHours(value: string, country: Country): OpeningHoursCheck {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: 'Service hours are empty' };
  if (value.length > MAX_LENGTH) return { ok: false, message: `Service hours are longer than ${MAX_LENGTH} characters` };
  if (SCHOOL_HOLIDAYS.test(value)) {
    return { ok: false, message: `School holidays (SH) are not known for ${country}; use dates or closed periods` };
  }
  if (VARIABLE_TIME.test(value)) {
    return { ok: false, message: 'Times based on the sun (sunrise, sunset, dawn, dusk) are not supported; use clock times' };
  }
  try {
    const openingHours = createOpeningHours(value, country);
    // Some errors only surface on evaluation; a fortnight crosses every weekday.
    const monday = dayNumber('2026-01-05') * MINUTES_PER_DAY;
    inWallClock(() => openingHours.getOpenIntervals(wallClockDate(monday), wallClockDate(monday + 14 * MINUTES_PER_DAY)));
    return { ok: true, normalized: openingHours.prettifyValue(), warnings: openingHours.getWarnings() };
  } catch (error) {
    return { ok: false, message: typeof error === 'string' ? error : error instanceof Error ? error.message : String(error) };
  }
}

export function validateServiceHours(hours: ServiceHours, country: Country): RuleInputError[] {
  const errors: RuleInputError[] = [];
  const check = validateOpeningHours(hours.openingHours, country);
  if (!check.ok) errors.push({ field: 'openingHours', message: check.message });
  const window = hours.responseWindowMinutes;
  if (!Number.isInteger(window) || window < 0 || window > MAX_RESPONSE_WINDOW_MINUTES) {
    errors.push({
      field: 'responseWindowMinutes',
      message: `Must be a whole number of minutes from 0 to ${MAX_RESPONSE_WINDOW_MINUTES}`,
    });
  }
  if (!Array.isArray(hours.closedPeriods)) {
    errors.push({ field: 'closedPeriods', message: 'Must be a list of periods' });
    return errors;
  }
  hours.closedPeriods.forEach((period, index) => {
    const field = `closedPeriods[${index}]`;
    if (!isCivilDate(period.start)) errors.push({ field: `${field}.start`, message: 'Must be a date (YYYY-MM-DD)' });
    if (!isCivilDate(period.end)) errors.push({ field: `${field}.end`, message: 'Must be a date (YYYY-MM-DD)' });
    if (isCivilDate(period.start) && isCivilDate(period.end) && period.end < period.start) {
      errors.push({ field: `${field}.end`, message: 'Must not be before the start' });
    }
    if (period.reason !== undefined && (typeof period.reason !== 'string' || period.reason.length > MAX_REASON_LENGTH)) {
      errors.push({ field: `${field}.reason`, message: `Must be text of at most ${MAX_REASON_LENGTH} characters` });
    }
  });
  return errors;
}

/** The value in the library's canonical spelling, e.g. "Mo-Fr 9-12" → "Mo-Fr 09:00-12:00". */
export function normalizeOpeningHours(value: string, country: Country): string {
  return createOpeningHours(value, country).prettifyValue();
}
