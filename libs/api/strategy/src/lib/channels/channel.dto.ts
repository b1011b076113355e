import {
  CHANNEL_STATUSES,
  type ChannelInput,
  type ChannelStatus,
  type ChannelUpdate,
  type Platform,
  PLATFORMS,
} from '@kadens/shared/contracts';
import { OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';

import { OptionalNotNull, OptionalNullable, Trim } from '@kadens/api/core';

export class CreateChannelDto implements ChannelInput {
  /** Cannot change once the channel exists. */
  @IsIn(PLATFORMS)
  platform!: Platform;

  /** Display name, unique in the organisation whatever the case, e.g. "Fjordvik on Facebook". */
  @Trim()
  @IsString()
  @Length(1, 80)
  name!: string;

  /** The account's handle or address, e.g. @fjordvik or fjordvik.no. */
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(200)
  handle?: string;

  /** A member of this organisation who answers for the channel; null for nobody yet. */
  @OptionalNullable()
  @IsUUID()
  responsibleUserId?: string | null;

  /** Shown on the public availability page. */
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(1000)
  publicDescription?: string;

  /** active (default) or paused. */
  @OptionalNotNull()
  @IsIn(CHANNEL_STATUSES)
  status?: ChannelStatus;
}

/** Everything but the platform, which is fixed: sending it is refused as an unknown field. */
export class UpdateChannelDto
  extends PartialType(OmitType(CreateChannelDto, ['platform'] as const), { skipNullProperties: false })
  implements ChannelUpdate {}
