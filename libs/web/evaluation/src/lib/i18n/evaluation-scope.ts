/** The translation scope of the evaluation page: `web/public/i18n/evaluation/<locale>.json`; keys read `evaluation.…`. */
export const EVALUATION_SCOPE = 'evaluation';
