import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReportPostRow, ReportPostSort, ReportPostsPage, ResultMetric } from '@kadens/shared/contracts';
import { reviewLink } from '@kadens/web/data-access';
import { PLATFORM_NAMES } from '@kadens/web/ui';
import { ZonedDateTimePipe } from '@kadens/web/util';

import { ReportNumberComponent } from '../figures/report-number.component';
import { formatReportNumber } from '../view/report-numbers';

/** The columns the table can be sorted by, as the API's sort names them (without the '-'). */
type SortColumn = 'publishedAt' | 'engagement' | Extract<ResultMetric, 'views' | 'reach' | 'reactions' | 'comments' | 'shares' | 'clicks'>;
const NUMBER_COLUMNS = ['engagement', 'views', 'reach', 'reactions', 'comments', 'shares', 'clicks'] as const;

/**
 * Every post of the period, a page at a time, sorted by any of its figures. Sorting and paging are the
 * page's to do (they are in the address); this table says which was asked for.
 */
@Component({
  selector: 'kd-report-posts-table',
  imports: [MatButtonModule, ReportNumberComponent, RouterLink, TranslocoPipe, ZonedDateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-posts-table.component.html',
  styleUrl: './report-posts-table.component.scss',
})
export class ReportPostsTableComponent {
  /** Null while the first page loads. */
  readonly page = input.required<ReportPostsPage | null>();
  readonly sort = input.required<ReportPostSort>();
  readonly organizationId = input.required<string>();
  readonly timeZone = input.required<string | null>();
  readonly language = input.required<string>();
  readonly periodText = input.required<string>();
  readonly sortChange = output<ReportPostSort>();
  /** The 1-based page to show. */
  readonly pageChange = output<number>();

  protected readonly numberColumns = NUMBER_COLUMNS;
  protected readonly platformNames = PLATFORM_NAMES;

  protected readonly pageNumber = computed(() => {
    const page = this.page();
    return page ? Math.floor(page.offset / Math.max(1, page.limit)) + 1 : 1;
  });
  protected readonly pageCount = computed(() => {
    const page = this.page();
    return page ? Math.max(1, Math.ceil(page.total / Math.max(1, page.limit))) : 1;
  });
  protected readonly shown = computed(() => {
    const page = this.page();
    if (!page || page.items.length === 0) return null;
    const language = this.language();
    return {
      first: formatReportNumber(page.offset + 1, language),
      last: formatReportNumber(page.offset + page.items.length, language),
      total: formatReportNumber(page.total, language),
    };
  });

  protected sortState(column: SortColumn): 'ascending' | 'descending' | 'none' {
    const sort = this.sort();
    if (sort === column) return 'ascending';
    if (sort === `-${column}`) return 'descending';
    return 'none';
  }

  /** A first click sorts numbers from the largest and dates from the newest; the next one turns it round. */
  protected sortBy(column: SortColumn): void {
    this.sortChange.emit((this.sort() === `-${column}` ? column : `-${column}`) as ReportPostSort);
  }

  protected goTo(page: number): void {
    this.pageChange.emit(page);
  }

  protected postLink(row: ReportPostRow): string[] {
    return reviewLink(this.organizationId(), row.postId);
  }
}
