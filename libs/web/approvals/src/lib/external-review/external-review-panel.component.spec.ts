import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ExternalReviewView } from '@kadens/shared/contracts';
import { readTranslationTree } from '@kadens/web/ui/testing';

import { ExternalReviewPanelComponent } from './external-review-panel.component';

const PATH = '/api/organizations/o1/posts/p1/external-reviews';
const review = (overrides: Partial<ExternalReviewView> = {}): ExternalReviewView => ({
  id: 'r1',
  name: 'Ingrid Jurist',
  email: 'ingrid@example.no',
  status: 'opened',
  revision: 1,
  requestedByName: 'Erik',
  createdAt: '2027-03-01T10:00:00.000Z',
  expiresAt: '2027-03-08T10:00:00.000Z',
  openedAt: '2027-03-01T11:00:00.000Z',
  decidedAt: null,
  comment: '',
  ...overrides,
});

describe('kd-external-review-panel', () => {
  async function render(state: 'in_review' | 'approved' = 'in_review') {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: {}, 'external-review/en': readTranslationTree('external-review', 'en') },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ExternalReviewPanelComponent);
    fixture.componentRef.setInput('organizationId', 'o1');
    fixture.componentRef.setInput('postId', 'p1');
    fixture.componentRef.setInput('postState', state);
    fixture.componentRef.setInput('revision', 1);
    fixture.componentRef.setInput('timeZone', 'Europe/Oslo');
    await fixture.whenStable();
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    };
    return { fixture, http, settle, element: fixture.nativeElement as HTMLElement };
  }

  it('asks a named person by e-mail, then lists the request with its status', async () => {
    const { fixture, http, settle, element } = await render();
    http.expectOne(PATH).flush([]);
    await settle();
    const [name, email] = [...element.querySelectorAll<HTMLInputElement>('input')] as [HTMLInputElement, HTMLInputElement];
    expect(element.querySelector(`label[for="${name.id}"]`)?.textContent).toContain('Name');
    name.value = 'Ingrid Jurist';
    name.dispatchEvent(new Event('input'));
    email.value = 'ingrid@example.no';
    email.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (element.querySelector('[data-testid="external-review-ask"]') as HTMLButtonElement).click();
    const asked = http.expectOne((request) => request.method === 'POST' && request.url === PATH);
    expect(asked.request.body).toEqual({ name: 'Ingrid Jurist', email: 'ingrid@example.no' });
    asked.flush(review({ status: 'sent' }));
    await settle();
    http.expectOne(PATH).flush([review({ status: 'sent' })]);
    await settle();
    expect(element.querySelector('[data-testid="external-review-message"]')?.textContent).toContain('The review link has been sent.');
    expect(element.querySelector('[data-testid="external-review-status"]')?.textContent).toContain('Sent');
  });

  it('revokes a live link; decided and revoked ones cannot be revoked', async () => {
    const { http, settle, element } = await render();
    http.expectOne(PATH).flush([review(), review({ id: 'r0', status: 'approved' }), review({ id: 'r-1', status: 'revoked' })]);
    await settle();
    const buttons = element.querySelectorAll<HTMLButtonElement>('[data-testid="external-review-revoke"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.getAttribute('aria-label')).toBe('Revoke the link sent to Ingrid Jurist');
    buttons[0]?.click();
    http.expectOne((request) => request.method === 'DELETE' && request.url === `${PATH}/r1`).flush(null);
    await settle();
    http.expectOne(PATH).flush([review({ status: 'revoked' })]);
    await settle();
    expect(element.querySelector('[data-testid="external-review-status"]')?.textContent).toContain('Revoked');
  });

  it('offers no form once the post has left review', async () => {
    const { http, settle, element } = await render('approved');
    http.expectOne(PATH).flush([]);
    await settle();
    expect(element.querySelector('form')).toBeNull();
    expect(element.textContent).toContain('once the post is in review');
  });
});
