import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import type { Provider, Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { ChannelPromisesView, Role, SessionView } from '@kadens/shared/contracts';
import { ActiveOrganization, BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';
import { provideIcuMessages } from '@kadens/web/util';

import { ChannelPromisesStore } from '../promises/channel-promises.store';
import { StrategyStore } from '../state/strategy.store';
import { ORGANIZATION, PROMISES, type StrategyData } from './strategy-fixtures.testing';
import { readConnectTranslations, readStrategyTranslations } from './strategy-translations.testing';

const BASE = '/api/organizations/o1';

/**
 * A test bed logged in with `role` in organisation o1, speaking English with the real strategy texts
 * (the app-wide keys stay raw), with the notifier and the confirmation dialog replaced by mocks.
 */
export async function setUpStrategyTestBed(role: Role, providers: Provider[] = []) {
  const notifier = { report: jest.fn(), announce: jest.fn() };
  const confirmation = { ask: jest.fn().mockResolvedValue(true) };
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: { strategy: readStrategyTranslations('en'), connect: readConnectTranslations('en') } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideIcuMessages(),
      StrategyStore,
      ChannelPromisesStore,
      { provide: BROWSER_STORAGE, useValue: null },
      { provide: ProblemNotifier, useValue: notifier },
      { provide: Confirmation, useValue: confirmation },
      ...providers,
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const session: SessionView = {
    user: { id: 'u1', email: 'me@kadens.demo', name: 'Ada Admin', locale: null },
    memberships: [{ organizationId: 'o1', organizationName: 'Sunflower', organizationSlug: 'sunflower', organizationLocale: 'en', role }],
  };
  const loading = TestBed.inject(SessionStore).ensureLoaded();
  http.expectOne('/api/me').flush(session);
  await loading;
  TestBed.inject(ActiveOrganization).select('o1');
  return { http, notifier, confirmation };
}

/** Answers the six requests the strategy store loads with. */
export function flushStrategy(http: HttpTestingController, data: StrategyData): void {
  http.expectOne((request) => request.url === `${BASE}/themes` && request.method === 'GET').flush(data.themes);
  http.expectOne((request) => request.url === `${BASE}/audiences` && request.method === 'GET').flush(data.audiences);
  http.expectOne(`${BASE}/channels`).flush(data.channels);
  http.expectOne(`${BASE}/initiatives`).flush(data.initiatives);
  http.expectOne(`${BASE}/strategy/workload`).flush(data.workload);
  http.expectOne(`${BASE}/members`).flush(data.members);
}

/** Answers what the channels list fetches once shown: the organisation's clock and each channel's promises. */
export function flushChannelPromises(http: HttpTestingController, promises: ChannelPromisesView[] = PROMISES): void {
  http.expectOne({ method: 'GET', url: BASE }).flush(ORGANIZATION);
  for (const view of promises) http.expectOne({ method: 'GET', url: `${BASE}/channels/${view.channelId}/promises` }).flush(view);
}

/** Loads the store (as the page would) and renders `component` under it. */
export async function renderWithStrategy<T>(component: Type<T>, http: HttpTestingController, data: StrategyData) {
  const store = TestBed.inject(StrategyStore);
  const loading = store.load('o1');
  flushStrategy(http, data);
  await loading;
  const fixture = TestBed.createComponent(component);
  await settle(fixture);
  return { fixture, store, element: fixture.nativeElement as HTMLElement, settle: () => settle(fixture), ...queries(fixture) };
}

/** Lets pending promises (API answers, dialogs) run through, then change detection. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

export function apiError(request: TestRequest, status: number, body: object): void {
  request.flush({ statusCode: status, error: 'Error', message: 'x', ...body }, { status, statusText: 'Error' });
}

function queries(fixture: ComponentFixture<unknown>) {
  const element = fixture.nativeElement as HTMLElement;
  const find = <E extends HTMLElement = HTMLElement>(testId: string) => element.querySelector<E>(`[data-testid="${testId}"]`);
  const findAll = (testId: string) => [...element.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  const text = (testId: string) => find(testId)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const fill = (testId: string, value: string) => {
    const input = find<HTMLInputElement>(testId);
    if (!input) throw new Error(`nothing with data-testid="${testId}"`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const click = async (testId: string, index = 0) => {
    const target = findAll(testId)[index];
    if (!target) throw new Error(`no ${index}th data-testid="${testId}"`);
    target.click();
    await settle(fixture);
  };
  const errorNextTo = (testId: string) => find(testId)?.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;
  return { find, findAll, text, fill, click, errorNextTo };
}
