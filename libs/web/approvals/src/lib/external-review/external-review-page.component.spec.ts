import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ExternalReviewPageView } from '@kadens/shared/contracts';
import { describeTranslationParity, readTranslationTree } from '@kadens/web/ui/testing';

import { ExternalReviewPageComponent } from './external-review-page.component';

const PATH = '/api/external-reviews/tok';
const VIEW: ExternalReviewPageView = {
  organization: { name: 'Fjordvik kommune', locale: 'en', timeZone: 'Europe/Oslo' },
  reviewerName: 'Ingrid Jurist',
  expiresAt: '2027-03-08T09:00:00.000Z',
  post: {
    title: 'Ny bru',
    plannedAt: '2027-03-10T09:00:00.000Z',
    theme: { name: 'Samferdsel', color: '#1e88e5' },
    channels: [{ platform: 'facebook', name: 'Fjordvik på Facebook', text: 'Brua åpner 10. mars!' }],
    link: null,
    media: [{ kind: 'image', fileName: 'bru.jpg', altText: 'Den nye brua i sol', thumbnailUrl: '/api/media/signed/t0k3n' }],
  },
  checklist: [{ text: 'Respects privacy', required: true }],
};

describeTranslationParity('external-review');

describe('kd-external-review-page', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: {}, 'external-review/en': readTranslationTree('external-review', 'en') },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap({ token: 'tok' }) } } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ExternalReviewPageComponent);
    await fixture.whenStable();
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    return { fixture, http, settle, element: fixture.nativeElement as HTMLElement };
  }

  it('shows the post read-only, then approves and moves the focus to the thank-you heading', async () => {
    const { http, settle, element } = await render();
    http.expectOne(PATH).flush(VIEW);
    await settle();
    expect(element.querySelector('h1')?.textContent).toContain('Review: Ny bru');
    expect(element.textContent).toContain('Brua åpner 10. mars!');
    expect(element.textContent).toContain('Den nye brua i sol');
    const image = element.querySelector<HTMLImageElement>('[data-testid="external-medium-image"]');
    expect([image?.getAttribute('src'), image?.alt]).toEqual(['/api/media/signed/t0k3n', 'Den nye brua i sol']);
    expect(element.textContent).toContain('Respects privacy');
    (element.querySelector('[data-testid="external-review-approve"]') as HTMLButtonElement).click();
    const decision = http.expectOne(`${PATH}/decision`);
    expect(decision.request.body).toEqual({ decision: 'approve' });
    decision.flush({ status: 'approved', decidedAt: '2027-03-01T10:00:00.000Z' });
    await settle();
    const heading = element.querySelector('h1') as HTMLElement;
    expect(heading.textContent).toContain('your approval is recorded');
    expect(document.activeElement).toBe(heading);
  });

  it('asks for a comment before sending a request for changes', async () => {
    const { fixture, http, settle, element } = await render();
    http.expectOne(PATH).flush(VIEW);
    await settle();
    (element.querySelector('[data-testid="external-review-request-changes"]') as HTMLButtonElement).click();
    await settle();
    (element.querySelector('[data-testid="external-review-send-changes"]') as HTMLButtonElement).click();
    await settle();
    expect(element.textContent).toContain('Write what should change before sending.');
    http.expectNone(`${PATH}/decision`);
    const textarea = element.querySelector('textarea') as HTMLTextAreaElement;
    textarea.value = 'Remove the contractor’s name';
    textarea.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (element.querySelector('[data-testid="external-review-send-changes"]') as HTMLButtonElement).click();
    const decision = http.expectOne(`${PATH}/decision`);
    expect(decision.request.body).toEqual({ decision: 'request_changes', comment: 'Remove the contractor’s name' });
  });

  it.each([
    [410, 'external_review_expired', 'This link has expired'],
    [410, 'external_review_revoked', 'This link no longer works'],
    [410, 'external_review_used', 'A decision has already been given'],
    [409, 'external_review_stale', 'The post was changed after you were asked'],
    [404, 'external_review_not_found', 'This link does not work'],
  ])('a dead link (%i %s) gets a page of its own', async (status, code, title) => {
    const { http, settle, element } = await render();
    http.expectOne(PATH).flush({ code, message: code }, { status, statusText: 'x' });
    await settle();
    expect(element.querySelector('h1')?.textContent).toContain(title);
    expect(element.querySelector('[data-testid="external-review-approve"]')).toBeNull();
  });
});
