/**
 * The translation scope of the Reports page: `web/public/i18n/reports/<locale>.json`, loaded with the
 * page; its keys read `reports.…`.
 */
export const REPORTS_SCOPE = 'reports';
