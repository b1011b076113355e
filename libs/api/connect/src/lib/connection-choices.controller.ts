import { type AuthenticatedRequest, OrganizationItemParams } from '@kadens/api/core';
import { RequirePermission } from '@kadens/api/organizations';
import type { ChannelConnectionView, ConnectionChoicesView } from '@kadens/shared/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiGoneResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { ConnectService } from './connect.service';

export class ConnectionChoiceParams extends OrganizationItemParams {
  @IsUUID()
  signInId!: string;
}

export class ChooseConnectionDto {
  /** One of the `choices[].id` of the sign-in. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  choiceId!: string;
}

const NOT_FOUND =
  'No such sign-in for this channel in this session (code connection_choice_not_found), or `choiceId` is not one of its accounts (code connection_choice_unknown).';
const GONE = 'The sign-in was already used (code connection_choice_used) or is older than 10 minutes (code connection_choice_expired).';

/**
 * A sign-in that found several accounts (Facebook pages, Instagram accounts, LinkedIn organisations)
 * lands on the channel page with `?choose={signInId}`; the page lists them here and connects the one
 * the person picks. Only the session that signed in sees them; tokens never leave the server.
 */
@ApiTags('channel connections')
@Controller('organizations/:organizationId/channels/:id/connection/choices/:signInId')
export class ConnectionChoicesController {
  constructor(private readonly connect: ConnectService) {}

  /** The accounts to pick from: id, name, kind and picture; no tokens. */
  @Get()
  @RequirePermission('channels.connect')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiGoneResponse({ description: GONE })
  choices(@Req() request: AuthenticatedRequest, @Param() params: ConnectionChoiceParams): Promise<ConnectionChoicesView> {
    return this.connect.choicesOf(params.organizationId, params.id, params.signInId, request.sessionTokenHash ?? '');
  }

  /** Connects the channel to the picked account (once); answers the connection as `GET …/connection` does. */
  @Post()
  @RequirePermission('channels.connect')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiGoneResponse({ description: GONE })
  @ApiBadGatewayResponse({ description: 'The platform did not accept the account’s token (code account_unreadable); sign in again.' })
  choose(
    @Req() request: AuthenticatedRequest,
    @Param() params: ConnectionChoiceParams,
    @Body() body: ChooseConnectionDto,
  ): Promise<ChannelConnectionView> {
    return this.connect.choose(params.organizationId, params.id, params.signInId, request.sessionTokenHash ?? '', body.choiceId);
  }
}
