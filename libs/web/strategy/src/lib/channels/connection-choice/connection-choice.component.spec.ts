import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { CONNECTION_CHOICE_KINDS, type ChannelConnectionView, type ConnectionChoicesView } from '@kadens/shared/contracts';
import { describeTranslationParity, readTranslationTree } from '@kadens/web/ui/testing';

import { ConnectionChoiceComponent } from './connection-choice.component';

const PATH = '/api/organizations/o1/channels/c1/connection/choices/s1';
const VIEW: ConnectionChoicesView = {
  platform: 'facebook',
  choices: [
    { id: '111', name: 'Kadens kommune', kind: 'page', pictureUrl: 'https://scontent.example/k.png' },
    { id: '222', name: 'Kadens bibliotek', kind: 'page' },
  ],
};

describeTranslationParity('connection-choice');

describe('kd-connection-choice', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: {}, 'connection-choice/en': readTranslationTree('connection-choice', 'en') },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ConnectionChoiceComponent);
    fixture.componentRef.setInput('organizationId', 'o1');
    fixture.componentRef.setInput('channelId', 'c1');
    fixture.componentRef.setInput('signInId', 's1');
    const chosen: ChannelConnectionView[] = [];
    fixture.componentInstance.chosen.subscribe((view) => chosen.push(view));
    await fixture.whenStable();
    /** Lets the answered request's promise settle, then renders. */
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    };
    return { fixture, http, chosen, settle, element: fixture.nativeElement as HTMLElement };
  }

  it('lists the accounts as a labelled radio group, and connects the picked one', async () => {
    const { fixture, http, chosen, settle, element } = await render();
    http.expectOne(PATH).flush(VIEW);
    await settle();

    const group = element.querySelector('[role="radiogroup"]') as HTMLElement;
    const heading = element.querySelector('h3') as HTMLElement;
    expect(group.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(heading.textContent).toContain('Choose the account to connect in Facebook');
    const radios = [...element.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios).toHaveLength(2);
    const labels = radios.map((radio) => element.querySelector(`label[for="${radio.id}"]`)?.textContent?.replace(/\s+/g, ' ').trim());
    expect(labels).toEqual(['Kadens kommune, Facebook page', 'Kadens bibliotek, Facebook page']);
    const submit = element.querySelector('[data-testid="connection-choice-submit"]') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);

    radios[1]?.click();
    await fixture.whenStable();
    expect(submit.disabled).toBe(false);
    submit.click();
    const request = http.expectOne(PATH);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ choiceId: '222' });
    request.flush({ channelId: 'c1', status: 'connected', accountName: 'Kadens bibliotek' });
    await settle();
    expect(chosen).toEqual([expect.objectContaining({ accountName: 'Kadens bibliotek' })]);
  });

  it('says when the sign-in expired, in an alert', async () => {
    const { http, settle, element } = await render();
    http.expectOne(PATH).flush({ code: 'connection_choice_expired' }, { status: 410, statusText: 'Gone' });
    await settle();
    expect(element.querySelector('[role="radiogroup"]')).toBeNull();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('more than 10 minutes old');
  });

  it('has a text for every kind of account', () => {
    const kinds = readTranslationTree('connection-choice', 'en')['kinds'] as Record<string, string>;
    expect(Object.keys(kinds).sort()).toEqual([...CONNECTION_CHOICE_KINDS].sort());
  });
});
