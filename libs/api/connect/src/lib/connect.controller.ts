import { type AuthenticatedRequest, OrganizationItemParams, Public, SESSION_COOKIE, SessionService } from '@kadens/api/core';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiBadRequestResponse, ApiFoundResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { ChannelConnectionView } from '@kadens/shared/contracts';
import type { Response } from 'express';

import { AppPasswordSignInDto } from './app-password.dto';
import { AuthorizeConnectionDto, type AuthorizeConnectionResponse } from './authorize.dto';
import { type CallbackQuery, ConnectService } from './connect.service';

/**
 * Connecting a channel by signing in with the platform (OAuth): an admin asks for the consent page's
 * address, the browser goes there, and the platform sends it back to `GET /api/oauth/callback`, which
 * stores the connection and lands on the channel's page.
 */
@ApiTags('channel connections')
@Controller()
export class ConnectController {
  constructor(
    private readonly connect: ConnectService,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Where to send the browser to sign in with the channel's platform (X, Mastodon, Facebook, Instagram,
   * LinkedIn; WordPress's own authorisation screen). The address is good for 10 minutes, for this
   * session only, once.
   */
  @Post('organizations/:organizationId/channels/:id/connection/authorize')
  @RequirePermission('channels.connect')
  @HttpCode(HttpStatus.OK)
  @ApiBadRequestResponse({
    description:
      'The platform has no sign-in flow, or no app configured on this installation (`errors[0].field` is `platform`); Mastodon without a usable `instanceUrl` (missing, not an address, refused by the outbound rules, or not answering as Mastodon); WordPress without a usable `siteUrl` (also code application_passwords_unavailable).',
  })
  @ApiNotFoundResponse({ description: 'No such channel in the organisation (code channel_not_found).' })
  authorize(
    @CurrentMember() member: CurrentMemberValue,
    @Req() request: AuthenticatedRequest,
    @Param() params: OrganizationItemParams,
    @Body() body: AuthorizeConnectionDto,
  ): Promise<AuthorizeConnectionResponse> {
    return this.connect.start(params.organizationId, params.id, member.user.id, request.sessionTokenHash ?? '', {
      instanceUrl: body.instanceUrl ?? null,
      siteUrl: body.siteUrl ?? null,
    });
  }

  /**
   * Bluesky: signs in with the handle and an app password (`com.atproto.server.createSession`) and
   * stores the session, renewed by the worker before it expires; the app password itself is not kept.
   */
  @Post('organizations/:organizationId/channels/:id/connection/app-password')
  @RequirePermission('channels.connect')
  @HttpCode(HttpStatus.OK)
  @ApiBadRequestResponse({
    description:
      'Not a Bluesky channel (`errors[0].field` is `platform`), a `pdsUrl` that cannot be used, or a handle and app password Bluesky refuses (code sign_in_refused, field `appPassword`).',
  })
  @ApiBadGatewayResponse({ description: 'The PDS could not be reached (code platform_unreachable).' })
  @ApiNotFoundResponse({ description: 'No such channel in the organisation (code channel_not_found).' })
  signInWithAppPassword(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: AppPasswordSignInDto,
  ): Promise<ChannelConnectionView> {
    return this.connect.signInWithAppPassword(params.organizationId, params.id, member.user.id, {
      identifier: body.identifier,
      appPassword: body.appPassword,
      pdsUrl: body.pdsUrl ?? null,
    });
  }

  /**
   * Where the platforms send the browser back. Always a redirect to the channel's page in the web
   * app: `?connected=1`, `?choose={signInId}` (several pages or organisations to pick from: see
   * `…/connection/choices/{signInId}`), or `?connectError=` one of state_invalid, state_expired,
   * state_used, session_mismatch, denied, not_allowed, token_refused, platform_unreachable,
   * account_unreadable, nothing_to_choose. The query is not logged (WordPress sends a password in it).
   */
  @Get('oauth/callback')
  @Public()
  @ApiFoundResponse({ description: 'To the channel page, connected or with the reason it is not.' })
  async callback(@Req() request: AuthenticatedRequest, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' && token !== '' ? await this.sessions.resolve(token) : null;
    const strings: CallbackQuery = {};
    for (const name of ['state', 'code', 'error', 'error_description', 'iss', 'user_login', 'password'] as const) {
      const value = query[name];
      if (typeof value === 'string') (strings as Record<string, string>)[name] = value;
    }
    response.redirect(HttpStatus.FOUND, await this.connect.finish(strings, session?.tokenHash ?? null));
  }
}
