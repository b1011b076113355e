import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, type Routes } from '@angular/router';
import type {
  Locale,
  MeView,
  ReportFigures,
  ReportGroupRow,
  ReportPostRow,
  ReportPostsPage,
  ReportSummary,
} from '@kadens/shared/contracts';
import { ActiveOrganization, BROWSER_STORAGE, SessionStore } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';
import { readTranslationTree, translocoTesting } from '@kadens/web/ui/testing';

export { apiError, queries, settle } from '@kadens/web/ui/testing';

export const BASE = '/api/organizations/o1';

/**
 * A test bed logged in as a viewer of organisation o1 (Europe/Oslo), speaking `locale` with the real
 * app-wide and reports texts, and the notifier replaced by a mock.
 */
export async function setUpReportsTestBed({ locale = 'en' as Locale, routes = [] as Routes } = {}) {
  const notifier = { report: jest.fn(), announce: jest.fn() };
  const reports = readTranslationTree('reports', locale);
  TestBed.configureTestingModule({
    imports: [translocoTesting(locale, { [locale]: { ...readTranslationTree(null, locale), reports }, [`reports/${locale}`]: reports })],
    providers: [
      provideRouter(routes),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: BROWSER_STORAGE, useValue: null },
      { provide: ProblemNotifier, useValue: notifier },
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const session: MeView = {
    user: { id: 'u-me', email: 'me@kadens.demo', name: 'Me', locale: null },
    memberships: [
      {
        organizationId: 'o1',
        organizationName: 'Fjordvik kommune',
        organizationSlug: 'fjordvik',
        organizationLocale: locale,
        role: 'viewer',
      },
    ],
    installation: { operator: false, mayCreateOrganizations: false },
  };
  const loading = TestBed.inject(SessionStore).ensureLoaded();
  http.expectOne('/api/me').flush(session);
  await loading;
  TestBed.inject(ActiveOrganization).select('o1');
  return { http, notifier };
}

/** Answers the organisation's own record (its time zone) if it was asked for. */
export function answerOrganization(http: HttpTestingController): void {
  for (const request of http.match(BASE)) request.flush({ id: 'o1', name: 'Fjordvik kommune', slug: 'fjordvik', timeZone: 'Europe/Oslo' });
}

export function figures(overrides: Partial<ReportFigures> = {}): ReportFigures {
  return { posts: 10, totals: { views: 5000, reactions: 300, comments: 40 }, perPost: {}, engagement: 340, ...overrides };
}

export function groupRow(overrides: Partial<ReportGroupRow> = {}): ReportGroupRow {
  return { key: 'th-1', name: 'Culture', color: '#1e88e5', ...figures(), previous: figures({ posts: 8, engagement: 200 }), ...overrides };
}

export function reportSummary(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    from: '2026-01-01',
    to: '2026-12-31',
    previousFrom: '2025-01-01',
    previousTo: '2025-12-31',
    groupBy: 'theme',
    timeZone: 'Europe/Oslo',
    groups: [
      groupRow(),
      groupRow({
        key: 'th-2',
        name: 'Roads',
        color: '#e53935',
        posts: 4,
        engagement: null,
        totals: {},
        previous: figures({ posts: 0, engagement: null, totals: {} }),
      }),
    ],
    total: { ...figures({ posts: 14 }), previous: figures({ posts: 8, engagement: 200 }) },
    contentTypesByAudience: [
      {
        audienceId: 'au-1',
        name: 'Parents',
        contentTypes: [
          { contentTypeId: 'ct-1', name: 'Video', posts: 3, engagementPerPost: 52.5 },
          { contentTypeId: 'ct-2', name: 'News', posts: 6, engagementPerPost: null },
        ],
      },
    ],
    includesDemo: false,
    ...overrides,
  };
}

export function postRow(overrides: Partial<ReportPostRow> = {}): ReportPostRow {
  return {
    targetId: 't1',
    postId: 'p1',
    title: 'Summer opening hours',
    channelId: 'c1',
    channelName: 'Fjordvik on Mastodon',
    platform: 'mastodon',
    publishedAt: '2026-06-04T10:00:00.000Z',
    url: 'https://mastodon.example/@fjordvik/1',
    themeId: 'th-1',
    themeName: 'Culture',
    contentTypeId: 'ct-1',
    contentTypeName: 'Video',
    audienceIds: ['au-1'],
    initiativeId: null,
    numbers: { reactions: 1234, comments: 5 },
    engagement: 1239,
    collectedAt: '2026-07-02T10:00:00.000Z',
    manual: false,
    demo: false,
    ...overrides,
  };
}

export function postsPage(items: ReportPostRow[], overrides: Partial<ReportPostsPage> = {}): ReportPostsPage {
  return { items, total: items.length, limit: 20, offset: 0, ...overrides };
}
