import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { LOCALES, type PublicAvailability } from '@kadens/shared/contracts';
import {
  apiRequestInterceptor,
  BROWSER_LANGUAGES,
  BROWSER_STORAGE,
  LanguageService,
  SessionStore,
  TranslatedTitleStrategy,
} from '@kadens/web/data-access';

import { bolgebyAvailability, FACEBOOK } from '../../testing/availability-fixture';
import { realTranslations } from '../../testing/translations';
import { PUBLIC_PAGE_ROUTES } from '../public-page.routes';

const AVAILABILITY_URL = '/api/public/bolgeby/availability';

describe('PublicPageComponent', () => {
  async function render(url: string, browserLanguages: readonly string[] = ['en-US']) {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: realTranslations(),
          translocoConfig: { availableLangs: [...LOCALES], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter(
          [
            { path: 'public', children: PUBLIC_PAGE_ROUTES },
            { path: 'login', children: [] },
            { path: 'elsewhere', children: [] },
          ],
          withComponentInputBinding(),
        ),
        { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
        provideHttpClient(withInterceptors([apiRequestInterceptor])),
        provideHttpClientTesting(),
        { provide: BROWSER_LANGUAGES, useValue: browserLanguages },
        { provide: BROWSER_STORAGE, useValue: null },
      ],
    });
    const harness = await RouterTestingHarness.create(url);
    const http = TestBed.inject(HttpTestingController);
    const page = (): HTMLElement => {
      if (!harness.routeNativeElement) throw new Error('the page is not shown');
      return harness.routeNativeElement;
    };
    const text = (testId: string) =>
      [...page().querySelectorAll(`[data-testid="${testId}"]`)].map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
    const answer = async (body: PublicAvailability | null, status = 200) => {
      http.expectOne(AVAILABILITY_URL).flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
      await harness.fixture.whenStable();
      harness.detectChanges();
    };
    return { harness, http, page, text, answer, router: TestBed.inject(Router) };
  }

  const jsonLdScripts = () => document.head.querySelectorAll('script[type="application/ld+json"]');

  it('shows each channel’s promises in Danish when the link asks for Danish', async () => {
    const { text, answer } = await render('/public/bolgeby?lang=da');
    await answer(bolgebyAvailability());

    expect(text('public-channel')).toHaveLength(2);
    expect(text('public-channel-platform')).toEqual(['Facebook', 'Anden kanal']);
    expect(text('public-hours')[0]).toContain('Mandag–fredag kl. 9.00–12.00');
    expect(text('public-hours')[0]).toContain('Lørdag og søndag lukket');
    expect(text('public-hours')[0]).toContain('Lukket på helligdage.');
    expect(text('public-open-now')).toEqual(['Åben nu Lukker kl. 12.00']);
    expect(text('public-holidays')[0]).toContain('torsdag 17. april · Skærtorsdag');
    expect(text('public-closures')[0]).toContain('Sommerferie');
    expect(text('public-response')).toEqual(['Vi svarer inden for 2 timer i åbningstiden.']);
    expect(text('public-cadence')[0]).toContain('Vi poster 3–5 gange om ugen');
    expect(text('public-time-zone')).toEqual(['Alle klokkeslæt er i centraleuropæisk tid.']);
    expect(document.documentElement.lang).toBe('da');
  });

  it('shows “promises kept” per channel when the organisation chose to, in the page’s language', async () => {
    const { text, answer } = await render('/public/bolgeby?lang=nb');
    const promisesKept = {
      weeks: 12,
      from: '2025-01-06',
      to: '2025-03-30',
      channels: [{ channelId: FACEBOOK.id, weeksKept: 11, weeksKeptShare: 11 / 12, minPostsPerWeek: 3 }],
    };
    await answer({ ...bolgebyAvailability(), promisesKept });
    expect(text('public-promises-kept')[0]).toContain('Løfter holdt (innlegg i uka)');
    expect(text('public-promises-kept')[0]).toMatch(/, minst 3 i uka: holdt i 11 av de siste 12 ukene \(92\s?%\)/);
  });

  it('shows no “promises kept” when the organisation did not choose to', async () => {
    const { text, answer } = await render('/public/bolgeby?lang=en');
    await answer(bolgebyAvailability());
    expect(text('public-promises-kept')).toEqual([]);
  });

  it('does not name the platform twice when the channel is called after it', async () => {
    const { text, answer } = await render('/public/bolgeby?lang=en');
    await answer(bolgebyAvailability([{ ...FACEBOOK, name: 'Facebook' }]));
    expect(text('public-channel-platform')).toEqual([]);
    expect(text('public-channel')[0]).toContain('@bolgeby');
  });

  it('tells when a closed channel opens, on the organisation’s clock', async () => {
    const { text, answer } = await render('/public/bolgeby?lang=en');
    const hours = FACEBOOK.serviceHours && { ...FACEBOOK.serviceHours, openNow: false, nextChange: '2025-03-13T08:00:00Z' };
    const closed = { ...FACEBOOK, serviceHours: hours };
    await answer(bolgebyAvailability([closed]));
    expect(text('public-open-now')).toEqual(['Closed now Opens Thursday at 9:00']);
    expect(text('public-hours')[0]).toContain('Monday–Friday 9:00–12:00');
    expect(text('public-response')).toEqual(['We answer within 2 hours during service hours.']);
  });

  it.each([
    ['the browser’s language when the link names none', '/public/bolgeby', ['sv-SE'], 'sv', 'Måndag–fredag 09.00–12.00'],
    ['the organisation’s when the browser’s is not one Kadens speaks', '/public/bolgeby', ['de-DE'], 'da', 'Mandag–fredag kl. 9.00–12.00'],
    ['Norwegian for a browser in nynorsk', '/public/bolgeby', ['nn-NO'], 'nb', 'Mandag–fredag 09.00–12.00'],
    ['the link’s over the browser’s', '/public/bolgeby?lang=nb', ['sv-SE'], 'nb', 'Mandag–fredag 09.00–12.00'],
  ])('speaks %s', async (_name, url, browserLanguages, locale, hours) => {
    const { text, answer } = await render(url, browserLanguages);
    await answer(bolgebyAvailability());
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe(locale);
    expect(text('public-hours')[0]).toContain(hours);
  });

  it('switches language from its own picker, in the address, without touching the account', async () => {
    const { harness, text, answer, router, http } = await render('/public/bolgeby?lang=da');
    await answer(bolgebyAvailability());
    const loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    const picker = await loader.getHarness(MatSelectHarness.with({ ancestor: '[data-testid="public-language-picker"]' }));
    await picker.open();
    await picker.clickOptions({ text: 'English' });
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(router.url).toBe('/public/bolgeby?lang=en');
    expect(text('public-open-now')).toEqual(['Open now Closes at 12:00']);
    http.expectNone('/api/me');
  });

  it('puts the JSON-LD and the organisation’s name into the document while shown, and hands both back', async () => {
    const { harness, answer } = await render('/public/bolgeby?lang=da', ['sv-SE']);
    await answer(bolgebyAvailability());
    expect(jsonLdScripts()).toHaveLength(1);
    expect(JSON.parse(jsonLdScripts()[0]?.textContent ?? '')).toMatchObject({ '@type': 'Organization', name: 'Bølgeby Kommune' });
    expect(TestBed.inject(Title).getTitle()).toBe('Bølgeby Kommune');

    // The title strategy rewrites the title on a language switch; the name must survive it.
    TestBed.inject(TranslocoService).setActiveLang('en');
    await harness.fixture.whenStable();
    expect(TestBed.inject(Title).getTitle()).toBe('Bølgeby Kommune');

    await harness.navigateByUrl('/elsewhere');
    expect(jsonLdScripts()).toHaveLength(0);
    expect(TestBed.inject(LanguageService).locale()).toBe('sv');
  });

  it('says kindly, in the visitor’s language, that an unknown address leads nowhere — and stays there', async () => {
    const { text, answer, router } = await render('/public/bolgeby', ['da-DK']);
    jest.spyOn(TestBed.inject(SessionStore), 'forget');
    await answer(null, 404);
    expect(text('public-not-found')[0]).toContain('Vi kan ikke finde siden');
    expect(router.url).toBe('/public/bolgeby');
    expect(TestBed.inject(SessionStore).forget).not.toHaveBeenCalled();
    expect(jsonLdScripts()).toHaveLength(0);
  });

  it('is never sent to the login page by a 401, and offers to try again after a failure', async () => {
    const { harness, page, text, answer, router, http } = await render('/public/bolgeby?lang=en');
    await answer(null, 401);
    expect(router.url).toBe('/public/bolgeby?lang=en');
    expect(text('public-failed')[0]).toContain('The page can’t be shown right now');

    page().querySelector<HTMLButtonElement>('[data-testid="public-failed"] button')?.click();
    const retry = http.expectOne(AVAILABILITY_URL);
    expect(retry.request.cache).toBe('no-cache');
    retry.flush(bolgebyAvailability());
    await harness.fixture.whenStable();
    harness.detectChanges();
    expect(text('public-channel')).toHaveLength(2);
  });

  it('links the calendar feed in the page’s language, to download and to subscribe', async () => {
    const { page, answer } = await render('/public/bolgeby?lang=sv');
    await answer(bolgebyAvailability());
    const href = (testId: string) => page().querySelector(`[data-testid="${testId}"]`)?.getAttribute('href');
    expect(href('public-ical')).toBe('http://localhost/api/public/bolgeby/availability.ics?lang=sv');
    expect(href('public-ical-webcal')).toBe('webcal://localhost/api/public/bolgeby/availability.ics?lang=sv');
  });
});
