/**
 * The translation scope of the calendar and the composer: `web/public/i18n/planning/<locale>.json`,
 * loaded with the page that needs it; its keys read `planning.…`.
 */
export const PLANNING_SCOPE = 'planning';
