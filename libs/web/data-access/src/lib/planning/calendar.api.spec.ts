import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { CalendarApi, calendarQueryParams } from './calendar.api';

describe('calendarQueryParams', () => {
  it('sends the range as given and each non-empty filter as one comma-separated value', () => {
    const params = calendarQueryParams({
      from: '2026-05-01T00:00:00+02:00',
      to: '2026-06-01T00:00:00+02:00',
      themeIds: ['t1', 't2'],
      audienceIds: [],
      states: ['draft', 'in_review'],
    });
    expect(params.toString()).toBe('from=2026-05-01T00:00:00%2B02:00&to=2026-06-01T00:00:00%2B02:00&themeIds=t1,t2&states=draft,in_review');
  });
});

describe('CalendarApi', () => {
  it('asks the organisation’s calendar for the range', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const entries = TestBed.inject(CalendarApi).entries('o1', {
      from: '2026-05-01T00:00:00Z',
      to: '2026-05-08T00:00:00Z',
      channelIds: ['c1'],
    });
    const request = http.expectOne((r) => r.url === '/api/organizations/o1/calendar');
    expect(request.request.params.get('channelIds')).toBe('c1');
    expect(request.request.params.has('themeIds')).toBe(false);
    request.flush([]);
    await expect(entries).resolves.toEqual([]);
    http.verify();
  });
});
