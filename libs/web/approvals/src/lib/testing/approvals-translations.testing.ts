import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LOCALES, type Locale } from '@kadens/shared/contracts';

const I18N = join(__dirname, '..', '..', '..', '..', '..', '..', 'web', 'public', 'i18n');

export type TranslationTree = { [key: string]: string | TranslationTree };

function read(path: string): TranslationTree {
  return JSON.parse(readFileSync(join(I18N, path), 'utf8')) as TranslationTree;
}

/** The approvals scope's file for one language, as the app serves it from `i18n/approvals/`. */
export function readApprovalsTranslations(locale: Locale): TranslationTree {
  return read(join('approvals', `${locale}.json`));
}

export function readAllApprovalsTranslations(): Record<Locale, TranslationTree> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, readApprovalsTranslations(locale)])) as Record<Locale, TranslationTree>;
}

/** The app-wide texts (common.*, errors.*, nav.*) the approvals screens also use. */
export function readRootTranslations(locale: Locale): TranslationTree {
  return read(`${locale}.json`);
}

/** The planning scope, whose state names the state chips show. */
export function readPlanningTranslations(locale: Locale): TranslationTree {
  return read(join('planning', `${locale}.json`));
}

export { flattenTranslations } from '@kadens/web/ui/testing';
