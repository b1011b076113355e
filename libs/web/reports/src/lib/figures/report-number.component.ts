import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { formatReportNumber } from '../view/report-numbers';

/**
 * A number in the reader's language, or "–" when it is unknown — a platform that does not give the
 * figure is not a zero, and a screen reader hears "unknown" rather than a dash.
 */
@Component({
  selector: 'kd-report-number',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as text) {
      {{ text }}
    } @else {
      <span aria-hidden="true">–</span><span class="visually-hidden">{{ 'reports.unknown' | transloco }}</span>
    }
  `,
})
export class ReportNumberComponent {
  readonly value = input.required<number | null | undefined>();
  readonly language = input.required<string>();
  readonly fractionDigits = input(0);

  protected readonly text = computed(() => {
    const value = this.value();
    return value === null || value === undefined ? null : formatReportNumber(value, this.language(), this.fractionDigits());
  });
}
