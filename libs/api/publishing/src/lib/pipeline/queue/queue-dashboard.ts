import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { APP_CONFIG, type AppConfig, isOperator, SESSION_COOKIE, SessionService } from '@kadens/api/core';
import type { ApiErrorBody } from '@kadens/shared/contracts';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';

import { PublishQueue } from '../publish-job';
import { BullMqPublishQueue } from './bullmq-publish-queue';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board at /admin/queues, for the installation's operators (OPERATOR_EMAILS) only: the queues are
 * shared by every organisation, and bull-board can retry, promote and remove any job, so an admin of one
 * organisation must not see or change another's. Jobs carry only ids and revisions, never content. It shows
 * the publishing queue and `moreQueues` (the composition root passes the results queue). Without Redis there
 * is no BullMQ queue to show; the path says so instead.
 */
export function mountQueueDashboard(app: INestApplication, moreQueues: readonly Queue[] = []): void {
  const expressApp = app as NestExpressApplication;
  const queue = app.get(PublishQueue);
  const guard = operatorsOnly(app.get(SessionService), app.get<AppConfig>(APP_CONFIG));
  if (!(queue instanceof BullMqPublishQueue)) {
    expressApp.use(QUEUE_DASHBOARD_PATH, guard, (_req: Request, res: Response) =>
      send(res, {
        statusCode: 404,
        error: 'Not Found',
        code: 'queue_dashboard_unavailable',
        message: 'The queue dashboard needs Redis: this installation publishes in-process (set REDIS_URL to run workers on BullMQ)',
      }),
    );
    return;
  }
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = [queue.queue, ...moreQueues].map((shown) => new BullMQAdapter(shown));
  createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: 'Kadens queues' } } });
  expressApp.use(QUEUE_DASHBOARD_PATH, guard, serverAdapter.getRouter());
}

function operatorsOnly(sessions: SessionService, config: AppConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token: unknown = (req as Request & { cookies?: Record<string, unknown> }).cookies?.[SESSION_COOKIE];
    const check = async () => {
      const session = typeof token === 'string' && token !== '' ? await sessions.resolve(token) : null;
      if (!session) return send(res, { statusCode: 401, error: 'Unauthorized', code: 'not_authenticated', message: 'Log in first' });
      if (!isOperator(config, session.user.email)) {
        return send(res, {
          statusCode: 403,
          error: 'Forbidden',
          code: 'permission_denied',
          message: "The queue dashboard is for this installation's operators (OPERATOR_EMAILS)",
        });
      }
      next();
    };
    check().catch(next);
  };
}

function send(res: Response, body: ApiErrorBody): void {
  res.status(body.statusCode).json(body);
}
