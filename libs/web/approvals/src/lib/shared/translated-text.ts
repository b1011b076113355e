import type { TranslationParams } from '@kadens/web/ui';

/** A text to show, as a translation key with its placeholders' values. */
export interface TranslatedText {
  key: string;
  params?: TranslationParams;
}

export function isTranslatedText(value: unknown): value is TranslatedText {
  return typeof value === 'object' && value !== null && typeof (value as TranslatedText).key === 'string';
}
