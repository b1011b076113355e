import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type Provider, type Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { apiRequestInterceptor, BROWSER_STORAGE } from '@kadens/web/data-access';
import { Confirmation, ProblemNotifier } from '@kadens/web/ui';
import { queries, readTranslationTree, settle, translocoTesting } from '@kadens/web/ui/testing';

/** Renders an account component in English with the real texts, a fake API and fake dialogs. */
export async function renderAccount<T>(component: Type<T>, providers: Provider[] = [], confirm = true) {
  const notifier = { report: jest.fn(), announce: jest.fn() };
  const confirmation = { ask: jest.fn().mockResolvedValue(confirm) };
  TestBed.configureTestingModule({
    imports: [
      component,
      translocoTesting('en', { en: readTranslationTree(null, 'en'), 'account/en': readTranslationTree('account', 'en') }),
    ],
    providers: [
      provideRouter([]),
      provideHttpClient(withInterceptors([apiRequestInterceptor])),
      provideHttpClientTesting(),
      { provide: BROWSER_STORAGE, useValue: null },
      { provide: ProblemNotifier, useValue: notifier },
      { provide: Confirmation, useValue: confirmation },
      ...providers,
    ],
  });
  const fixture = TestBed.createComponent(component);
  const router = TestBed.inject(Router);
  jest.spyOn(router, 'navigate').mockResolvedValue(true);
  await settle(fixture);
  return {
    fixture,
    router,
    notifier,
    confirmation,
    http: TestBed.inject(HttpTestingController),
    ...queries(fixture),
    settle: () => settle(fixture),
  };
}
