import { LOCALES, type Locale, type UpdateMeRequest } from '@kadens/shared/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';

export class UpdateMeDto implements UpdateMeRequest {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 120)
  name?: string;

  /** Your own language; null follows the organisation's default. */
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale | null;
}
