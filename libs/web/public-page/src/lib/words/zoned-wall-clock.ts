/** An instant as the wall clock of one IANA zone shows it. */
interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 00:00–23:59 */
  time: string;
  /** Days since 1970-01-01 of `date`, for counting days between two wall clocks. */
  dayNumber: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Reads the instant in `timeZone`, whatever zone the browser (or the test run) is in. */
export function wallClockIn(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
  return { date, time: `${parts['hour']}:${parts['minute']}`, dayNumber: dayNumberOf(date) };
}

export function dayNumberOf(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}
