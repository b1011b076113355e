import { OptionalNotNull } from '@kadens/api/core';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationMailPreferences } from '@kadens/shared/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsUUID } from 'class-validator';

export class ListNotificationsQuery {
  /** Only unread ones (default false). */
  @OptionalNotNull()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class MarkReadDto {
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class NotificationMailPreferencesDto implements NotificationMailPreferences {
  /** The kinds not to send by e-mail (they still show in the app); [] = every kind by e-mail. */
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true, example: ['commented'] })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @IsIn(NOTIFICATION_KINDS, { each: true })
  mutedKinds!: NotificationKind[];
}
