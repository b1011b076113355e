import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The public invitation endpoints answer without a session and hash passwords, so like the login they
 * count attempts per address (LOGIN_ATTEMPTS_PER_ADDRESS a minute, counted apart from the logins). A
 * token is 256 random bits, so the limit is about cost, not guessing; in this process's memory.
 */
@Injectable()
export class InvitationThrottlerGuard implements CanActivate {
  private readonly perAddress: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.perAddress = new RateLimiterMemory({ keyPrefix: 'invitation-address', points: config.auth.loginAttemptsPerAddress, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    try {
      await this.perAddress.consume(http.getRequest<Request>().ip ?? 'unknown');
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      http.getResponse<Response>().setHeader('Retry-After', String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))));
      throw new HttpException({ message: 'Too many attempts. Wait a minute and try again.', code: 'too_many_attempts' }, HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
