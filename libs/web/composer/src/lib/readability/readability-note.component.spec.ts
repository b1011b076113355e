import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Locale, OrganizationView } from '@kadens/shared/contracts';
import { translocoTesting } from '@kadens/web/ui/testing';

import { ReadabilityNoteComponent } from './readability-note.component';
import { readabilityTranslations } from './readability-translations.testing';

const EASY = 'Biblioteket har åpent i dag. Velkommen til alle!'; // 8 words, 2 sentences, 2 long: LIX 29
const HARD = 'Kommunfullmäktige beslutade om förändringar i verksamhetsplanen. Medborgardialogen genomförs under hösten.'; // LIX 65

function organization(defaultLocale: Locale, readabilityTarget: number | null): OrganizationView {
  return {
    id: 'o1',
    name: 'Fjordvik kommune',
    slug: 'fjordvik',
    timeZone: 'Europe/Oslo',
    country: 'NO',
    defaultLocale,
    capacityHoursPerWeek: null,
    readabilityTarget,
    createdAt: '',
  };
}

async function render(text: string, org: OrganizationView | null, uiLocale: Locale = 'en') {
  TestBed.configureTestingModule({
    imports: [
      ReadabilityNoteComponent,
      translocoTesting(uiLocale, { [uiLocale]: {}, [`readability/${uiLocale}`]: readabilityTranslations(uiLocale) }),
    ],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(ReadabilityNoteComponent);
  fixture.componentRef.setInput('organizationId', 'o1');
  fixture.componentRef.setInput('text', text);
  const element = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    fixture.detectChanges();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    fixture.detectChanges();
  };
  fixture.detectChanges();
  const request = http.expectOne('/api/organizations/o1');
  if (org) request.flush(org);
  else request.flush({ message: 'gone' }, { status: 500, statusText: 'Server Error' });
  await settle();
  const textOf = (testId: string) =>
    [...element.querySelectorAll(`[data-testid="${testId}"]`)].map((node) => node.textContent?.replace(/\s+/g, ' ').trim());
  return { fixture, element, settle, textOf, http };
}

describe('the readability note', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the LIX of a Norwegian text with the default target, in a polite live region', async () => {
    const { element, textOf } = await render(EASY, organization('nb', null));
    expect(element.querySelector('[data-testid="readability-note"]')?.getAttribute('aria-live')).toBe('polite');
    expect(textOf('readability-lix')).toEqual(['LIX 29 – very easy; your target is at most 40']);
    expect(textOf('readability-above')).toEqual([]);
  });

  it('follows the text only after typing pauses, and gives a gentle hint above the target', async () => {
    jest.useFakeTimers();
    const { fixture, settle, textOf } = await render(EASY, organization('sv', 45));
    fixture.componentRef.setInput('text', HARD.slice(0, 40));
    await settle();
    jest.advanceTimersByTime(300);
    fixture.componentRef.setInput('text', HARD);
    await settle();
    jest.advanceTimersByTime(700);
    await settle();
    expect(textOf('readability-lix')).toEqual(['LIX 29 – very easy; your target is at most 45']);
    jest.advanceTimersByTime(100);
    await settle();
    expect(textOf('readability-lix')).toEqual(['LIX 65 – very difficult; your target is at most 45']);
    expect(textOf('readability-above')[0]).toContain('Above your target');
  });

  it('shows no LIX for an English-speaking organisation, or when the organisation cannot be read, but still the hashtags', async () => {
    const text = `${EASY} #sommerlesing #Fjordvik`;
    const english = await render(text, organization('en', null));
    expect(english.textOf('readability-lix')).toEqual([]);
    expect(english.textOf('readability-hashtag')).toEqual([
      '#sommerlesing: write each word with a capital letter (e.g. #SummerReading) so screen readers read it as words.',
    ]);
    TestBed.resetTestingModule();
    const unknown = await render(text, null);
    expect(unknown.textOf('readability-lix')).toEqual([]);
    expect(unknown.textOf('readability-hashtag')).toHaveLength(1);
  });

  it('speaks Norwegian, Danish and Swedish', async () => {
    const nb = await render(`${HARD} #fjordvikkommune`, organization('nb', null), 'nb');
    expect(nb.textOf('readability-lix')).toEqual(['LIX 65 – svært vanskelig; målet deres er høyst 40']);
    expect(nb.textOf('readability-hashtag')[0]).toContain('#fjordvikkommune: skriv hvert ord med stor forbokstav');
    for (const locale of ['da', 'sv'] as const) {
      TestBed.resetTestingModule();
      const rendered = await render(EASY, organization(locale, 30), locale);
      expect(rendered.textOf('readability-lix')[0]).toMatch(/^LIX 29 – \S.* 30$/);
    }
  });
});
