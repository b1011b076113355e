import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { publishingErrorCode } from './publishing-error-code';
import { attentionLink, attentionQuery, readAttentionReason } from './publishing-links';
import { PublishingApi } from './publishing.api';

const BASE = '/api/organizations/o1';

describe('PublishingApi', () => {
  let api: PublishingApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PublishingApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('pauses and resumes the organisation and one channel', async () => {
    const calls = [
      [api.pause('o1', 'Storm'), 'PUT', `${BASE}/publishing/pause`, { reason: 'Storm' }],
      [api.resume('o1'), 'DELETE', `${BASE}/publishing/pause`, null],
      [api.pauseChannel('o1', 'c 1', 'Hacked'), 'PUT', `${BASE}/channels/c%201/publishing-pause`, { reason: 'Hacked' }],
      [api.resumeChannel('o1', 'c 1'), 'DELETE', `${BASE}/channels/c%201/publishing-pause`, null],
    ] as const;
    for (const [, method, url, body] of calls) {
      const request = http.expectOne({ method, url });
      expect(request.request.body).toEqual(body);
      request.flush(null, { status: 204, statusText: 'No Content' });
    }
    await Promise.all(calls.map(([call]) => call));
  });

  it('acts on a target', async () => {
    const calls = [
      [api.retry('o1', 't1'), 'retry', {}],
      [api.publishNow('o1', 't1'), 'publish-now', {}],
      [api.markPublished('o1', 't1', { url: ' https://x.com/s/1 ', note: '  ' }), 'mark-published', { url: 'https://x.com/s/1' }],
      [api.markPublished('o1', 't1'), 'mark-published', {}],
      [api.reschedule('o1', 't1', '2030-06-04T10:00:00.000Z'), 'reschedule', { at: '2030-06-04T10:00:00.000Z' }],
    ] as const;
    const requests = http.match((request) => request.method === 'POST');
    expect(requests.map((request) => [request.request.url, request.request.body])).toEqual(
      calls.map(([, action, body]) => [`${BASE}/publishing/targets/t1/${action}`, body]),
    );
    for (const request of requests) request.flush({});
    await Promise.all(calls.map(([call]) => call));
  });

  it('reads the status, the list, a post’s deliveries and a target’s attempts', async () => {
    const reads = [
      [api.status('o1'), `${BASE}/publishing/status`],
      [api.attention('o1'), `${BASE}/publishing/attention`],
      [api.deliveries('o1', 'p1'), `${BASE}/posts/p1/deliveries`],
      [api.attempts('o1', 't1'), `${BASE}/publishing/targets/t1/attempts`],
    ] as const;
    for (const [, url] of reads) http.expectOne({ method: 'GET', url }).flush([]);
    await Promise.all(reads.map(([read]) => read));
  });
});

describe('publishing links', () => {
  it('point at the needs-attention list, filtered by a known reason only', () => {
    expect(attentionLink('o1')).toEqual(['/', 'o', 'o1', 'publishing']);
    expect(attentionQuery('held')).toEqual({ reason: 'held' });
    expect(attentionQuery(null)).toEqual({});
    expect(readAttentionReason('unconfirmed')).toBe('unconfirmed');
    expect(readAttentionReason('nonsense')).toBeNull();
    expect(readAttentionReason(null)).toBeNull();
  });
});

describe('publishingErrorCode', () => {
  it('reads the codes the publishing screens explain, and nothing else', () => {
    const error = (code: unknown) => new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: 'x', code } });
    expect(publishingErrorCode(error('publishing_paused'))).toBe('publishing_paused');
    expect(publishingErrorCode(error('last_admin'))).toBeNull();
    expect(publishingErrorCode(new HttpErrorResponse({ status: 502, error: '<html>' }))).toBeNull();
    expect(publishingErrorCode(new Error('boom'))).toBeNull();
  });
});
