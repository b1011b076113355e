import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { PUBLIC_API_PATHS, PublicAvailabilityApi } from './public-availability.api';

describe('PublicAvailabilityApi', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  });

  it('reads an organisation’s availability by its slug, escaped', async () => {
    const reading = TestBed.inject(PublicAvailabilityApi).get('a b');
    const request = TestBed.inject(HttpTestingController).expectOne('/api/public/a%20b/availability');
    expect(request.request.method).toBe('GET');
    expect(request.request.cache).toBeUndefined();
    request.flush({ channels: [] });
    await expect(reading).resolves.toEqual({ channels: [] });
  });

  it('asks past the browser cache when told the answer may have changed', () => {
    void TestBed.inject(PublicAvailabilityApi).get('bolgeby', { fresh: true });
    const request = TestBed.inject(HttpTestingController).expectOne('/api/public/bolgeby/availability');
    expect(request.request.cache).toBe('no-cache');
    request.flush({});
  });

  it('links the iCalendar feed in the chosen language', () => {
    expect(PUBLIC_API_PATHS.availabilityIcal('bolgeby', 'da')).toBe('/api/public/bolgeby/availability.ics?lang=da');
  });
});
