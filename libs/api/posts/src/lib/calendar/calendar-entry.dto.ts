import {
  type CalendarEntry,
  type CalendarEntryTarget,
  type Platform,
  PLATFORMS,
  POST_STATES,
  type PostState,
  TARGET_STATES,
  type TargetState,
} from '@kadens/shared/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** One channel of a calendar entry (the OpenAPI description of CalendarEntryTarget; the JSON is written by the database). */
export class CalendarEntryTargetDto implements CalendarEntryTarget {
  /** The channel; a post has at most one target per channel, so it names the target within the post. */
  channelId!: string;

  @ApiProperty({ enum: PLATFORMS })
  platform!: Platform;

  @ApiProperty({ enum: TARGET_STATES, description: 'The delivery state on this channel.' })
  state!: TargetState;
}

/** What the calendar draws for one post (the OpenAPI description of CalendarEntry). */
export class CalendarEntryDto implements CalendarEntry {
  id!: string;

  title!: string;

  /** ISO 8601 in UTC, e.g. 2026-12-01T08:30:00.000Z. */
  plannedAt!: string;

  @ApiProperty({ enum: POST_STATES, description: 'The sign-off state.' })
  state!: PostState;

  themeId!: string;

  /** In the order of the channels' names; `GET …/posts/{id}` gives the targets' ids and texts. */
  @ApiProperty({ type: [CalendarEntryTargetDto] })
  targets!: CalendarEntryTargetDto[];
}
