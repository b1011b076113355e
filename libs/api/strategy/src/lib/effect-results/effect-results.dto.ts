import type { EffectResultsInput } from '@kadens/shared/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { OptionalNotNull, RequiredNullable, Trim } from '@kadens/api/core';

/** The largest value numeric(14,2) holds. */
export const MAX_EFFECT_RESULT = 999_999_999_999.99;

export class EffectResultEntryDto {
  /** '2026-W48', '2026-11', '2026-Q4' or '2026', after the audience's effect target's period. */
  @IsString()
  @MaxLength(8)
  period!: string;

  /** The measured value, at most two decimals; null removes the period. */
  @RequiredNullable()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(MAX_EFFECT_RESULT)
  value!: number | null;

  /** Where the number comes from, or what explains it. */
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class EffectResultsDto implements EffectResultsInput {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(120)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EffectResultEntryDto)
  results!: EffectResultEntryDto[];
}
