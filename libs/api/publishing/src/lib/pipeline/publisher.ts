import { APP_CONFIG, type AppConfig, PublishingMetrics } from '@kadens/api/core';
import { Inject, Injectable } from '@nestjs/common';

import { DeliveryClaim } from './claim/delivery-claim';
import { PlatformSlots } from './platform-slots';
import { PlatformCall } from './publish/platform-call';
import type { PublishJob } from './publish-job';
import { DeliverySettlement } from './settle/delivery-settlement';

/**
 * The worker's job, in three steps that never call each other:
 * 1. claim (claim/): re-check the target under its lock, move it from queued to publishing and record
 *    the attempt — or stand down, or write why not (held, refused, not connected);
 * 2. publish (publish/): call the platform's adapter outside any transaction, and settle a failure by
 *    the retry policy;
 * 3. settle (settle/): write the outcome, and tell the metrics.
 * Claims and outcomes are written in batches (see Batcher). Only step 2 holds one of the platform slots
 * (PUBLISH_CONCURRENCY, see PlatformSlots): a worker takes more jobs than it has slots, so the next
 * claims are written while the platform answers and an outcome is written after the slot is free.
 */
@Injectable()
export class Publisher {
  private readonly slots: PlatformSlots;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly claim: DeliveryClaim,
    private readonly platform: PlatformCall,
    private readonly settlement: DeliverySettlement,
    private readonly metrics: PublishingMetrics,
  ) {
    this.slots = new PlatformSlots(config.publishing.concurrency);
  }

  async handle(job: PublishJob): Promise<void> {
    const claimed = await this.claim.claim(job);
    if (claimed === null) return;
    const outcome = await this.slots.run(() => this.platform.publish(job.targetId, claimed));
    await this.settlement.settle(outcome);
    this.metrics.settled(claimed.platform, outcome.result ? 'published' : outcome.failure.outcome, claimed.plannedAt);
  }
}
