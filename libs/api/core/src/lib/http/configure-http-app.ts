import type { ApiErrorBody } from '@kadens/shared/contracts';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';

import type { AppConfig } from '../config/app-config';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/**
 * What main.ts and the integration tests both do to an app before it listens, so the tests exercise the
 * real request path: body limits, cookie parsing, JSON errors for unreadable bodies, the /api prefix.
 */
export function configureHttpApp(app: INestApplication, config: AppConfig): void {
  const expressApp = app as NestExpressApplication;
  expressApp.set('trust proxy', 'loopback, linklocal, uniquelocal');
  expressApp.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: [] });
  app.use(cookieParser());
  app.use(express.json({ limit: `${config.bodyLimitKb}kb` }));
  app.use((error: BodyParserError, _req: Request, res: Response, next: NextFunction) => {
    if (error.type === 'entity.too.large') {
      return sendError(res, { statusCode: 413, error: 'Payload Too Large', message: `body: the request body is larger than ${config.bodyLimitKb} kB`, code: 'body_too_large', errors: [{ field: 'body', messages: [`must be at most ${config.bodyLimitKb} kB`] }] });
    }
    if (error.type === 'entity.parse.failed' || error.type === 'encoding.unsupported' || error.status === 400) {
      return sendError(res, { statusCode: 400, error: 'Bad Request', message: 'body: not valid JSON', code: 'malformed_body', errors: [{ field: 'body', messages: ['must be valid JSON'] }] });
    }
    return next(error);
  });
  app.enableShutdownHooks();
}

function sendError(res: Response, body: ApiErrorBody): void {
  res.status(body.statusCode).json(body);
}
