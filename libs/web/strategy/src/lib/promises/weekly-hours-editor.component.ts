import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormArray, type FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { ISO_WEEKDAYS, minuteOfClock, type WeeklyHoursProblem, type WeeklyTimeRange } from '@kadens/shared/rules';
import { map, startWith, switchMap } from 'rxjs';

import { injectActiveLanguage } from '../shared/active-language';
import { tidyClockInput } from './clock-input';
import { weekdayName } from './staffed-days';
import { rangeProblemOf, replaceDayRanges, type TimeRangeForm, timeRangeForm, type WeekForm } from './weekly-hours-form';

interface DayRow {
  weekday: number;
  /** "Monday", "Mandag": the day's name in the screen's language, as a heading. */
  name: string;
  /** "Monday", "mandag": the name inside a sentence. */
  inSentence: string;
  ranges: FormArray<TimeRangeForm>;
}

/** What a new range of a day starts as when nothing suggests better. */
const FIRST_RANGE: WeeklyTimeRange = { start: '09:00', end: '12:00' };
const WEEKDAYS_AFTER_MONDAY = [2, 3, 4, 5] as const;

/**
 * Service hours as a week: each day, Monday first, with its time ranges (from–to, 24-hour), buttons
 * to add and remove them, Monday's hours copied to the other weekdays in one go, and "closed on public
 * holidays". Edits the week of the promises form, which writes the opening_hours text underneath.
 */
@Component({
  selector: 'kd-weekly-hours-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './weekly-hours-editor.component.html',
  styleUrl: './weekly-hours-editor.component.scss',
  host: { 'data-testid': 'weekly-hours' },
})
export class WeeklyHoursEditorComponent {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly language = injectActiveLanguage();

  readonly week = input.required<WeekForm>();

  /** Follows the week's changes, whoever made them (the text read anew, a copy, a removal). */
  private readonly version = toSignal(
    toObservable(this.week).pipe(
      switchMap((week) =>
        week.events.pipe(
          startWith(null),
          map((_event, index) => index),
        ),
      ),
    ),
    { initialValue: 0 },
  );

  protected readonly days = computed<DayRow[]>(() => {
    this.version();
    const language = this.language();
    const days = this.week().controls.days.controls;
    return ISO_WEEKDAYS.map((weekday) => {
      const inSentence = weekdayName(weekday, language, 'long');
      const name = inSentence.charAt(0).toLocaleUpperCase(language) + inSentence.slice(1);
      return { weekday, name, inSentence, ranges: days[weekday - 1] as FormArray<TimeRangeForm> };
    });
  });

  /** "Tue–Fri" in the screen's language, for the copy button. */
  protected readonly otherWeekdays = computed(() => {
    const language = this.language();
    return `${weekdayName(2, language)}–${weekdayName(5, language)}`;
  });

  protected addRange(day: DayRow): void {
    const ranges = day.ranges.getRawValue();
    day.ranges.push(timeRangeForm(this.fb, this.suggestedRange(day.weekday, ranges)));
    const index = ranges.length;
    this.focusAfterRender(`[data-testid="weekly-from"][data-day="${day.weekday}"][data-index="${index}"]`);
  }

  protected removeRange(day: DayRow, index: number): void {
    day.ranges.removeAt(index);
    const left = day.ranges.length;
    this.focusAfterRender(
      left > 0
        ? `[data-testid="weekly-from"][data-day="${day.weekday}"][data-index="${Math.min(index, left - 1)}"]`
        : `[data-testid="weekly-add"][data-day="${day.weekday}"]`,
    );
  }

  /** Monday's ranges for Tuesday to Friday too. */
  protected copyMondayToWeekdays(): void {
    const days = this.week().controls.days.controls;
    const monday = days[0]?.getRawValue() ?? [];
    for (const weekday of WEEKDAYS_AFTER_MONDAY) {
      const day = days[weekday - 1];
      if (day) replaceDayRanges(this.fb, day, monday);
    }
    this.week().updateValueAndValidity();
  }

  /** "9" → "09:00", "930" → "09:30", once the field is left; anything else stays for its error to explain. */
  protected tidy(control: FormControl<string>): void {
    const tidy = tidyClockInput(control.value);
    if (tidy !== null && tidy !== control.value) control.setValue(tidy);
  }

  protected problemOf(control: FormControl<string>): { key: string; params: Record<string, string> } | null {
    const problem = rangeProblemOf(control);
    return problem ? problemMessage(problem) : null;
  }

  /** The day's next range: an hour after its last one, or the hours of the nearest day before with hours. */
  private suggestedRange(weekday: number, ranges: readonly WeeklyTimeRange[]): WeeklyTimeRange {
    const last = ranges[ranges.length - 1];
    if (last) {
      const end = minuteOfClock(last.end, 'end');
      if (end === null || end + 120 > 24 * 60) return { start: '', end: '' };
      return { start: clock(end + 60), end: clock(end + 120) };
    }
    const days = this.week().controls.days.controls;
    for (let earlier = weekday - 1; earlier >= 1; earlier--) {
      const first = days[earlier - 1]?.getRawValue()[0];
      if (first && minuteOfClock(first.start, 'start') !== null) return { ...first };
    }
    return { ...FIRST_RANGE };
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}

function problemMessage(problem: WeeklyHoursProblem): { key: string; params: Record<string, string> } {
  switch (problem.code) {
    case 'invalid_time':
      return {
        key: problem.field === 'start' ? 'strategy.promises.hours.week.errors.startTime' : 'strategy.promises.hours.week.errors.endTime',
        params: {},
      };
    case 'end_not_after_start':
      return { key: 'strategy.promises.hours.week.errors.endNotAfterStart', params: {} };
    case 'overlaps':
      return {
        key: 'strategy.promises.hours.week.errors.overlaps',
        params: { range: problem.other ? `${problem.other.start}–${problem.other.end}` : '' },
      };
  }
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
