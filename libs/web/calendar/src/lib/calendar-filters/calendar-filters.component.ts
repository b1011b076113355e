import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { POST_STATES } from '@kadens/shared/contracts';
import { PlatformBadgeComponent } from '@kadens/web/ui';
import type { PlanningCatalog } from '@kadens/web/data-access';

import { type CalendarFilters, hasCalendarFilters, NO_CALENDAR_FILTERS } from '../calendar-url-state/calendar-url-state';

/** The calendar's filters; every change goes out whole, for the page to put in the URL. */
@Component({
  selector: 'kd-calendar-filters',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, TranslocoPipe, PlatformBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-filters.component.html',
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }
    mat-form-field {
      width: 12rem;
    }
    :host(.calendar-filters--stacked) {
      flex-direction: column;
      align-items: stretch;
    }
    :host(.calendar-filters--stacked) mat-form-field {
      width: 100%;
    }
    .swatch {
      display: inline-block;
      width: 0.75rem;
      height: 0.75rem;
      margin-right: 0.5rem;
      border-radius: 50%;
      vertical-align: middle;
    }
    .option-badge {
      margin-right: 0.5rem;
      vertical-align: middle;
    }
  `,
})
export class CalendarFiltersComponent {
  readonly catalog = input.required<PlanningCatalog>();
  readonly filters = input.required<CalendarFilters>();
  readonly filtersChange = output<CalendarFilters>();

  protected readonly states = POST_STATES;
  protected readonly active = computed(() => hasCalendarFilters(this.filters()));

  protected choose<K extends keyof CalendarFilters>(name: K, values: CalendarFilters[K]): void {
    this.filtersChange.emit({ ...this.filters(), [name]: values });
  }

  protected clear(): void {
    this.filtersChange.emit(NO_CALENDAR_FILTERS);
  }
}
