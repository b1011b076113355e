import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { approvalErrorCode } from './approval-error-code';
import { ApprovalSettingsApi } from './approval-settings.api';
import { ApprovalsApi } from './approvals.api';
import { reviewLink } from './approvals-links';
import { NotificationsApi } from './notifications.api';
import { ViolationsApi } from './violations.api';

describe('the approvals API clients', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('approves the revision the reviewer saw, with the ticked checklist', async () => {
    const approved = TestBed.inject(ApprovalsApi).approve('o1', 'p 1', { revision: 3, checklist: ['k1'] });
    const request = http.expectOne({ method: 'POST', url: '/api/organizations/o1/posts/p%201/approve' });
    expect(request.request.body).toEqual({ revision: 3, checklist: ['k1'] });
    request.flush({ id: 'p 1' });
    await approved;
  });

  it('cancels with a reason only when one was given', async () => {
    const api = TestBed.inject(ApprovalsApi);
    const plain = api.cancel('o1', 'p1', '  ');
    http.expectOne('/api/organizations/o1/posts/p1/cancel').flush({});
    await plain;
    const reasoned = api.cancel('o1', 'p1', ' Called off ');
    const request = http.expectOne('/api/organizations/o1/posts/p1/cancel');
    expect(request.request.body).toEqual({ reason: 'Called off' });
    request.flush({});
    await reasoned;
  });

  it('asks for the organisation’s audit log with only the filters given', async () => {
    const events = TestBed.inject(ApprovalsApi).audit('o1', { subjectType: 'post', limit: 20 });
    const request = http.expectOne((r) => r.url === '/api/organizations/o1/audit');
    expect(request.request.params.toString()).toBe('subjectType=post&limit=20');
    request.flush([]);
    await events;
  });

  it('reads the unread notifications and marks all read with an empty body', async () => {
    const api = TestBed.inject(NotificationsApi);
    const list = api.list('o1', true);
    http.expectOne('/api/organizations/o1/notifications?unread=true').flush({ unread: 0, notifications: [] });
    await list;
    const marked = api.markRead('o1');
    const request = http.expectOne('/api/organizations/o1/notifications/read');
    expect(request.request.body).toEqual({});
    request.flush(null, { status: 204, statusText: 'No Content' });
    await marked;
  });

  it('asks for the checklist with archived items and the violations of some channels', async () => {
    const checklist = TestBed.inject(ApprovalSettingsApi).checklist('o1', true);
    http.expectOne('/api/organizations/o1/checklist?includeArchived=true').flush([]);
    await checklist;
    const violations = TestBed.inject(ViolationsApi).list('o1', { from: 'a', to: 'b', channelIds: ['c1', 'c2'] });
    http.expectOne('/api/organizations/o1/calendar/violations?from=a&to=b&channelIds=c1,c2').flush([]);
    await violations;
  });
});

describe('approvalErrorCode', () => {
  it.each([
    [new HttpErrorResponse({ status: 403, error: { code: 'own_post' } }), 'own_post'],
    [new HttpErrorResponse({ status: 409, error: { code: 'stale_revision' } }), 'stale_revision'],
    [new HttpErrorResponse({ status: 409, error: { code: 'last_admin' } }), null],
    [new HttpErrorResponse({ status: 500, error: 'boom' }), null],
    [new Error('not HTTP'), null],
  ])('%#', (error, code) => {
    expect(approvalErrorCode(error)).toBe(code);
  });
});

describe('reviewLink', () => {
  it('points into the approvals area', () => {
    expect(reviewLink('o1', 'p1')).toEqual(['/', 'o', 'o1', 'approvals', 'p1']);
  });
});
