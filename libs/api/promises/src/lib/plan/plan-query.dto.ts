import { EndsWithinDaysOf, IsInstant, OptionalNotNull, ToList } from '@kadens/api/core';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID } from 'class-validator';

/** A stretch of the calendar: at most 370 days for violations. */
export class ViolationsQueryDto {
  @IsInstant()
  from!: string;

  @IsInstant()
  @EndsWithinDaysOf('from', 370)
  to!: string;

  /** Only these channels (comma-separated or repeated); all when absent. */
  @OptionalNotNull()
  @ToList()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds?: string[];
}

/** Staffed periods are drawn on week views: at most 62 days at a time. */
export class StaffedPeriodsQueryDto {
  @IsInstant()
  from!: string;

  @IsInstant()
  @EndsWithinDaysOf('from', 62)
  to!: string;

  @OptionalNotNull()
  @ToList()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds?: string[];
}

export class NextFreeSlotQueryDto {
  /** Search from this instant (default: now). */
  @OptionalNotNull()
  @IsInstant()
  from?: string;

  /** The post asks for answers, so service hours apply (default false). */
  @OptionalNotNull()
  @IsIn(['true', 'false'])
  invitesDialogue?: 'true' | 'false';

  /** The post being placed, whose current time is ignored. */
  @OptionalNotNull()
  @IsUUID()
  postId?: string;
}

/** The next time free on every one of several channels: the composer's search, in one request. */
export class ChannelsNextFreeSlotQueryDto extends NextFreeSlotQueryDto {
  /** The channels (comma-separated or repeated), each this organisation's. */
  @ToList()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  channelIds!: string[];
}
