import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { NextFreeSlotFinder } from './next-free-slot-finder';

describe('NextFreeSlotFinder', () => {
  function setUp() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { finder: TestBed.inject(NextFreeSlotFinder), http: TestBed.inject(HttpTestingController) };
  }
  const isSearch = (r: { url: string }) => r.url === '/api/organizations/o1/calendar/next-free-slot';

  it('asks for all the chosen channels in one request', async () => {
    const { finder, http } = setUp();
    const found = finder.find('o1', { channelIds: ['c1', 'c2'], from: '2026-05-12T12:00:00.000Z', invitesDialogue: true, postId: 'p1' });
    const request = http.expectOne(isSearch);
    expect(request.request.params.get('channelIds')).toBe('c1,c2');
    expect(request.request.params.get('from')).toBe('2026-05-12T12:00:00.000Z');
    expect(request.request.params.get('invitesDialogue')).toBe('true');
    expect(request.request.params.get('postId')).toBe('p1');
    request.flush({ at: '2026-05-12T15:00:00.000Z', preferred: false });
    await expect(found).resolves.toBe('2026-05-12T15:00:00.000Z');
    http.verify();
  });

  it('finds nothing when the channels have nothing free in common', async () => {
    const { finder, http } = setUp();
    const found = finder.find('o1', { channelIds: ['c1'], from: '2026-05-12T12:00:00.000Z', invitesDialogue: false });
    http.expectOne(isSearch).flush({ at: null, preferred: false });
    await expect(found).resolves.toBeNull();
  });

  it('asks nothing without channels', async () => {
    const { finder, http } = setUp();
    await expect(finder.find('o1', { channelIds: [], from: '2026-05-12T12:00:00.000Z', invitesDialogue: false })).resolves.toBeNull();
    http.verify();
  });
});
