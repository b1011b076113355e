import { OrganizationItemParams } from '@kadens/api/core';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { ChannelConnectionView, ConnectionTestResult } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';

import { SaveChannelConnectionDto } from './connection.dto';
import { ConnectionsService } from './connections.service';

const NOT_FOUND = 'No such channel in the organisation (code channel_not_found), or it has no connection (code connection_not_found).';
const KEY_MISSING = 'The server has no CREDENTIALS_KEY, so credentials cannot be encrypted or decrypted (code credentials_key_missing).';
const UNREADABLE =
  'The stored credentials do not decrypt with the configured key (code credentials_unreadable): enter them again and save.';

/**
 * How a channel reaches its platform: the address, the settings and the credentials, which are
 * stored encrypted and never shown again (only their names are). Members see the connection's
 * status; only admins connect, change, test or remove it.
 */
@ApiTags('channel connections')
@Controller('organizations/:organizationId/channels/:id/connection')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  /** The channel's connection: address, settings, the names of the stored credentials, and its status. */
  @Get()
  @RequirePermission('strategy.read')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param() params: OrganizationItemParams): Promise<ChannelConnectionView> {
    return this.connections.get(params.organizationId, params.id);
  }

  /** Creates or changes the connection; it is untested again afterwards. */
  @Put()
  @RequirePermission('channels.connect')
  @ApiBadRequestResponse({
    description:
      'A credential or setting the platform does not take, a required one missing, or an address that is not http(s); `errors` name the fields (`credentials.accessToken`).',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: UNREADABLE })
  @ApiServiceUnavailableResponse({ description: KEY_MISSING })
  save(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: SaveChannelConnectionDto,
  ): Promise<ChannelConnectionView> {
    return this.connections.save(params.organizationId, params.id, member.user.id, body);
  }

  /** Forgets the connection and its credentials; the channel no longer publishes until connected again. */
  @Delete()
  @RequirePermission('channels.connect')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNotFoundResponse({ description: NOT_FOUND })
  remove(@CurrentMember() member: CurrentMemberValue, @Param() params: OrganizationItemParams): Promise<void> {
    return this.connections.remove(params.organizationId, params.id, member.user.id);
  }

  /**
   * Asks the platform whom the credentials belong to and records the outcome as the connection's
   * status. A refusal is a 200 with `ok: false` and the reason, in the platform's words where it gave any.
   */
  @Post('test')
  @RequirePermission('channels.connect')
  @HttpCode(HttpStatus.OK)
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: UNREADABLE })
  @ApiServiceUnavailableResponse({ description: KEY_MISSING })
  test(@CurrentMember() member: CurrentMemberValue, @Param() params: OrganizationItemParams): Promise<ConnectionTestResult> {
    return this.connections.test(params.organizationId, params.id, member.user.id);
  }
}
