import type { Locale } from '@kadens/shared/contracts';

import { localeFromBrowserLanguages, resolveLocale, spokenLocaleOf } from './locale-resolution';

describe('localeFromBrowserLanguages', () => {
  it.each<[readonly string[], Locale]>([
    [['nb-NO'], 'nb'],
    [['nb'], 'nb'],
    [['no'], 'nb'],
    [['nn-NO'], 'nb'],
    [['NB_no'], 'nb'],
    [['da-DK'], 'da'],
    [['da'], 'da'],
    [['sv-SE'], 'sv'],
    [['sv-FI'], 'sv'],
    [['en-GB'], 'en'],
    [['de-DE', 'fr-FR'], 'en'],
    [['de-DE', 'sv-SE', 'nb-NO'], 'sv'],
    [['en-US', 'nb-NO'], 'en'],
    [[], 'en'],
  ])('%j → %s', (languages, expected) => {
    expect(localeFromBrowserLanguages(languages)).toBe(expected);
  });
});

describe('spokenLocaleOf', () => {
  it.each<[readonly string[], Locale | null]>([
    [['nn'], 'nb'],
    [['de-DE', 'da-DK'], 'da'],
    [['de-DE'], null],
    [[], null],
  ])('%j → %s', (languages, expected) => {
    expect(spokenLocaleOf(languages)).toBe(expected);
  });
});

describe('resolveLocale', () => {
  it.each<[string, Locale | null, Locale | null, readonly string[], Locale]>([
    ['the user’s own choice wins over everything', 'da', 'nb', ['sv-SE'], 'da'],
    ['then the organisation’s default', null, 'sv', ['da-DK'], 'sv'],
    ['then the browser', null, null, ['da-DK'], 'da'],
    ['then English', null, null, ['fi-FI'], 'en'],
    ['a user choice of English is respected', 'en', 'nb', ['nb-NO'], 'en'],
  ])('%s', (_name, userLocale, organizationLocale, browserLanguages, expected) => {
    expect(resolveLocale({ userLocale, organizationLocale, browserLanguages })).toBe(expected);
  });
});
