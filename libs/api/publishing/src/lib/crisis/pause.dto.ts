import { Trim } from '@kadens/api/core';
import type { PauseRequest } from '@kadens/shared/contracts';
import { IsString, IsUUID, Length } from 'class-validator';

export class PauseDto implements PauseRequest {
  /** Why publishing stops (e.g. "Storm: all planned posts wait"); shown in the banner and kept in the audit log. */
  @Trim()
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** Route params of `/organizations/:organizationId/channels/:channelId/publishing-pause`. */
export class ChannelPauseParams {
  @IsUUID()
  organizationId!: string;

  @IsUUID()
  channelId!: string;
}
