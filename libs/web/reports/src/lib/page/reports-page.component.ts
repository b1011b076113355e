import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OrganizationId, ReportPostRow, ReportPostsPage, ReportSummary } from '@kadens/shared/contracts';
import { ActiveOrganization, type ApiProblem, describeApiError, organizationAreaLink, OrganizationTimeZone } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';
import { formatCivilDate, injectActiveLanguage } from '@kadens/web/util';
import { map } from 'rxjs';

import { ContentTypesByAudienceComponent } from '../groups/content-types-by-audience.component';
import { ReportGroupsComponent } from '../groups/report-groups.component';
import { ReportPeriodFormComponent } from '../period/report-period-form.component';
import { ReportPostsTableComponent } from '../posts/report-posts-table.component';
import { TopPostsComponent } from '../posts/top-posts.component';
import { ReportsApi } from '../reports.api';
import { REPORTS_EVALUATION_PATH } from '../reports-paths';
import { ReportTotalsComponent } from '../summary/report-totals.component';
import {
  type DateRange,
  readReportView,
  REPORT_POSTS_PAGE_SIZE,
  reportCsvFileName,
  type ReportView,
  reportViewParams,
  resolveRange,
  todayIn,
} from '../view/report-view';

/** How many posts the top and bottom lists show. */
const RANKED_POSTS = 5;

/**
 * The Reports page: what the posts of a period achieved, grouped by theme, audience, content type, channel
 * or initiative, against the period before; the best and weakest posts; which content types work for whom;
 * every post, and the lot as CSV. What is shown is in the address (`readReportView`), so a view can be
 * shared and reloaded.
 */
