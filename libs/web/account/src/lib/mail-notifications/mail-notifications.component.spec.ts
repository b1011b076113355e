import { TestBed } from '@angular/core/testing';
import type { MeView } from '@kadens/shared/contracts';
import { SessionStore } from '@kadens/web/data-access';

import { renderAccount } from '../testing/account-test-bed.testing';
import { MailNotificationsComponent } from './mail-notifications.component';

const ME: MeView = {
  user: { id: 'u1', email: 'kari@example.no', name: 'Kari Nordmann', locale: null },
  memberships: [
    { organizationId: 'o1', organizationName: 'Fjordvik kommune', organizationSlug: 'fjordvik', organizationLocale: 'nb', role: 'admin' },
    {
      organizationId: 'o2',
      organizationName: 'Solsikken barnehage',
      organizationSlug: 'solsikken',
      organizationLocale: 'nb',
      role: 'editor',
    },
  ],
  installation: { operator: false, mayCreateOrganizations: false },
};
const PATH = (id: string) => `/api/organizations/${id}/notifications/mail-preferences`;

describe('MailNotificationsComponent', () => {
  async function render() {
    const view = await renderAccount(MailNotificationsComponent);
    const loaded = TestBed.inject(SessionStore).refresh();
    view.http.expectOne('/api/me').flush(ME);
    await loaded;
    await view.settle();
    view.http.expectOne(PATH('o1')).flush({ mutedKinds: ['commented'] });
    view.http.expectOne(PATH('o2')).flush({ mutedKinds: [] });
    await view.settle();
    const element = view.fixture.nativeElement as HTMLElement;
    const box = (organization: string, kind: string) =>
      element.querySelector(`[data-organization-id="${organization}"] [data-testid="mail-kind-${kind}"] input`) as HTMLInputElement;
    return { ...view, element, box };
  }

  it('shows each organisation with a box per kind, ticked when it comes by e-mail, and the evaluation hint to admins', async () => {
    const { element, box, text } = await render();
    expect([...element.querySelectorAll('legend')].map((legend) => text(legend))).toEqual([
      'In Fjordvik kommune',
      'In Solsikken barnehage',
    ]);
    expect(element.querySelectorAll('[data-organization-id="o1"] mat-checkbox')).toHaveLength(7);
    expect([box('o1', 'review_requested').checked, box('o1', 'commented').checked, box('o2', 'commented').checked]).toEqual([
      true,
      false,
      true,
    ]);
    expect(
      text(element.querySelector('[data-organization-id="o1"] label[for]') ?? element.querySelector('[data-organization-id="o1"] label')),
    ).toBe('A post waits for my approval');
    expect(element.querySelector('[data-organization-id="o1"] .mail__hint')).not.toBeNull();
    expect(element.querySelector('[data-organization-id="o2"] .mail__hint')).toBeNull();
  });

  it('saves a change at once and says so', async () => {
    const { box, http, settle, notifier } = await render();
    box('o2', 'approved').click();
    await settle();
    const put = http.expectOne(PATH('o2'));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ mutedKinds: ['approved'] });
    put.flush({ mutedKinds: ['approved'] });
    await settle();
    expect(box('o2', 'approved').checked).toBe(false);
    expect(notifier.announce).toHaveBeenCalledWith('account.mail.saved');
  });

  it('puts the box back and says why when the save fails', async () => {
    const { box, http, settle, notifier } = await render();
    box('o1', 'commented').click();
    await settle();
    http.expectOne(PATH('o1')).flush({ code: 'internal' }, { status: 503, statusText: 'Service Unavailable' });
    await settle();
    expect(box('o1', 'commented').checked).toBe(false);
    expect(notifier.report).toHaveBeenCalled();
  });
});
