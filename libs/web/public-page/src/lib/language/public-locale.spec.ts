import type { Locale } from '@kadens/shared/contracts';

import { choosePublicLocale } from './public-locale';

describe('choosePublicLocale', () => {
  it.each<[string, string | null, readonly string[], Locale | null, Locale]>([
    ['the link’s ?lang= first', 'sv', ['da-DK'], 'nb', 'sv'],
    ['?lang=no is bokmål', 'no', ['en-US'], 'da', 'nb'],
    ['then the browser, if Kadens speaks it', null, ['de-DE', 'da-DK'], 'nb', 'da'],
    ['a browser in nynorsk reads bokmål', null, ['nn-NO'], 'sv', 'nb'],
    ['an unknown ?lang= is passed over', 'de', ['fr-FR'], 'sv', 'sv'],
    ['then the organisation’s own', null, ['fi-FI'], 'da', 'da'],
    ['English when nothing is known', null, ['fi-FI'], null, 'en'],
  ])('%s', (_name, requested, browserLanguages, organizationLocale, expected) => {
    expect(choosePublicLocale({ requested, browserLanguages, organizationLocale })).toBe(expected);
  });
});
