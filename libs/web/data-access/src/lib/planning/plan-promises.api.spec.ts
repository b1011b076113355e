import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { PlanPromisesApi } from './plan-promises.api';

describe('PlanPromisesApi', () => {
  let api: PlanPromisesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PlanPromisesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for the staffed periods of a range, with the chosen channels as one list', async () => {
    const periods = api.staffedPeriods('o1', { from: '2026-05-11T00:00:00Z', to: '2026-05-18T00:00:00Z', channelIds: ['c1', 'c2'] });
    const request = http.expectOne((r) => r.url === '/api/organizations/o1/calendar/staffed-periods');
    expect(request.request.params.get('from')).toBe('2026-05-11T00:00:00Z');
    expect(request.request.params.get('channelIds')).toBe('c1,c2');
    request.flush([{ channelId: 'c1', start: '2026-05-11T07:00:00Z', end: '2026-05-11T10:00:00Z' }]);
    await expect(periods).resolves.toHaveLength(1);
  });

  it('leaves the channels out when none are chosen', async () => {
    const periods = api.staffedPeriods('o1', { from: 'a', to: 'b', channelIds: [] });
    const request = http.expectOne((r) => r.url === '/api/organizations/o1/calendar/staffed-periods');
    expect(request.request.params.has('channelIds')).toBe(false);
    request.flush([]);
    await periods;
  });

  it('asks a channel for its next free slot for a dialogue post being moved', async () => {
    const slot = api.nextFreeSlot('o1', 'c1', { from: '2026-05-12T12:00:00.000Z', invitesDialogue: true, postId: 'p1' });
    const request = http.expectOne((r) => r.url === '/api/organizations/o1/channels/c1/next-free-slot');
    expect(request.request.params.toString()).toBe('invitesDialogue=true&from=2026-05-12T12:00:00.000Z&postId=p1');
    request.flush({ at: '2026-05-13T07:00:00.000Z', preferred: false });
    await expect(slot).resolves.toEqual({ at: '2026-05-13T07:00:00.000Z', preferred: false });
  });

  it('asks once for the next time free on several channels', async () => {
    const slot = api.nextFreeSlotOnChannels('o1', ['c1', 'c2'], { from: '2026-05-12T12:00:00.000Z', invitesDialogue: false });
    const request = http.expectOne((r) => r.url === '/api/organizations/o1/calendar/next-free-slot');
    expect(request.request.params.toString()).toBe('channelIds=c1,c2&invitesDialogue=false&from=2026-05-12T12:00:00.000Z');
    request.flush({ at: '2026-05-12T13:00:00.000Z', preferred: true });
    await expect(slot).resolves.toEqual({ at: '2026-05-12T13:00:00.000Z', preferred: true });
  });

  it('posts the planned values to the dry-run check', async () => {
    const input = { plannedAt: '2026-05-12T12:00:00.000Z', channelIds: ['c1'], invitesDialogue: true, postId: 'p1' };
    const answer = api.check('o1', input);
    const request = http.expectOne('/api/organizations/o1/calendar/check');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(input);
    request.flush({ violations: [] });
    await expect(answer).resolves.toEqual({ violations: [] });
  });
});
