/**
 * The translation scope of the approvals area, the bell and the approval settings:
 * `web/public/i18n/approvals/<locale>.json`, loaded with the page that needs it; its keys read `approvals.…`.
 */
export const APPROVALS_SCOPE = 'approvals';
