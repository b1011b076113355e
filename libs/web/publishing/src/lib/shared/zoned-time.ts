import { inject, Pipe, type PipeTransform, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

/** English is read here by Nordic teams: day before month, 24-hour clock. */
const FORMAT_LOCALES: Readonly<Record<string, string>> = { nb: 'nb-NO', da: 'da-DK', sv: 'sv-SE', en: 'en-GB' };

/**
 * "tir. 9. juni 2030, 10:00": an instant in the organisation's zone (when it happens there, wherever
 * the reader is), written the way the screen's language writes it. Before the zone is known, the
 * reader's own zone stands in.
 */
export function formatZonedDateTime(instant: string, timeZone: string | null, language: string): string {
  return new Intl.DateTimeFormat(FORMAT_LOCALES[language] ?? language, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: timeZone ?? undefined,
  }).format(new Date(instant));
}

/** An instant as date and time in the organisation's zone, in the screen's language. */
@Pipe({ name: 'zonedDateTime' })
export class ZonedDateTimePipe implements PipeTransform {
  transform(instant: string | null | undefined, timeZone: string | null, language: string): string {
    return instant ? formatZonedDateTime(instant, timeZone, language) : '';
  }
}

/** The language the screen speaks now, for formatting times the way that language does. */
export function injectActiveLanguage(): Signal<string> {
  const transloco = inject(TranslocoService);
  return toSignal(transloco.langChanges$, { initialValue: transloco.getActiveLang() });
}
