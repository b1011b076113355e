import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { type Locale, LOCALES, type Violation } from '@kadens/shared/contracts';

import { provideIcuMessages } from './icu-messages';
import { type ViolationContext, violationsOfPost, wordViolation, wordViolations } from './violation-wording';

/** The planning scope's texts as the app serves them: `web/public/i18n/planning/<locale>.json`. */
function planningTranslations(locale: Locale): Record<string, unknown> {
  const file = join(__dirname, '..', '..', '..', '..', '..', 'web', 'public', 'i18n', 'planning', `${locale}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

const CONTEXT: ViolationContext = { channels: [{ id: 'c1', name: 'Facebook' }], timeZone: 'Europe/Oslo' };

function violation(rule: Violation['rule'], params: Violation['params'], severity: Violation['severity'] = 'block'): Violation {
  return { rule, severity, channelId: 'c1', postId: 'p1', at: '2026-12-02T13:00:00.000Z', params };
}

const VIOLATIONS = {
  maxPerDay: violation('cadence.max_per_day', { date: '2026-12-02', count: 3, max: 2 }),
  minGap: violation('cadence.min_gap', { minMinutes: 60, gapMinutes: 25, otherPostId: 'p2' }),
  minPerWeek: violation(
    'cadence.min_per_week',
    { week: '2026-W49', weekStart: '2026-11-30', weekEnd: '2026-12-06', count: 1, min: 3 },
    'warn',
  ),
  maxSilence: violation('cadence.max_silence', { from: '2026-12-07', to: '2026-12-13', days: 7, maxDays: 4 }, 'warn'),
  // 09:00 in Oslo on Thursday 3 December.
  outside: violation('service_hours.outside', { nextOpening: '2026-12-03T08:00:00.000Z' }),
  outsideForWeeks: violation('service_hours.outside', {}),
  responseWindow: violation('service_hours.response_window', { windowMinutes: 120, staffedMinutes: 30, horizonDays: 7 }),
} as const;

const EXPECTED: Record<Locale, Record<keyof typeof VIOLATIONS, string>> = {
  nb: {
    maxPerDay: 'Facebook: Høyst 2 innlegg per dag, men 2. desember 2026 får 3.',
    minGap: 'Facebook: Det skal gå minst 60 minutter mellom to innlegg, men her er det bare 25.',
    minPerWeek: 'Facebook: Minst 3 innlegg i uken, men uke 49 (30. nov.–6. des.) har 1.',
    maxSilence: 'Facebook: Stille i 7 dager (7. des.–13. des.), men kanalen lover høyst 4 dager uten innlegg.',
    outside:
      'Facebook: Spørsmål og andre innlegg som inviterer til dialog, må publiseres mens kanalen er bemannet. Neste bemannede tid er torsdag 3. desember kl. 09:00.',
    outsideForWeeks:
      'Facebook: Spørsmål og andre innlegg som inviterer til dialog, må publiseres mens kanalen er bemannet, og den er ikke bemannet de nærmeste ukene.',
    responseWindow:
      'Facebook: Kanalen lover svar innen 120 minutter av åpningstiden, men bare 30 bemannede minutter følger de neste 7 dagene.',
  },
  da: {
    maxPerDay: 'Facebook: Højst 2 opslag om dagen, men 2. december 2026 får 3.',
    minGap: 'Facebook: Der skal gå mindst 60 minutter mellem to opslag, men her er der kun 25.',
    minPerWeek: 'Facebook: Mindst 3 opslag om ugen, men uge 49 (30. nov.–6. dec.) har 1.',
    maxSilence: 'Facebook: Stille i 7 dage (7. dec.–13. dec.), men kanalen lover højst 4 dage uden opslag.',
    outside:
      'Facebook: Spørgsmål og andre opslag, der inviterer til dialog, skal udgives, mens kanalen er bemandet. Den er bemandet igen torsdag 3. december kl. 09.00.',
    outsideForWeeks:
      'Facebook: Spørgsmål og andre opslag, der inviterer til dialog, skal udgives, mens kanalen er bemandet, og den er ikke bemandet de kommende uger.',
    responseWindow:
      'Facebook: Kanalen lover svar inden for 120 minutter af åbningstiden, men kun 30 bemandede minutter følger de næste 7 dage.',
  },
  sv: {
    maxPerDay: 'Facebook: Högst 2 inlägg per dag, men 2 december 2026 får 3.',
    minGap: 'Facebook: Det ska gå minst 60 minuter mellan två inlägg, men här är det bara 25.',
    minPerWeek: 'Facebook: Minst 3 inlägg i veckan, men vecka 49 (30 nov.–6 dec.) har 1.',
    maxSilence: 'Facebook: Tyst i 7 dagar (7 dec.–13 dec.), men kanalen lovar högst 4 dagar utan inlägg.',
    outside:
      'Facebook: Frågor och andra inlägg som bjuder in till dialog måste publiceras medan kanalen är bemannad. Nästa bemannade tid är torsdag 3 december kl. 09:00.',
    outsideForWeeks:
      'Facebook: Frågor och andra inlägg som bjuder in till dialog måste publiceras medan kanalen är bemannad, och den är inte bemannad de närmaste veckorna.',
    responseWindow:
      'Facebook: Kanalen lovar svar inom 120 minuter av öppettiden, men bara 30 bemannade minuter följer de närmaste 7 dagarna.',
  },
  en: {
    maxPerDay: 'Facebook: at most 2 a day, but 2 December 2026 would have 3.',
    minGap: 'Facebook: posts must be at least 60 minutes apart, but here there are only 25.',
    minPerWeek: 'Facebook: at least 3 a week, but week 49 (30 Nov–6 Dec) has 1.',
    maxSilence: 'Facebook: silent for 7 days (7 Dec–13 Dec), but the channel promises at most 4 days without a post.',
    outside:
      'Facebook: questions and other posts that invite dialogue must go out while the channel is staffed. It is next staffed Thursday 3 December at 09:00.',
    outsideForWeeks:
      'Facebook: questions and other posts that invite dialogue must go out while the channel is staffed, and it is not staffed in the weeks ahead.',
    responseWindow:
      'Facebook: the channel promises an answer within 120 minutes of service hours, but only 30 staffed minutes follow in the next 7 days.',
  },
};

describe('violations in words', () => {
  let transloco: TranslocoService;

  beforeAll(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: Object.fromEntries(LOCALES.map((locale) => [locale, { planning: planningTranslations(locale) }])),
          translocoConfig: { availableLangs: [...LOCALES], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuMessages()],
    });
    transloco = TestBed.inject(TranslocoService);
  });

  const cases = LOCALES.flatMap((locale) =>
    (Object.keys(VIOLATIONS) as Array<keyof typeof VIOLATIONS>).map((name) => [locale, name] as const),
  );

  it.each(cases)('%s: %s names the channel, the rule and its numbers', (locale, name) => {
    const worded = wordViolation(VIOLATIONS[name], CONTEXT, locale);
    expect(transloco.translate(worded.key, worded.params, locale)).toBe(EXPECTED[locale][name]);
  });

  it('says each broken rule once, though the API names every post it involves', () => {
    const full = VIOLATIONS.maxPerDay;
    const gap = VIOLATIONS.minGap;
    const worded = wordViolations(
      [full, { ...full, postId: 'p2' }, gap, { ...gap, postId: 'p2', params: { ...gap.params, otherPostId: 'p1' } }],
      CONTEXT,
      'nb',
    );
    expect(worded.map((text) => text.rule)).toEqual(['cadence.max_per_day', 'cadence.min_gap']);
  });
});

describe('violationsOfPost', () => {
  it('keeps what names the post and a thin week it falls in, and leaves out the rest of the plan', () => {
    const at = (rule: Violation['rule'], postId: string | null, params: Violation['params']): Violation => ({
      ...violation(rule, params),
      postId,
    });
    const mine = at('cadence.max_per_day', 'p1', { date: '2030-06-04', count: 3, max: 2 });
    const other = at('cadence.max_per_day', 'p2', { date: '2030-06-05', count: 3, max: 2 });
    const myWeek = at('cadence.min_per_week', null, { week: '2030-W23', weekStart: '2030-06-03', weekEnd: '2030-06-09', count: 1, min: 3 });
    const nextWeek = at('cadence.min_per_week', null, {
      week: '2030-W24',
      weekStart: '2030-06-10',
      weekEnd: '2030-06-16',
      count: 0,
      min: 3,
    });
    const silence = at('cadence.max_silence', null, { from: '2030-06-05', to: '2030-06-09', days: 5, maxDays: 3 });
    expect(violationsOfPost([mine, other, myWeek, nextWeek, silence], 'p1', '2030-06-04T10:00:00.000Z', 'Europe/Oslo')).toEqual([
      mine,
      myWeek,
    ]);
  });
});
