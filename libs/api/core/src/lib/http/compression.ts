import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/**
 * gzip (or deflate) for API answers and the web app's files when the client's `Accept-Encoding` asks,
 * above compression's 1 kB threshold. Server-sent events are never compressed: a compressing stream holds
 * back small messages until its buffer fills, so the live delivery stream would stall.
 */
export function compressResponses(): RequestHandler {
  return compression({ filter: shouldCompress });
}

export function shouldCompress(req: Request, res: Response): boolean {
  if (isEventStream(req, res)) return false;
  return compression.filter(req, res);
}

function isEventStream(req: Request, res: Response): boolean {
  const contentType = res.getHeader('Content-Type');
  if (typeof contentType === 'string' && contentType.toLowerCase().startsWith('text/event-stream')) return true;
  return (req.headers.accept ?? '').includes('text/event-stream');
}
