import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { isPlatformError, PlatformRateLimitedError, PlatformRegistry } from '@kadens/api/platforms';
import { settleFailedAttempt } from '@kadens/shared/rules';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { ConnectionCredentials } from '../../connections/connection-credentials';
import type { Claimed, Outcome, SettledFailure } from '../delivery-attempt';
import { settleAmbiguous, withNote } from '../settle/ambiguous-settlement';
import { PublishedLookups } from '../settle/published-lookup';

/** No usable answer came back (or a bug after the call began): the post may exist. */
const isAmbiguous = (error: unknown) => !isPlatformError(error) || error.kind === 'ambiguous';

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
    private readonly lookups: PublishedLookups,
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
      if (isAmbiguous(error) && adapter.lookUpPublished) return this.lookedUp(targetId, claimed, error);
      return { targetId, attempt: claimed, failure: this.failureOf(error, claimed, adapter.capabilities) };
    }
  }

  /** An ambiguous answer is first looked up on the platform (see settle/ambiguous-settlement.ts). */
  private async lookedUp(targetId: string, claimed: Claimed, error: unknown): Promise<Outcome> {
    const verdict = await this.lookups.lookUp({
      platform: claimed.platform,
      channelId: claimed.channelId,
      idempotencyKey: claimed.request.idempotencyKey,
      firstAttemptAt: claimed.firstAttemptAt,
      content: claimed.request.content,
      connection: claimed.request.connection,
    });
    const { capabilities } = this.registry.adapterFor(claimed.platform);
    const settled = settleAmbiguous(verdict, {
      attempt: claimed.automaticAttempt,
      maxAttempts: this.config.publishing.maxAttempts,
      idempotent: capabilities.idempotentPublish,
      idempotencyWindowMs: capabilities.idempotencyWindowMs,
      firstAttemptAt: claimed.firstAttemptAt,
      now: Date.now(),
      retryBaseMs: this.config.publishing.retryBaseMs,
    });
    if (settled.published) return { targetId, attempt: claimed, result: { ...settled.published, raw: { lookedUp: true } } };
    const failure = this.failureOf(error, claimed, capabilities);
    return {
      targetId,
      attempt: claimed,
      failure: { ...failure, message: withNote(failure.message, settled.note), settlement: settled.settlement },
    };
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
