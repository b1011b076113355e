import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

import { SessionStore } from '../session/session.store';
import { apiRequestInterceptor } from './api-request.interceptor';

describe('apiRequestInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;
  let session: SessionStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { nb: {} },
          translocoConfig: { availableLangs: ['nb'], defaultLang: 'nb' },
        }),
      ],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([apiRequestInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    session = TestBed.inject(SessionStore);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(session, 'forget');
  });

  afterEach(() => backend.verify());

  it('sends API calls with credentials and the active language', () => {
    void firstValueFrom(http.get('/api/organizations/o1'));
    const request = backend.expectOne('/api/organizations/o1');
    expect(request.request.withCredentials).toBe(true);
    expect(request.request.headers.get('Accept-Language')).toBe('nb');
    request.flush({});
  });

  it('leaves other requests alone', () => {
    void firstValueFrom(http.get('i18n/nb.json'));
    const request = backend.expectOne('i18n/nb.json');
    expect(request.request.withCredentials).toBe(false);
    request.flush({});
  });

  it('on 401 from an API call forgets the session and goes to the login page', async () => {
    const call = firstValueFrom(http.get('/api/organizations/o1/members'));
    backend.expectOne('/api/organizations/o1/members').flush(null, { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(session.forget).toHaveBeenCalled();
    expect(router.navigate).toHaveBeenCalledWith(['/', 'login'], expect.anything());
  });

  it.each([
    ['POST', '/api/auth/login'],
    ['GET', '/api/me'],
  ])('treats 401 from %s %s as an answer, not an expired session', async (method, url) => {
    const call = firstValueFrom(http.request(method, url, { body: {} }));
    backend.expectOne(url).flush(null, { status: 401, statusText: 'Unauthorized' });
    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it.each([401, 404])('never sends an anonymous visitor of a public page to the login page (%i)', async (status) => {
    const call = firstValueFrom(http.get('/api/public/bolgeby/availability'));
    backend.expectOne('/api/public/bolgeby/availability').flush(null, { status, statusText: 'No' });
    await expect(call).rejects.toMatchObject({ status });
    expect(session.forget).not.toHaveBeenCalled();
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
