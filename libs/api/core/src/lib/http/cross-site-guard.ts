import { type ApiErrorBody, UPLOAD_HEADER } from '@kadens/shared/contracts';
import type { NextFunction, Request, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The only body type Kadens reads. A browser can send the others cross-site without asking first. */
const JSON_TYPE = /^application\/json\s*(;|$)/i;
const SAME_ORIGIN_FETCH_SITES = new Set(['same-origin', 'none']);
/**
 * The two routes that take a file, each only with the header `Kadens-Upload: 1` (see contracts/uploads.ts),
 * which a cross-site form cannot send: the CSV import (libs/api/exchange) — a CSV or multipart body.
 */
const UPLOAD_ROUTE = /^\/api\/organizations\/[^/]+\/imports\/posts$/;
const UPLOAD_TYPE = /^(text\/csv|application\/csv|text\/tab-separated-values|multipart\/form-data)\s*(;|$)/i;
/** The media upload (libs/api/media): multipart only, same-origin only. */
const MEDIA_UPLOAD_ROUTE = /^\/api\/organizations\/[^/]+\/media$/;
const MULTIPART_TYPE = /^multipart\/form-data\s*(;|$)/i;

type Send = (res: Response, body: ApiErrorBody) => void;

/**
 * Login CSRF and cross-site requests riding on the session cookie (see docs/decisions.md). On every
 * unsafe method (POST, PUT, PATCH, DELETE) — with or without a cookie, so the login is covered too:
 *
 * 1. A browser's request must be same-origin: `Origin` equal to PUBLIC_URL's origin or to the request's
 *    own (scheme and Host), or — without `Origin` — `Sec-Fetch-Site: same-origin` or `none`. Else 403
 *    `cross_site_request`. A request with neither header comes from a non-browser client (curl, scripts,
 *    server-to-server), which no cookie rides on unasked, and passes.
 * 2. A body, when there is one, must be `application/json` (else 415 naming `body`): a cross-site HTML
 *    form can only send urlencoded, multipart or text/plain, and fetch() needs a CORS preflight, which
 *    Kadens never grants, for anything else. A second lock, should a browser ever omit the headers.
 *    The two file uploads take a CSV or multipart body only with the header `Kadens-Upload: 1`, which
 *    a form cannot set and a cross-site fetch() cannot send without that preflight.
 */
export function crossSiteGuard(publicUrl: string, send: Send) {
  const publicOrigin = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (!isSameOriginOrNonBrowser(req, publicOrigin)) {
      return send(res, {
        statusCode: 403,
        error: 'Forbidden',
        message: 'This request came from another site; Kadens only accepts changes from its own pages',
        code: 'cross_site_request',
      });
    }
    const type = req.headers['content-type'] ?? '';
    const uploadRoute = UPLOAD_ROUTE.test(req.path) || MEDIA_UPLOAD_ROUTE.test(req.path);
    const upload =
      req.headers[UPLOAD_HEADER.toLowerCase()] === '1' &&
      ((UPLOAD_ROUTE.test(req.path) && UPLOAD_TYPE.test(type)) || (MEDIA_UPLOAD_ROUTE.test(req.path) && MULTIPART_TYPE.test(type)));
    if (hasBody(req) && !JSON_TYPE.test(type) && !upload) {
      return send(res, {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: `body: send it as application/json${uploadRoute ? `, or as a file upload with the header ${UPLOAD_HEADER}: 1` : ''}`,
        code: 'unsupported_media_type',
        errors: [{ field: 'body', messages: ['must be sent with Content-Type: application/json'] }],
      });
    }
    return next();
  };
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isSameOriginOrNonBrowser(req: Request, publicOrigin: string): boolean {
  const origin = req.headers['origin'];
  if (origin !== undefined) return origin === publicOrigin || origin === ownOrigin(req);
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return SAME_ORIGIN_FETCH_SITES.has(String(site).toLowerCase());
  return true;
}

/** The origin the request was sent to; behind a TLS-terminating proxy the scheme is right only with TRUST_PROXY. */
function ownOrigin(req: Request): string | null {
  const host = req.headers['host'];
  return host ? `${req.protocol}://${host}`.toLowerCase() : null;
}
