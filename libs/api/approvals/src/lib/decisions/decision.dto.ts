import { OptionalNotNull, Trim } from '@kadens/api/core';
import type { ApproveRequest, CancelRequest, RequestChangesRequest } from '@kadens/shared/contracts';
import { ArrayMaxSize, IsArray, IsInt, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';

export class ApproveDto implements ApproveRequest {
  /** The revision you reviewed; if the post changed since, the answer is 409 stale_revision. */
  @IsInt()
  @Min(1)
  revision!: number;

  /** Ids of the checklist items you ticked; every required item must be among them. */
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  checklist!: string[];

  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class RequestChangesDto implements RequestChangesRequest {
  @IsInt()
  @Min(1)
  revision!: number;

  /** What should change, for the author. */
  @Trim()
  @IsString()
  @Length(1, 4000)
  comment!: string;
}

export class CancelDto implements CancelRequest {
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
