import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ReportSummary } from '@kadens/shared/contracts';
import { filter, map } from 'rxjs';

import { type BarSeries, BarChartComponent } from '../chart/bar-chart.component';
import { ReportChangeComponent } from '../figures/report-change.component';
import { ReportNumberComponent } from '../figures/report-number.component';
import {
  CHART_FIGURES,
  engagementPerPost,
  figureOf,
  formatReportNumber,
  previousFigureOf,
  type ReportFigure,
} from '../view/report-numbers';

/** Bars with at least 3:1 contrast against the page (WCAG 1.4.11): this period dark blue, the previous one grey. */
const CURRENT_COLOR = '#005cbb';
const PREVIOUS_COLOR = '#7c7f87';

/**
 * The report per group (theme, audience, content type, channel or initiative): a bar chart of one figure,
 * this period against the previous one, and under it a table with every figure — the chart's text
 * alternative, and the way to read exact numbers.
 */
@Component({
  selector: 'kd-report-groups',
  imports: [BarChartComponent, MatButtonToggleModule, ReportChangeComponent, ReportNumberComponent, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-groups.component.html',
  styleUrl: './report-groups.component.scss',
})
export class ReportGroupsComponent {
  private readonly transloco = inject(TranslocoService);
  /**
   * Bumped whenever a translation file arrives: the chart's texts are worded in code (a canvas takes no
   * pipes), and a scope that loads after the first drawing must reword them.
   */
  private readonly translationsLoaded = toSignal(
    this.transloco.events$.pipe(
      filter((event) => event.type === 'translationLoadSuccess'),
      map((_, count) => count),
    ),
    { initialValue: -1 },
  );

  readonly summary = input.required<ReportSummary>();
  readonly language = input.required<string>();
  /** The period in words, for the table's caption. */
  readonly periodText = input.required<string>();

  protected readonly figures = CHART_FIGURES;
  protected readonly figure = signal<ReportFigure>('engagement');
  protected readonly groupBy = computed(() => this.summary().groupBy);

  protected readonly rows = computed(() =>
    this.summary().groups.map((group) => ({
      key: group.key ?? '',
      name: group.name,
      color: group.color,
      posts: group.posts,
      previousPosts: group.previous.posts,
      engagement: group.engagement,
      previousEngagement: previousFigureOf(group.previous, 'engagement'),
      engagementPerPost: engagementPerPost(group),
      views: figureOf(group, 'views'),
      reach: figureOf(group, 'reach'),
    })),
  );

  protected readonly labels = computed(() => this.summary().groups.map((group) => group.name));

  protected readonly series = computed((): BarSeries[] => {
    this.language();
    this.translationsLoaded();
    const figure = this.figure();
    const groups = this.summary().groups;
    return [
      { label: this.transloco.translate('reports.chart.current'), values: groups.map((g) => figureOf(g, figure)), color: CURRENT_COLOR },
      {
        label: this.transloco.translate('reports.chart.previous'),
        values: groups.map((g) => previousFigureOf(g.previous, figure)),
        color: PREVIOUS_COLOR,
      },
    ];
  });

  /** The chart in one sentence: what it shows and which group leads. */
  protected readonly chartSummary = computed(() => {
    const language = this.language();
    this.translationsLoaded();
    const figure = this.figure();
    const figureName = this.transloco.translate(`reports.figures.${figure}`);
    const per = this.transloco.translate(`reports.groupBy.per.${this.groupBy()}`);
    const known = this.summary()
      .groups.map((group) => ({ name: group.name, value: figureOf(group, figure) }))
      .filter((entry): entry is { name: string; value: number } => entry.value !== null)
      .sort((a, b) => b.value - a.value);
    const top = known[0];
    const lead = top
      ? this.transloco.translate('reports.chart.leader', { name: top.name, value: formatReportNumber(top.value, language) })
      : this.transloco.translate('reports.chart.noNumbers');
    return this.transloco.translate('reports.chart.summary', { figure: figureName, per, lead });
  });

  protected chooseFigure(figure: ReportFigure): void {
    this.figure.set(figure);
  }
}
