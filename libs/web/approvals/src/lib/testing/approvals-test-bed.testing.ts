import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import type { Locale, Role, SessionView } from '@kadens/shared/contracts';
import { ActiveOrganization, BROWSER_STORAGE, COMPOSER, SessionStore } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';
import { translocoTesting } from '@kadens/web/ui/testing';

import { readApprovalsTranslations, readPlanningTranslations, readRootTranslations } from './approvals-translations.testing';

/** The fixture helpers every web library's tests share, re-exported for this library's specs. */
export { apiError, queries, settle } from '@kadens/web/ui/testing';

export const BASE = '/api/organizations/o1';

@Component({ template: '' })
export class BlankPageComponent {}

export interface TestBedOptions {
  role: Role;
  userId?: string;
  locale?: Locale;
  routes?: Routes;
  providers?: Provider[];
}

/**
 * A test bed logged in as `userId` with `role` in organisation o1, speaking `locale` (English unless
 * told) with the real app-wide, approvals and planning texts, and the notifier replaced by a mock.
 */
export async function setUpApprovalsTestBed({ role, userId = 'u-me', locale = 'en', routes = [], providers = [] }: TestBedOptions) {
  const notifier = { report: jest.fn(), announce: jest.fn() };
  const approvals = readApprovalsTranslations(locale);
  const planning = readPlanningTranslations(locale);
  TestBed.configureTestingModule({
    imports: [
      translocoTesting(locale, {
        [locale]: { ...readRootTranslations(locale), approvals, planning },
        [`approvals/${locale}`]: approvals,
        [`planning/${locale}`]: planning,
      }),
    ],
    providers: [
      provideRouter(routes),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: BROWSER_STORAGE, useValue: null },
      { provide: ProblemNotifier, useValue: notifier },
      { provide: Confirmation, useValue: { ask: jest.fn().mockResolvedValue(true) } },
      // The app provides the composer library's; a spec that opens it passes its own fake.
      { provide: COMPOSER, useValue: { open: jest.fn().mockResolvedValue(null), mayLeave: jest.fn().mockResolvedValue(true) } },
      ...providers,
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const session: SessionView = {
    user: { id: userId, email: 'me@kadens.demo', name: 'Me', locale: null },
    memberships: [
      { organizationId: 'o1', organizationName: 'Fjordvik kommune', organizationSlug: 'fjordvik', organizationLocale: locale, role },
    ],
  };
  const loading = TestBed.inject(SessionStore).ensureLoaded();
  http.expectOne('/api/me').flush(session);
  await loading;
  TestBed.inject(ActiveOrganization).select('o1');
  return { http, notifier };
}
