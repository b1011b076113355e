import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import { constants } from 'node:zlib';

/**
 * Compression settings for API answers (`/api/…`): compressed afresh on every request, and a calendar month
 * is 3.5 MB of JSON. gzip level 1 and brotli quality 1 took half and a third of the defaults' time (level 6,
 * quality 4) on a real month, for 11–13 % more bytes; see docs/decisions.md "Faster compression for API answers".
 */
export const API_GZIP_LEVEL = 1;
export const API_BROTLI_QUALITY = 1;

/**
 * gzip, brotli (or deflate) for API answers and the web app's files when the client's `Accept-Encoding`
 * asks, above compression's 1 kB threshold. API answers use the fast settings above; the web app's files
 * keep the library's defaults (gzip 6, brotli 4), since a browser keeps a hashed file for a year. Server-sent
 * events are never compressed: a compressing stream holds back small messages until its buffer fills, so
 * the live delivery stream would stall.
 */
export function compressResponses(): RequestHandler {
  const answers = compression({
    filter: shouldCompress,
    level: API_GZIP_LEVEL,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: API_BROTLI_QUALITY } },
  });
  const files = compression({ filter: shouldCompress });
  return (req, res, next) => (isApiRequest(req) ? answers : files)(req, res, next);
}

export function shouldCompress(req: Request, res: Response): boolean {
  if (isEventStream(req, res)) return false;
  return compression.filter(req, res);
}

function isApiRequest(req: Request): boolean {
  return req.path === '/api' || req.path.startsWith('/api/');
}

function isEventStream(req: Request, res: Response): boolean {
  const contentType = res.getHeader('Content-Type');
  if (typeof contentType === 'string' && contentType.toLowerCase().startsWith('text/event-stream')) return true;
  return (req.headers.accept ?? '').includes('text/event-stream');
}