@Component({
  selector: 'kd-reports-page',
  imports: [
    ContentTypesByAudienceComponent,
    MatButtonModule,
    MatProgressBarModule,
    ReportGroupsComponent,
    ReportPeriodFormComponent,
    ReportPostsTableComponent,
    ReportTotalsComponent,
    RouterLink,
    TopPostsComponent,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports-page.component.html',
  styleUrl: './reports-page.component.scss',
})
export class ReportsPageComponent {
  private readonly api = inject(ReportsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly notifier = inject(ProblemNotifier);
  private readonly document = inject(DOCUMENT);

  protected readonly language = injectActiveLanguage();
  protected readonly timeZone = inject(OrganizationTimeZone).timeZone;
  protected readonly organizationId = inject(ActiveOrganization).organizationId;
  protected readonly evaluationPath = REPORTS_EVALUATION_PATH;

  protected readonly view = toSignal(this.route.queryParamMap.pipe(map(readReportView)), { requireSync: true, equal: sameView });
  private readonly groupBy = computed(() => this.view().groupBy);
  private readonly sort = computed(() => this.view().sort);
  private readonly page = computed(() => this.view().page);
  private readonly resolved = computed(() => {
    const timeZone = this.timeZone();
    return timeZone ? resolveRange(this.view(), todayIn(timeZone)) : null;
  });
  protected readonly range = computed(
    () => {
      const resolved = this.resolved();
      return resolved?.ok ? resolved.range : null;
    },
    { equal: sameRange },
  );
  protected readonly rangeProblem = computed(() => {
    const resolved = this.resolved();
    return resolved && !resolved.ok ? resolved.problem : null;
  });

  protected readonly summary = signal<ReportSummary | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly top = signal<ReportPostRow[] | null>(null);
  protected readonly bottom = signal<ReportPostRow[] | null>(null);
  protected readonly postsPage = signal<ReportPostsPage | null>(null);
  protected readonly postsProblem = signal<ApiProblem | null>(null);
  protected readonly exporting = signal(false);
  private readonly reloads = signal(0);

  /** Loading the report, or still learning the organisation's time zone (which says what "this month" is). */
  protected readonly busy = computed(() => this.loading() || (this.timeZone() === null && this.organizationId() !== null));
  protected readonly empty = computed(() => this.summary()?.total.posts === 0);
  protected readonly periodText = computed(() => {
    const range = this.range();
    return range ? this.rangeText(range) : '';
  });
  protected readonly previousText = computed(() => {
    const summary = this.summary();
    return summary ? this.rangeText({ from: summary.previousFrom, to: summary.previousTo }) : '';
  });
  protected readonly calendarLink = computed(() => {
    const organizationId = this.organizationId();
    return organizationId ? organizationAreaLink(organizationId, 'calendar') : null;
  });

  private summarySequence = 0;
  private rankedSequence = 0;
  private postsSequence = 0;

  constructor() {
    effect(() => {
      const organizationId = this.organizationId();
      const range = this.range();
      const groupBy = this.groupBy();
      this.reloads();
      untracked(() => {
        if (organizationId && range) void this.loadSummary(organizationId, range, groupBy);
        else this.summary.set(null);
      });
    });
    effect(() => {
      const organizationId = this.organizationId();
      const range = this.range();
      this.reloads();
      untracked(() => {
        if (organizationId && range) void this.loadRanked(organizationId, range);
      });
    });
    effect(() => {
      const organizationId = this.organizationId();
      const range = this.range();
      const sort = this.sort();
      const page = this.page();
      this.reloads();
      untracked(() => {
        if (organizationId && range) void this.loadPosts(organizationId, range, sort, page);
      });
    });
  }

  protected changeView(change: Partial<ReportView>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: reportViewParams({ ...this.view(), ...change }) });
  }

  protected retry(): void {
    this.reloads.update((count) => count + 1);
  }

  /** The CSV of every post in the period, fetched with the session and saved under a name that says which period. */
  protected async exportCsv(): Promise<void> {
    const organizationId = this.organizationId();
    const range = this.range();
    if (!organizationId || !range || this.exporting()) return;
    this.exporting.set(true);
    try {
      const csv = await this.api.postsCsv(organizationId, { ...range, sort: this.view().sort });
      this.save(csv, reportCsvFileName(range));
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.exporting.set(false);
    }
  }

  private save(file: Blob, name: string): void {
    const url = URL.createObjectURL(file);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    // The browser has taken the file once the click is handled; the address can go after that.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private rangeText(range: DateRange): string {
    const language = this.language();
    return `${formatCivilDate(range.from, language)} – ${formatCivilDate(range.to, language)}`;
  }

  private async loadSummary(organizationId: OrganizationId, range: DateRange, groupBy: ReportView['groupBy']): Promise<void> {
    const sequence = ++this.summarySequence;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const summary = await this.api.summary(organizationId, { ...range, groupBy });
      if (sequence === this.summarySequence) this.summary.set(summary);
    } catch (error) {
      if (sequence === this.summarySequence) {
        this.summary.set(null);
        this.problem.set(describeApiError(error));
      }
    } finally {
      if (sequence === this.summarySequence) this.loading.set(false);
    }
  }

  private async loadRanked(organizationId: OrganizationId, range: DateRange): Promise<void> {
    const sequence = ++this.rankedSequence;
    this.top.set(null);
    this.bottom.set(null);
    try {
      const [top, bottom] = await Promise.all([
        this.api.posts(organizationId, { ...range, sort: '-engagement', limit: RANKED_POSTS }),
        this.api.posts(organizationId, { ...range, sort: 'engagement', limit: RANKED_POSTS }),
      ]);
      if (sequence !== this.rankedSequence) return;
      this.top.set(top.items);
      this.bottom.set(bottom.items);
    } catch {
      // The summary's own request says what went wrong; the lists stay empty.
      if (sequence === this.rankedSequence) {
        this.top.set([]);
        this.bottom.set([]);
      }
    }
  }

  private async loadPosts(organizationId: OrganizationId, range: DateRange, sort: ReportView['sort'], page: number): Promise<void> {
    const sequence = ++this.postsSequence;
    this.postsProblem.set(null);
    try {
      const posts = await this.api.posts(organizationId, {
        ...range,
        sort,
        limit: REPORT_POSTS_PAGE_SIZE,
        offset: (page - 1) * REPORT_POSTS_PAGE_SIZE,
      });
      if (sequence === this.postsSequence) this.postsPage.set(posts);
    } catch (error) {
      if (sequence === this.postsSequence) {
        this.postsPage.set({ items: [], total: 0, limit: REPORT_POSTS_PAGE_SIZE, offset: 0 });
        this.postsProblem.set(describeApiError(error));
      }
    }
  }
}

function sameView(a: ReportView, b: ReportView): boolean {
  return a.period === b.period && a.from === b.from && a.to === b.to && a.groupBy === b.groupBy && a.sort === b.sort && a.page === b.page;
}

function sameRange(a: DateRange | null, b: DateRange | null): boolean {
  return a?.from === b?.from && a?.to === b?.to;
}
