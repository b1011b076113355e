import { INITIATIVE_STATUSES, type InitiativeInput, type InitiativeStatus, type InitiativeUpdate } from '@kadens/shared/contracts';
import { PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsString, IsUUID, Length, Max, Min } from 'class-validator';

import { OptionalNotNull, Trim } from '@kadens/api/core';

/** "We will be on {channels} / to do {what} / to achieve {outcome} / for {audiences}". */
export class CreateInitiativeDto implements InitiativeInput {
  /** We will be on… at least one of the organisation's channels. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds!: string[];

  /** …to do… */
  @Trim()
  @IsString()
  @Length(1, 500)
  what!: string;

  /** …to achieve… */
  @Trim()
  @IsString()
  @Length(1, 500)
  outcome!: string;

  /** …for: at least one of the organisation's audiences that is not archived. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  audienceIds!: string[];

  /** Estimated cost in hours per week: 0 to 168, at most one decimal. */
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(168)
  hoursPerWeek!: number;

  /** Part of the core of the strategy; false by default. */
  @OptionalNotNull()
  @IsBoolean()
  core?: boolean;

  /** idea (default), active or dropped; only active ones count against the capacity. */
  @OptionalNotNull()
  @IsIn(INITIATIVE_STATUSES)
  status?: InitiativeStatus;
}

export class UpdateInitiativeDto extends PartialType(CreateInitiativeDto, { skipNullProperties: false }) implements InitiativeUpdate {}
