import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { SessionView } from '@kadens/shared/contracts';
import { apiRequestInterceptor, BROWSER_STORAGE } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { LoginPageComponent } from './login-page.component';

const SESSION: SessionView = {
  user: { id: 'u1', email: 'editor@kadens.demo', name: 'Eddie Editor', locale: null },
  memberships: [{ organizationId: 'o1', organizationName: 'Demo', organizationSlug: 'demo', organizationLocale: 'nb', role: 'editor' }],
};

describe('LoginPageComponent', () => {
  async function render(returnUrl: string | null = null, extra: Record<string, string> = {}) {
    const notifier = { report: jest.fn(), announce: jest.fn() };
    TestBed.configureTestingModule({
      imports: [
        LoginPageComponent,
        TranslocoTestingModule.forRoot({
          langs: { en: {} },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiRequestInterceptor])),
        provideHttpClientTesting(),
        { provide: BROWSER_STORAGE, useValue: null },
        { provide: ProblemNotifier, useValue: notifier },
        {
          provide: ActivatedRoute,
          useValue: { snapshot: { queryParamMap: convertToParamMap({ ...(returnUrl ? { returnUrl } : {}), ...extra }) } },
        },
      ],
    });
    const fixture = TestBed.createComponent(LoginPageComponent);
    const router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = (testId: string) => {
      const found = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!found) throw new Error(`nothing with data-testid="${testId}"`);
      return found;
    };
    const fill = (testId: string, value: string) => {
      input(testId).value = value;
      input(testId).dispatchEvent(new Event('input'));
    };
    const submit = async (email = 'editor@kadens.demo', password = 'a-good-password') => {
      fill('login-email', email);
      fill('login-password', password);
      input('login-submit').click();
      await fixture.whenStable();
    };
    const message = () => element.querySelector('[data-testid="login-message"]')?.textContent?.trim() ?? null;
    const settle = async () => {
      // Lets the component's awaits run before looking at the screen.
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await fixture.whenStable();
    };
    return { fixture, element, input, submit, message, settle, router, notifier, http: TestBed.inject(HttpTestingController) };
  }

  it('logs in, loads the session and goes home', async () => {
    const { submit, http, router, settle } = await render();
    await submit();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: 'editor@kadens.demo', password: 'a-good-password' });
    expect(login.request.withCredentials).toBe(true);
    login.flush(SESSION.user);
    await settle();
    http.expectOne('/api/me').flush(SESSION);
    await settle();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
    http.verify();
  });

  it('returns to the page the user came from, but only inside the app', async () => {
    const { submit, http, router, settle } = await render('/o/o1/settings');
    await submit();
    http.expectOne('/api/auth/login').flush(SESSION.user);
    await settle();
    http.expectOne('/api/me').flush(SESSION);
    await settle();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/o/o1/settings');
  });

  it('ignores a return address outside the app', async () => {
    const { submit, http, router, settle } = await render('//evil.example/steal');
    await submit();
    http.expectOne('/api/auth/login').flush(SESSION.user);
    await settle();
    http.expectOne('/api/me').flush(SESSION);
    await settle();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('says the credentials are wrong on 401, and stays on the page', async () => {
    const { submit, http, message, router, settle } = await render();
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials', code: 'invalid_credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();
    expect(message()).toBe('auth.login.invalidCredentials');
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('asks to wait a minute on 429', async () => {
    const { submit, http, message, settle } = await render();
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, error: 'Too Many Requests', message: 'ThrottlerException' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle();
    expect(message()).toBe('auth.login.tooManyAttempts');
  });

  it('shows a 400’s messages next to the field it names', async () => {
    const { submit, http, input, message, settle } = await render();
    await submit();
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'email', messages: ['email must be shorter than or equal to 254 characters'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(message()).toBeNull();
    const emailField = input('login-email').closest('mat-form-field');
    expect(emailField?.querySelector('mat-error')?.textContent).toContain('email must be shorter than or equal to 254 characters');
  });

  it('reports a server failure with a reason and what to do', async () => {
    const { submit, http, notifier, message, settle } = await render();
    await submit();
    http.expectOne('/api/auth/login').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await settle();
    expect(message()).toBeNull();
    expect(notifier.report).toHaveBeenCalledWith(
      expect.objectContaining({ reasonKey: 'errors.reason.server', actionKey: 'errors.action.tryAgain' }),
    );
  });

  it('does not call the API while the form is incomplete, and says what is missing', async () => {
    const { submit, http, element } = await render();
    await submit('', '');
    http.expectNone('/api/auth/login');
    const errors = [...element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim());
    expect(errors).toEqual(['validation.required', 'validation.required']);
  });

  it('links to the forgotten-password page', async () => {
    const { element } = await render();
    const link = element.querySelector('[data-testid="login-forgot-password"]');
    expect(link?.getAttribute('href')).toBe('/forgot-password');
    expect(link?.textContent?.trim()).toBe('auth.login.forgotPassword');
  });

  it('says the new password is saved when it comes from the reset page, and only then', async () => {
    const fromReset = await render(null, { passwordReset: 'done' });
    expect(fromReset.element.querySelector('[data-testid="login-password-reset"]')?.getAttribute('role')).toBe('status');
    TestBed.resetTestingModule();
    const plain = await render();
    expect(plain.element.querySelector('[data-testid="login-password-reset"]')).toBeNull();
  });
});
