import { EndsWithinDaysOf, IsInstant, ToList } from '@kadens/api/core';
import { CALENDAR_MAX_DAYS, type CalendarQuery, POST_STATES, type PostState } from '@kadens/shared/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';

export class CalendarQueryDto implements CalendarQuery {
  /** Start of the range (inclusive), ISO 8601 with offset. */
  @IsInstant()
  from!: string;

  /** End of the range (exclusive); after `from`, at most 370 days later. */
  @IsInstant()
  @EndsWithinDaysOf('from', CALENDAR_MAX_DAYS)
  to!: string;

  @IsOptional()
  @ToList()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  themeIds?: string[];

  @IsOptional()
  @ToList()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  audienceIds?: string[];

  @IsOptional()
  @ToList()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds?: string[];

  @IsOptional()
  @ToList()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  initiativeIds?: string[];

  @IsOptional()
  @ToList()
  @IsArray()
  @IsIn(POST_STATES, { each: true })
  states?: PostState[];
}
