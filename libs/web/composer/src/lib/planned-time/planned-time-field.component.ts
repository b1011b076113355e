import { ChangeDetectionStrategy, Component, computed, forwardRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  type ControlValueAccessor,
  FormControl,
  NG_VALIDATORS,
  NG_VALUE_ACCESSOR,
  ReactiveFormsModule,
  type ValidationErrors,
  type Validator,
} from '@angular/forms';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { TRANSLATED_ERROR_KEY } from '@kadens/web/ui';

import { dateLocaleOf, WALL_CLOCK_DATE_FORMATS, WallClockDateAdapter } from './wall-clock-date-adapter';
import { normalizeClockTime, readWallClock } from './wall-clock-reading';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/;

/**
 * The planned time as a date picker in the person's locale and a 24-hour time field, for a form
 * control holding a wall clock (`YYYY-MM-DDTHH:mm`) in the organisation's zone, '' for "no time yet".
 * Not the browser's own date-time control, which follows the browser's language, not Kadens'.
 * 24 hours in English too: Kadens writes English the British way (en-GB), where timetables use it, and
 * a Nordic organisation's times then read the same in every language.
 */
@Component({
  selector: 'kd-planned-time-field',
  imports: [ReactiveFormsModule, MatDatepickerModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  providers: [
    { provide: DateAdapter, useClass: WallClockDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: WALL_CLOCK_DATE_FORMATS },
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => PlannedTimeFieldComponent), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => PlannedTimeFieldComponent), multi: true },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-wall-clock]': 'wallClock()' },
  template: `
    <div class="fields" role="group" [attr.aria-label]="'planning.composer.plannedAt' | transloco">
      <mat-form-field class="date">
        <mat-label>{{ 'planning.composer.plannedDate' | transloco }}</mat-label>
        <input
          matInput
          [matDatepicker]="picker"
          [formControl]="date"
          (blur)="touched()"
          autocomplete="off"
          [placeholder]="'planning.composer.plannedDatePlaceholder' | transloco"
          data-testid="composer-planned-date"
        />
        <mat-datepicker-toggle matIconSuffix [for]="picker" [attr.aria-label]="'planning.composer.openCalendar' | transloco" />
        <mat-datepicker #picker (closed)="touched()" />
        <mat-error>{{ dateErrorKey() | transloco }}</mat-error>
      </mat-form-field>
      <mat-form-field class="time">
        <mat-label>{{ 'planning.composer.plannedTime' | transloco }}</mat-label>
        <input
          matInput
          [formControl]="time"
          (blur)="tidyTime()"
          inputmode="numeric"
          autocomplete="off"
          maxlength="5"
          [placeholder]="'planning.composer.plannedTimePlaceholder' | transloco"
          data-testid="composer-planned-time"
        />
        <mat-error>{{ timeErrorKey() | transloco }}</mat-error>
      </mat-form-field>
    </div>
    <p class="hint">{{ 'planning.composer.plannedAtHint' | transloco: { timeZone: timeZone() } }}</p>
    <p class="dst" aria-live="polite" data-testid="composer-planned-dst">
      @if (reading(); as reading) {
        @if (reading.kind === 'skipped') {
          {{ 'planning.composer.plannedTimeSkipped' | transloco: { time: reading.time, movedTo: reading.movedTo, timeZone: timeZone() } }}
        } @else if (reading.kind === 'repeated') {
          {{ 'planning.composer.plannedTimeRepeated' | transloco: { time: reading.time, offset: reading.offset, timeZone: timeZone() } }}
        }
      }
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
    }
    .date {
      flex: 1 1 11rem;
    }
    .time {
      flex: 0 1 8rem;
    }
    .hint,
    .dst {
      margin: -0.75rem 0 0.5rem;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .dst:empty {
      display: none;
    }
    .dst {
      margin-top: 0;
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class PlannedTimeFieldComponent implements ControlValueAccessor, Validator {
  /** The organisation's IANA zone, in which the wall clock is meant. */
  readonly timeZone = input.required<string>();

  private readonly adapter = inject<DateAdapter<Date>>(DateAdapter);

  protected readonly date = new FormControl<Date | null>(null, { validators: (control) => this.dateMissing(control) });
  protected readonly time = new FormControl('', { nonNullable: true, validators: (control) => this.timeProblem(control) });
  protected readonly wallClock = signal('');
  protected readonly reading = computed(() => readWallClock(this.wallClock(), this.timeZone()));
  private readonly status = toSignal(this.date.statusChanges, { initialValue: this.date.status });
  private readonly timeStatus = toSignal(this.time.statusChanges, { initialValue: this.time.status });
  protected readonly dateErrorKey = computed(() => {
    this.status();
    return this.date.hasError('matDatepickerParse') ? 'planning.composer.plannedDateInvalid' : 'planning.composer.plannedDateMissing';
  });
  protected readonly timeErrorKey = computed(() => {
    this.timeStatus();
    return this.time.hasError('missing') ? 'planning.composer.plannedTimeMissing' : 'planning.composer.plannedTimeInvalid';
  });

  private changed: (wallClock: string) => void = () => undefined;
  private markTouched: () => void = () => undefined;

  constructor() {
    inject(TranslocoService)
      .langChanges$.pipe(takeUntilDestroyed())
      .subscribe((language) => this.adapter.setLocale(dateLocaleOf(language)));
    this.date.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.time.updateValueAndValidity({ emitEvent: false });
      this.emit();
    });
    this.time.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.date.updateValueAndValidity({ emitEvent: false });
      this.emit();
    });
  }

  writeValue(value: string | null): void {
    const match = WALL_CLOCK.exec(value ?? '');
    const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
    this.date.setValue(date, { emitEvent: false });
    this.time.setValue(match?.[4] ?? '', { emitEvent: false });
    this.date.updateValueAndValidity({ emitEvent: false });
    this.time.updateValueAndValidity({ emitEvent: false });
    this.wallClock.set(match ? (value ?? '') : '');
  }

  registerOnChange(changed: (wallClock: string) => void): void {
    this.changed = changed;
  }

  registerOnTouched(touched: () => void): void {
    this.markTouched = touched;
  }

  setDisabledState(disabled: boolean): void {
    for (const control of [this.date, this.time]) {
      if (disabled) control.disable({ emitEvent: false });
      else control.enable({ emitEvent: false });
    }
  }

  /** Only half a time, or one that cannot be read, keeps the post from being saved as an idea by mistake. */
  validate(): ValidationErrors | null {
    if (this.date.disabled) return null;
    return this.date.invalid || this.time.invalid ? { [TRANSLATED_ERROR_KEY]: 'planning.composer.plannedTimeIncomplete' } : null;
  }

  protected touched(): void {
    this.markTouched();
  }

  /** `9` becomes `09:00` once the person leaves the field. */
  protected tidyTime(): void {
    const tidy = normalizeClockTime(this.time.value);
    if (tidy && tidy !== this.time.value) this.time.setValue(tidy);
    this.time.markAsTouched();
    this.markTouched();
  }

  private emit(): void {
    const date = this.date.value;
    const time = normalizeClockTime(this.time.value);
    const complete = date && this.adapter.isValid(date) && time;
    const wallClock = complete
      ? `${this.adapter.getYear(date)}-${twoDigits(this.adapter.getMonth(date) + 1)}-${twoDigits(this.adapter.getDate(date))}T${time}`
      : '';
    this.wallClock.set(wallClock);
    this.changed(wallClock);
  }

  private dateMissing(control: AbstractControl<Date | null>): ValidationErrors | null {
    return !control.value && this.time?.value.trim() ? { missing: true } : null;
  }

  private timeProblem(control: AbstractControl<string>): ValidationErrors | null {
    const time = normalizeClockTime(control.value);
    if (time === null) return { clockTime: true };
    return time === '' && this.date?.value ? { missing: true } : null;
  }
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}
