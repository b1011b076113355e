import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { SESSION_COOKIE, SessionService } from '@kadens/api/core';
import type { ApiErrorBody } from '@kadens/shared/contracts';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';

import { BullMqPublishQueue } from './bullmq-publish-queue';
import { PublishQueue } from './publish-job';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board at /admin/queues, for admins. The queue is shared by every organisation on the
 * installation, so this is an operator's view: jobs carry only a target id and a revision, never
 * content. Without Redis there is no BullMQ queue to show; the path says so instead.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const expressApp = app as NestExpressApplication;
  const queue = app.get(PublishQueue);
  const guard = adminsOnly(app.get(SessionService), app.get(DataSource));
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
  createBullBoard({ queues: [new BullMQAdapter(queue.queue)], serverAdapter, options: { uiConfig: { boardTitle: 'Kadens queues' } } });
  expressApp.use(QUEUE_DASHBOARD_PATH, guard, serverAdapter.getRouter());
}

function adminsOnly(sessions: SessionService, db: DataSource) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token: unknown = (req as Request & { cookies?: Record<string, unknown> }).cookies?.[SESSION_COOKIE];
    const check = async () => {
      const session = typeof token === 'string' && token !== '' ? await sessions.resolve(token) : null;
      if (!session) return send(res, { statusCode: 401, error: 'Unauthorized', code: 'not_authenticated', message: 'Log in first' });
      const admin: unknown[] = await db.query(`SELECT 1 FROM memberships WHERE user_id = $1 AND role = 'admin' LIMIT 1`, [session.user.id]);
      if (admin.length === 0) return send(res, { statusCode: 403, error: 'Forbidden', code: 'permission_denied', message: 'The queue dashboard is for admins' });
      next();
    };
    check().catch(next);
  };
}

function send(res: Response, body: ApiErrorBody): void {
  res.status(body.statusCode).json(body);
}
