import type { UserView } from '@kadens/shared/contracts';
import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { LoginDto } from './login.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { PasswordHasher } from './password-hasher';
import { Public } from './public.decorator';
import { hashSessionToken, SESSION_COOKIE, SessionService } from './session.service';
import { toUserView, UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the credentials and sets the httpOnly session cookie. */
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Logged in; the session cookie is set.' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (which one is never said).' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this address and e-mail; see Retry-After.' })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response): Promise<UserView> {
    const user = await this.users.findWithPasswordHash(body.email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, body.password);
    if (!user || !valid) throw new UnauthorizedException({ message: 'Wrong e-mail or password', code: 'invalid_credentials' });
    const token = await this.sessions.create(user.id);
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.auth.cookieSecure,
      path: '/',
      maxAge: this.sessions.ttlMs,
    });
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
    response.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.auth.cookieSecure });
  }
}
