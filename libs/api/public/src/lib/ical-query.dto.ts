import { OptionalNotNull } from '@kadens/api/core';
import { LOCALES, type Locale } from '@kadens/shared/contracts';
import { IsIn } from 'class-validator';

export class IcalQueryDto {
  /** The language of the event titles; the organisation's default when absent. */
  @OptionalNotNull()
  @IsIn(LOCALES)
  lang?: Locale;
}
