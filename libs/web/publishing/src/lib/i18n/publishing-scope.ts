/**
 * The translation scope of everything about publishing: the crisis banner, the needs-attention list,
 * the delivery panel and their dialogs. `web/public/i18n/publishing/<locale>.json`, loaded by the first
 * component that needs it; its keys read `publishing.…`.
 */
export const PUBLISHING_SCOPE = 'publishing';
