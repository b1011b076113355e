/**
 * The publishing area (the needs-attention list) lives in its own library. The shell also shows that
 * library's banner, so the route is loaded through this file rather than the library's name.
 */
export { PUBLISHING_ROUTES } from '@kadens/web/publishing';
