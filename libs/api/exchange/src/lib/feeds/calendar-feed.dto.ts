import type { CalendarFeedInput } from '@kadens/shared/contracts';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

import { OptionalNotNull } from '@kadens/api/core';

export class CreateCalendarFeedDto implements CalendarFeedInput {
  /** The organisation whose plan the feed shows; the caller must be a member. */
  @IsUUID()
  organizationId!: string;

  /** Only posts to any of these channels; absent or empty: every channel. */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds?: string[];

  /** Only posts with any of these themes; absent or empty: every theme. */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  themeIds?: string[];
}
