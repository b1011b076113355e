import { ChangeDetectionStrategy, Component, inject, type Signal } from '@angular/core';
import { MAT_BOTTOM_SHEET_DATA, MatBottomSheetRef } from '@angular/material/bottom-sheet';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PlanningCatalog } from '@kadens/web/data-access';

import type { CalendarFilters } from '../calendar-url-state/calendar-url-state';
import { CalendarFiltersComponent } from './calendar-filters.component';

export interface CalendarFiltersSheetData {
  catalog: PlanningCatalog;
  /** The page's filters, read from the URL: the sheet shows each change as soon as the URL has it. */
  filters: Signal<CalendarFilters>;
  change: (filters: CalendarFilters) => void;
}

/** The calendar's filters on a phone: a sheet from the bottom of the screen, one filter under the other. */
@Component({
  selector: 'kd-calendar-filters-sheet',
  imports: [MatButtonModule, TranslocoPipe, CalendarFiltersComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      padding-block: 0.5rem;
    }
    .sheet__title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .sheet__actions {
      display: flex;
      justify-content: flex-end;
    }
  `,
  template: `
    <h2 class="sheet__title" id="calendar-filters-sheet-title">{{ 'planning.calendar.filters.label' | transloco }}</h2>
    <kd-calendar-filters
      class="calendar-filters--stacked"
      role="group"
      aria-labelledby="calendar-filters-sheet-title"
      data-testid="calendar-filters-sheet"
      [catalog]="data.catalog"
      [filters]="data.filters()"
      (filtersChange)="data.change($event)"
    />
    <div class="sheet__actions">
      <button mat-flat-button type="button" (click)="close()" data-testid="calendar-filters-done">
        {{ 'planning.calendar.filters.done' | transloco }}
      </button>
    </div>
  `,
})
export class CalendarFiltersSheetComponent {
  protected readonly data = inject<CalendarFiltersSheetData>(MAT_BOTTOM_SHEET_DATA);
  private readonly sheet = inject(MatBottomSheetRef<CalendarFiltersSheetComponent>);

  protected close(): void {
    this.sheet.dismiss();
  }
}
