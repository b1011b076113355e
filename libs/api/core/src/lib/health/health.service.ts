import type { DependencyState, HealthView } from '@kadens/shared/contracts';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

const CHECK_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis | null;
  /** Workers take jobs from Redis and schedulers enqueue into it: without it they cannot do their work. */
  private readonly needsRedis: boolean;
  /** After shutdown a late check (the heartbeat's) must not open a new connection. */
  private closed = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.needsRedis = config.redis.url !== null && config.roles.some((role) => role === 'worker' || role === 'scheduler');
    this.redis = config.redis.url
      ? new Redis(config.redis.url, {
          lazyConnect: true,
          connectTimeout: CHECK_TIMEOUT_MS,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          retryStrategy: () => null,
        })
      : null;
    this.redis?.on('error', () => undefined);
  }

  /** Every dependency this installation has: the database, and Redis when configured (`GET /api/health`). */
  async check(): Promise<HealthView> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const ok = database === 'up' && redis !== 'down';
    return { status: ok ? 'ok' : 'unavailable', database, redis };
  }

  /**
   * What this process needs to do its work (`GET /api/health/ready`, the heartbeat file): the database
   * always; Redis only for the worker and scheduler roles. An `api`-only process serves the app without
   * Redis (the queue dashboard and the delivery stream do not need it), so a Redis outage does not take
   * the web app out of the proxy's rotation.
   */
  async ready(): Promise<HealthView> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const ok = database === 'up' && !(this.needsRedis && redis === 'down');
    return { status: ok ? 'ok' : 'unavailable', database, redis };
  }

  private async checkDatabase(): Promise<DependencyState> {
    try {
      await withTimeout(this.db.query('SELECT 1'));
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async checkRedis(): Promise<DependencyState> {
    if (!this.redis) return 'not_configured';
    if (this.closed) return 'down';
    try {
      if (this.redis.status !== 'ready') {
        this.redis.disconnect();
        await withTimeout(this.redis.connect());
      }
      return (await withTimeout(this.redis.ping())) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  onModuleDestroy(): void {
    this.closed = true;
    this.redis?.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
