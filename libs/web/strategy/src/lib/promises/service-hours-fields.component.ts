import { ChangeDetectionStrategy, Component, computed, effect, input, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ServiceHours } from '@kadens/shared/contracts';
import { isCivilDate, readWeeklyHours, type ServiceContext, type WeeklyHoursUnreadable } from '@kadens/shared/rules';
import { FieldErrorComponent } from '@kadens/web/ui';
import { map, startWith, switchMap } from 'rxjs';

import { ClosedPeriodsComponent } from './closed-periods.component';
import { LiveErrorState } from './live-error-state';
import type { PromisesForm } from './promises-form';
import { SERVICE_HOURS_PRESETS } from './service-hours-presets';
import { StaffedWeekComponent } from './staffed-week.component';
import { WeeklyHoursEditorComponent } from './weekly-hours-editor.component';
import { weeklyHoursSyncOf } from './weekly-hours-form';

type ServiceHoursGroup = PromisesForm['controls']['serviceHours'];

/** What the advanced mode says when the week cannot show the text (`strategy.promises.hours.unreadable.*`). */
const UNREADABLE_KEYS: Readonly<Record<Exclude<WeeklyHoursUnreadable, 'empty'>, string>> = {
  invalid: 'strategy.promises.hours.unreadable.invalid',
  past_midnight: 'strategy.promises.hours.unreadable.pastMidnight',
  beyond_weekly: 'strategy.promises.hours.unreadable.beyondWeekly',
};

/**
 * The service-hours part of a channel's promises: the week (days and time ranges, closed on public
 * holidays) or, in advanced mode, the opening_hours value itself, checked as it is typed with the
 * parser the API uses; either way previewed as the coming week; quick presets; the response promise;
 * and the closed periods. The response and the closures appear once there are hours to attach them to.
 * A value the week cannot show keeps the editor in advanced mode, saying why, so nothing is lost.
 */
@Component({
  selector: 'kd-service-hours-fields',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    FieldErrorComponent,
    ClosedPeriodsComponent,
    StaffedWeekComponent,
    WeeklyHoursEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './service-hours-fields.component.html',
  styleUrls: ['../shared/strategy-form.scss', './promises-part.scss', './service-hours-fields.component.scss'],
})
export class ServiceHoursFieldsComponent {
  readonly group = input.required<ServiceHoursGroup>();
  /** The organisation's zone and country; null until known, and the preview waits for it. */
  readonly clock = input.required<ServiceContext | null>();

  protected readonly presets = SERVICE_HOURS_PRESETS;
  protected readonly live = new LiveErrorState();
  protected readonly units = [
    { minutes: 1, key: 'strategy.promises.hours.minutes' },
    { minutes: 60, key: 'strategy.promises.hours.hours' },
  ] as const;

  /** The hours as written, once they can be evaluated: what the preview shows. */
  private readonly validHours = toSignal(
    toObservable(this.group).pipe(
      switchMap((group) =>
        group.events.pipe(
          startWith(null),
          map(() => validHoursOf(group)),
        ),
      ),
    ),
    { initialValue: null },
  );
  protected readonly preview = computed(() => {
    const hours = this.validHours();
    const clock = this.clock();
    return hours && clock ? { hours, clock } : null;
  });

  /** The opening_hours text as it stands. */
  private readonly text = toSignal(
    toObservable(this.group).pipe(
      switchMap((group) => group.controls.openingHours.valueChanges.pipe(startWith(group.controls.openingHours.value))),
    ),
    { initialValue: '' },
  );
  private readonly reading = computed(() => readWeeklyHours(this.text()));
  protected readonly weekCanShow = computed(() => {
    const reading = this.reading();
    return reading.ok || reading.reason === 'empty';
  });
  protected readonly unreadableKey = computed(() => {
    const reading = this.reading();
    return reading.ok || reading.reason === 'empty' ? null : UNREADABLE_KEYS[reading.reason];
  });
  /** What the week writes underneath, shown in weekly mode. */
  protected readonly writtenText = computed(() => this.text().trim());
  protected readonly advanced = signal(false);

  constructor() {
    // Hours the week cannot show (stored ones, or typed in advanced mode) keep the editor in advanced mode.
    effect(() => {
      if (!this.weekCanShow()) this.advanced.set(true);
    });
    // The week takes part (and can block saving) only while it is what is being edited.
    effect(() => {
      const weekly = !this.advanced() && this.weekCanShow();
      const group = this.group();
      untracked(() => {
        const week = group.controls.week;
        if (!weekly) {
          week.disable();
        } else {
          weeklyHoursSyncOf(group.controls.openingHours).readText();
          week.enable();
        }
      });
    });
  }

  protected setAdvanced(advanced: boolean): void {
    this.advanced.set(advanced || !this.weekCanShow());
  }

  protected usePreset(openingHours: string): void {
    const control = this.group().controls.openingHours;
    control.setValue(openingHours);
    control.markAsDirty();
  }
}

function validHoursOf(group: ServiceHoursGroup): ServiceHours | null {
  const { openingHours } = group.controls;
  if (openingHours.invalid || openingHours.value.trim() === '') return null;
  const closedPeriods = group.controls.closedPeriods
    .getRawValue()
    .filter((period) => isCivilDate(period.start) && isCivilDate(period.end) && period.start <= period.end);
  return { openingHours: openingHours.value.trim(), responseWindowMinutes: 0, closedPeriods };
}
