import { type AuthUser, CurrentUser } from '@kadens/api/core';
import type { InvitationView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';

import { RequirePermission } from '../access/require-permission.decorator';
import { InvitationParams, InviteMemberDto } from './invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('members')
@Controller('organizations/:organizationId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** Pending invitations, newest first, expired ones included (they can be sent again). */
  @Get()
  @RequirePermission('members.manage')
  list(@Param('organizationId') organizationId: string): Promise<InvitationView[]> {
    return this.invitations.list(organizationId);
  }

  /**
   * Invites an e-mail address with a role; Kadens mails a link in the organisation's language. The answer
   * is the same whether or not the address has an account: the person joins only by accepting.
   */
  @Post()
  @RequirePermission('members.manage')
  @ApiCreatedResponse({ description: 'Invited; the mail is on its way. Valid for 7 days.' })
  @ApiConflictResponse({
    description: 'Already a member (code already_member), or already invited and the link still works (code already_invited).',
  })
  invite(
    @CurrentUser() user: AuthUser,
    @Param('organizationId') organizationId: string,
    @Body() body: InviteMemberDto,
  ): Promise<InvitationView> {
    return this.invitations.invite(user.id, organizationId, body);
  }

  /** Sends the invitation again with a new link, valid for 7 days; the old link stops working. */
  @Post(':invitationId/resend')
  @RequirePermission('members.manage')
  @HttpCode(HttpStatus.OK)
  resend(@CurrentUser() user: AuthUser, @Param() params: InvitationParams): Promise<InvitationView> {
    return this.invitations.resend(user.id, params.organizationId, params.invitationId);
  }

  /** Withdraws the invitation; its link stops working. */
  @Delete(':invitationId')
  @RequirePermission('members.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked.' })
  revoke(@CurrentUser() user: AuthUser, @Param() params: InvitationParams): Promise<void> {
    return this.invitations.revoke(user.id, params.organizationId, params.invitationId);
  }
}
