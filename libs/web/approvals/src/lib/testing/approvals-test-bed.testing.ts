import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { Component, type Provider } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Locale, Role, SessionView } from '@kadens/shared/contracts';
import { ActiveOrganization, BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';

import { readApprovalsTranslations, readPlanningTranslations, readRootTranslations } from './approvals-translations.testing';

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
      TranslocoTestingModule.forRoot({
        langs: {
          [locale]: { ...readRootTranslations(locale), approvals, planning },
          [`approvals/${locale}`]: approvals,
          [`planning/${locale}`]: planning,
        },
        translocoConfig: { availableLangs: [locale], defaultLang: locale, missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter(routes),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: BROWSER_STORAGE, useValue: null },
      { provide: ProblemNotifier, useValue: notifier },
      { provide: Confirmation, useValue: { ask: jest.fn().mockResolvedValue(true) } },
      ...providers,
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const session: SessionView = {
    user: { id: userId, email: 'me@kadens.demo', name: 'Me', locale: null },
    memberships: [{ organizationId: 'o1', organizationName: 'Fjordvik kommune', organizationSlug: 'fjordvik', organizationLocale: locale, role }],
  };
  const loading = TestBed.inject(SessionStore).ensureLoaded();
  http.expectOne('/api/me').flush(session);
  await loading;
  TestBed.inject(ActiveOrganization).select('o1');
  return { http, notifier };
}

/** Lets pending promises (API answers) run through, then change detection. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

export function apiError(request: TestRequest, status: number, body: object): void {
  request.flush({ statusCode: status, error: 'Error', message: 'x', ...body }, { status, statusText: 'Error' });
}

/** Finds, reads and clicks by data-testid inside the fixture (or the whole page, for menus). */
export function queries(fixture: ComponentFixture<unknown>, root: ParentNode = fixture.nativeElement as HTMLElement) {
  const find = <E extends HTMLElement = HTMLElement>(testId: string) => root.querySelector<E>(`[data-testid="${testId}"]`);
  const findAll = (testId: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const click = async (testId: string, index = 0) => {
    const target = findAll(testId)[index];
    if (!target) throw new Error(`no ${index}th data-testid="${testId}"`);
    target.click();
    await settle(fixture);
  };
  const fill = async (testId: string, value: string) => {
    const input = find<HTMLInputElement | HTMLTextAreaElement>(testId);
    if (!input) throw new Error(`nothing with data-testid="${testId}"`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
  };
  return { find, findAll, text, click, fill };
}
