import { Pipe, type PipeTransform } from '@angular/core';

import { formatCivilDate, formatDateTime } from './local-time-format';

/** An instant as date and time in the organisation's zone, in the screen's language. */
@Pipe({ name: 'zonedDateTime' })
export class ZonedDateTimePipe implements PipeTransform {
  transform(instant: string | null | undefined, timeZone: string | null | undefined, language: string): string {
    return instant && timeZone ? formatDateTime(instant, timeZone, language) : '';
  }
}

/** A calendar date (YYYY-MM-DD) in the screen's language. */
@Pipe({ name: 'civilDate' })
export class CivilDatePipe implements PipeTransform {
  transform(date: string | null | undefined, language: string): string {
    return date ? formatCivilDate(date, language) : '';
  }
}
