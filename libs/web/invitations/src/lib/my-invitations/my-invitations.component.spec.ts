import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { MyInvitationView } from '@kadens/shared/contracts';
import { ProblemNotifier } from '@kadens/web/ui';

import { MyInvitationsComponent } from './my-invitations.component';

const INVITATIONS: MyInvitationView[] = [
  { id: 'i1', organizationName: 'Fjordvik kommune', role: 'editor', invitedByName: 'Ada Admin', expiresAt: '2999-01-08T10:00:00Z' },
  { id: 'i2', organizationName: 'Bølgeby Kommune', role: 'viewer', invitedByName: null, expiresAt: '2999-01-09T10:00:00Z' },
];

describe('MyInvitationsComponent', () => {
  async function render(variant: 'card' | 'banner', invitations: MyInvitationView[]) {
    const notifier = { report: jest.fn(), announce: jest.fn() };
    TestBed.configureTestingModule({
      imports: [
        MyInvitationsComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: {} },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: ProblemNotifier, useValue: notifier }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(MyInvitationsComponent);
    fixture.componentRef.setInput('variant', variant);
    await fixture.whenStable();
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await fixture.whenStable();
    };
    http.expectOne('/api/me/invitations').flush(invitations);
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const items = () => [...element.querySelectorAll<HTMLElement>('[data-testid="my-invitation"]')];
    return { http, element, items, settle, notifier };
  }

  it('shows nothing in the shell when no invitation waits', async () => {
    const { element } = await render('banner', []);
    expect(element.querySelector('[data-testid="my-invitations"]')).toBeNull();
  });

  it('names each invitation with accept and decline buttons that say which organisation they answer', async () => {
    const { items } = await render('banner', INVITATIONS);
    expect(items().map((item) => item.dataset['organization'])).toEqual(['Fjordvik kommune', 'Bølgeby Kommune']);
    expect(items()[0]?.textContent).toContain('invitations.mine.invitedBy');
    expect(items()[1]?.textContent).toContain('invitations.mine.invited');
    expect(items()[0]?.querySelector('[data-testid="invitation-accept"]')?.getAttribute('aria-label')).toBe('invitations.mine.acceptNamed');
  });

  it('declines, takes the invitation off the list and keeps the focus in the list', async () => {
    const { http, items, settle, notifier, element } = await render('card', INVITATIONS);
    items()[1]?.querySelector<HTMLButtonElement>('[data-testid="invitation-decline"]')?.click();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/me/invitations/i2/decline' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await new Promise((resolve) => setTimeout(resolve));
    expect(items().map((item) => item.dataset['organization'])).toEqual(['Fjordvik kommune']);
    expect(notifier.announce).toHaveBeenCalledWith('invitations.mine.declined', { organization: 'Bølgeby Kommune' });
    expect(document.activeElement).toBe(element.querySelector('h2'));
  });

  it('drops an invitation answered elsewhere meanwhile, and says so', async () => {
    const { http, items, settle, notifier } = await render('card', INVITATIONS);
    items()[0]?.querySelector<HTMLButtonElement>('[data-testid="invitation-accept"]')?.click();
    await settle();
    http
      .expectOne({ method: 'POST', url: '/api/me/invitations/i1/accept' })
      .flush({ statusCode: 404, code: 'invitation_not_found' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(items().map((item) => item.dataset['organization'])).toEqual(['Bølgeby Kommune']);
    expect(notifier.report).toHaveBeenCalledWith(expect.objectContaining({ reasonKey: 'errors.code.invitation_not_found' }));
  });
});
