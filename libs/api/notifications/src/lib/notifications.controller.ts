import { RequirePermission, CurrentMember, type CurrentMemberValue } from '@kadens/api/organizations';
import type { NotificationMailPreferences, NotificationView } from '@kadens/shared/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ListNotificationsQuery, MarkReadDto, NotificationMailPreferencesDto } from './notification.dto';
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

  /** Which of your notifications in this organisation are not sent to you by e-mail (all are, unless you turn them off). */
  @Get('mail-preferences')
  @RequirePermission('organization.read')
  @ApiOkResponse({ type: NotificationMailPreferencesDto })
  async mailPreferences(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
  ): Promise<NotificationMailPreferences> {
    return { mutedKinds: await this.notifications.mutedKinds(organizationId, member.user.id) };
  }

  /** Turns e-mail off for the listed kinds and on for the others; notifications already written keep their decision. */
  @Put('mail-preferences')
  @RequirePermission('organization.read')
  @ApiOkResponse({ type: NotificationMailPreferencesDto })
  async setMailPreferences(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
    @Body() body: NotificationMailPreferencesDto,
  ): Promise<NotificationMailPreferences> {
    return { mutedKinds: await this.notifications.setMutedKinds(organizationId, member.user.id, body.mutedKinds) };
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
