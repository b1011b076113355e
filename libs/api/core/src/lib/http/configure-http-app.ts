import type { ApiErrorBody } from '@kadens/shared/contracts';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';

import type { AppConfig } from '../config/app-config';
import { compressResponses } from './compression';
import { crossSiteGuard } from './cross-site-guard';
import { findInputProblem } from './input-guard';
import { securityHeaders } from './security-headers';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/**
 * What main.ts and the integration tests both do to an app before it listens, so the tests exercise the
 * real request path: proxies, security headers, cross-site refusal, compression (not for server-sent events), body limits, cookie parsing, JSON
 * errors for unreadable bodies, refusal of unstorable or too deeply nested input, the /api prefix.
 */
export function configureHttpApp(app: INestApplication, config: AppConfig): void {
  const expressApp = app as NestExpressApplication;
  // Only the proxies named in TRUST_PROXY may set X-Forwarded-For/-Proto; by default none is trusted.
  expressApp.set('trust proxy', config.trustProxy);
  expressApp.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: [] });
  app.use(securityHeaders({ hsts: config.hsts }));
  app.use(compressResponses());
  app.use(cookieParser());
  app.use(crossSiteGuard(config.publicUrl, sendError));
  app.use(express.json({ limit: `${config.bodyLimitKb}kb`, type: 'application/json', strict: true, inflate: false }));
  app.use((error: BodyParserError, _req: Request, res: Response, next: NextFunction) => {
    if (error.type === 'entity.too.large') {
      return sendError(res, {
        statusCode: 413,
        error: 'Payload Too Large',
        message: `body: the request body is larger than ${config.bodyLimitKb} kB`,
        code: 'body_too_large',
        errors: [{ field: 'body', messages: [`must be at most ${config.bodyLimitKb} kB`] }],
      });
    }
    if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
      return sendError(res, {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'body: send it as UTF-8 JSON, uncompressed',
        code: 'unsupported_media_type',
        errors: [{ field: 'body', messages: ['must be UTF-8 JSON, without Content-Encoding'] }],
      });
    }
    if (error.type === 'entity.parse.failed' || (error.status !== undefined && error.status >= 400 && error.status < 500)) {
      return sendError(res, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'body: not valid JSON',
        code: 'malformed_body',
        errors: [{ field: 'body', messages: ['must be valid JSON'] }],
      });
    }
    return next(error);
  });
  app.use(refuseUnsafeInput);
  app.enableShutdownHooks();
}

/** NUL, lone surrogates, prototype keys and deep nesting in the body or query: 400 naming the field, before any DTO. */
function refuseUnsafeInput(req: Request, res: Response, next: NextFunction): void {
  const problem = findInputProblem(req.body, 'body') ?? findInputProblem(req.query, 'query');
  if (!problem) return next();
  sendError(res, {
    statusCode: 400,
    error: 'Bad Request',
    message: `${problem.field}: ${problem.messages.join('; ')}`,
    code: problem.code,
    errors: [{ field: problem.field, messages: problem.messages }],
  });
}

function sendError(res: Response, body: ApiErrorBody): void {
  res.status(body.statusCode).json(body);
}
