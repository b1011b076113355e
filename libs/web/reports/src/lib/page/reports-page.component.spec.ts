import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ReportPostsPage, ReportSummary } from '@kadens/shared/contracts';

import {
  answerOrganization,
  apiError,
  BASE,
  postRow,
  postsPage,
  queries,
  reportSummary,
  settle,
  setUpReportsTestBed,
} from '../testing/reports-test-bed.testing';
import { ReportsPageComponent } from './reports-page.component';

const YEAR = '/o/o1/reports?period=custom&from=2026-01-01&to=2026-12-31';

function summaryRequest(http: HttpTestingController): TestRequest {
  return http.expectOne((request) => request.url === `${BASE}/reports/summary`);
}

function postsRequest(http: HttpTestingController, sort: string): TestRequest {
  return http.expectOne(
    (request) => request.url === `${BASE}/reports/posts` && request.params.get('sort') === sort && request.params.get('limit') !== '5',
  );
}

function rankedRequests(http: HttpTestingController): { top: TestRequest; bottom: TestRequest } {
  const ranked = http.match((request) => request.url === `${BASE}/reports/posts` && request.params.get('limit') === '5');
  const top = ranked.find((request) => request.request.params.get('sort') === '-engagement');
  const bottom = ranked.find((request) => request.request.params.get('sort') === 'engagement');
  if (!top || !bottom) throw new Error('the top and bottom posts were not both asked for');
  return { top, bottom };
}

