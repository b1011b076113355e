import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, output, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type MatSelect, MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { INITIATIVE_STATUSES, type InitiativeStatus, type InitiativeView } from '@kadens/shared/contracts';
import { FieldErrorComponent, ProblemNotifier } from '@kadens/web/ui';

import { showSaveFailure } from '../shared/save-failure';
import { numberInRange } from '../shared/strategy-validators';
import { StrategyStore } from '../state/strategy.store';

/** Writes an initiative as its sentence, field by field; says `done` when saved or cancelled. */
@Component({
  selector: 'kd-initiative-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './initiative-form.component.html',
  styleUrl: '../shared/strategy-form.scss',
})
export class InitiativeFormComponent implements OnInit {
  private readonly notifier = inject(ProblemNotifier);
  private readonly channelSelect = viewChild.required<MatSelect>('channelSelect');
  protected readonly store = inject(StrategyStore);

  readonly initiative = input<InitiativeView | null>(null);
  readonly done = output<void>();

  protected readonly statuses = INITIATIVE_STATUSES;
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    channelIds: [[] as string[], [Validators.required]],
    what: ['', [Validators.required, Validators.maxLength(500)]],
    outcome: ['', [Validators.required, Validators.maxLength(500)]],
    audienceIds: [[] as string[], [Validators.required]],
    hoursPerWeek: [null as number | null, [Validators.required, numberInRange(0, 168, 1, 'strategy.validation.hours')]],
    core: [false],
    status: ['idea' as InitiativeStatus, [Validators.required]],
  });

  /** Current audiences, plus any archived one this initiative is already for, so saving does not drop it. */
  protected readonly audienceOptions = computed(() => {
    const chosen = new Set(this.initiative()?.audienceIds ?? []);
    return this.store.audiences().filter((audience) => !audience.archived || chosen.has(audience.id));
  });

  constructor() {
    afterNextRender(() => this.channelSelect().focus());
  }

  ngOnInit(): void {
    const initiative = this.initiative();
    if (!initiative) return;
    const { channelIds, what, outcome, audienceIds, hoursPerWeek, core, status } = initiative;
    this.form.reset({ channelIds, what, outcome, audienceIds, hoursPerWeek, core, status });
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { hoursPerWeek, ...fields } = this.form.getRawValue();
    this.saving.set(true);
    try {
      await this.store.saveInitiative(this.initiative()?.id ?? null, { ...fields, hoursPerWeek: hoursPerWeek ?? 0 });
      this.notifier.announce('strategy.initiatives.saved');
      this.done.emit();
    } catch (error) {
      showSaveFailure(this.form, error, this.notifier);
    } finally {
      this.saving.set(false);
    }
  }
}
