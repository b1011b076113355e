import { APP_CONFIG, type AppConfig, clientContext, Public, SessionService, setSessionCookie } from '@kadens/api/core';
import type { InvitationPreview, JoinedOrganizationView } from '@kadens/shared/contracts';
import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { AcceptInvitationDto, InvitationTokenDto } from './invitation.dto';
import { InvitationAcceptanceService } from './invitation-acceptance.service';
import { InvitationThrottlerGuard } from './invitation-throttler.guard';

/** The invitation link, for someone who may not have an account yet: no session needed. */
@ApiTags('invitations')
@ApiGoneResponse({ description: 'The link does not work: unknown, expired, used, replaced or revoked (code invitation_invalid).' })
@ApiTooManyRequestsResponse({ description: 'Too many attempts from this address; see Retry-After.' })
@Controller('invitations')
export class PublicInvitationsController {
  constructor(
    private readonly acceptance: InvitationAcceptanceService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the link invites to, and whether its e-mail already has an account (then: log in and accept in the app). */
  @Public()
  @UseGuards(InvitationThrottlerGuard)
  @Post('lookup')
  @HttpCode(HttpStatus.OK)
  lookup(@Body() body: InvitationTokenDto): Promise<InvitationPreview> {
    return this.acceptance.preview(body.token);
  }

  /** Creates the account with this name and password, joins the organisation and logs in (sets the session cookie). */
  @Public()
  @UseGuards(InvitationThrottlerGuard)
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Joined and logged in; the session cookie is set.' })
  @ApiBadRequestResponse({ description: 'Invalid fields; a password the policy refuses is named as `password`.' })
  @ApiConflictResponse({ description: 'The e-mail has an account by now: log in and accept in the app (code account_exists).' })
  async accept(
    @Body() body: AcceptInvitationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<JoinedOrganizationView> {
    const { userId, joined } = await this.acceptance.acceptWithToken(body);
    // A session as the login makes one: the same cookie, the browser and address in the person's session list.
    setSessionCookie(response, this.config, await this.sessions.create(userId, clientContext(request)), this.sessions.ttlMs);
    return joined;
  }
}
