import type { ServerResponse } from 'node:http';
import { basename } from 'node:path';

/** What the Angular build names with a content hash (`main-7FRJ2K3L.js`, `media/inter-AB12CD34.woff2`). */
const HASHED_FILE = /-[A-Z0-9]{8}\.(?:js|mjs|css|woff2?|ttf|otf|svg|png|jpe?g|webp|avif|gif|ico)$/;

/**
 * Cache headers for the built web app: files whose name carries a content hash never change, so they may
 * be kept for a year; everything else (index.html, the deep-link fallback, translations) is revalidated
 * on every use (`no-cache` with its ETag), so a new release is seen at once.
 */
export function webCacheControl(path: string): string {
  return HASHED_FILE.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function setWebCacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', webCacheControl(path));
}
