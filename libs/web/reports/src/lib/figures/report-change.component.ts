import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { changeOf, formatPercent, formatReportNumber } from '../view/report-numbers';

const ARROWS = { up: '▲', down: '▼', same: '→' } as const;

/**
 * The change against the previous period as an arrow and words ("▲ 12 %"), never by colour alone; a
 * screen reader hears the direction and the previous value. Nothing to compare with reads "new" or "–".
 */
@Component({
  selector: 'kd-report-change',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (change(); as change) {
      <span class="change" [attr.data-direction]="change.direction" data-testid="report-change">
        <span aria-hidden="true">{{ arrows[change.direction] }}</span>
        @if (change.percent !== null) {
          {{ 'reports.change.' + change.direction | transloco: { percent: percent() } }}
        } @else if (change.direction === 'up') {
          {{ 'reports.change.new' | transloco }}
        } @else {
          {{ 'reports.change.same' | transloco }}
        }
        <span class="visually-hidden">{{ 'reports.change.previousValue' | transloco: { value: previousText() } }}</span>
      </span>
    } @else {
      <span aria-hidden="true">–</span><span class="visually-hidden">{{ 'reports.change.unknown' | transloco }}</span>
    }
  `,
  styles: `
    .change {
      white-space: nowrap;
    }
    .change[data-direction='up'] {
      color: #1b5e20;
    }
    .change[data-direction='down'] {
      color: #b3261e;
    }
  `,
})
export class ReportChangeComponent {
  readonly current = input.required<number | null>();
  readonly previous = input.required<number | null>();
  readonly language = input.required<string>();
  readonly fractionDigits = input(0);

  protected readonly arrows = ARROWS;
  protected readonly change = computed(() => changeOf(this.current(), this.previous()));
  protected readonly percent = computed(() => formatPercent(this.change()?.percent ?? 0, this.language()));
  protected readonly previousText = computed(() => formatReportNumber(this.previous() ?? 0, this.language(), this.fractionDigits()));
}
