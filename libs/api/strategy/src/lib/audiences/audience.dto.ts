import { type AudienceInput, type AudienceUpdate, EFFECT_PERIODS, type EffectPeriod, type EffectTarget } from '@kadens/shared/contracts';
import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { OptionalNotNull, OptionalNullable, Trim } from '@kadens/api/core';

/** The largest value numeric(14,2) holds, rounded down to a whole number. */
const MAX_EFFECT_VALUE = 999_999_999_999;

export class EffectTargetDto implements EffectTarget {
  /** What is counted, e.g. "newsletter sign-ups". */
  @Trim()
  @IsString()
  @Length(1, 120)
  metric!: string;

  /** How many, at most two decimals. */
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(MAX_EFFECT_VALUE)
  value!: number;

  /** Per week, month, quarter or year. */
  @IsIn(EFFECT_PERIODS)
  period!: EffectPeriod;
}

export class CreateAudienceDto implements AudienceInput {
  /** Unique in the organisation, whatever the case. */
  @Trim()
  @IsString()
  @Length(1, 80)
  name!: string;

  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;

  /** What the audience should know or feel. */
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(1000)
  communicationGoal?: string;

  /** What the audience should do, in words. */
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(1000)
  effectGoal?: string;

  /** The effect goal as a measurable target; null for none. */
  @OptionalNullable()
  @IsObject()
  @ValidateNested()
  @Type(() => EffectTargetDto)
  effectTarget?: EffectTargetDto | null;

  /** The organisation's channels where this audience is. */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds?: string[];
}

export class UpdateAudienceDto extends PartialType(CreateAudienceDto, { skipNullProperties: false }) implements AudienceUpdate {
  /** true archives the audience (new plans can no longer pick it); false brings it back. */
  @OptionalNotNull()
  @IsBoolean()
  archived?: boolean;
}
