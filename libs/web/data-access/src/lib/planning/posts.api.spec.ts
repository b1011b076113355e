import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { PostsApi } from './posts.api';

describe('PostsApi', () => {
  let api: PostsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PostsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('moves a post with only its new time', async () => {
    const moved = api.move('o1', 'p1', '2026-05-12T09:00:00+02:00');
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/posts/p1/move' });
    expect(request.request.body).toEqual({ plannedAt: '2026-05-12T09:00:00+02:00' });
    request.flush({ id: 'p1' });
    await expect(moved).resolves.toEqual({ id: 'p1' });
  });

  it('sends an override with its reason only when one is given', async () => {
    const moved = api.move('o1', 'p1', '2026-05-12T12:00:00.000Z', { reason: 'Svar på pressesak' });
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/posts/p1/move' });
    expect(request.request.body).toEqual({ plannedAt: '2026-05-12T12:00:00.000Z', ruleOverride: { reason: 'Svar på pressesak' } });
    request.flush({ id: 'p1' });
    await moved;
  });

  it('patches only the changed fields', async () => {
    const updated = api.update('o1', 'p1', { link: null });
    const request = http.expectOne({ method: 'PATCH', url: '/api/organizations/o1/posts/p1' });
    expect(request.request.body).toEqual({ link: null });
    request.flush({ id: 'p1' });
    await updated;
  });
});
