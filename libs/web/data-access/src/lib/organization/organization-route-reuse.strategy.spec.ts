import { type ActivatedRouteSnapshot, convertToParamMap, type Route } from '@angular/router';

import { OrganizationRouteReuseStrategy } from './organization-route-reuse.strategy';

describe('OrganizationRouteReuseStrategy', () => {
  const strategy = new OrganizationRouteReuseStrategy();
  const organizationRoute: Route = { path: 'o/:organizationId' };
  const snapshot = (routeConfig: Route, params: Record<string, string>) =>
    ({ routeConfig, paramMap: convertToParamMap(params) }) as ActivatedRouteSnapshot;

  it('reuses the page while the organisation stays the same', () => {
    expect(
      strategy.shouldReuseRoute(
        snapshot(organizationRoute, { organizationId: 'o1' }),
        snapshot(organizationRoute, { organizationId: 'o1' }),
      ),
    ).toBe(true);
  });

  it('builds the page afresh in another organisation', () => {
    expect(
      strategy.shouldReuseRoute(
        snapshot(organizationRoute, { organizationId: 'o2' }),
        snapshot(organizationRoute, { organizationId: 'o1' }),
      ),
    ).toBe(false);
  });

  it('does not reuse across different routes', () => {
    expect(strategy.shouldReuseRoute(snapshot({ path: 'a' }, {}), snapshot({ path: 'b' }, {}))).toBe(false);
  });
});
