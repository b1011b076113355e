import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReportSummary } from '@kadens/shared/contracts';

import { ReportChangeComponent } from '../figures/report-change.component';
import { ReportNumberComponent } from '../figures/report-number.component';
import { engagementPerPost, figureOf, HEADLINE_FIGURES, previousFigureOf, type ReportFigure } from '../view/report-numbers';

interface TotalCard {
  figure: ReportFigure | 'engagementPerPost';
  current: number | null;
  previous: number | null;
  fractionDigits: number;
}

/** The period's main numbers, each with its change against the previous period. */
@Component({
  selector: 'kd-report-totals',
  imports: [ReportChangeComponent, ReportNumberComponent, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="totals" data-testid="report-totals">
      @for (card of cards(); track card.figure) {
        <li class="total" [attr.data-testid]="'report-total-' + card.figure">
          <span class="total__label">{{ 'reports.figures.' + card.figure | transloco }}</span>
          <span class="total__value" data-testid="report-total-value">
            <kd-report-number [value]="card.current" [language]="language()" [fractionDigits]="card.fractionDigits" />
          </span>
          <kd-report-change
            class="total__change"
            [current]="card.current"
            [previous]="card.previous"
            [language]="language()"
            [fractionDigits]="card.fractionDigits"
          />
        </li>
      }
    </ul>
  `,
  styles: `
    .totals {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .total {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .total__label {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    .total__value {
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class ReportTotalsComponent {
  readonly summary = input.required<ReportSummary>();
  readonly language = input.required<string>();

  protected readonly cards = computed((): TotalCard[] => {
    const total = this.summary().total;
    const cards: TotalCard[] = HEADLINE_FIGURES.map((figure) => ({
      figure,
      current: figureOf(total, figure),
      previous: previousFigureOf(total.previous, figure),
      fractionDigits: 0,
    }));
    cards.splice(2, 0, {
      figure: 'engagementPerPost',
      current: engagementPerPost(total),
      previous: engagementPerPost(total.previous),
      fractionDigits: 1,
    });
    return cards;
  });
}
