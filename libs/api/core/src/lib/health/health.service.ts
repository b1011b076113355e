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

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = config.redis.url
      ? new Redis(config.redis.url, { lazyConnect: true, connectTimeout: CHECK_TIMEOUT_MS, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null })
      : null;
    this.redis?.on('error', () => undefined);
  }

  async check(): Promise<HealthView> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const ok = database === 'up' && redis !== 'down';
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
