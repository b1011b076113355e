import { RequirePermission, CurrentMember, type CurrentMemberValue } from '@kadens/api/organizations';
import type { NotificationView } from '@kadens/shared/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ListNotificationsQuery, MarkReadDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('organizations/:organizationId/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** Your latest 50 notifications in this organisation and how many are unread (the bell). */
  @Get()
  @RequirePermission('organization.read')
  list(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
    @Query() query: ListNotificationsQuery,
  ): Promise<{ unread: number; notifications: NotificationView[] }> {
    return this.notifications.list(organizationId, member.user.id, query.unread === 'true');
  }

  /** Marks the given notifications read, or all of yours when `ids` is empty or absent. */
  @Post('read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission('organization.read')
  markRead(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
    @Body() body: MarkReadDto,
  ): Promise<void> {
    return this.notifications.markRead(organizationId, member.user.id, body.ids);
  }
}
