import { Trim } from '@kadens/api/core';
import type { ManualResultsInput, ResultNumbers } from '@kadens/shared/contracts';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** The largest number a person may enter for one metric. */
export const MANUAL_NUMBER_MAX = 1e12;

/** Route params of `/organizations/:organizationId/publishing/targets/:targetId/results`. */
export class TargetResultsParams {
  @IsUUID()
  organizationId!: string;

  @IsUUID()
  targetId!: string;
}

/** The normalised metrics; each a whole number from 0 to 10^12, left out (or null) when not known. Other names are refused. */
export class ResultNumbersDto implements ResultNumbers {
  /** Views or impressions. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MANUAL_NUMBER_MAX)
  views?: number;

  /** People reached. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MANUAL_NUMBER_MAX)
  reach?: number;

  /** Likes, favourites and other reactions. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MANUAL_NUMBER_MAX)
  reactions?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MANUAL_NUMBER_MAX)
  comments?: number;

  /** Shares, boosts, reposts. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MANUAL_NUMBER_MAX)
  shares?: number;

  /** Link clicks. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MANUAL_NUMBER_MAX)
  clicks?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MANUAL_NUMBER_MAX)
  saves?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MANUAL_NUMBER_MAX)
  videoViews?: number;
}

export class ManualResultsDto implements ManualResultsInput {
  /** Replaces every number entered before; `{}` clears them. Reports prefer each entered number to the collected one. */
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ResultNumbersDto)
  numbers!: ResultNumbersDto;

  /** Where the numbers come from (e.g. "counted at the library's stand"). */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
