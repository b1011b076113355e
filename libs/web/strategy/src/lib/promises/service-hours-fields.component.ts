import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ServiceHours } from '@kadens/shared/contracts';
import { isCivilDate, type ServiceContext } from '@kadens/shared/rules';
import { FieldErrorComponent } from '@kadens/web/ui';
import { map, startWith, switchMap } from 'rxjs';

import { ClosedPeriodsComponent } from './closed-periods.component';
import { LiveErrorState } from './live-error-state';
import type { PromisesForm } from './promises-form';
import { SERVICE_HOURS_PRESETS } from './service-hours-presets';
import { StaffedWeekComponent } from './staffed-week.component';

type ServiceHoursGroup = PromisesForm['controls']['serviceHours'];

/**
 * The service-hours part of a channel's promises: the opening_hours value, checked as it is typed with
 * the parser the API uses and previewed as the coming week; quick presets; the response promise; and
 * the closed periods. The response and the closures appear once there are hours to attach them to.
 */
@Component({
  selector: 'kd-service-hours-fields',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorComponent,
    ClosedPeriodsComponent,
    StaffedWeekComponent,
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
