import { APP_CONFIG, type AppConfig, tooManyAttempts } from '@kadens/api/core';
import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Opening a link and deciding are a handful of requests; a page reloaded a few times stays far below this. */
export const EXTERNAL_REVIEW_REQUESTS_PER_MINUTE = 30;

/**
 * The external review link answers without a session, so like the invitation and feed endpoints it
 * counts requests per address (rate-limiter-flexible; in Redis when REDIS_URL is set, with a memory
 * limiter as insurance). Over the limit: 429 with Retry-After. The token is 256 random bits, so this
 * limits cost and noise, not guessing.
 */
@Injectable()
export class ExternalReviewThrottlerGuard implements CanActivate, OnModuleDestroy {
  private readonly logger = new Logger('ExternalReviewThrottlerGuard');
  private readonly redis: Redis | null;
  private readonly limiter: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const points = EXTERNAL_REVIEW_REQUESTS_PER_MINUTE;
    const memory = new RateLimiterMemory({ keyPrefix: 'external-review', points, duration: 60 });
    this.redis = config.redis.url
      ? new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
      : null;
    this.redis?.on('error', (error: Error) => this.logger.warn(`Redis for external review limits: ${error.message}`));
    this.limiter = this.redis
      ? new RateLimiterRedis({
          storeClient: this.redis,
          keyPrefix: `${config.redis.prefix}:limits:external-review`,
          points,
          duration: 60,
          insuranceLimiter: memory,
        })
      : memory;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis?.status === 'ready') await this.redis.quit().catch(() => undefined);
    this.redis?.disconnect();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    try {
      await this.limiter.consume(http.getRequest<Request>().ip ?? 'unknown');
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw tooManyAttempts(http.getResponse<Response>(), { retryAfterSeconds }, 'Too many requests. Wait a minute and try again.');
    }
  }
}
