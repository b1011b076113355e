import { inject, Pipe, type PipeTransform, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

import { formatZonedDateTime } from './zoned-time';

/** An instant as date and time in the organisation's zone, in the screen's language; '' until the zone is known. */
@Pipe({ name: 'zonedDateTime' })
export class ZonedDateTimePipe implements PipeTransform {
  transform(instant: string | null | undefined, timeZone: string | null | undefined, language: string): string {
    return instant ? formatZonedDateTime(instant, timeZone, language) : '';
  }
}

/** The language the screen speaks now, for formatting times the way that language does. */
export function injectActiveLanguage(): Signal<string> {
  const transloco = inject(TranslocoService);
  return toSignal(transloco.langChanges$, { initialValue: transloco.getActiveLang() });
}
