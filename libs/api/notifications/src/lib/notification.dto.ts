import { OptionalNotNull } from '@kadens/api/core';
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
