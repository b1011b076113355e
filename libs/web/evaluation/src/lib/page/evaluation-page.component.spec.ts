import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Evaluation, Locale, MeView, Role } from '@kadens/shared/contracts';
import { ActiveOrganization, BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';
import { apiError, queries, readTranslationTree, settle, translocoTesting } from '@kadens/web/ui/testing';

import { EvaluationPageComponent } from './evaluation-page.component';

const BASE = '/api/organizations/o1';

function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    period: '2026-11',
    kind: 'month',
    from: '2026-11-01',
    to: '2026-11-30',
    timeZone: 'Europe/Oslo',
    evaluatedUntil: '2026-11-30',
    promises: [
      {
        channelId: 'c1',
        name: 'Instagram',
        platform: 'instagram',
        posts: 11,
        minPostsPerWeek: 3,
        weeks: 4,
        weeksKept: 3,
        weeksKeptShare: 0.75,
        longestSilenceDays: 5,
        maxDaysOfSilence: 4,
        daysOverMaximum: 1,
        dialoguePosts: 2,
        dialogueInsideStaffedHours: 2,
      },
    ],
    publishing: { planned: 12, published: 10, failed: 1, unconfirmed: 1, expired: 0, latenessP50Minutes: 1.5, latenessP95Minutes: 12 },
    signOff: { approved: 9, leadTimeP50Hours: 3, leadTimeP95Hours: 30, changesRequested: 2 },
    goals: [
      {
        audienceId: 'a1',
        name: 'Parents',
        effectGoal: 'More apply online',
        target: { metric: 'applications', value: 400, period: 'month' },
        periods: [{ period: '2026-11', from: '2026-11-01', to: '2026-11-30', value: 412, met: true }],
      },
    ],
    initiatives: {
      capacityHoursPerWeek: 20,
      capacityHours: 85.7,
      plannedHours: 30,
      items: [{ initiativeId: 'i1', what: 'Podcast', status: 'active', hoursPerWeek: 7, plannedHours: 30, postsPublished: 4 }],
      postsWithoutInitiative: 6,
    },
    ...overrides,
  };
}

describe('EvaluationPageComponent', () => {
  async function render(url: string, { locale = 'en' as Locale, role = 'viewer' as Role } = {}) {
    const words = readTranslationTree('evaluation', locale);
    TestBed.configureTestingModule({
      imports: [
        translocoTesting(locale, {
          [locale]: { ...readTranslationTree(null, locale), evaluation: words },
          [`evaluation/${locale}`]: words,
        }),
      ],
      providers: [
        provideRouter([{ path: 'o/:organizationId/reports/evaluation', component: EvaluationPageComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: BROWSER_STORAGE, useValue: null },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const session: MeView = {
      user: { id: 'u-me', email: 'me@kadens.demo', name: 'Me', locale: null },
      memberships: [{ organizationId: 'o1', organizationName: 'Fjordvik', organizationSlug: 'fjordvik', organizationLocale: locale, role }],
      installation: { operator: false, mayCreateOrganizations: false },
    };
    const loading = TestBed.inject(SessionStore).ensureLoaded();
    http.expectOne('/api/me').flush(session);
    await loading;
    TestBed.inject(ActiveOrganization).select('o1');
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness.fixture);
    for (const request of http.match(BASE)) request.flush({ id: 'o1', name: 'Fjordvik', slug: 'fjordvik', timeZone: 'Europe/Oslo' });
    await settle(harness.fixture);
    return { http, harness, ...queries(harness.fixture) };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('asks for the period in the address and words each section in short sentences', async () => {
    const page = await render('/o/o1/reports/evaluation?period=2026-11');
    const request = page.http.expectOne((r) => r.url === `${BASE}/reports/evaluation`);
    expect(request.request.params.get('period')).toBe('2026-11');
    request.flush(evaluation());
    await settle(page.harness.fixture);
    expect(page.text(page.find('evaluation-promise-sentence'))).toBe('Instagram: 3 of 4 weeks at the promised 3 posts');
    expect(page.text(page.find('evaluation-promises'))).toContain('3 of 4 (75%)');
    expect(page.text(page.find('evaluation-publishing-sentence'))).toBe(
      '10 of 12 planned posts went out. Half went out within 1.5 minutes of the planned time, 95 % within 12 minutes.',
    );
    expect(page.text(page.find('evaluation-sign-off'))).toContain('9 posts were approved; changes were requested 2 times.');
    expect(page.text(page.find('evaluation-goals'))).toContain('400 applications a month');
    expect(page.text(page.find('evaluation-initiatives'))).toContain('planned 30 hours against a capacity of 85.7 hours');
    expect(page.find('evaluation-settings')).toBeNull();
  });

  it('shows the month that ended last when the address names none, in Norwegian', async () => {
    const page = await render('/o/o1/reports/evaluation', { locale: 'nb' });
    const request = page.http.expectOne((r) => r.url === `${BASE}/reports/evaluation`);
    expect(request.request.params.get('period')).toMatch(/^\d{4}-\d{2}$/);
    request.flush(evaluation());
    await settle(page.harness.fixture);
    expect(page.text(page.find('evaluation-promise-sentence'))).toBe('Instagram: 3 av 4 uker med de lovede 3 innleggene');
    expect(page.find<HTMLSelectElement>('evaluation-period')?.value).toBe(request.request.params.get('period'));
  });

  it('says when there is nothing to evaluate, and offers a retry after an error', async () => {
    const page = await render('/o/o1/reports/evaluation?period=2026-Q4');
    apiError(
      page.http.expectOne((r) => r.url === `${BASE}/reports/evaluation`),
      500,
      {},
    );
    await settle(page.harness.fixture);
    expect(page.find('evaluation-error')).not.toBeNull();
    await page.click('evaluation-retry');
    const empty = evaluation({
      period: '2026-Q4',
      kind: 'quarter',
      promises: [],
      publishing: { planned: 0, published: 0, failed: 0, unconfirmed: 0, expired: 0, latenessP50Minutes: null, latenessP95Minutes: null },
      signOff: { approved: 0, leadTimeP50Hours: null, leadTimeP95Hours: null, changesRequested: 0 },
    });
    page.http.expectOne((r) => r.url === `${BASE}/reports/evaluation`).flush(empty);
    await settle(page.harness.fixture);
    expect(page.find('evaluation-empty')).not.toBeNull();
  });

  it('lets an admin turn the monthly e-mail off and show promises kept in public', async () => {
    const page = await render('/o/o1/reports/evaluation?period=2026-11', { role: 'admin' });
    page.http.expectOne((r) => r.url === `${BASE}/reports/evaluation`).flush(evaluation());
    page.http.expectOne(`${BASE}/evaluation/mail-preference`).flush({ monthlyEvaluation: true });
    page.http.expectOne(`${BASE}/evaluation/public-promises-kept`).flush({ show: false });
    await settle(page.harness.fixture);
    page.find('evaluation-mail-toggle')?.querySelector('button')?.click();
    await settle(page.harness.fixture);
    const put = page.http.expectOne({ method: 'PUT', url: `${BASE}/evaluation/mail-preference` });
    expect(put.request.body).toEqual({ monthlyEvaluation: false });
    put.flush({ monthlyEvaluation: false });
    await settle(page.harness.fixture);
    expect(page.text(page.find('evaluation-settings'))).toContain('Saved.');
  });
});
