/** Values for a translation's `{{placeholders}}`. */
export type TranslationParams = Record<string, unknown>;
