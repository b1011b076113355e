import { type AuthUser, CurrentUser } from '@kadens/api/core';
import type { MemberView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';

import { RequirePermission } from '../access/require-permission.decorator';
import { MemberParams, UpdateMemberDto } from './member.dto';
import { MembersService } from './members.service';

/** People join through invitations (`…/invitations`); here their roles change and they are removed. */
@ApiTags('members')
@Controller('organizations/:organizationId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('members.read')
  list(@Param('organizationId') organizationId: string): Promise<MemberView[]> {
    return this.members.list(organizationId);
  }

  @Patch(':userId')
  @RequirePermission('members.manage')
  @ApiConflictResponse({ description: 'That would leave the organisation without an admin (code last_admin).' })
  changeRole(@CurrentUser() user: AuthUser, @Param() params: MemberParams, @Body() body: UpdateMemberDto): Promise<MemberView> {
    return this.members.changeRole(user.id, params.organizationId, params.userId, body.role);
  }

  @Delete(':userId')
  @RequirePermission('members.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiConflictResponse({ description: 'That would leave the organisation without an admin (code last_admin).' })
  remove(@CurrentUser() user: AuthUser, @Param() params: MemberParams): Promise<void> {
    return this.members.remove(user.id, params.organizationId, params.userId);
  }
}
