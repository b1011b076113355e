import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';

import { MetricsRegistry } from './metrics-registry';
import { MetricsServer } from './metrics-server';
import { PublishingMetrics } from './publishing-metrics';

/** Prometheus metrics (see MetricsRegistry); imported and re-exported by CoreModule. */
@Module({
  providers: [PublishingMetrics, MetricsRegistry, MetricsServer],
  exports: [PublishingMetrics, MetricsRegistry],
})
export class MetricsModule implements NestModule {
  constructor(private readonly metrics: MetricsRegistry) {}

  configure(consumer: MiddlewareConsumer): void {
    if (this.metrics.enabled) consumer.apply(this.metrics.httpMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
