import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { EffectPeriod } from '@kadens/shared/contracts';
import { addDays, parseReportPeriod, reportPeriodOf } from '@kadens/shared/rules';
import { TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

/** How a period of each kind is written, as the field's example. */
export const PERIOD_EXAMPLES: Record<EffectPeriod, string> = { week: '2026-W48', month: '2026-11', quarter: '2026-Q4', year: '2026' };

/** The whole period of `kind` just before the one holding `today` (YYYY-MM-DD): the one a result is usually entered for. */
export function lastWholePeriod(today: string, kind: EffectPeriod): string {
  return reportPeriodOf(addDays(reportPeriodOf(today, kind).from, -1), kind).key;
}

/** A period written the way the API reads it, and of the target's kind. Empty is left to `required`. */
export function periodOfKind(kind: () => EffectPeriod | null): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value.trim();
    if (value === '') return null;
    const period = parseReportPeriod(value);
    const expected = kind();
    if (!period) return { [TRANSLATED_ERROR_KEY]: `strategy.effectResults.periodInvalid.${expected ?? 'month'}` };
    if (expected && period.kind !== expected) return { [TRANSLATED_ERROR_KEY]: `strategy.effectResults.periodInvalid.${expected}` };
    return null;
  };
}

/** A period for people: "November 2026" for a month; weeks, quarters and years as written. */
export function describePeriod(key: string, language: string): string {
  const period = parseReportPeriod(key);
  if (period?.kind !== 'month') return key;
  const [year, month] = [Number(key.slice(0, 4)), Number(key.slice(5, 7))];
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}
