import { AttemptLimiter, tooManyAttempts } from '@kadens/api/core';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

/**
 * The public invitation endpoints answer without a session and hash passwords, so like the login they
 * count attempts per address (LOGIN_ATTEMPTS_PER_ADDRESS a minute, counted apart from the logins) —
 * in Redis when it is configured, so every API process shares the count.
 */
@Injectable()
export class InvitationThrottlerGuard implements CanActivate {
  constructor(private readonly limiter: AttemptLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const refused = await this.limiter.beforeInvitationUse(http.getRequest<Request>().ip ?? 'unknown');
    if (refused) throw tooManyAttempts(http.getResponse<Response>(), refused, 'Too many attempts. Wait a minute and try again.');
    return true;
  }
}
