import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { BAND_COLORS, type BandKind } from '../calendar-events/calendar-bands';

/** Says what the calendar's shading means. Needs the planning translation scope. */
@Component({
  selector: 'kd-calendar-legend',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="legend__label">{{ 'planning.calendar.legend.label' | transloco }}</span>
    @for (kind of kinds; track kind) {
      <span class="legend__item" [attr.data-testid]="'calendar-legend-' + kind">
        <span class="legend__swatch" [style.--band-color]="colors[kind]" aria-hidden="true"></span>
        {{ 'planning.calendar.legend.' + kind | transloco }}
      </span>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .legend__label {
      font-weight: 600;
    }
    .legend__item {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
    }
    .legend__swatch {
      width: 1.5rem;
      height: 0.75rem;
      border: 1px solid var(--band-color);
      border-radius: 2px;
      background: color-mix(in oklab, var(--band-color) 15%, transparent);
    }
  `,
})
export class CalendarLegendComponent {
  protected readonly kinds: readonly BandKind[] = ['thinWeek', 'silence', 'staffed'];
  protected readonly colors = BAND_COLORS;
}
