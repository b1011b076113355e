import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { ActiveOrganization } from './active-organization.store';
import { OrganizationTimeZone } from './organization-time-zone';

describe('OrganizationTimeZone', () => {
  function setUp() {
    const organizationId = signal<string | null>(null);
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: ActiveOrganization, useValue: { organizationId } }],
    });
    return { zone: TestBed.inject(OrganizationTimeZone), http: TestBed.inject(HttpTestingController), organizationId };
  }

  it('asks once for the active organisation’s zone, and is null until it knows', async () => {
    const { zone, http, organizationId } = setUp();
    expect(zone.timeZone()).toBeNull();
    organizationId.set('o1');
    TestBed.tick();
    // The calendar's catalog asking at the same moment shares the question.
    const asked = zone.refresh('o1');
    http.expectOne('/api/organizations/o1').flush({ id: 'o1', timeZone: 'Europe/Oslo' });
    await expect(asked).resolves.toBe('Europe/Oslo');
    expect(zone.timeZone()).toBe('Europe/Oslo');
    http.verify();
  });

  it('asks again on refresh, so a zone just changed in the settings shows', async () => {
    const { zone, http, organizationId } = setUp();
    organizationId.set('o1');
    TestBed.tick();
    http.expectOne('/api/organizations/o1').flush({ id: 'o1', timeZone: 'Europe/Oslo' });
    await new Promise((resolve) => setTimeout(resolve));
    const asked = zone.refresh('o1');
    http.expectOne('/api/organizations/o1').flush({ id: 'o1', timeZone: 'Europe/Stockholm' });
    await asked;
    expect(zone.timeZone()).toBe('Europe/Stockholm');
  });
});
