import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { REPORT_GROUPINGS, type ReportGrouping } from '@kadens/shared/contracts';

import { type DateRange, type RangeProblem, REPORT_PRESETS, type ReportPeriodChoice, type ReportView } from '../view/report-view';

/**
 * The period (a preset, or any from–to) and the grouping of the report. It only says what was chosen;
 * the page puts that in the address.
 */
@Component({
  selector: 'kd-report-period-form',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="period" (submit)="$event.preventDefault()" [attr.aria-label]="'reports.period.formLabel' | transloco">
      <mat-form-field class="period__field" subscriptSizing="dynamic">
        <mat-label>{{ 'reports.period.label' | transloco }}</mat-label>
        <mat-select [value]="view().period" (selectionChange)="choosePeriod($event.value)" data-testid="report-period">
          <!-- Worded here, not taken from the option: the option's text may arrive after the value is set. -->
          <mat-select-trigger>{{ 'reports.period.presets.' + view().period | transloco }}</mat-select-trigger>
          @for (preset of presets; track preset) {
            <mat-option [value]="preset" [attr.data-testid]="'report-period-' + preset">{{
              'reports.period.presets.' + preset | transloco
            }}</mat-option>
          }
          <mat-option value="custom" data-testid="report-period-custom">{{ 'reports.period.presets.custom' | transloco }}</mat-option>
        </mat-select>
      </mat-form-field>
      @if (view().period === 'custom') {
        <mat-form-field class="period__field period__field--date" subscriptSizing="dynamic">
          <mat-label>{{ 'reports.period.from' | transloco }}</mat-label>
          <input
            matInput
            type="date"
            #from
            [value]="view().from ?? ''"
            (change)="chooseDates(from.value, to.value)"
            data-testid="report-from"
          />
        </mat-form-field>
        <mat-form-field class="period__field period__field--date" subscriptSizing="dynamic">
          <mat-label>{{ 'reports.period.to' | transloco }}</mat-label>
          <input matInput type="date" #to [value]="view().to ?? ''" (change)="chooseDates(from.value, to.value)" data-testid="report-to" />
        </mat-form-field>
      }
      <mat-form-field class="period__field" subscriptSizing="dynamic">
        <mat-label>{{ 'reports.groupBy.label' | transloco }}</mat-label>
        <mat-select [value]="view().groupBy" (selectionChange)="chooseGrouping($event.value)" data-testid="report-group-by">
          <mat-select-trigger>{{ 'reports.groupBy.' + view().groupBy | transloco }}</mat-select-trigger>
          @for (grouping of groupings; track grouping) {
            <mat-option [value]="grouping" [attr.data-testid]="'report-group-by-' + grouping">{{
              'reports.groupBy.' + grouping | transloco
            }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </form>
    @if (problem(); as problem) {
      <p class="period__problem" role="alert" data-testid="report-period-problem">{{ 'reports.period.problems.' + problem | transloco }}</p>
    }
  `,
  styles: `
    .period {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: flex-start;
    }
    .period__field {
      flex: 1 1 12rem;
      max-width: 18rem;
    }
    .period__problem {
      margin: 0.5rem 0 0;
      color: var(--mat-sys-error);
    }
    @media (max-width: 599px) {
      .period__field {
        max-width: none;
      }
    }
  `,
})
export class ReportPeriodFormComponent {
  readonly view = input.required<ReportView>();
  /** The dates now shown: a custom period starts from them. */
  readonly range = input.required<DateRange | null>();
  readonly problem = input<RangeProblem | null>(null);
  readonly changed = output<Partial<ReportView>>();

  protected readonly presets = REPORT_PRESETS;
  protected readonly groupings = REPORT_GROUPINGS;

  protected choosePeriod(period: ReportPeriodChoice): void {
    if (period !== 'custom') {
      this.changed.emit({ period, from: null, to: null, page: 1 });
      return;
    }
    const range = this.range();
    this.changed.emit({ period, from: range?.from ?? null, to: range?.to ?? null, page: 1 });
  }

  protected chooseDates(from: string, to: string): void {
    this.changed.emit({ period: 'custom', from: from || null, to: to || null, page: 1 });
  }

  protected chooseGrouping(groupBy: ReportGrouping): void {
    this.changed.emit({ groupBy });
  }
}
