import { type AuthUser, CurrentUser } from '@kadens/api/core';
import type { MemberView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';

import { RequirePermission } from '../access/require-permission.decorator';
import { AddMemberDto, MemberParams, UpdateMemberDto } from './member.dto';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('organizations/:organizationId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('members.read')
  list(@Param('organizationId') organizationId: string): Promise<MemberView[]> {
    return this.members.list(organizationId);
  }

  @Post()
  @RequirePermission('members.manage')
  @ApiBadRequestResponse({ description: 'Invalid fields, or a new e-mail without initialPassword (code initial_password_required).' })
  @ApiConflictResponse({ description: 'Already a member (code already_member).' })
  add(@CurrentUser() user: AuthUser, @Param('organizationId') organizationId: string, @Body() body: AddMemberDto): Promise<MemberView> {
    return this.members.add(user.id, organizationId, body);
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
