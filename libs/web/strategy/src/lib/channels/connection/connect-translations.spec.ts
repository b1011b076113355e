import { LOCALES, PLATFORM_SIGN_INS } from '@kadens/shared/contracts';

import { flattenTranslations, readConnectTranslations } from '../../testing/strategy-translations.testing';
import { SIGN_IN_START_PROBLEMS } from './connection-sign-in';
import { CONNECT_ERRORS, SIGN_IN_PLATFORMS } from './sign-in';

/** The `connect` scope (web/public/i18n/connect): the same keys in every language, and every text the code builds from a value. */
describe('connect translations (web/public/i18n/connect)', () => {
  const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flattenTranslations(readConnectTranslations(locale))]));
  const built = [
    ...CONNECT_ERRORS.map((code) => `returned.${code}`),
    'returned.unknown',
    'returned.connected',
    'returned.choose',
    ...SIGN_IN_START_PROBLEMS.map((problem) => `start.${problem}`),
    ...['renews', 'expired', 'today', 'days'].map((state) => `expiry.${state}`),
    ...['connect', 'reconnect', 'starting'].map((action) => `action.${action}`),
    ...['connect', 'reconnect', 'connectNamed', 'reconnectNamed'].map((key) => `list.${key}`),
    ...PLATFORM_SIGN_INS.map((signIn) => `platforms.signIn.${signIn}`),
    ...[...new Set(Object.values(SIGN_IN_PLATFORMS))].map((kind) => `guide.${kind}`),
    ...['identifier', 'appPassword', 'pdsUrl'].map((field) => `appPassword.refused.${field}`),
    ...['configured', 'missing', 'form'].map((state) => `platforms.state.${state}`),
  ];

  it.each(LOCALES)('%s has the same keys as English', (locale) => {
    expect([...(flat[locale]?.keys() ?? [])].sort()).toEqual([...(flat['en']?.keys() ?? [])].sort());
  });

  it.each(LOCALES)('%s has every text the connect code builds', (locale) => {
    expect(built.filter((key) => !flat[locale]?.has(key))).toEqual([]);
  });

  it.each(LOCALES)('%s words every failed sign-in with a way forward that names the button', (locale) => {
    const button = flat[locale]?.get('list.connect') ?? '';
    for (const code of CONNECT_ERRORS.filter((code) => code !== 'not_allowed'))
      expect(flat[locale]?.get(`returned.${code}`)).toContain(button);
  });
});
