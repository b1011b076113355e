import { dateOfDayNumber, localDayNumber, parseReportPeriod, previousReportPeriod, reportPeriodOf } from '@kadens/shared/rules';

/** How far back the picker offers months and quarters. */
export const PICKER_MONTHS = 13;
export const PICKER_QUARTERS = 6;

/** Today in the organisation's zone (YYYY-MM-DD). */
export function todayIn(timeZone: string, now = Date.now()): string {
  return dateOfDayNumber(localDayNumber(now, timeZone));
}

/** A month (2026-11) or a quarter (2026-Q4): what the evaluation takes. */
export function isEvaluationPeriod(value: string | null): value is string {
  const period = value === null ? null : parseReportPeriod(value);
  return period !== null && (period.kind === 'month' || period.kind === 'quarter');
}

/** The period shown when the address names none: the month that ended last. */
export function defaultPeriod(today: string): string {
  return previousReportPeriod(reportPeriodOf(today, 'month')).key;
}

export interface PeriodChoices {
  /** Newest first; the first is the running month. */
  months: string[];
  quarters: string[];
}

/** The running month and quarter and the ones before them, newest first; the chosen one is added when older. */
export function periodChoices(today: string, chosen: string | null): PeriodChoices {
  const months = walkBack(reportPeriodOf(today, 'month').key, PICKER_MONTHS);
  const quarters = walkBack(reportPeriodOf(today, 'quarter').key, PICKER_QUARTERS);
  if (chosen && isEvaluationPeriod(chosen) && ![...months, ...quarters].includes(chosen)) {
    (chosen.includes('Q') ? quarters : months).push(chosen);
  }
  return { months, quarters };
}

function walkBack(start: string, count: number): string[] {
  const keys: string[] = [];
  let period = parseReportPeriod(start);
  while (period && keys.length < count) {
    keys.push(period.key);
    period = previousReportPeriod(period);
  }
  return keys;
}

/** Whether the period has not ended yet on `today`. */
export function isRunning(period: string, today: string): boolean {
  const parsed = parseReportPeriod(period);
  return parsed !== null && parsed.to >= today;
}

/** "november 2026" / "4th quarter 2026" style names, in the reader's language. */
export function periodName(period: string, locale: string, quarterWord: (quarter: number, year: string) => string): string {
  const parsed = parseReportPeriod(period);
  if (!parsed) return period;
  if (parsed.kind === 'quarter') return quarterWord(Number(period.slice(-1)), period.slice(0, 4));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${parsed.from}T12:00:00Z`));
}
