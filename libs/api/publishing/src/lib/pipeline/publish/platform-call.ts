import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { isPlatformError, PlatformRateLimitedError, PlatformRegistry } from '@kadens/api/platforms';
import { settleFailedAttempt } from '@kadens/shared/rules';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { ConnectionCredentials } from '../../connections/connection-credentials';
import type { Claimed, Outcome, SettledFailure } from '../delivery-attempt';

/**
 * The publisher's second step: calls the platform's adapter for a claimed attempt, outside any
 * transaction (no lock is held while the platform answers), and turns the answer into an outcome. A
 * failure is settled here by the pure `settleFailedAttempt` (failed, scheduled again with its time, or
 * unconfirmed); nothing is written — that is the settlement's step. Credentials that expire are renewed
 * first through `ConnectionCredentials`.
 */
@Injectable()
export class PlatformCall {
  private readonly logger = new Logger(PlatformCall.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: PlatformRegistry,
    private readonly credentials: ConnectionCredentials,
  ) {}

  async publish(targetId: string, claimed: Claimed): Promise<Outcome> {
    const adapter = this.registry.adapterFor(claimed.platform);
    try {
      // Platforms whose tokens expire (X) get them renewed first, once for all workers; a refused
      // renewal throws PlatformAuthError, settled below like any auth failure ("reconnect needed").
      const connection = adapter.refreshCredentials
        ? ((await this.credentials.fresh(claimed.channelId)) ?? claimed.request.connection)
        : claimed.request.connection;
      return { targetId, attempt: claimed, result: await adapter.publish({ ...claimed.request, connection }) };
    } catch (error) {
      return { targetId, attempt: claimed, failure: this.failureOf(error, claimed, adapter.capabilities) };
    }
  }

  private failureOf(
    error: unknown,
    claimed: Claimed,
    capabilities: { idempotentPublish: boolean; idempotencyWindowMs: number | null },
  ): SettledFailure {
    const platformError = isPlatformError(error) ? error : null;
    const now = Date.now();
    const settlement = settleFailedAttempt({
      kind: platformError?.kind ?? 'unknown',
      attempt: claimed.automaticAttempt,
      maxAttempts: this.config.publishing.maxAttempts,
      idempotent: capabilities.idempotentPublish,
      idempotencyWindowMs: capabilities.idempotencyWindowMs,
      firstAttemptAt: claimed.firstAttemptAt,
      now,
      retryAfterMs: error instanceof PlatformRateLimitedError ? error.retryAfterMs : undefined,
      retryBaseMs: this.config.publishing.retryBaseMs,
    });
    if (!platformError)
      this.logger.error(
        `publishing target failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    return {
      outcome: platformError?.kind ?? 'error',
      status: platformError?.status ?? null,
      code: platformError?.code ?? null,
      message: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
      settlement,
    };
  }
}
