import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { type Provider, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CalendarEntry, OrganizationView } from '@kadens/shared/contracts';
import { ActiveOrganization, COMPOSER, LanguageService, PublishingStream, type TargetDeliveryChange } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';
import { translocoTesting } from '@kadens/web/ui/testing';
import { Subject } from 'rxjs';

import { CalendarStylesheet } from '../fullcalendar/calendar-stylesheet';
import { CalendarPageComponent } from './calendar-page.component';

const SCHOOL = '0b0c6a43-6f4c-4d8e-9a3f-1b2c3d4e5f60';
const CULTURE = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const FACEBOOK = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

const ORGANIZATION = { id: 'o1', timeZone: 'Europe/Oslo' } as OrganizationView;
const THEMES = [
  { id: SCHOOL, name: 'Skole', color: '#1e88e5', description: '', archived: false, createdAt: '' },
  { id: CULTURE, name: 'Kultur', color: '#ffb300', description: '', archived: false, createdAt: '' },
];

function entry(id: string, themeId: string, plannedAt: string): CalendarEntry {
  return {
    id,
    title: `Post ${id}`,
    plannedAt,
    state: 'draft',
    themeId,
    targets: [{ channelId: 'c1', platform: 'x', state: 'pending' }],
  };
}

describe('CalendarPageComponent', () => {
  async function open(url: string, providers: Provider[] = []) {
    TestBed.configureTestingModule({
      imports: [translocoTesting('en', { en: {}, 'planning/en': {}, 'publishing/en': {}, 'exchange/en': {} })],
      providers: [
        provideRouter([{ path: 'o/:organizationId/calendar', component: CalendarPageComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ActiveOrganization, useValue: { organizationId: signal('o1'), can: () => true } },
        { provide: LanguageService, useValue: { locale: signal('en') } },
        { provide: CalendarStylesheet, useValue: { ensureLoaded: () => Promise.resolve() } },
        { provide: ProblemNotifier, useValue: { report: jest.fn(), announce: jest.fn() } },
        { provide: COMPOSER, useValue: { open: jest.fn().mockResolvedValue(null) } },
        ...providers,
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, CalendarPageComponent);
    const settle = async () => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
      await harness.fixture.whenStable();
    };
    const base = '/api/organizations/o1';
    http.expectOne(base).flush(ORGANIZATION);
    http.expectOne(`${base}/themes?includeArchived=true`).flush(THEMES);
    http.expectOne(`${base}/audiences?includeArchived=true`).flush([]);
    http.expectOne(`${base}/channels`).flush([]);
    http.expectOne(`${base}/initiatives`).flush([]);
    http.expectOne(`${base}/content-types?includeArchived=true`).flush([]);
    await settle();
    const calendarRequest = (): TestRequest => http.expectOne((request) => request.url === `${base}/calendar`);
    return { harness, http, settle, calendarRequest, router: TestBed.inject(Router), element: harness.routeNativeElement as HTMLElement };
  }

  it('asks for the visible month in the organisation’s zone with the filters from the URL', async () => {
    const { calendarRequest, settle, element } = await open(`/o/o1/calendar?view=month&date=2026-05-12&theme=${SCHOOL}&state=draft`);
    const request = calendarRequest();
    // May 2026 from Monday 27 April to Monday 8 June, Oslo midnight (UTC+2).
    expect(request.request.params.get('from')).toBe('2026-04-26T22:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2026-06-07T22:00:00.000Z');
    expect(request.request.params.get('themeIds')).toBe(SCHOOL);
    expect(request.request.params.get('states')).toBe('draft');
    expect(request.request.params.has('channelIds')).toBe(false);
    request.flush([entry('p1', SCHOOL, '2026-05-12T07:00:00.000Z')]);
    await settle();
    const post = element.querySelector('[data-testid="calendar-post-p1"]');
    expect(post?.textContent).toContain('Post p1');
    expect(post?.textContent).toContain('09:00');
  });

  it('writes a filter chosen in its select into the URL and asks again with it, keeping the view and date', async () => {
    const { calendarRequest, settle, router, harness } = await open(`/o/o1/calendar?view=month&date=2026-05-12`);
    calendarRequest().flush([]);
    await settle();
    const loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    const themes = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="calendar-filter-theme"]' }));
    await themes.open();
    await themes.clickOptions({ text: 'Kultur' });
    await settle();
    expect(router.url).toBe(`/o/o1/calendar?view=month&date=2026-05-12&theme=${CULTURE}`);
    const request = calendarRequest();
    expect(request.request.params.get('themeIds')).toBe(CULTURE);
    request.flush([]);
  });

  it('fills in the view and date when the URL has none', async () => {
    const { calendarRequest, settle, router } = await open(`/o/o1/calendar`);
    calendarRequest().flush([]);
    await settle();
    expect(router.url).toMatch(/^\/o\/o1\/calendar\?view=month&date=\d{4}-\d{2}-\d{2}$/);
  });

  it('follows the URL when it changes (back, forward, a shared link)', async () => {
    const { calendarRequest, settle, harness, element } = await open(`/o/o1/calendar?view=month&date=2026-05-12`);
    calendarRequest().flush([]);
    await settle();
    await harness.navigateByUrl('/o/o1/calendar?view=week&date=2026-07-01');
    await settle();
    const request = calendarRequest();
    // The ISO week of Wednesday 1 July 2026: Monday 29 June to Monday 6 July, Oslo midnight.
    expect(request.request.params.get('from')).toBe('2026-06-28T22:00:00.000Z');
    expect(request.request.params.get('to')).toBe('2026-07-05T22:00:00.000Z');
    request.flush([]);
    await settle();
    expect(element.querySelector('[data-testid="calendar-view-week"]')?.className).toContain('checked');
  });

  it('shades thin weeks and, in the week view only, the filtered channels’ staffed hours, with a legend', async () => {
    const { calendarRequest, settle, element, http, harness } = await open(`/o/o1/calendar?view=week&date=2026-07-01&channel=${FACEBOOK}`);
    calendarRequest().flush([]);
    const base = '/api/organizations/o1/calendar';
    const violations = http.expectOne((request) => request.url === `${base}/violations`);
    expect(violations.request.params.get('from')).toBe('2026-06-28T22:00:00.000Z');
    expect(violations.request.params.get('channelIds')).toBe(FACEBOOK);
    violations.flush([
      {
        rule: 'cadence.min_per_week',
        severity: 'warn',
        channelId: FACEBOOK,
        postId: null,
        at: '2026-06-28T22:00:00.000Z',
        params: { week: '2026-W27', weekStart: '2026-06-29', weekEnd: '2026-07-05', count: 0, min: 2 },
      },
    ]);
    const staffed = http.expectOne((request) => request.url === `${base}/staffed-periods`);
    expect(staffed.request.params.get('channelIds')).toBe(FACEBOOK);
    staffed.flush([{ channelId: FACEBOOK, start: '2026-06-29T07:00:00.000Z', end: '2026-06-29T10:00:00.000Z' }]);
    await settle();
    expect(element.querySelectorAll('.kd-band--staffed')).toHaveLength(1);
    expect(element.querySelector('.kd-band--thinWeek')).not.toBeNull();
    expect(element.querySelector('[data-testid="calendar-legend-staffed"]')).not.toBeNull();
    // The thin week is said once above the grid, not in each of the seven day columns.
    const notices = element.querySelectorAll('[data-testid="calendar-week-notice-thinWeek"]');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.textContent?.trim()).toBe('planning.calendar.bands.thinWeek');
    const bandTexts = [...element.querySelectorAll('.kd-band--thinWeek')].map((band) => band.textContent ?? '');
    expect(bandTexts.length).toBeGreaterThan(0);
    expect(bandTexts.filter((text) => text.includes('planning.calendar.bands.thinWeek'))).toEqual([]);

    // The month view shades warnings only.
    await harness.navigateByUrl('/o/o1/calendar?view=month&date=2026-07-01');
    await settle();
    calendarRequest().flush([]);
    http.expectOne((request) => request.url === `${base}/violations`).flush([]);
    http.expectNone((request) => request.url === `${base}/staffed-periods`);
    await settle();
    expect(element.querySelector('.kd-band--staffed')).toBeNull();
    expect(element.querySelector('[data-testid="calendar-week-notices"]')).toBeNull();
  });

  it('live: moves the delivery marks as targets change, without loading again, and loads again after the stream was down', async () => {
    const changes = new Subject<TargetDeliveryChange>();
    const resyncs = new Subject<void>();
    const { http, settle, element } = await open('/o/o1/calendar?view=month&date=2026-05-12', [
      { provide: PublishingStream, useValue: { targetChanges$: changes, resynced$: resyncs } },
    ]);
    const post: CalendarEntry = {
      ...entry('p1', SCHOOL, '2026-05-12T07:00:00.000Z'),
      state: 'approved',
      targets: [
        { channelId: 'c0', platform: 'x', state: 'queued' },
        { channelId: 'c1', platform: 'facebook', state: 'scheduled' },
      ],
    };
    const calendar = () => http.match((request) => request.url === '/api/organizations/o1/calendar');
    calendar()[0]?.flush([post]);
    http.match(() => true).forEach((request) => request.flush([]));
    await settle();
    const marks = () =>
      [...element.querySelectorAll('[data-testid="calendar-post-p1"] kd-target-delivery-mark [data-state]')].map((mark) =>
        mark.getAttribute('data-state'),
      );
    expect(marks()).toEqual(['queued', 'approved']);

    changes.next({ targetId: 't-p1-0', postId: 'p1', channelId: 'c0', state: 'published' });
    await settle();
    expect(marks()).toEqual(['published', 'approved']);
    expect(element.querySelector('[data-testid="calendar-post-p1"]')?.getAttribute('data-state')).toBe('partly_published');
    changes.next({ targetId: 't-p1-1', postId: 'p1', channelId: 'c1', state: 'published' });
    await settle();
    expect(element.querySelector('[data-testid="calendar-post-p1"]')?.getAttribute('data-state')).toBe('published');
    expect(calendar()).toHaveLength(0);

    resyncs.next();
    await settle();
    expect(calendar()).toHaveLength(1);
  });

  it('marks a target planned after its channel’s connection expires as at risk, unless the connection renews itself', async () => {
    const { http, settle, element } = await open('/o/o1/calendar?view=month&date=2026-05-12');
    const post: CalendarEntry = {
      ...entry('p1', SCHOOL, '2026-05-20T07:00:00.000Z'),
      state: 'approved',
      targets: [
        { channelId: 'c-x', platform: 'x', state: 'scheduled' },
        { channelId: 'c-li', platform: 'linkedin', state: 'scheduled' },
        { channelId: 'c-fb', platform: 'facebook', state: 'scheduled' },
      ],
    };
    const connection = (channelId: string, expiresAt: string, credentialNames: string[]) => ({ channelId, expiresAt, credentialNames });
    http
      .expectOne('/api/organizations/o1/channel-connections')
      .flush([
        connection('c-x', '2026-05-13T00:00:00.000Z', ['accessToken', 'refreshToken']),
        connection('c-li', '2026-05-19T00:00:00.000Z', ['accessToken']),
        connection('c-fb', '2026-06-01T00:00:00.000Z', ['accessToken']),
      ]);
    http.match((request) => request.url === '/api/organizations/o1/calendar')[0]?.flush([post]);
    http.match(() => true).forEach((request) => request.flush([]));
    await settle();
    const risks = [...element.querySelectorAll('[data-testid="calendar-post-p1"] [data-testid="calendar-target-at-risk"]')];
    expect(risks.map((risk) => risk.getAttribute('aria-label'))).toEqual(['planning.calendar.atRisk']);
  });
});
