import type { AccountSessionView } from '@kadens/shared/contracts';
import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ChangePasswordDto } from './account-security.dto';
import { AccountSecurityService } from './account-security.service';
import { AttemptLimiter, tooManyAttempts } from './attempt-limiter';
import type { AuthenticatedRequest, AuthUser } from './authenticated-request';
import { clientContext, limitKeyForAddress } from './client-context';
import { CurrentUser } from './current-user.decorator';
import { clearSessionCookie } from './session-cookie';
import { SessionService } from './session.service';

/** Your own password and sessions (`/api/me` itself is in the organisations library). */
@ApiTags('me')
@ApiUnauthorizedResponse({ description: 'Not logged in.' })
@Controller('me')
export class AccountController {
  constructor(
    private readonly account: AccountSecurityService,
    private readonly sessions: SessionService,
    private readonly limiter: AttemptLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Changes your password; every other session of yours ends, this one stays. */
  @Put('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Changed; your other sessions have ended.' })
  @ApiBadRequestResponse({
    description:
      'The current password is wrong (code wrong_password, field currentPassword), or the new one is refused (field newPassword, saying why).',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong passwords for this account (code too_many_attempts); see Retry-After.' })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    // Guessing the current password from a borrowed session counts like guessing it at the login.
    const refused = await this.limiter.beforeLogin(limitKeyForAddress(request.ip), user.email);
    if (refused) throw tooManyAttempts(response, refused, 'Too many wrong passwords. Wait a while and try again.');
    const outcome = await this.account.changePassword(user, request.sessionTokenHash ?? '', body, clientContext(request));
    if (outcome === 'wrong_password') {
      await this.limiter.loginFailed(user.email);
      const message = 'This is not your current password.';
      throw new BadRequestException({
        message: `currentPassword: ${message}`,
        code: 'wrong_password',
        errors: [{ field: 'currentPassword', messages: [message] }],
      });
    }
  }

  /** Your sessions that have not ended, most recently used first; `current` marks the one asking. */
  @Get('sessions')
  @ApiOkResponse({
    description:
      'AccountSessionView[]: `id`, `createdAt`, `lastUsedAt`, `device` (from the user agent), `address` (shortened to /24 or /48), `current`.',
  })
  listSessions(@CurrentUser() user: AuthUser, @Req() request: AuthenticatedRequest): Promise<AccountSessionView[]> {
    return this.sessions.list(user.id, request.sessionTokenHash);
  }

  /** Ends one of your sessions (ending the current one logs you out here). */
  @Delete('sessions/:sessionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Ended.' })
  @ApiNotFoundResponse({ description: 'No such session of yours (code session_not_found).' })
  async endSession(
    @CurrentUser() user: AuthUser,
    @Param('sessionId', new ParseUUIDPipe({ exceptionFactory: () => invalidSessionId() })) sessionId: string,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const { wasCurrent } = await this.account.endSession(user, sessionId, request.sessionTokenHash, clientContext(request));
    if (wasCurrent) clearSessionCookie(response, this.config);
  }
}

function invalidSessionId(): BadRequestException {
  return new BadRequestException({
    message: 'sessionId: must be a UUID',
    code: 'validation_failed',
    errors: [{ field: 'sessionId', messages: ['must be a UUID'] }],
  });
}
