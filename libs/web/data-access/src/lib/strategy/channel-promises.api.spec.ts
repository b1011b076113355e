import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ChannelPromises } from '@kadens/shared/contracts';

import { ChannelPromisesApi } from './channel-promises.api';

describe('ChannelPromisesApi', () => {
  let api: ChannelPromisesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ChannelPromisesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads a channel without promises as two nulls', async () => {
    const view = api.get('o1', 'c1');
    http
      .expectOne({ method: 'GET', url: '/api/organizations/o1/channels/c1/promises' })
      .flush({ channelId: 'c1', cadence: null, serviceHours: null });
    await expect(view).resolves.toEqual({ channelId: 'c1', cadence: null, serviceHours: null });
  });

  it('replaces both promises with one PUT', async () => {
    const promises: ChannelPromises = {
      cadence: null,
      serviceHours: { openingHours: 'Mo-Fr 09:00-12:00; PH off', responseWindowMinutes: 120, closedPeriods: [] },
    };
    const saved = api.replace('o1', 'c1', promises);
    const request = http.expectOne({ method: 'PUT', url: '/api/organizations/o1/channels/c1/promises' });
    expect(request.request.body).toEqual(promises);
    request.flush({ channelId: 'c1', ...promises });
    await expect(saved).resolves.toMatchObject({ channelId: 'c1' });
  });
});
