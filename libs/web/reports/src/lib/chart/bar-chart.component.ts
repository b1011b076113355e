import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import type { Chart as ChartInstance, ChartConfiguration } from 'chart.js';
import { intlLocale } from '@kadens/web/util';

/** One series of bars: this period, or the previous one. */
export interface BarSeries {
  label: string;
  /** One value per label; null where the figure is unknown (no bar, not a zero bar). */
  values: Array<number | null>;
  color: string;
}

/** Room per group, so a chart of many groups grows rather than squeezing its bars. */
const PIXELS_PER_GROUP = 44;
const MIN_HEIGHT = 180;

/**
 * A horizontal bar chart drawn by Chart.js on a canvas, which is one image to a screen reader: the
 * canvas has role="img" and the summary it is given, and the page puts a table with the same numbers
 * beside it. Chart.js loads the first time a chart is drawn; where a canvas cannot draw (no 2D context)
 * nothing is drawn and the table still tells everything.
 */
@Component({
  selector: 'kd-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="summary()" data-testid="report-chart-canvas"></canvas>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      position: relative;
      width: 100%;
      min-width: 0;
    }
  `,
})
export class BarChartComponent {
  readonly labels = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  /** What the chart shows, in words: the canvas's accessible name. */
  readonly summary = input.required<string>();
  readonly language = input.required<string>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: ChartInstance<'bar', Array<number | null>, string> | null = null;
  private drawing: Promise<void> | null = null;
  private destroyed = false;

  protected readonly height = computed(() => Math.max(MIN_HEIGHT, this.labels().length * PIXELS_PER_GROUP + 60));

  constructor() {
    const ready = new Promise<void>((resolve) => afterNextRender(() => resolve()));
    effect(() => {
      const config = this.configuration();
      void ready.then(() => this.draw(config));
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private readonly configuration = computed((): ChartConfiguration<'bar', Array<number | null>, string> => {
    const locale = intlLocale(this.language());
    const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    return {
      type: 'bar',
      data: {
        labels: this.labels(),
        datasets: this.series().map((series) => ({
          label: series.label,
          data: series.values,
          backgroundColor: series.color,
          borderColor: series.color,
          borderWidth: 1,
        })),
      },
      options: {
        indexAxis: 'y',
        locale,
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 300 },
        plugins: { legend: { position: 'bottom' } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
  });

  private async draw(config: ChartConfiguration<'bar', Array<number | null>, string>): Promise<void> {
    await this.drawing;
    this.drawing = this.render(config);
    await this.drawing;
  }

  private async render(config: ChartConfiguration<'bar', Array<number | null>, string>): Promise<void> {
    if (this.destroyed) return;
    if (this.chart) {
      this.chart.data = config.data;
      this.chart.options = config.options ?? {};
      this.chart.update();
      return;
    }
    const canvas = this.canvas().nativeElement;
    if (!canvas.getContext('2d')) return;
    const { Chart } = await import('./chart-setup');
    if (this.destroyed) return;
    this.chart = new Chart(canvas, config);
  }
}
