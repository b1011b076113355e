import { COUNTRIES, type Country, type CreateOrganizationRequest, LOCALES, type Locale, SLUG_PATTERN } from '@kadens/shared/contracts';
import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsTimeZone, Length, Matches } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganizationDto implements CreateOrganizationRequest {
  /** Shown everywhere, including the public availability page. */
  @Transform(trim)
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
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) {}
