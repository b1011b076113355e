import type { CanActivate, ExecutionContext, OnModuleDestroy } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { tooManyAttempts } from '../auth/attempt-limiter';
import type { AppConfig } from '../config/app-config';

/** One public endpoint's budget per address. */
export interface PerAddressLimit {
  /** Names the counter (`<REDIS_PREFIX>:limits:<name>`) and the log lines. */
  name: string;
  perMinute: number;
  /** The 429's message. */
  message: string;
}

/**
 * For endpoints that answer without a session (a calendar feed, an external review link): counts requests
 * per address with rate-limiter-flexible — in Redis when REDIS_URL is set, so every API process shares the
 * count, with a memory limiter as insurance when Redis does not answer. Over the limit: 429 with
 * Retry-After. Subclass it with the endpoint's limit and use the subclass in `@UseGuards`.
 */
export abstract class PerAddressRateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly logger: Logger;
  private readonly redis: Redis | null;
  private readonly limiter: RateLimiterAbstract;

  protected constructor(
    config: AppConfig,
    private readonly limit: PerAddressLimit,
  ) {
    this.logger = new Logger(`${limit.name} limit`);
    const memory = new RateLimiterMemory({ keyPrefix: limit.name, points: limit.perMinute, duration: 60 });
    this.redis = config.redis.url
      ? new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
      : null;
    this.redis?.on('error', (error: Error) => this.logger.warn(`Redis for ${limit.name} limits: ${error.message}`));
    this.limiter = this.redis
      ? new RateLimiterRedis({
          storeClient: this.redis,
          keyPrefix: `${config.redis.prefix}:limits:${limit.name}`,
          points: limit.perMinute,
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
      throw tooManyAttempts(http.getResponse<Response>(), { retryAfterSeconds }, this.limit.message);
    }
  }
}
