import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ServiceHours } from '@kadens/shared/contracts';
import { closesOnPublicHolidays, type ServiceContext } from '@kadens/shared/rules';

import { injectActiveLanguage } from '../shared/active-language';
import { CURRENT_TIME } from './current-time';
import { comingWeek, formatDayMinutes, type StaffedDay } from './staffed-days';

/** The coming seven days as the service hours staff them, in the organisation's zone, with the reason a day is closed. */
@Component({
  selector: 'kd-staffed-week',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h4 class="week__title">{{ 'strategy.promises.hours.preview' | transloco: { zone: clock().timeZone } }}</h4>
    <ul class="week__days">
      @for (day of days(); track day.date) {
        <li class="week__day" [class.week__day--closed]="day.minutes.length === 0" data-testid="promises-preview-day">
          <span class="week__date">{{ dateLabel(day) }}</span>
          <span class="week__hours">{{ day.minutes.length ? hoursLabel(day) : ('strategy.promises.hours.closed' | transloco) }}</span>
          @if (day.holiday) {
            <span class="week__why">{{ day.holiday }}</span>
          } @else if (day.closedPeriod) {
            <span class="week__why">{{ day.closedPeriod.reason || ('strategy.promises.hours.closedPeriod' | transloco) }}</span>
          }
        </li>
      }
    </ul>
    @if (closesOnHolidays()) {
      <p class="week__note" data-testid="promises-preview-holidays">{{ 'strategy.promises.hours.closedOnHolidays' | transloco }}</p>
    }
  `,
  styleUrl: './staffed-week.component.scss',
  host: { 'aria-live': 'polite', 'data-testid': 'promises-preview' },
})
export class StaffedWeekComponent {
  private readonly now = inject(CURRENT_TIME);
  private readonly language = injectActiveLanguage();

  /** Valid service hours (the editor leaves invalid ones out). */
  readonly hours = input.required<ServiceHours>();
  readonly clock = input.required<ServiceContext>();

  protected readonly days = computed(() => comingWeek(this.hours(), this.clock(), this.now()));
  protected readonly closesOnHolidays = computed(() => closesOnPublicHolidays(this.hours().openingHours));
  private readonly dateFormat = computed(
    () => new Intl.DateTimeFormat(this.language(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  );

  protected dateLabel(day: StaffedDay): string {
    const [year = 0, month = 1, date = 1] = day.date.split('-').map(Number);
    return this.dateFormat().format(Date.UTC(year, month - 1, date));
  }

  protected hoursLabel(day: StaffedDay): string {
    return formatDayMinutes(day.minutes);
  }
}
