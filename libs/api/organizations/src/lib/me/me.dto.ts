import { LOCALES, type Locale, type UpdateMeRequest } from '@kadens/shared/contracts';
import { OptionalNotNull, OptionalNullable, Trim } from '@kadens/api/core';
import { IsIn, IsString, Length } from 'class-validator';

export class UpdateMeDto implements UpdateMeRequest {
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 120)
  name?: string;

  /** Your own language; null follows the organisation's default. */
  @OptionalNullable()
  @IsIn(LOCALES)
  locale?: Locale | null;
}
