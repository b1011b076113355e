import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { PublishingMetrics, withinCollectTimeout } from './publishing-metrics';

/** The target states worth watching; the partial indexes on post_targets cover exactly these. */
const WATCHED_TARGET_STATES = ['scheduled', 'queued', 'publishing', 'failed', 'unconfirmed', 'held', 'expired'];

/**
 * This process's Prometheus registry (its own, not prom-client's global one, so several apps can live in
 * one test process): Node's default process metrics, HTTP latency by route template, the publishing
 * metrics, and delivery targets by state from PostgreSQL (the same figure from every process: use `max`).
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  readonly enabled: boolean;

  readonly httpDuration = new Histogram({
    name: 'kadens_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [],
  });

  readonly targets = new Gauge({
    name: 'kadens_publish_targets',
    help: 'Delivery targets in PostgreSQL by state (scheduled, queued, publishing, failed, unconfirmed, held, expired).',
    labelNames: ['state'] as const,
    registers: [],
    collect: async () => {
      this.targets.reset();
      try {
        const rows: Array<{ state: string; count: number }> = await withinCollectTimeout(
          this.db.query(`SELECT state, count(*)::int AS count FROM post_targets WHERE state = ANY($1::text[]) GROUP BY state`, [
            WATCHED_TARGET_STATES,
          ]),
        );
        const counts = new Map(rows.map((row) => [row.state, row.count]));
        for (const state of WATCHED_TARGET_STATES) this.targets.set({ state }, counts.get(state) ?? 0);
      } catch {
        // The database is down: report nothing rather than stale figures (the health check says why).
      }
    },
  });

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    publishing: PublishingMetrics,
  ) {
    this.enabled = config.metrics.port !== null;
    this.registry.setDefaultLabels({ roles: config.roles.join(',') });
    if (this.enabled) collectDefaultMetrics({ register: this.registry });
    this.registry.registerMetric(this.httpDuration);
    this.registry.registerMetric(this.targets);
    publishing.registerOn(this.registry);
  }

  /**
   * Times every request until its response is finished. The route is Express's template
   * (`/api/organizations/:organizationId/posts`), never the raw path, so ids do not multiply the series.
   */
  readonly httpMiddleware = (request: Request, response: Response, next: NextFunction): void => {
    const end = this.httpDuration.startTimer();
    response.once('finish', () => {
      const template = (request.route as { path?: unknown } | undefined)?.path;
      const route = typeof template === 'string' ? `${request.baseUrl}${template}` : response.statusCode === 404 ? 'unmatched' : 'static';
      end({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  };
}
