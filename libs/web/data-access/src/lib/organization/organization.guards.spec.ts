import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, convertToParamMap, provideRouter, Router, type RouterStateSnapshot, UrlTree } from '@angular/router';
import type { MembershipView, SessionView } from '@kadens/shared/contracts';

import { BROWSER_STORAGE } from '../browser-storage';
import { ActiveOrganization } from './active-organization.store';
import { homeRedirectGuard, organizationMemberGuard } from './organization.guards';

const MEMBERSHIP: MembershipView = {
  organizationId: 'o1',
  organizationName: 'Demo',
  organizationSlug: 'demo',
  organizationLocale: 'nb',
  role: 'editor',
};

describe('organisation guards', () => {
  function setUp(session: SessionView | null) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: BROWSER_STORAGE, useValue: null }],
    });
    const answer = () => {
      const request = TestBed.inject(HttpTestingController).expectOne('/api/me');
      if (session) request.flush(session);
      else request.flush(null, { status: 401, statusText: 'Unauthorized' });
    };
    return { answer, router: TestBed.inject(Router) };
  }

  async function run<T>(guard: () => Promise<T> | T, answer: () => void): Promise<T> {
    const result = TestBed.runInInjectionContext(guard);
    await Promise.resolve();
    answer();
    return result;
  }

  const state = {} as RouterStateSnapshot;
  const routeFor = (organizationId: string) => ({ paramMap: convertToParamMap({ organizationId }) }) as ActivatedRouteSnapshot;
  const user = { id: 'u1', email: 'a@b.no', name: 'A', locale: null };

  it('sends a visitor from / to the login page', async () => {
    const { answer, router } = setUp(null);
    const result = await run(() => homeRedirectGuard({} as ActivatedRouteSnapshot, state), answer);
    expect(router.serializeUrl(result as UrlTree)).toBe('/login');
  });

  it('sends a member from / to their organisation’s calendar', async () => {
    const { answer, router } = setUp({ user, memberships: [MEMBERSHIP] });
    const result = await run(() => homeRedirectGuard({} as ActivatedRouteSnapshot, state), answer);
    expect(router.serializeUrl(result as UrlTree)).toBe('/o/o1/calendar');
  });

  it('sends a user without organisations to the welcome page', async () => {
    const { answer, router } = setUp({ user, memberships: [] });
    const result = await run(() => homeRedirectGuard({} as ActivatedRouteSnapshot, state), answer);
    expect(router.serializeUrl(result as UrlTree)).toBe('/welcome');
  });

  it('activates the organisation in the URL for its members', async () => {
    const { answer } = setUp({ user, memberships: [MEMBERSHIP] });
    const result = await run(() => organizationMemberGuard(routeFor('o1'), state), answer);
    expect(result).toBe(true);
    expect(TestBed.inject(ActiveOrganization).organizationId()).toBe('o1');
  });

  it('turns a non-member away to /', async () => {
    const { answer, router } = setUp({ user, memberships: [MEMBERSHIP] });
    const result = await run(() => organizationMemberGuard(routeFor('someone-elses'), state), answer);
    expect(router.serializeUrl(result as UrlTree)).toBe('/');
  });
});
