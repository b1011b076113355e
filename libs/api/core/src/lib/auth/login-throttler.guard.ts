import { type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';

/** Counts login attempts per address and e-mail, so one person's typos never lock out a whole office. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const body = request['body'] as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `${String(request['ip'])}|${email}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // The library names its header per throttler (Retry-After-login); clients understand only the standard one.
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    throw new HttpException({ message: 'Too many login attempts. Wait a minute and try again.', code: 'too_many_attempts' }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
