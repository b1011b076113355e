import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, type Routes } from '@angular/router';
import type { Locale, PublishingEvent, Role, MeView } from '@kadens/shared/contracts';
import {
  ActiveOrganization,
  BROWSER_STORAGE,
  PUBLISHING_EVENT_SOURCE,
  PUBLISHING_STATUS_SETTLE_MS,
  type PublishingEventSource,
  SessionStore,
} from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';
import { readTranslationTree, translocoTesting } from '@kadens/web/ui/testing';

/** The fixture helpers every web library's tests share, re-exported for this library's specs. */
export { apiError, queries, settle } from '@kadens/web/ui/testing';

export const BASE = '/api/organizations/o1';

@Component({ template: '' })
export class BlankPageComponent {}

/** An EventSource the test drives: it opens, drops and delivers when told. */
export class FakeEventSource implements PublishingEventSource {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, Array<(event: Event) => void>>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    for (const listener of this.listeners.get('open') ?? []) listener(new Event('open'));
  }

  send(event: PublishingEvent): void {
    const message = new MessageEvent('message', { data: JSON.stringify(event) });
    for (const listener of this.listeners.get('message') ?? []) listener(message);
  }
}

export interface TestBedOptions {
  role: Role;
  /** Whether the person is one of the installation's operators. */
  operator?: boolean;
  locale?: Locale;
  routes?: Routes;
  providers?: Provider[];
}

/**
 * A test bed logged in with `role` in organisation o1, speaking `locale` (English unless told) with the
 * real app-wide and publishing texts, the notifier and confirmation replaced by mocks, and every live
 * stream opened on a fake the test drives.
 */
export async function setUpPublishingTestBed({ role, operator = false, locale = 'en', routes = [], providers = [] }: TestBedOptions) {
  const notifier = { report: jest.fn(), announce: jest.fn() };
  const confirmation = { ask: jest.fn().mockResolvedValue(true) };
  const sources: FakeEventSource[] = [];
  const publishing = readTranslationTree('publishing', locale);
  TestBed.configureTestingModule({
    imports: [
      translocoTesting(locale, { [locale]: { ...readTranslationTree(null, locale), publishing }, [`publishing/${locale}`]: publishing }),
    ],
    providers: [
      provideRouter(routes),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: BROWSER_STORAGE, useValue: null },
      { provide: ProblemNotifier, useValue: notifier },
      { provide: Confirmation, useValue: confirmation },
      {
        provide: PUBLISHING_EVENT_SOURCE,
        useValue: (url: string) => {
          const source = new FakeEventSource(url);
          sources.push(source);
          return source;
        },
      },
      { provide: PUBLISHING_STATUS_SETTLE_MS, useValue: 0 },
      // Dialogs close at once, without waiting for an exit animation jsdom never plays.
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ...providers,
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const session: MeView = {
    user: { id: 'u-me', email: 'me@kadens.demo', name: 'Me', locale: null },
    memberships: [
      { organizationId: 'o1', organizationName: 'Fjordvik kommune', organizationSlug: 'fjordvik', organizationLocale: locale, role },
    ],
    installation: { operator, mayCreateOrganizations: operator },
  };
  const loading = TestBed.inject(SessionStore).ensureLoaded();
  http.expectOne('/api/me').flush(session);
  await loading;
  TestBed.inject(ActiveOrganization).select('o1');
  return { http, notifier, confirmation, sources };
}

/** Answers the organisation's own record (its time zone) if it was asked for. */
export function answerOrganization(http: HttpTestingController): void {
  for (const request of http.match(BASE)) request.flush({ id: 'o1', name: 'Fjordvik kommune', slug: 'fjordvik', timeZone: 'Europe/Oslo' });
}