describe('ReportsPageComponent', () => {
  async function render(url = YEAR, summary: ReportSummary = reportSummary(), page: ReportPostsPage = postsPage([postRow()])) {
    const bed = await setUpReportsTestBed({ routes: [{ path: 'o/:organizationId/reports', component: ReportsPageComponent }] });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness.fixture);
    answerOrganization(bed.http);
    await settle(harness.fixture);
    const summaryCall = summaryRequest(bed.http);
    summaryCall.flush(summary);
    const { top, bottom } = rankedRequests(bed.http);
    top.flush(postsPage([postRow({ targetId: 'best', title: 'Best one' })]));
    bottom.flush(postsPage([postRow({ targetId: 'worst', title: 'Worst one', engagement: null, numbers: {} })]));
    postsRequest(bed.http, '-publishedAt').flush(page);
    await settle(harness.fixture);
    return { harness, summaryCall, ...bed, ...queries(harness.fixture) };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('asks for the period and grouping in the address, and shows the totals with their change', async () => {
    const { summaryCall, find, text } = await render();
    expect(summaryCall.request.params.get('from')).toBe('2026-01-01');
    expect(summaryCall.request.params.get('to')).toBe('2026-12-31');
    expect(summaryCall.request.params.get('groupBy')).toBe('theme');
    expect(text(find('report-period')?.querySelector('.mat-mdc-select-value'))).toBe('Choose dates');
    expect(text(find('report-group-by')?.querySelector('.mat-mdc-select-value'))).toBe('Theme');
    expect(text(find('report-period-text'))).toBe(
      'Showing 1 January 2026 – 31 December 2026 compared with 1 January 2025 – 31 December 2025',
    );
    expect(text(find('report-total-posts'))).toBe('Posts 14 ▲ up 75% (previous period: 8)');
    expect(text(find('report-total-engagement'))).toBe('Engagement 340 ▲ up 70% (previous period: 200)');
    expect(text(find('report-total-engagementPerPost'))).toBe('Engagement per post 24.3 ▼ down 3% (previous period: 25)');
    expect(text(find('report-total-reach'))).toBe('Reach–unknown–no change can be told');
    expect(find('report-demo-badge')).toBeNull();
  });

  it('draws the chart as one image with a summary, and puts every number in a table under it', async () => {
    const { find, findAll, text } = await render();
    const canvas = find('report-chart-canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe(
      'Bar chart of Engagement per theme, this period and the one before. Highest: Culture with 340. The table below gives every number.',
    );
    expect(text(find('report-groups-table')?.querySelector('caption'))).toBe(
      'Results per theme, 1 January 2026 – 31 December 2026, with the change against the period before',
    );
    const rows = findAll('report-group-row');
    expect(rows.map((row) => row.getAttribute('data-key'))).toEqual(['th-1', 'th-2']);
    expect([...rows[0].querySelectorAll('th, td')].map((cell) => text(cell))).toEqual([
      'Culture',
      '10',
      '▲ up 25% (previous period: 8)',
      '340',
      '▲ up 70% (previous period: 200)',
      '34',
      '5,000',
      '–unknown',
    ]);
    // Roads: nothing known is "–" with words for a screen reader, never 0; nothing before is "new".
    expect(text(rows[1].querySelectorAll('td')[1])).toBe('▲ new (previous period: 0)');
    expect(text(rows[1].querySelectorAll('td')[2])).toBe('–unknown');
    expect(rows[1].querySelectorAll('td')[2].querySelector('.visually-hidden')?.textContent).toBe('unknown');
  });

  it('changes the grouping through the address, and the table follows', async () => {
    const { harness, http, find, findAll } = await render();
    find<HTMLElement>('report-group-by')?.click();
    await settle(harness.fixture);
    document.querySelector<HTMLElement>('[data-testid="report-group-by-audience"]')?.click();
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toBe('/o/o1/reports?period=custom&from=2026-01-01&to=2026-12-31&groupBy=audience');
    const again = summaryRequest(http);
    expect(again.request.params.get('groupBy')).toBe('audience');
    again.flush(
      reportSummary({ groupBy: 'audience', groups: [{ ...reportSummary().groups[0], key: 'au-1', name: 'Parents', color: null }] }),
    );
    await settle(harness.fixture);
    expect(find('report-groups-table')?.getAttribute('data-group-by')).toBe('audience');
    expect(findAll('report-group-row').map((row) => row.getAttribute('data-key'))).toEqual(['au-1']);
    expect(find('report-groups-table')?.querySelector('thead th')?.textContent?.trim()).toBe('Audience');
  });

  it('ranks the best and weakest posts, each linked to the post and to the platform', async () => {
    const { find, text } = await render();
    const top = find('report-top-posts');
    expect(top?.querySelector('h2')?.textContent?.trim()).toBe('Top 5 posts by engagement');
    const best = top?.querySelector('[data-testid="report-ranked-post"]');
    expect(best?.querySelector('[data-testid="report-post-link"]')?.getAttribute('href')).toBe('/o/o1/approvals/p1');
    expect(best?.querySelector('[data-testid="report-post-platform-link"]')?.getAttribute('href')).toBe(
      'https://mastodon.example/@fjordvik/1',
    );
    expect(text(best?.querySelector('[data-testid="report-post-platform-link"]'))).toBe(
      'Open on Mastodon “Best one” (opens in a new window)',
    );
    expect(text(find('report-bottom-posts')?.querySelector('.top__figure'))).toBe('Engagement: –unknown');
  });

  it('shows which content types work best for each audience', async () => {
    const { find, text } = await render();
    const rows = [...(find('report-content-types-table')?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => text(cell)))).toEqual([
      ['Parents', '1', 'Video', '52.5', '3'],
      ['2', 'News', '–unknown', '6'],
    ]);
  });

  it('sorts and pages the posts through the address', async () => {
    const { harness, http, click, find, text } = await render(YEAR, reportSummary(), postsPage([postRow()], { total: 45 }));
    expect(text(find('report-posts-range'))).toBe('1–1 of 45');
    expect(find('report-sort-publishedAt')?.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    await click('report-sort-engagement');
    expect(TestBed.inject(Router).url).toContain('sort=-engagement');
    postsRequest(http, '-engagement').flush(postsPage([postRow()], { total: 45 }));
    await settle(harness.fixture);
    expect(find('report-sort-engagement')?.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    await click('report-posts-next');
    expect(TestBed.inject(Router).url).toContain('page=2');
    const second = postsRequest(http, '-engagement');
    expect(second.request.params.get('offset')).toBe('20');
    second.flush(postsPage([postRow({ targetId: 't21' })], { total: 45, offset: 20 }));
    await settle(harness.fixture);
    expect(text(find('report-posts-range'))).toBe('21–21 of 45');
  });

  it('says so when nothing was published, and offers a way on', async () => {
    const empty = reportSummary({ groups: [], contentTypesByAudience: [], total: { ...reportSummary().total, posts: 0 } });
    const { find, text, click, http, harness } = await render(YEAR, empty, postsPage([]));
    expect(text(find('report-empty'))).toContain('Nothing was published in this period');
    expect(find('report-empty-calendar')?.getAttribute('href')).toBe('/o/o1/calendar');
    expect(find('report-groups')).toBeNull();
    await click('report-empty-longer');
    expect(TestBed.inject(Router).url).toBe('/o/o1/reports');
    // The new period is asked for (the dates depend on today).
    summaryRequest(http).flush(empty);
    rankedRequests(http).top.flush(postsPage([]));
    await settle(harness.fixture);
    http.match(() => true).forEach((request) => request.flush(postsPage([])));
  });

  it('tells why the report failed and tries again', async () => {
    const bed = await setUpReportsTestBed({ routes: [{ path: 'o/:organizationId/reports', component: ReportsPageComponent }] });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(YEAR);
    await settle(harness.fixture);
    answerOrganization(bed.http);
    await settle(harness.fixture);
    apiError(summaryRequest(bed.http), 503, {});
    bed.http.match(() => true).forEach((request) => request.flush(postsPage([])));
    await settle(harness.fixture);
    const { find, text, click } = queries(harness.fixture);
    expect(text(find('report-error'))).toBe('The report could not be loaded The server ran into a problem. Try again. Try again');
    await click('report-retry');
    summaryRequest(bed.http).flush(reportSummary({ includesDemo: true }));
    bed.http.match(() => true).forEach((request) => request.flush(postsPage([])));
    await settle(harness.fixture);
    expect(find('report-error')).toBeNull();
    expect(text(find('report-demo-badge'))).toBe('Demo data Some of these numbers are made up, to show what Kadens reports.');
  });

  it('turns a preset into dates the reader can change, kept in the address', async () => {
    const { harness, http, find } = await render('/o/o1/reports?period=lastQuarter');
    find<HTMLElement>('report-period')?.click();
    await settle(harness.fixture);
    document.querySelector<HTMLElement>('[data-testid="report-period-custom"]')?.click();
    await settle(harness.fixture);
    const url = TestBed.inject(Router).url;
    expect(url).toMatch(/^\/o\/o1\/reports\?period=custom&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-(30|31)$/);
    // The same dates: nothing new to ask for.
    http.expectNone((request) => request.url === `${BASE}/reports/summary`);
    const from = find<HTMLInputElement>('report-from');
    expect(from?.value).toMatch(/^\d{4}-\d{2}-01$/);
    const newYear = `${find<HTMLInputElement>('report-to')?.value.slice(0, 4)}-01-01`;
    if (from) from.value = newYear;
    from?.dispatchEvent(new Event('change'));
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toContain(`period=custom&from=${newYear}&to=`);
    expect(summaryRequest(http).request.params.get('from')).toBe(newYear);
    http.match(() => true).forEach((request) => request.flush(postsPage([])));
  });

  it('refuses a reversed custom period in words, and asks for nothing', async () => {
    const bed = await setUpReportsTestBed({ routes: [{ path: 'o/:organizationId/reports', component: ReportsPageComponent }] });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/o/o1/reports?period=custom&from=2026-12-31&to=2026-01-01');
    await settle(harness.fixture);
    answerOrganization(bed.http);
    await settle(harness.fixture);
    const { find, text } = queries(harness.fixture);
    expect(text(find('report-period-problem'))).toBe('The first date is after the last one. Swap them.');
    expect(find<HTMLButtonElement>('report-export')?.disabled).toBe(true);
  });

  it('exports the posts as CSV through the session and saves them under the period', async () => {
    const { click, http, harness } = await render();
    const created: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => (created.push(blob), 'blob:report'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const anchorClick = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await click('report-export');
    const request = http.expectOne((r) => r.url === `${BASE}/reports/posts` && r.headers.get('Accept') === 'text/csv');
    expect(request.request.responseType).toBe('blob');
    expect(request.request.params.get('from')).toBe('2026-01-01');
    request.flush(new Blob(['title;engagement\nSummer;12\n'], { type: 'text/csv' }));
    await settle(harness.fixture);
    expect(created).toHaveLength(1);
    expect(clicked.map((link) => [link.download, link.href])).toEqual([['kadens-report-2026-01-01-2026-12-31.csv', 'blob:report']]);
    anchorClick.mockRestore();
  });
});
