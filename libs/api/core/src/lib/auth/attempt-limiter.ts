import { HttpException, HttpStatus, Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { normalizeEmail } from './users.service';

type Bucket = 'loginAddress' | 'loginAccount' | 'resetAddress' | 'resetAccount' | 'invitationAddress';

/** Refused for now; `retryAfterSeconds` goes into the Retry-After header. */
export interface Refusal {
  retryAfterSeconds: number;
}

const HOUR = 3_600;

/**
 * Counts login and password-reset attempts per address and per account. With REDIS_URL the counts live
 * in Redis, so every API process shares them; without it, in this process's memory. When Redis does
 * not answer, each process counts in memory meanwhile (the insurance limiter) rather than refusing every
 * login. Accounts are keyed by a hash of the e-mail, so Redis holds no addresses of people.
 */
@Injectable()
export class AttemptLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('AttemptLimiter');
  private readonly redis: Redis | null;
  private readonly limiters: Record<Bucket, RateLimiterAbstract>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { auth, redis } = config;
    this.redis = redis.url ? new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
    this.redis?.on('error', (error: Error) => this.logger.warn(`Redis for attempt limits: ${error.message}`));
    const make = (name: string, points: number, duration: number): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
      return this.redis
        ? new RateLimiterRedis({
            storeClient: this.redis,
            keyPrefix: `${redis.prefix}:limits:${name}`,
            points,
            duration,
            insuranceLimiter: memory,
          })
        : memory;
    };
    this.limiters = {
      loginAddress: make('login-address', auth.loginAttemptsPerAddress, 60),
      loginAccount: make('login-account', auth.loginFailuresPerAccount, auth.loginFailureWindowMinutes * 60),
      resetAddress: make('reset-address', auth.resetRequestsPerAddress, HOUR),
      resetAccount: make('reset-account', auth.resetRequestsPerAccount, HOUR),
      invitationAddress: make('invitation-address', auth.loginAttemptsPerAddress, 60),
    };
  }

  async onModuleDestroy(): Promise<void> {
    // quit() waits for a connection that may never come (a Redis that does not answer); disconnect() stops retrying.
    if (this.redis?.status === 'ready') await this.redis.quit().catch(() => undefined);
    this.redis?.disconnect();
  }

  /** Before checking a password: every attempt counts against the address; a blocked account is refused unread. */
  async beforeLogin(address: string, email: string): Promise<Refusal | null> {
    const byAddress = await this.consume('loginAddress', address);
    if (byAddress) return byAddress;
    const account = await this.limiters.loginAccount.get(accountKey(email));
    if (account && account.consumedPoints >= this.limiters.loginAccount.points) return refusal(account);
    return null;
  }

  /** A wrong password (or an unknown e-mail: both count, so a refusal never tells which accounts exist). */
  async loginFailed(email: string): Promise<void> {
    await this.limiters.loginAccount.penalty(accountKey(email));
  }

  async loginSucceeded(email: string): Promise<void> {
    await this.limiters.loginAccount.delete(accountKey(email));
  }

  /** A password-reset request: counts against the address and the e-mail, whether or not it has an account. */
  async beforeResetRequest(address: string, email: string): Promise<Refusal | null> {
    return (await this.consume('resetAddress', address)) ?? (await this.consume('resetAccount', accountKey(email)));
  }

  /**
   * A use of an invitation link (look it up, accept with a password): counted per address like logins,
   * apart from them. The token is 256 random bits, so this limits cost (password hashing), not guessing.
   */
  async beforeInvitationUse(address: string): Promise<Refusal | null> {
    return this.consume('invitationAddress', address);
  }

  private async consume(bucket: Bucket, key: string): Promise<Refusal | null> {
    try {
      await this.limiters[bucket].consume(key);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return refusal(rejection);
      throw rejection;
    }
  }
}

function accountKey(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('base64url');
}

function refusal(result: RateLimiterRes): Refusal {
  return { retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
}

/** The 429 every refusal answers with, Retry-After set; the same words whether or not the account exists. */
export function tooManyAttempts(response: Response, refused: Refusal, message: string): HttpException {
  response.setHeader('Retry-After', String(refused.retryAfterSeconds));
  return new HttpException({ message, code: 'too_many_attempts' }, HttpStatus.TOO_MANY_REQUESTS);
}
