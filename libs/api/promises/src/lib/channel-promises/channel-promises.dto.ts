import { OptionalNotNull, OptionalNullable, RequiredNullable, Trim } from '@kadens/api/core';
import type { CadencePolicy, ClosedPeriod, ServiceHours } from '@kadens/shared/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CadencePolicyDto implements CadencePolicy {
  /** Most posts on one local day (blocking); null = no limit. */
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(100)
  maxPostsPerDay!: number | null;

  /** Least minutes between two posts (blocking); null = no limit. */
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(10_080)
  minMinutesBetweenPosts!: number | null;

  /** Fewest posts in a local ISO week (warning); null = no minimum. */
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(100)
  minPostsPerWeek!: number | null;

  /** Most whole local days without a post (warning); null = no limit. */
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(365)
  maxDaysOfSilence!: number | null;

  /** Local slots the channel prefers, e.g. "Tu,Th 09:30" or "Mo-Fr 08:00,14:30". */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  preferredSlots: string[] = [];

  /** The sentence for the public, e.g. "We post 3–5 times a week". */
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(300)
  publicDescription = '';
}

export class ClosedPeriodDto implements ClosedPeriod {
  /** First closed local date, YYYY-MM-DD. */
  @Matches(LOCAL_DATE, { message: 'start must be a date, YYYY-MM-DD' })
  start!: string;

  /** Last closed local date (inclusive), YYYY-MM-DD. */
  @Matches(LOCAL_DATE, { message: 'end must be a date, YYYY-MM-DD' })
  end!: string;

  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class ServiceHoursDto implements ServiceHours {
  /** OpenStreetMap opening_hours, e.g. "Mo-Fr 09:00-12:00; PH off". */
  @Trim()
  @IsString()
  @Length(1, 1000)
  openingHours!: string;

  /** We answer within this many staffed minutes. */
  @IsInt()
  @Min(0)
  @Max(10_080)
  responseWindowMinutes!: number;

  /** Extra closed days on top of the opening hours (e.g. the summer weeks). */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ClosedPeriodDto)
  closedPeriods: ClosedPeriodDto[] = [];
}

export class ChannelPromisesDto {
  /** null: the channel promises no cadence. Required: a PUT replaces both promises. */
  @RequiredNullable()
  @IsObject()
  @ValidateNested()
  @Type(() => CadencePolicyDto)
  cadence!: CadencePolicyDto | null;

  /** null: the channel publishes no service hours. Required: a PUT replaces both promises. */
  @RequiredNullable()
  @IsObject()
  @ValidateNested()
  @Type(() => ServiceHoursDto)
  serviceHours!: ServiceHoursDto | null;
}
