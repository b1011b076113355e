import { APP_CONFIG, type AppConfig, tooManyAttempts } from '@kadens/api/core';
import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Calendar clients fetch hourly; a person subscribing in three clients and refreshing by hand stays far below this. */
const FETCHES_PER_MINUTE = 60;

/**
 * The feed answers without a session, so like the invitation and login endpoints it counts requests per
 * address (rate-limiter-flexible; in Redis when REDIS_URL is set, so every API process shares the count,
 * with a memory limiter as insurance when Redis does not answer). Over the limit: 429 with Retry-After.
 */
@Injectable()
export class FeedThrottlerGuard implements CanActivate, OnModuleDestroy {
  private readonly logger = new Logger('FeedThrottlerGuard');
  private readonly redis: Redis | null;
  private readonly limiter: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const memory = new RateLimiterMemory({ keyPrefix: 'calendar-feed', points: FETCHES_PER_MINUTE, duration: 60 });
    this.redis = config.redis.url
      ? new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
      : null;
    this.redis?.on('error', (error: Error) => this.logger.warn(`Redis for feed limits: ${error.message}`));
    this.limiter = this.redis
      ? new RateLimiterRedis({
          storeClient: this.redis,
          keyPrefix: `${config.redis.prefix}:limits:calendar-feed`,
          points: FETCHES_PER_MINUTE,
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
      throw tooManyAttempts(
        http.getResponse<Response>(),
        { retryAfterSeconds },
        'Too many requests for calendar feeds. Try again in a minute.',
      );
    }
  }
}
