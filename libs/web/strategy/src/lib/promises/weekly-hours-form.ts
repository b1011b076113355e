import type { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  ValidatorFn,
} from '@angular/forms';
import {
  dayRangeProblems,
  ISO_WEEKDAYS,
  readWeeklyHours,
  type WeeklyHours,
  type WeeklyHoursProblem,
  type WeeklyTimeRange,
  weeklyHoursToOpeningHours,
} from '@kadens/shared/rules';

/**
 * The weekly editor's part of the promises form: seven days of time ranges and "closed on public
 * holidays". It is a view of the opening_hours text, which stays what is saved: the week is read from
 * the text whenever the text changes from elsewhere (the stored promises, a preset, the advanced
 * field), and a valid week writes the text as it is edited. A text the week cannot show leaves the
 * week alone; the editor then stays in advanced mode (see ServiceHoursFieldsComponent).
 */
export type TimeRangeForm = FormGroup<{ start: FormControl<string>; end: FormControl<string> }>;
export type WeekForm = FormGroup<{ days: FormArray<FormArray<TimeRangeForm>>; closedOnPublicHolidays: FormControl<boolean> }>;

/** The error a range's field carries: what `dayRangeProblems` says about it, for the editor to put in words. */
const WEEKLY_PROBLEM_KEY = 'weeklyHours';

export function buildWeekForm(fb: NonNullableFormBuilder): WeekForm {
  return fb.group({
    days: fb.array(ISO_WEEKDAYS.map(() => fb.array<TimeRangeForm>([]))),
    closedOnPublicHolidays: fb.control(true),
  });
}

export function timeRangeForm(fb: NonNullableFormBuilder, range: WeeklyTimeRange = { start: '', end: '' }): TimeRangeForm {
  return fb.group({ start: fb.control(range.start, rangeRule('start')), end: fb.control(range.end, rangeRule('end')) });
}

/** The week as the rules take it; days Monday first. */
function weeklyHoursOf(week: WeekForm): WeeklyHours {
  return {
    days: week.controls.days.controls.map((day, index) => ({ weekday: index + 1, intervals: day.getRawValue() })),
    closedOnPublicHolidays: week.controls.closedOnPublicHolidays.value,
  };
}

/** The text a week writes: nothing for a week without hours (the channel then promises no service hours). */
function openingHoursOfWeek(hours: WeeklyHours): string {
  return hours.days.every((day) => day.intervals.length === 0) ? '' : weeklyHoursToOpeningHours(hours);
}

/** Replaces the week's ranges and holiday choice. */
function setWeek(fb: NonNullableFormBuilder, week: WeekForm, hours: WeeklyHours): void {
  week.controls.days.controls.forEach((day, index) => {
    replaceDayRanges(fb, day, hours.days.find((candidate) => candidate.weekday === index + 1)?.intervals ?? []);
  });
  week.controls.closedOnPublicHolidays.setValue(hours.closedOnPublicHolidays, { emitEvent: false });
  week.updateValueAndValidity();
}

/** Replaces one day's ranges, checked against each other; the week hears of it with its next update. */
export function replaceDayRanges(fb: NonNullableFormBuilder, day: FormArray<TimeRangeForm>, ranges: readonly WeeklyTimeRange[]): void {
  day.clear({ emitEvent: false });
  for (const range of ranges) day.push(timeRangeForm(fb, range), { emitEvent: false });
  recheckDay(day);
}

const syncs = new WeakMap<AbstractControl, WeeklyHoursSync>();

/** The sync of a service-hours group's week and text (set up by `bindWeekToText`). */
export function weeklyHoursSyncOf(openingHours: AbstractControl): WeeklyHoursSync {
  const sync = syncs.get(openingHours);
  if (!sync) throw new Error('The week is not bound to these service hours');
  return sync;
}

class WeeklyHoursSync {
  private quiet = false;
  /** False while the text says what the week cannot: the week must not overwrite it then. */
  private inStep = true;

  constructor(
    private readonly fb: NonNullableFormBuilder,
    private readonly openingHours: FormControl<string>,
    private readonly week: WeekForm,
  ) {}

  /** Runs `change` (a fill of the whole form) without syncing either way, then reads the week from the text. */
  refill(change: () => void): void {
    this.quietly(change);
    this.readText();
  }

  /** Reads the week from the text, if the week can show it and does not already say it. */
  readText(): void {
    const text = this.openingHours.value;
    this.inStep = true;
    if (this.weekWrites() === text) return;
    const reading = readWeeklyHours(text);
    const hours = reading.ok
      ? reading.hours
      : reading.reason === 'empty'
        ? { days: [], closedOnPublicHolidays: this.week.controls.closedOnPublicHolidays.value }
        : null;
    if (hours) this.quietly(() => setWeek(this.fb, this.week, hours));
    else this.inStep = false;
  }

  /** Writes the text from a valid week being edited. */
  writeText(): void {
    if (this.quiet || !this.inStep || this.week.disabled || this.week.invalid) return;
    const text = this.weekWrites();
    if (text === null || text === this.openingHours.value) return;
    this.quietly(() => {
      this.openingHours.setValue(text);
      this.openingHours.markAsDirty();
    });
  }

  whenTextChanges(): void {
    if (!this.quiet) this.readText();
  }

  private weekWrites(): string | null {
    try {
      return openingHoursOfWeek(weeklyHoursOf(this.week));
    } catch {
      return null;
    }
  }

  private quietly(change: () => void): void {
    const before = this.quiet;
    this.quiet = true;
    try {
      change();
    } finally {
      this.quiet = before;
    }
  }
}

/** Keeps the week and the text in step from now on (see the file comment). */
export function bindWeekToText(
  fb: NonNullableFormBuilder,
  openingHours: FormControl<string>,
  week: WeekForm,
  destroyRef: DestroyRef,
): WeeklyHoursSync {
  const sync = new WeeklyHoursSync(fb, openingHours, week);
  syncs.set(openingHours, sync);
  openingHours.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => sync.whenTextChanges());
  // A range is judged with the other ranges of its day: re-check them all when one changes.
  for (const day of week.controls.days.controls) {
    day.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => recheckDay(day));
  }
  week.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => sync.writeText());
  return sync;
}

function recheckDay(day: FormArray<TimeRangeForm>): void {
  for (const range of day.controls) {
    range.controls.start.updateValueAndValidity({ onlySelf: true });
    range.controls.end.updateValueAndValidity({ onlySelf: true });
    range.updateValueAndValidity({ onlySelf: true, emitEvent: false });
  }
  day.updateValueAndValidity({ emitEvent: false });
}

/** The problem `dayRangeProblems` finds with this field of its range, among the ranges of its day. */
function rangeRule(field: 'start' | 'end'): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const range = control.parent;
    const day = range?.parent as FormArray<TimeRangeForm> | null | undefined;
    if (!range || !day) return null;
    const index = day.controls.indexOf(range as TimeRangeForm);
    const intervals = day.controls.map((candidate) =>
      candidate === range ? { ...candidate.getRawValue(), [field]: control.value } : candidate.getRawValue(),
    );
    const problem = dayRangeProblems(0, intervals).find((candidate) => candidate.index === index && candidate.field === field);
    return problem ? { [WEEKLY_PROBLEM_KEY]: problem } : null;
  };
}

/** The problem a range field carries, if any. */
export function rangeProblemOf(control: AbstractControl): WeeklyHoursProblem | null {
  return (control.errors?.[WEEKLY_PROBLEM_KEY] as WeeklyHoursProblem | undefined) ?? null;
}
