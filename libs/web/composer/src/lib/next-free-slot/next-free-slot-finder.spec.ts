import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { NextFreeSlotFinder } from './next-free-slot-finder';

describe('NextFreeSlotFinder', () => {
  function setUp() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const settle = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    const answer = async (channelId: string, from: string, at: string | null) => {
      await settle();
      const request = http.expectOne((r) => r.url === `/api/organizations/o1/channels/${channelId}/next-free-slot`);
      expect(request.request.params.get('from')).toBe(from);
      request.flush({ at, preferred: false });
    };
    return { finder: TestBed.inject(NextFreeSlotFinder), http, answer };
  }

  it('takes one channel’s answer as it is', async () => {
    const { finder, http, answer } = setUp();
    const found = finder.find('o1', { channelIds: ['c1'], from: '2026-05-12T12:00:00.000Z', invitesDialogue: true, postId: 'p1' });
    await answer('c1', '2026-05-12T12:00:00.000Z', '2026-05-13T07:00:00.000Z');
    await expect(found).resolves.toBe('2026-05-13T07:00:00.000Z');
    http.verify();
  });

  it('lets the channels take turns until they all agree on a time', async () => {
    const { finder, http, answer } = setUp();
    const found = finder.find('o1', { channelIds: ['c1', 'c2'], from: '2026-05-12T12:00:00.000Z', invitesDialogue: false });
    await answer('c1', '2026-05-12T12:00:00.000Z', '2026-05-12T13:00:00.000Z');
    await answer('c2', '2026-05-12T13:00:00.000Z', '2026-05-12T15:00:00.000Z');
    await answer('c1', '2026-05-12T15:00:00.000Z', '2026-05-12T15:00:00.000Z');
    await expect(found).resolves.toBe('2026-05-12T15:00:00.000Z');
    http.verify();
  });

  it('finds nothing when a channel has nothing free', async () => {
    const { finder, answer } = setUp();
    const found = finder.find('o1', { channelIds: ['c1', 'c2'], from: '2026-05-12T12:00:00.000Z', invitesDialogue: false });
    await answer('c1', '2026-05-12T12:00:00.000Z', null);
    await expect(found).resolves.toBeNull();
  });
});
