/**
 * A time as people type it — "9", "930", "9.30", "09:30", "9,30", "24" — in the 24-hour "HH:MM" the
 * weekly editor and opening_hours use; null when it is not a time of day (up to 24:00). Every language
 * Kadens speaks writes 24-hour times for opening hours, English here too: the hours are those of
 * Norwegian, Danish and Swedish organisations, and the value written underneath is 24-hour anyway.
 */
export function tidyClockInput(text: string): string | null {
  const trimmed = text.trim();
  const match = /^(\d{1,2})(?:[:.,]?(\d{2}))?$/.exec(trimmed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  // "930" is 9:30, but "12" is noon: a lone one- or two-digit number is whole hours.
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
