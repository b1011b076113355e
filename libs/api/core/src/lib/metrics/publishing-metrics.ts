import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Job counts by BullMQ state, as `Queue.getJobCounts('waiting', 'delayed', 'active')` answers them. */
export type QueueDepthSource = () => Promise<Record<string, number>>;

const LATENESS_BUCKETS = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 900, 3600];
const COLLECT_TIMEOUT_MS = 2_000;

/**
 * What the publishing pipeline reports: one call per settled attempt (`settled`), and the queue it
 * delivers with (`watchQueue`, BullMQ only). Injected into the pipeline, so the pipeline knows nothing
 * of Prometheus; the metrics are registered on the process's registry by MetricsRegistry.
 */
@Injectable()
export class PublishingMetrics {
  private queueDepth: QueueDepthSource | null = null;

  readonly outcomes = new Counter({
    name: 'kadens_publish_outcomes_total',
    help: 'Publish attempts settled by this process, by platform and outcome (published, or the failure kind).',
    labelNames: ['platform', 'outcome'] as const,
    registers: [],
  });

  readonly lateness = new Histogram({
    name: 'kadens_publish_lateness_seconds',
    help: "Published posts: when the platform's answer was settled, minus the post's planned time.",
    labelNames: ['platform'] as const,
    buckets: LATENESS_BUCKETS,
    registers: [],
  });

  readonly queueJobs = new Gauge({
    name: 'kadens_publish_queue_jobs',
    help: 'Publishing jobs in the BullMQ queue by state (waiting, delayed, active); absent without Redis.',
    labelNames: ['state'] as const,
    registers: [],
    collect: async () => {
      if (!this.queueDepth) return;
      this.queueJobs.reset();
      try {
        const counts = await withinCollectTimeout(this.queueDepth());
        for (const [state, count] of Object.entries(counts)) this.queueJobs.set({ state }, count);
      } catch {
        // Redis is down: no figure is better than a stale one (the health check says why).
      }
    },
  });

  /** Records one settled attempt; a publish also records its lateness against the planned time. */
  settled(platform: string, outcome: string, plannedAt: Date | null, settledAt = Date.now()): void {
    this.outcomes.inc({ platform, outcome });
    if (outcome === 'published' && plannedAt !== null)
      this.lateness.observe({ platform }, Math.max(0, (settledAt - plannedAt.getTime()) / 1000));
  }

  watchQueue(source: QueueDepthSource): void {
    this.queueDepth = source;
  }

  registerOn(registry: Registry): void {
    registry.registerMetric(this.outcomes);
    registry.registerMetric(this.lateness);
    registry.registerMetric(this.queueJobs);
  }
}

export function withinCollectTimeout<T>(promise: Promise<T>, ms = COLLECT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
