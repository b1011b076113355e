import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import type { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';
import { SESSION_COOKIE, SessionService } from './session.service';

/** Global: every route needs a valid session unless it is marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' && token.length > 0 ? await this.sessions.resolve(token) : null;
    if (!session) throw new UnauthorizedException({ message: 'Log in first', code: 'not_authenticated' });
    request.user = session.user;
    request.sessionTokenHash = session.tokenHash;
    return true;
  }
}
