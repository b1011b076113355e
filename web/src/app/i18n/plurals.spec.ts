import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { LOCALES, type Locale } from '@kadens/shared/contracts';
import { provideTranslations } from '@kadens/web/data-access';
import { isIcuMessage, provideIcuMessages } from '@kadens/web/util';
import { firstValueFrom } from 'rxjs';

import { flattenTranslations, TRANSLATIONS_DIRECTORY, type TranslationTree } from './translation-files.testing';

const SCOPES = ['planning', 'approvals', 'publishing', 'strategy', 'invitations', 'account', 'public', 'connect'] as const;

function file(path: string): TranslationTree {
  return JSON.parse(readFileSync(join(TRANSLATIONS_DIRECTORY, path), 'utf8')) as TranslationTree;
}

/**
 * The app's own Transloco setup (`provideTranslations()` and `provideIcuMessages()`, as app.config.ts
 * has them), its loader answered with the files the app serves.
 */
async function transloco(): Promise<TranslocoService> {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslations(), provideIcuMessages()],
  });
  const service = TestBed.inject(TranslocoService);
  const http = TestBed.inject(HttpTestingController);
  // Nobody is logged in: the start-up step asks once and goes on.
  http.expectOne('/api/me').flush({ code: 'unauthenticated' }, { status: 401, statusText: 'Unauthorized' });
  for (const locale of LOCALES) {
    for (const path of [locale, ...SCOPES.map((scope) => `${scope}/${locale}`)]) {
      const loaded = firstValueFrom(service.load(path));
      for (const request of http.match((candidate) => candidate.url.startsWith('i18n/')))
        request.flush(file(request.request.url.slice('i18n/'.length)));
      await loaded;
    }
  }
  return service;
}

describe('plural forms (ICU messages through the app’s Transloco)', () => {
  let service: TranslocoService;
  const say = (locale: Locale, key: string, params: Record<string, unknown>) => {
    service.setActiveLang(locale);
    return service.translate(key, params, locale);
  };

  beforeEach(async () => {
    service = await transloco();
  });

  it.each([
    ['nb', '1 time', '2 timer', '1,5 timer'],
    // Danish, by CLDR: a decimal below 2 takes the singular.
    ['da', '1 time', '2 timer', '1,5 time'],
    ['sv', '1 timme', '2 timmar', '1,5 timmar'],
    ['en', '1 hour', '2 hours', '1.5 hours'],
  ] as const)('says hours in %s: %s, %s, %s', (locale, one, two, half) => {
    expect(say(locale, 'strategy.workload.withinCapacity', { hours: 1 })).toContain(` ${one} `);
    expect(say(locale, 'strategy.workload.withinCapacity', { hours: 2 })).toContain(` ${two} `);
    expect(say(locale, 'strategy.workload.overCapacity', { hours: 1.5 })).toContain(` ${half} `);
  });

  it.each([
    ['nb', 'Stille i 1 dag: Facebook', 'Stille i 3 dager: Facebook'],
    ['da', 'Stille i 1 dag: Facebook', 'Stille i 3 dage: Facebook'],
    ['sv', 'Tyst i 1 dag: Facebook', 'Tyst i 3 dagar: Facebook'],
    ['en', 'Silent for 1 day: Facebook', 'Silent for 3 days: Facebook'],
  ] as const)('says days in %s', (locale, one, three) => {
    expect(say(locale, 'planning.calendar.bands.silence', { days: 1, channels: 'Facebook' })).toBe(one);
    expect(say(locale, 'planning.calendar.bands.silence', { days: 3, channels: 'Facebook' })).toBe(three);
  });

  it('counts approvals, unread notifications and what needs attention in the noun’s right form', () => {
    expect(say('en', 'approvals.progress.count', { count: 0, required: 2 })).toBe('0 of 2 approvals');
    expect(say('nb', 'approvals.history.approve.partial', { actor: 'Ada', revision: 2, count: 1, required: 2 })).toBe(
      'Ada godkjente versjon 2 (1 av 2 godkjenninger)',
    );
    expect(say('nb', 'approvals.notifications.bell', { count: 1 })).toBe('Varsler, 1 ulest');
    expect(say('sv', 'approvals.notifications.bell', { count: 4 })).toBe('Aviseringar, 4 olästa');
    expect(say('en', 'publishing.nav.attentionWithCount', { count: 1 })).toBe('Publishing, 1 needs attention');
    expect(say('en', 'publishing.nav.attentionWithCount', { count: 2 })).toBe('Publishing, 2 need attention');
    // The link's badge stops at 99+; the label says the same.
    expect(say('en', 'publishing.nav.attentionWithCount', { count: '99+' })).toBe('Publishing, 99+ need attention');
    expect(say('da', 'planning.issues.media.required', { min: 2 })).toBe('Kræver mindst 2 billeder eller videoer.');
    expect(say('en', 'validation.minLength', { min: 1 })).toBe('At least 1 character.');
  });

  it('leaves what a person typed alone, braces and apostrophes included', () => {
    expect(say('en', 'planning.calendar.bands.silence', { days: 2, channels: "Kadens' {news}" })).toBe("Silent for 2 days: Kadens' {news}");
    // A message without plurals keeps Transloco's own {{param}}, and MessageFormat never reads it.
    expect(say('en', 'planning.composer.count', { count: 3, limit: '{limit}' })).toBe('3 / {limit}');
  });

  it('reads every ICU message in every language, with the same arguments as English', () => {
    const argumentsOf = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]))].sort();
    for (const path of ['', ...SCOPES.map((scope) => `${scope}/`)]) {
      const english = flattenTranslations(file(`${path}en.json`));
      for (const locale of LOCALES) {
        for (const [key, text] of flattenTranslations(file(`${path}${locale}.json`))) {
          if (!isIcuMessage(text)) continue;
          const fullKey = path ? `${path.slice(0, -1)}.${key}` : key;
          expect({ key: fullKey, arguments: argumentsOf(text) }).toEqual({
            key: fullKey,
            arguments: argumentsOf(String(english.get(key))),
          });
          expect(text).toMatch(/\bone \{/);
          expect(text).toMatch(/\bother \{/);
          const numbers = Object.fromEntries(argumentsOf(text).map((name) => [name, 2]));
          expect(() => say(locale, fullKey, numbers)).not.toThrow();
        }
      }
    }
  });
});
