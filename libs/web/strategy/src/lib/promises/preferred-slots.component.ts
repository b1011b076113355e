import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { TranslocoPipe } from '@jsverse/transloco';
import { formatClockTime, parsePreferredSlot } from '@kadens/shared/rules';
import { FieldErrorComponent } from '@kadens/web/ui';
import { startWith, switchMap } from 'rxjs';

import { injectActiveLanguage } from '../shared/active-language';
import { describeWeekdays, weekdayName } from './staffed-days';

/** The day codes a slot is written with (those of opening_hours), Monday first. */
const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
/** The example the hint reads out in the person's language. */
const EXAMPLE_SLOT = 'Tu,Th 09:30';

/** What a slot being typed means, or that it cannot be read. */
type SlotReading = { ok: true; days: string; times: string } | { ok: false };

/**
 * The times a channel prefers to post at, as chips. What is typed is read as it is typed ("Tu,Th 09:30"
 * → "Tue, Thu at 09:30"), with the same parser the rules use; Enter adds it once it reads.
 */
@Component({
  selector: 'kd-preferred-slots',
  imports: [ReactiveFormsModule, MatChipsModule, MatFormFieldModule, TranslocoPipe, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'strategy.promises.cadence.slots' | transloco }}</mat-label>
      <mat-chip-grid #grid [formControl]="control()" [attr.aria-label]="'strategy.promises.cadence.slots' | transloco">
        @for (slot of slots(); track slot) {
          <mat-chip-row (removed)="remove(slot)" data-testid="promises-slot">
            {{ slot }}
            <button matChipRemove type="button" [attr.aria-label]="'strategy.promises.cadence.removeSlot' | transloco: { slot }">×</button>
          </mat-chip-row>
        }
        <input
          [matChipInputFor]="grid"
          [matChipInputAddOnBlur]="true"
          [value]="draft()"
          (input)="draft.set(input.value)"
          (matChipInputTokenEnd)="add($event)"
          autocomplete="off"
          spellcheck="false"
          placeholder="Tu,Th 09:30"
          data-testid="promises-preferred-slots"
          #input
        />
      </mat-chip-grid>
      <mat-hint aria-live="polite" data-testid="promises-slot-reading">
        @let read = reading();
        @if (read === null) {
          {{
            'strategy.promises.cadence.slotsHint'
              | transloco: { example: 'strategy.promises.cadence.slotReading' | transloco: example(), weekdays: dayCodes() }
          }}
        } @else if (read.ok) {
          {{ 'strategy.promises.cadence.slotReading' | transloco: { days: read.days, times: read.times } }}
        } @else {
          <span class="slot-invalid">{{ 'strategy.promises.cadence.slotInvalid' | transloco: { weekdays: dayCodes() } }}</span>
        }
      </mat-hint>
      <mat-error><kd-field-error [control]="control()" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
    .slot-invalid {
      color: var(--mat-sys-error);
    }
  `,
})
export class PreferredSlotsComponent {
  private readonly language = injectActiveLanguage();

  readonly control = input.required<FormControl<string[]>>();

  protected readonly draft = signal('');
  protected readonly slots = toSignal(
    toObservable(this.control).pipe(switchMap((control) => control.valueChanges.pipe(startWith(control.value)))),
    { initialValue: [] as string[] },
  );
  protected readonly reading = computed(() => this.read(this.draft()));
  /** "Mo man., Tu tir., …": the codes a slot is typed with, each with its day's name in the person's language. */
  protected readonly dayCodes = computed(() => {
    const language = this.language();
    return DAY_CODES.map((code, index) => `${code} ${weekdayName(index + 1, language)}`).join(', ');
  });
  /** The example, read as the hint below the field reads any slot: "Tue, Thu at 09:30". */
  protected readonly example = computed(() => {
    const reading = this.read(EXAMPLE_SLOT);
    return reading?.ok ? { days: reading.days, times: reading.times } : { days: EXAMPLE_SLOT, times: '' };
  });

  protected add(event: MatChipInputEvent): void {
    const text = event.value.trim().replace(/\s+/g, ' ');
    if (text === '' || !this.read(text)?.ok) return;
    const control = this.control();
    if (!control.value.includes(text)) {
      control.setValue([...control.value, text]);
      control.markAsDirty();
    }
    event.chipInput.clear();
    this.draft.set('');
  }

  protected remove(slot: string): void {
    const control = this.control();
    control.setValue(control.value.filter((existing) => existing !== slot));
    control.markAsDirty();
  }

  private read(text: string): SlotReading | null {
    if (text.trim() === '') return null;
    try {
      const slots = parsePreferredSlot(text);
      const language = this.language();
      return {
        ok: true,
        days: describeWeekdays(slots[0]?.weekdays ?? [], language),
        times: slots.map((slot) => formatClockTime(slot.minuteOfDay)).join(', '),
      };
    } catch {
      return { ok: false };
    }
  }
}
