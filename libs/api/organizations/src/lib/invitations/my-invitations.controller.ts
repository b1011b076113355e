import { type AuthUser, CurrentUser } from '@kadens/api/core';
import type { JoinedOrganizationView, MyInvitationView } from '@kadens/shared/contracts';
import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';

import { MyInvitationParams } from './invitation.dto';
import { InvitationAcceptanceService } from './invitation-acceptance.service';

@ApiTags('me')
@ApiUnauthorizedResponse({ description: 'Not logged in.' })
@Controller('me/invitations')
export class MyInvitationsController {
  constructor(private readonly acceptance: InvitationAcceptanceService) {}

  /** Invitations to your e-mail address that still work, oldest first. */
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<MyInvitationView[]> {
    return this.acceptance.listMine(user);
  }

  /** Joins the organisation with the invited role. */
  @Post(':invitationId/accept')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ description: 'No such invitation for you, or it no longer works (code invitation_not_found).' })
  accept(@CurrentUser() user: AuthUser, @Param() params: MyInvitationParams): Promise<JoinedOrganizationView> {
    return this.acceptance.acceptMine(user, params.invitationId);
  }

  /** Says no; the organisation's admins no longer see it as pending. */
  @Post(':invitationId/decline')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Declined.' })
  @ApiNotFoundResponse({ description: 'No such invitation for you, or it no longer works (code invitation_not_found).' })
  decline(@CurrentUser() user: AuthUser, @Param() params: MyInvitationParams): Promise<void> {
    return this.acceptance.declineMine(user, params.invitationId);
  }
}
