import type { UserView } from '@kadens/shared/contracts';
import { Body, Controller, HttpCode, HttpStatus, Inject, Logger, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './account-security.dto';
import { AccountSecurityService } from './account-security.service';
import { AttemptLimiter, tooManyAttempts } from './attempt-limiter';
import type { AuthenticatedRequest, AuthUser } from './authenticated-request';
import { clientContext, limitKeyForAddress } from './client-context';
import { CurrentUser } from './current-user.decorator';
import { LoginDto } from './login.dto';
import { PasswordHasher } from './password-hasher';
import { PasswordResetService } from './password-reset.service';
import { Public } from './public.decorator';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { hashSessionToken, SESSION_COOKIE, SessionService } from './session.service';
import { toUserView, UsersService } from './users.service';

const TOO_MANY_LOGINS = 'Too many login attempts. Wait a while and try again, or set a new password with "Forgot password?".';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger('AuthController');

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly limiter: AttemptLimiter,
    private readonly account: AccountSecurityService,
    private readonly resets: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the credentials and sets the httpOnly session cookie. Limited per address (every attempt)
   * and per account (failed attempts); the 429 is the same whether or not the account exists.
   */
  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Logged in; the session cookie is set.' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (which one is never said).' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts from this address, or too many failed ones for this e-mail (code too_many_attempts); see Retry-After.',
  })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<UserView> {
    const refused = await this.limiter.beforeLogin(limitKeyForAddress(request.ip), body.email);
    if (refused) throw tooManyAttempts(response, refused, TOO_MANY_LOGINS);
    const user = await this.users.findWithPasswordHash(body.email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, body.password);
    if (!user || !valid) {
      await this.limiter.loginFailed(body.email);
      throw new UnauthorizedException({ message: 'Wrong e-mail or password', code: 'invalid_credentials' });
    }
    await this.limiter.loginSucceeded(body.email);
    const token = await this.sessions.create(user.id, clientContext(request));
    setSessionCookie(response, this.config, token, this.sessions.ttlMs);
    return toUserView(user);
  }

  /** Ends the session, if any, and clears the cookie. */
  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Logged out.' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0) await this.sessions.revoke(hashSessionToken(token));
    clearSessionCookie(response, this.config);
  }

  /** Ends every session of your account, on every device, this one included. */
  @Post('logout-everywhere')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Every session of the account has ended; the cookie is cleared.' })
  @ApiUnauthorizedResponse({ description: 'Not logged in.' })
  async logoutEverywhere(
    @CurrentUser() user: AuthUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.account.logOutEverywhere(user, clientContext(request));
    clearSessionCookie(response, this.config);
  }

  /**
   * Mails a link to set a new password (valid for one hour, once) when the e-mail has an account. The
   * answer is the same 202 whether or not it has one.
   */
  @Public()
  @Post('password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'If the e-mail has an account, a link is on its way.' })
  @ApiTooManyRequestsResponse({
    description: 'Too many requests from this address or for this e-mail (code too_many_attempts); see Retry-After.',
  })
  async requestPasswordReset(
    @Body() body: PasswordResetRequestDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ message: string }> {
    const refused = await this.limiter.beforeResetRequest(limitKeyForAddress(request.ip), body.email);
    if (refused)
      throw tooManyAttempts(
        response,
        refused,
        'Too many requests for a new password. Check your inbox (and spam folder), or try again later.',
      );
    // Answered before the work is done, so the time taken does not tell whether the account exists.
    const client = clientContext(request);
    void this.resets
      .request(body.email, client)
      .catch((error: unknown) => this.logger.error(`password reset request failed: ${String(error)}`));
    return { message: 'If the e-mail address has an account, we have sent it a link to set a new password.' };
  }

  /** Sets a new password from the link in the mail; the link is used up and every session of the account ends. */
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The password is set; log in with it.' })
  @ApiBadRequestResponse({
    description:
      'The link has expired or was used (code invalid_reset_token, field token), or the password is refused (field password, saying why).',
  })
  async confirmPasswordReset(
    @Body() body: PasswordResetConfirmDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const email = await this.resets.confirm(body.token, body.password, clientContext(request));
    await this.limiter.loginSucceeded(email);
    clearSessionCookie(response, this.config);
  }
}
