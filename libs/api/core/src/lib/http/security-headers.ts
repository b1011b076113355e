import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** Where the API docs (Swagger UI) and the queue dashboard (bull-board) live: each gets its own, looser CSP. */
export const DOCS_PATH = '/api/docs';
export const QUEUES_PATH = '/admin/queues';

type Directives = NonNullable<Exclude<HelmetOptions['contentSecurityPolicy'], boolean | undefined>['directives']>;

/**
 * The web app's policy. Scripts only from Kadens itself (the build inlines none: `inlineCritical` is
 * off in web/project.json, so no `onload` handler is needed for stylesheets). Styles allow
 * 'unsafe-inline' because Angular and FullCalendar add component styles as <style> elements at run
 * time; styles cannot run code. Nothing may frame Kadens, nothing is loaded from elsewhere.
 */
const APP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI: its own scripts, inline styles and data: images (its icons). */
const DOCS_DIRECTIVES: Directives = { ...APP_DIRECTIVES, 'img-src': ["'self'", 'data:', 'https:'] };

/** bull-board: inline styles and the IBM Plex fonts it links from Google Fonts. */
const QUEUES_DIRECTIVES: Directives = {
  ...APP_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
  'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com'],
};

/**
 * helmet with Kadens' policies: CSP (frame-ancestors 'none'), X-Frame-Options DENY for old browsers,
 * nosniff, Referrer-Policy strict-origin-when-cross-origin, and HSTS only when PUBLIC_URL is https (an
 * http installation must stay reachable over http).
 */
export function securityHeaders(options: { hsts: boolean }): RequestHandler {
  const withPolicy = (directives: Directives) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: options.hsts ? { ...directives, 'upgrade-insecure-requests': [] } : directives,
      },
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: 'same-origin' },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: options.hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
      xContentTypeOptions: true,
    });
  const app = withPolicy(APP_DIRECTIVES);
  const docs = withPolicy(DOCS_DIRECTIVES);
  const queues = withPolicy(QUEUES_DIRECTIVES);
  return (req, res, next) => {
    const path = req.path;
    if (path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`)) return docs(req, res, next);
    if (path === QUEUES_PATH || path.startsWith(`${QUEUES_PATH}/`)) return queues(req, res, next);
    return app(req, res, next);
  };
}
