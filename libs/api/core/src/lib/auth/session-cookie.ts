import type { Response } from 'express';

import type { AppConfig } from '../config/app-config';
import { SESSION_COOKIE } from './session.service';

export function setSessionCookie(response: Response, config: AppConfig, token: string, maxAgeMs: number): void {
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.auth.cookieSecure,
    path: '/',
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  response.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.auth.cookieSecure });
}
