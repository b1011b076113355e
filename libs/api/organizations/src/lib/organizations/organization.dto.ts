import { COUNTRIES, type Country, type CreateOrganizationRequest, LOCALES, type Locale, SLUG_PATTERN } from '@kadens/shared/contracts';
import { PartialType } from '@nestjs/swagger';
import { OptionalNullable, Trim } from '@kadens/api/core';
import { IsIn, IsInt, IsNumber, IsString, IsTimeZone, Length, Matches, Max, Min } from 'class-validator';

export class CreateOrganizationDto implements CreateOrganizationRequest {
  /** Shown everywhere, including the public availability page. */
  @Trim()
  @IsString()
  @Length(1, 120)
  name!: string;

  /** The public address: /public/{slug}. Lower-case letters, digits and single hyphens. */
  @IsString()
  @Length(2, 63)
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits, separated by single hyphens' })
  slug!: string;

  /** IANA time zone in which every wall-clock rule runs, e.g. Europe/Oslo. */
  @IsString()
  @IsTimeZone()
  timeZone!: string;

  /** Decides the public holidays: NO, DK or SE. */
  @IsIn(COUNTRIES)
  country!: Country;

  @IsIn(LOCALES)
  defaultLocale!: Locale;

  /** Hours per week the team has for social media; null when not stated. */
  @OptionalNullable()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10_000)
  capacityHoursPerWeek?: number | null;

  /** The highest LIX readability index the organisation's texts should have (10–80); null for the default, 40. */
  @OptionalNullable()
  @IsInt()
  @Min(10)
  @Max(80)
  readabilityTarget?: number | null;
}

/** Every field optional, but null only where the field allows it (a null name would reach a NOT NULL column). */
export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto, { skipNullProperties: false }) {}
